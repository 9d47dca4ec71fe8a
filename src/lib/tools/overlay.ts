/**
 * What the tools draw on the map (the `tools` source; layers in the catalog's `tools` entry):
 * a measured path with each leg's length at its middle and the total at its end, a measured
 * area with its area and perimeter, the line to the pointer while measuring, and a
 * within-distance query's buffer and origin (its hits are lit as features: selection.highlight).
 */
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { Lang } from '../../contracts/vocab.ts';
import { formatArea, formatLength, pathM, polygonM } from '../geodesy.ts';
import type { LonLatPair, Measure } from './registry.ts';

const f = (role: string, geometry: Geometry, label?: string): Feature => ({
  type: 'Feature',
  properties: label ? { role, label } : { role },
  geometry,
});
const mid = (a: LonLatPair, b: LonLatPair): LonLatPair => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];

export interface NearDrawing {
  buffer: Polygon | MultiPolygon;
  origin: Geometry;
}

export function overlayOf(
  m: Measure | null,
  pointer: LonLatPair | null,
  near: NearDrawing | null,
  lang: Lang,
): FeatureCollection {
  const out: Feature[] = [];
  if (near) {
    out.push(f('buffer', near.buffer));
    if (near.origin.type === 'Point') out.push(f('origin', near.origin));
    else out.push(f('measure-line', near.origin));
  }
  if (m?.points.length) {
    const pts = m.points;
    const live = !m.done && pointer ? [...pts, pointer] : pts;
    if (m.mode === 'line') {
      if (pts.length > 1) out.push(f('measure-line', { type: 'LineString', coordinates: pts }));
      const { total, legs } = pathM(live);
      if (legs.length > 1)
        for (const [i, l] of legs.entries())
          out.push(f('leg', { type: 'Point', coordinates: mid(live[i], live[i + 1]) }, formatLength(l, lang)));
      if (live.length > 1)
        out.push(f('total', { type: 'Point', coordinates: live[live.length - 1] }, formatLength(total, lang)));
    } else {
      const ring = [...live, live[0]];
      if (live.length > 2) out.push(f('measure-area', { type: 'Polygon', coordinates: [ring] }));
      else if (pts.length > 1) out.push(f('measure-line', { type: 'LineString', coordinates: pts }));
      if (live.length > 2) {
        const c: LonLatPair = [
          live.reduce((s, p) => s + p[0], 0) / live.length,
          live.reduce((s, p) => s + p[1], 0) / live.length,
        ];
        out.push(f('total', { type: 'Point', coordinates: c }, formatArea(polygonM(live).area, lang)));
      }
    }
    if (!m.done && pointer)
      out.push(
        f('preview', {
          type: 'LineString',
          coordinates:
            m.mode === 'area' && pts.length > 1
              ? [pts[pts.length - 1], pointer, pts[0]]
              : [pts[pts.length - 1], pointer],
        }),
      );
    for (const p of pts) out.push(f('vertex', { type: 'Point', coordinates: p }));
  }
  return { type: 'FeatureCollection', features: out };
}
