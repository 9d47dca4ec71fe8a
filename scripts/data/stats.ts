/**
 * The plan's structure in figures (data/stats.json; contract: src/contracts/stats.ts): a row
 * for the city, 岭西, 岭上, the core, each pole and each unit. Aggregate figures are sums
 * of the units' own, and say so; a sum with a member missing is not given. Places are counted
 * where they lie (point in unit polygon; the build has already put every point inside its
 * unit), stations once per name.
 */
import type { DataLayerName } from '../../src/contracts/layers.ts';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Point, Polygon } from 'geojson';
import { RAIL_STATUSES, UNITS, unitId, type RailStatus, type Text } from '../../src/contracts/vocab.ts';
import type { StatsFile, StatsRow } from '../../src/contracts/stats.ts';
import type { RecordFeature } from './lib/types.ts';

type Poly = RecordFeature<Polygon | MultiPolygon>;

const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Each unit's own figures and counts. */
function unitRows(units: Poly[], layer: (name: DataLayerName) => RecordFeature[]): Map<string, StatsRow> {
  const inUnit = (f: RecordFeature) =>
    units.find((u) => booleanPointInPolygon((f as RecordFeature<Point>).geometry.coordinates, u))?.properties.id;
  const tally = new Map<
    string,
    { seats: number; stations: Map<string, RailStatus>; heritage: number; ports: number; airports: number }
  >(units.map((u) => [u.properties.id, { seats: 0, stations: new Map(), heritage: 0, ports: 0, airports: 0 }]));
  const at = (f: RecordFeature) => tally.get(inUnit(f) ?? '');
  for (const f of layer('structure_points'))
    if (f.properties.kind === 'seat') {
      const t = at(f);
      if (t) t.seats++;
    }
  for (const f of layer('heritage')) {
    const t = at(f);
    if (t) t.heritage++;
  }
  for (const f of layer('ports')) {
    const t = at(f);
    if (!t || f.properties.outside_city) continue;
    if (f.properties.kind === 'land_port') t.ports++;
    else if (f.properties.kind === 'airport') t.airports++;
  }
  for (const f of layer('rail_stations')) {
    const t = at(f);
    const status = f.properties.status as RailStatus;
    const name = str(f.properties.name_zh);
    // One station on two lines is one station, counted at its most built status.
    const had = t?.stations.get(name);
    if (t && (!had || RAIL_STATUSES.indexOf(status) < RAIL_STATUSES.indexOf(had))) t.stations.set(name, status);
  }
  const rows = new Map<string, StatsRow>();
  for (const u of units) {
    const p = u.properties;
    const t = tally.get(p.id);
    if (!t) continue;
    const stations = Object.fromEntries(
      RAIL_STATUSES.map((s) => [s, [...t.stations.values()].filter((x) => x === s).length]),
    ) as StatsRow['stations'];
    const official = typeof p.area_official_km2 === 'number' ? p.area_official_km2 : null;
    const pop = typeof p.pop_2020 === 'number' ? p.pop_2020 : null;
    rows.set(p.id, {
      id: p.id,
      kind: 'unit',
      name: { zh: str(p.name_zh), en: str(p.name_en) },
      member_ids: [p.id],
      area_official_km2: official,
      area_official_basis: official === null ? 'missing' : 'source',
      area_official_sources: official === null ? [] : [str(p.area_official_source)],
      area_drawn_km2: round(Number(p.area_drawn_km2), 1),
      pop_2020: pop,
      pop_basis: pop === null ? 'missing' : 'source',
      pop_sources: pop === null ? [] : [str(p.pop_source)],
      seats: t.seats,
      stations,
      heritage: t.heritage,
      ports: t.ports,
      airports: t.airports,
    });
  }
  return rows;
}

/** A row made of member units: sums, with the basis of each figure. */
function aggregate(id: string, kind: StatsRow['kind'], name: Text, members: StatsRow[], note?: Text): StatsRow {
  const sum = (pick: (r: StatsRow) => number | null) => {
    const vals = members.map(pick);
    return vals.every((x) => x !== null)
      ? { value: vals.reduce<number>((s, x) => s + (x ?? 0), 0), basis: 'sum' as const }
      : { value: null, basis: vals.some((x) => x !== null) ? ('partial' as const) : ('missing' as const) };
  };
  const area = sum((r) => r.area_official_km2);
  const pop = sum((r) => r.pop_2020);
  const add = (pick: (r: StatsRow) => number) => members.reduce((s, r) => s + pick(r), 0);
  return {
    id,
    kind,
    name,
    member_ids: members.map((r) => r.id),
    area_official_km2: area.value === null ? null : round(area.value, 2),
    area_official_basis: area.basis,
    area_official_sources: [...new Set(members.flatMap((r) => r.area_official_sources))],
    area_drawn_km2: round(
      add((r) => r.area_drawn_km2),
      1,
    ),
    pop_2020: pop.value,
    pop_basis: pop.basis,
    pop_sources: [...new Set(members.flatMap((r) => r.pop_sources))],
    seats: add((r) => r.seats),
    stations: Object.fromEntries(RAIL_STATUSES.map((s) => [s, add((r) => r.stations[s])])) as StatsRow['stations'],
    heritage: add((r) => r.heritage),
    ports: add((r) => r.ports),
    airports: add((r) => r.airports),
    ...(note ? { note } : {}),
  };
}

export function buildStats(layer: (name: DataLayerName) => RecordFeature[]): StatsFile {
  const units = layer('units') as Poly[];
  const rows = unitRows(units, layer);
  const ordered = UNITS.map((u) => rows.get(unitId(u.code))).filter((r): r is StatsRow => !!r);
  const membersOf = (ids: string) =>
    ids
      .split(',')
      .map((id) => rows.get(id))
      .filter((r): r is StatsRow => !!r);
  const out: StatsRow[] = [aggregate('city', 'city', { zh: '呼伦贝尔市', en: 'Hulunbuir City' }, ordered)];
  for (const z of layer('zones')) {
    if (z.properties.id === 'zone-rest') continue; // not a zone of the plan
    out.push(
      aggregate(
        z.properties.id,
        'zone',
        { zh: str(z.properties.name_zh), en: str(z.properties.name_en) },
        membersOf(str(z.properties.member_ids)),
        z.properties.id === 'zone-lingxi'
          ? {
              zh: '含鄂温克族自治旗全旗（其旗府属一核），故与一核重叠。',
              en: 'Counts all of the Evenk Banner (whose seat is in the core), so it overlaps the core.',
            }
          : undefined,
      ),
    );
  }
  for (const s of layer('structure_areas')) {
    out.push(
      aggregate(
        s.properties.id,
        'structure',
        { zh: str(s.properties.name_zh), en: str(s.properties.name_en) },
        membersOf(str(s.properties.member_ids)),
        s.properties.id === 'structure-core'
          ? {
              zh: '含鄂温克族自治旗全旗：数据无镇界，无法只计其旗府巴彦托海镇。',
              en: 'Counts all of the Evenk Banner: without town boundaries its seat (Bayan Tohoi) cannot be counted alone.',
            }
          : undefined,
      ),
    );
  }
  out.push(...ordered);
  return {
    rows: out,
    notes: [
      {
        zh: '合计行为成员单位之和；任一成员缺数时不给合计。',
        en: 'Aggregate rows are sums of their member units; where a member has no figure, no sum is given.',
      },
      {
        zh: '地点按其所在单位计数（点在面内）；同名车站只计一次；口岸不含机场，机场单列；市外的地点不计。',
        en: 'Places are counted in the unit they lie in (point in polygon); a station on two lines counts once; ports exclude airports, which are counted apart; places outside the city are not counted.',
      },
      {
        zh: '绘制面积按 WGS84 椭球计算；官方面积及人口（2020年第七次人口普查）的来源见各单位。',
        en: 'Drawn areas are on the WGS84 ellipsoid; the sources of official areas and populations (2020 census) are given per unit.',
      },
    ],
  };
}
