/**
 * Tool results as users take them away: text to copy and GeoJSON (RFC 7946, WGS84) to
 * download, each naming what it is, how it was measured and the datum.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Lang } from '../../contracts/vocab.ts';
import { DATUM_NOTE, PLAN_NAME } from '../../contracts/sources.ts';
import { formatArea, formatLength, pathM, polygonM } from '../geodesy.ts';
import { TOOL_UI } from './text.ts';
import type { Measure } from './registry.ts';
import type { NearResult } from './tools.svelte.ts';

export interface MeasureFigures {
  total: number;
  legs: number[];
  area: number | null;
  perimeter: number | null;
}

export function measureFigures(m: Measure): MeasureFigures {
  if (m.mode === 'area') {
    const { area, perimeter } = polygonM(m.points);
    return { total: perimeter, legs: pathM([...m.points, m.points[0]]).legs, area, perimeter };
  }
  const { total, legs } = pathM(m.points);
  return { total, legs, area: null, perimeter: null };
}

const name = (m: Measure, i: number, lang: Lang) =>
  m.snaps?.[i]?.[lang] || `${m.points[i][0].toFixed(5)}, ${m.points[i][1].toFixed(5)}`;

export function measureText(m: Measure, lang: Lang): string {
  const f = measureFigures(m);
  const lines =
    m.mode === 'area'
      ? [
          `${TOOL_UI.area[lang]}: ${formatArea(f.area ?? 0, lang)}`,
          `${TOOL_UI.perimeter[lang]}: ${formatLength(f.perimeter ?? 0, lang)}`,
        ]
      : [
          `${TOOL_UI.total[lang]}: ${formatLength(f.total, lang)}`,
          ...f.legs.map((l, i) => `  ${name(m, i, lang)} → ${name(m, i + 1, lang)}: ${formatLength(l, lang)}`),
        ];
  return [...lines, `${TOOL_UI.geodesicNote[lang]}; ${DATUM_NOTE[lang]}`].join('\n');
}

const metadata = (what: string) => ({
  generator: 'Hulunbuir plan map',
  what,
  plan: PLAN_NAME,
  datum: DATUM_NOTE,
  method: { zh: TOOL_UI.geodesicNote.zh, en: TOOL_UI.geodesicNote.en },
});

export function measureGeojson(m: Measure): FeatureCollection & { metadata: unknown } {
  const f = measureFigures(m);
  const ring = [...m.points, m.points[0]];
  const feature: Feature =
    m.mode === 'area'
      ? {
          type: 'Feature',
          properties: {
            kind: 'measured area',
            area_m2: Math.round(f.area ?? 0),
            perimeter_m: Math.round(f.perimeter ?? 0),
          },
          geometry: { type: 'Polygon', coordinates: [ring] },
        }
      : {
          type: 'Feature',
          properties: {
            kind: 'measured path',
            length_m: Math.round(f.total),
            legs_m: f.legs.map((l) => Math.round(l * 10) / 10),
            snapped_to: (m.snaps ?? []).map((n) => n?.zh ?? null),
          },
          geometry: { type: 'LineString', coordinates: m.points },
        };
  return {
    type: 'FeatureCollection',
    metadata: metadata(m.mode === 'area' ? 'measured area' : 'measured distance'),
    features: [feature],
  };
}

export function nearGeojson(r: NearResult, km: number): FeatureCollection<Geometry | null> & { metadata: unknown } {
  return {
    type: 'FeatureCollection',
    metadata: {
      ...metadata('within distance'),
      from: r.origin.name ?? r.origin.geometry,
      km,
      note: TOOL_UI.bufferNote,
    },
    features: [
      { type: 'Feature', properties: { kind: 'buffer', km, from: r.origin.id }, geometry: r.buffer },
      ...r.groups.flatMap((g) =>
        g.rows.map(
          (row): Feature<null> => ({
            type: 'Feature',
            properties: {
              kind: 'within',
              layer: g.layer,
              id: row.id,
              name_zh: row.name.zh,
              name_en: row.name.en,
              distance_m: Math.round(row.m),
            },
            geometry: null,
          }),
        ),
      ),
    ],
  };
}
