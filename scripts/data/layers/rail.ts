/** Layers `rail_lines` and `rail_stations`: made together from reference/rail.csv. */
import type { LineString, MultiPoint, Point, Position } from 'geojson';
import type { RailStatus } from '../../../src/contracts/vocab.ts';
import { parseCsv } from '../lib/csv.ts';
import type { PlanRef, RecordFeature } from '../lib/types.ts';
import { REFS } from '../plan-refs.ts';
import { type Builder, type Inputs, conf, feature, num, roundPos } from './common.ts';

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
  {
    id: 'rail-binzhou',
    match: '滨洲铁路',
    name_zh: '滨洲铁路',
    name_en: 'Binzhou Railway (Harbin–Manzhouli)',
    status: 'existing',
  },
  {
    id: 'rail-yalin',
    match: '牙林铁路',
    name_zh: '牙林铁路',
    name_en: 'Yalin Railway (Yakeshi–Mangui)',
    status: 'existing',
  },
  {
    id: 'rail-hailar-labudalin',
    match: '海拉尔–拉布大林铁路',
    name_zh: '海拉尔—拉布大林铁路',
    name_en: 'Hailar–Labudalin Railway',
    status: 'existing',
  },
  {
    id: 'rail-ulanhot-arxan-hailar',
    match: '乌兰浩特–阿尔山–伊尔施–伊敏–海拉尔',
    name_zh: '乌兰浩特—阿尔山—海拉尔铁路（升级改造）',
    name_en: 'Ulanhot–Arxan–Hailar Railway (upgrade)',
    status: 'upgrade',
    plan_ref: [REFS.railUpgrade],
    note: '既有线（白阿线、两伊铁路、伊敏支线），方案要求升级改造；进展未核实。 / Existing line; the plan calls for an upgrade (status unverified).',
  },
  {
    id: 'rail-yiershi-manzhouli',
    match: '伊尔施–满洲里铁路',
    name_zh: '伊尔施至满洲里铁路（规划）',
    name_en: "Yi'ershi–Manzhouli Railway (planned)",
    status: 'planned',
    plan_ref: [REFS.railYiMan],
    alignmentUnknown: true,
    // reference/rail_status.md: 呼伦贝尔日报 2012-10-24 (reprint): phase 1 满洲里—西乌胡里图, 84 km, began 2012-05; the rest planned; route not published.
    note: '走向未知，图上只标起讫点。一期满洲里—西乌胡里图（84公里）2012年5月开工（呼伦贝尔日报2012-10-24），完工未证实；其余路段仍为规划。 / Alignment unknown: only the two ends are shown. Phase 1, Manzhouli–Xi Wuhulitu (84 km), began in May 2012 (Hulunbuir Daily, 2012-10-24); completion unconfirmed; the rest is planned.',
  },
  {
    id: 'rail-qihaiman-hsr',
    match: '齐海满高铁',
    name_zh: '“齐海满”高速铁路（规划）',
    name_en: 'Qiqihar–Hailar–Manzhouli high-speed railway (planned)',
    status: 'planned',
    plan_ref: [REFS.railQihaiman],
    note: '车站据2015年报道，位置为估计；截至2025年底未开工。 / Stations per a 2015 report, positions estimated; not under construction as of late 2025.',
  },
];

const RAIL_SOURCE =
  'reference/rail.csv (station order and positions with per-station sources); line drawn straight between stations';

function buildRail(inp: Inputs): { lines: RecordFeature<LineString | MultiPoint>[]; stations: RecordFeature<Point>[] } {
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
      const ends = stops.map((s) =>
        roundPos([num(s.lon, `reference/rail.csv ${def.id}`), num(s.lat, `reference/rail.csv ${def.id}`)]),
      );
      lines.push(
        feature(
          { type: 'MultiPoint', coordinates: ends },
          {
            id: def.id,
            line_id: def.id,
            name_zh: def.name_zh,
            name_en: def.name_en,
            status: def.status,
            alignment: 'unknown',
            source: `${RAIL_SOURCE.replace('; line drawn straight between stations', '')}; reference/rail_status.md (route unknown: ends only)`,
            confidence: 'low',
            approximate: true,
            note: def.note ?? null,
            ...(def.plan_ref ? { plan_ref: def.plan_ref } : {}),
          },
        ),
      );
    }
    // Segments to a station whose own status is "uncertain" form a separate, uncertain piece.
    const pieces: { status: RailStatus; coords: Position[] }[] = [];
    for (let i = 1; i < (def.alignmentUnknown ? 0 : stops.length); i++) {
      const status: RailStatus = stops[i].status === 'uncertain' ? 'uncertain' : def.status;
      const a = roundPos([
        num(stops[i - 1].lon, `reference/rail.csv ${def.id}`),
        num(stops[i - 1].lat, `reference/rail.csv ${def.id}`),
      ]);
      const b = roundPos([
        num(stops[i].lon, `reference/rail.csv ${def.id}`),
        num(stops[i].lat, `reference/rail.csv ${def.id}`),
      ]);
      const last = pieces[pieces.length - 1];
      if (last && last.status === status) last.coords.push(b);
      else pieces.push({ status, coords: [a, b] });
    }
    pieces.forEach((piece, i) => {
      lines.push(
        feature(
          { type: 'LineString', coordinates: piece.coords },
          {
            id: pieces.length === 1 ? def.id : `${def.id}-${i + 1}`,
            line_id: def.id,
            name_zh: def.name_zh,
            name_en: def.name_en,
            status: piece.status,
            schematic: true,
            source: RAIL_SOURCE,
            confidence: def.status === 'existing' ? 'medium' : 'low',
            note: piece.status === 'uncertain' ? '延伸段状态未核实 / extension status unverified' : (def.note ?? null),
            ...(def.plan_ref ? { plan_ref: def.plan_ref } : {}),
          },
        ),
      );
    });
    for (const s of stops) {
      const pos = roundPos([
        num(s.lon, `reference/rail.csv ${s.name_zh}`),
        num(s.lat, `reference/rail.csv ${s.name_zh}`),
      ]);
      const key = `${s.name_zh}@${pos.join(',')}`;
      const existing = stations.get(key);
      if (existing) {
        existing.properties.lines = `${existing.properties.lines},${def.id}`;
        continue;
      }
      const waypoint = s.name_zh.startsWith('(');
      stations.set(
        key,
        feature(
          { type: 'Point', coordinates: pos },
          {
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
          },
        ),
      );
    }
  }
  return { lines, stations: [...stations.values()] };
}

/** Layer `rail_lines`: lines drawn straight between their stations (schematic), or the ends only. */
export const railLines: Builder = (ctx) => ctx.once('rail', () => buildRail(ctx.inp)).lines;
/** Layer `rail_stations`. */
export const railStations: Builder = (ctx) => ctx.once('rail', () => buildRail(ctx.inp)).stations;
