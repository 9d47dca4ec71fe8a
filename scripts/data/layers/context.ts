/**
 * The context layers `borders`, `rivers`, `lakes` and `context_labels`: GSHHG with names from
 * reference/water.csv; along the city the national border is the city outline (../border.ts).
 */
import type { Feature, FeatureCollection, LineString, Point, Polygon, Position } from 'geojson';
import * as turf from '@turf/turf';
import polylabel from 'polylabel';
import { parseCsv } from '../lib/csv.ts';
import type { RecordFeature } from '../lib/types.ts';
import { borderRun, END_KM, GAP_KM, gshhgBeyond, NEAR_KM, outerRing, readCheckPoints } from '../border.ts';
import { type Builder, type Inputs, type Poly, conf, feature, km2, num, roundPos } from './common.ts';
import { BOUNDARY_SOURCE } from './units.ts';

const COUNTRY_LABELS = [
  { id: 'label-russia', name_zh: '俄罗斯', name_en: 'Russia', kind: 'country', at: [117.2, 51.2] },
  { id: 'label-mongolia', name_zh: '蒙古国', name_en: 'Mongolia', kind: 'country', at: [116.4, 47.2] },
  { id: 'label-heilongjiang', name_zh: '黑龙江省', name_en: 'Heilongjiang', kind: 'province', at: [125.6, 49.9] },
  { id: 'label-hinggan', name_zh: '兴安盟', name_en: 'Hinggan League', kind: 'league', at: [121.2, 46.7] },
];

function buildContext(inp: Inputs): {
  gshhgBorders: FeatureCollection<LineString, { source: string }>;
  rivers: RecordFeature<LineString>[];
  lakes: RecordFeature<Polygon>[];
  labels: RecordFeature<Point>[];
} {
  type Raw<G extends LineString | Polygon> = FeatureCollection<G, { gshhg_level: number; source: string }>;
  const rawBorders = JSON.parse(inp.read('gshhg/borders.geojson')) as Raw<LineString>;
  const rawRivers = JSON.parse(inp.read('gshhg/rivers.geojson')) as Raw<LineString>;
  const rawLakes = JSON.parse(inp.read('gshhg/lakes.geojson')) as Raw<Polygon>;
  const water = parseCsv(inp.read('reference/water.csv'), 'reference/water.csv');

  const RIVER_LEVEL: Record<number, string> = { 1: '主要河流', 2: '较大河流', 3: '河流', 4: '小河' };
  const rivers = rawRivers.features.map((f, i) =>
    feature(f.geometry, {
      id: `river-${i + 1}`,
      name_zh: RIVER_LEVEL[f.properties.gshhg_level] ?? '河流',
      name_en: 'River',
      kind: 'river',
      level: f.properties.gshhg_level,
      source: f.properties.source,
      confidence: 'high',
    }),
  );
  const lakeNames = water.filter((w) => w.kind === 'lake');
  const lakes = rawLakes.features.map((f, i) => {
    const ring = (turf.rewind(turf.feature(f.geometry)) as Feature<Polygon>).geometry;
    const named = lakeNames.find((w) =>
      turf.booleanPointInPolygon([num(w.lon, w.name_zh), num(w.lat, w.name_zh)], ring),
    );
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
  const labels: RecordFeature<Point>[] = COUNTRY_LABELS.map((l) =>
    feature(
      { type: 'Point', coordinates: l.at },
      {
        id: l.id,
        name_zh: l.name_zh,
        name_en: l.name_en,
        kind: l.kind,
        source: 'label anchor placed by us on the correct side of the national border (cartographic, not a place)',
        confidence: 'high',
        approximate: true,
      },
    ),
  );
  for (const w of water.filter((r) => r.kind === 'river')) {
    labels.push(
      feature(
        { type: 'Point', coordinates: roundPos([num(w.lon, w.name_zh), num(w.lat, w.name_zh)]) },
        {
          id: `label-river-${labels.length}`,
          name_zh: w.name_zh,
          name_en: w.name_en,
          kind: 'river',
          source: `reference/water.csv: ${w.source}`,
          confidence: conf(w.confidence, w.name_zh),
          approximate: true,
          note: w.note || null,
        },
      ),
    );
  }
  // One label point per named lake: a polygon label would repeat in every tile the lake crosses.
  for (const l of lakes.filter((x) => x.properties.named)) {
    const at = polylabel(l.geometry.coordinates, 0.005);
    labels.push(
      feature(
        { type: 'Point', coordinates: roundPos([at[0], at[1]]) },
        {
          id: `label-${l.properties.id}`,
          name_zh: l.properties.name_zh,
          name_en: l.properties.name_en,
          kind: 'lake',
          source: `label anchor: pole of inaccessibility (polylabel) of ${l.properties.id}; name: ${l.properties.source}`,
          confidence: l.properties.confidence,
          approximate: true,
        },
      ),
    );
  }
  return { gshhgBorders: rawBorders, rivers, lakes, labels };
}

const context = (ctx: Parameters<Builder>[0]) => ctx.once('context', () => buildContext(ctx.inp));

/** The file of published positions the border is chosen by and checked against. */
export const CHECK_POINTS_FILE = 'reference/border_check_points.csv';

/**
 * Layer `borders`: along the city, the run of the city outline that follows the national
 * border, split at the China–Mongolia–Russia tripoint; beyond the city, GSHHG joined to it.
 */
export const borders: Builder = (ctx) => {
  const gshhg = context(ctx).gshhgBorders.features;
  const [city] = ctx.layer<Poly>('city');
  const run = borderRun(
    outerRing(city.geometry),
    gshhg.map((f) => f.geometry.coordinates),
  );
  const tri = readCheckPoints(parseCsv(ctx.inp.read(CHECK_POINTS_FILE), CHECK_POINTS_FILE)).find(
    (c) => c.must_be === 'on the line',
  );
  if (!tri) throw new Error(`${CHECK_POINTS_FILE}: no row for the tripoint (must_be "on the line")`);
  const t = run.reduce((best, q, i) => (turf.distance(q, tri.at) < turf.distance(run[best], tri.at) ? i : best), 0);
  const outline = `the city outline (the 14 units dissolved: ${BOUNDARY_SOURCE})`;
  const how = `the run of ${outline} that lies within ${NEAR_KM} km of GSHHG's border, gaps under ${GAP_KM} km bridged, ends cut back to the last vertex within ${END_KM} km; chosen over GSHHG because it puts every published position in geodata/sources/${CHECK_POINTS_FILE} on its side (GSHHG puts 室韦 village and the Manzhouli road port in Russia), checked by the build`;
  const along = (id: string, zh: string, en: string, line: Position[]) =>
    feature(
      { type: 'LineString', coordinates: line },
      { id, name_zh: zh, name_en: en, kind: 'border', source: how, confidence: 'medium' },
    );
  const out: RecordFeature<LineString>[] = [
    along('border-china-russia', '国界（中俄）', 'International boundary (China–Russia)', run.slice(0, t + 1)),
    along('border-china-mongolia', '国界（中蒙）', 'International boundary (China–Mongolia)', run.slice(t)),
  ];
  const beyond = gshhgBeyond(
    gshhg.map((f) => f.geometry.coordinates),
    run,
    [run[0], run[t], run[run.length - 1]],
  );
  for (const [i, b] of beyond.entries())
    out.push(
      feature(
        { type: 'LineString', coordinates: b.line },
        {
          id: `border-gshhg-${i + 1}`,
          name_zh: '国界',
          name_en: 'International boundary',
          kind: 'border',
          source: `${gshhg[0].properties.source}; beyond the city only${b.joins_m.length ? `, joined to the border along the city by a straight segment of ${b.joins_m.join(' m and ')} m` : ''}`,
          confidence: 'high',
        },
      ),
    );
  return out;
};
export const rivers: Builder = (ctx) => context(ctx).rivers;
export const lakes: Builder = (ctx) => context(ctx).lakes;
export const contextLabels: Builder = (ctx) => context(ctx).labels;
