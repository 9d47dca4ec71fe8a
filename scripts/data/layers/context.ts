/** The context layers `borders`, `rivers`, `lakes` and `context_labels`: GSHHG with names from reference/water.csv. */
import type { Feature, FeatureCollection, LineString, Point, Polygon } from 'geojson';
import * as turf from '@turf/turf';
import polylabel from 'polylabel';
import { parseCsv } from '../lib/csv.ts';
import type { RecordFeature } from '../lib/types.ts';
import { type Builder, type Inputs, conf, feature, km2, num, roundPos } from './common.ts';

const COUNTRY_LABELS = [
  { id: 'label-russia', name_zh: '俄罗斯', name_en: 'Russia', kind: 'country', at: [117.2, 51.2] },
  { id: 'label-mongolia', name_zh: '蒙古国', name_en: 'Mongolia', kind: 'country', at: [116.4, 47.2] },
  { id: 'label-heilongjiang', name_zh: '黑龙江省', name_en: 'Heilongjiang', kind: 'province', at: [125.6, 49.9] },
  { id: 'label-hinggan', name_zh: '兴安盟', name_en: 'Hinggan League', kind: 'league', at: [121.2, 46.7] },
];

function buildContext(inp: Inputs): {
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

  const borders = rawBorders.features.map((f, i) =>
    feature(f.geometry, {
      id: `border-${i + 1}`,
      name_zh: '国界',
      name_en: 'International boundary',
      kind: 'border',
      source: f.properties.source,
      confidence: 'high',
    }),
  );
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
        source: 'label anchor placed by us on the correct side of the GSHHG boundary (cartographic, not a place)',
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
  return { borders, rivers, lakes, labels };
}

const context = (ctx: Parameters<Builder>[0]) => ctx.once('context', () => buildContext(ctx.inp));
export const borders: Builder = (ctx) => context(ctx).borders;
export const rivers: Builder = (ctx) => context(ctx).rivers;
export const lakes: Builder = (ctx) => context(ctx).lakes;
export const contextLabels: Builder = (ctx) => context(ctx).labels;
