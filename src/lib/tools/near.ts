/**
 * What lies within a distance of a feature or a point: distances along geodesics (WGS84,
 * lib/geodesy.ts) from the query's geometry to each candidate's, 0 where they meet. A point
 * is measured exactly; a line or an area is searched for its nearest parts first on a flat
 * estimate, then measured along geodesics. The drawn buffer is a geodesic circle around a
 * point, and Turf's buffer (an azimuthal projection) around a line or an area: it is for
 * the eye; membership is decided by the measured distance.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { Text } from '../../contracts/vocab.ts';
import { distanceM, distanceToPathM, geodesicCircle, type LonLat } from '../geodesy.ts';
import type { NearDrawing } from './overlay.ts';
import { nextTask } from '../next-task.ts';

export interface Candidate {
  layer: string;
  id: string;
  name: Text;
  geometry: Geometry;
}
export interface NearRow {
  id: string;
  name: Text;
  /** metres; 0 where the geometries meet */
  m: number;
}
export interface NearGroup {
  layer: string;
  rows: NearRow[];
}

/** A within-distance query's answer, as the Tools keep and show it. */
export interface NearResult {
  /** the query these results answer (a newer one replaces them) */
  key: string;
  origin: { id: string | null; name: Text | null; geometry: Geometry };
  buffer: NearDrawing['buffer'];
  groups: NearGroup[];
  titles: Record<string, Text>;
}

/** The paths of a geometry (lines, and rings of areas) and whether it has an inside. */
function partsOf(g: Geometry): { paths: Position[][]; polys: Position[][][]; points: Position[] } {
  switch (g.type) {
    case 'Point':
      return { paths: [], polys: [], points: [g.coordinates] };
    case 'MultiPoint':
      return { paths: [], polys: [], points: g.coordinates };
    case 'LineString':
      return { paths: [g.coordinates], polys: [], points: [] };
    case 'MultiLineString':
      return { paths: g.coordinates, polys: [], points: [] };
    case 'Polygon':
      return { paths: g.coordinates, polys: [g.coordinates], points: [] };
    case 'MultiPolygon':
      return { paths: g.coordinates.flat(), polys: g.coordinates, points: [] };
    default:
      return { paths: [], polys: [], points: [] };
  }
}

const inside = (p: LonLat, polys: Position[][][]) =>
  polys.some((rings) => booleanPointInPolygon([p[0], p[1]], { type: 'Polygon', coordinates: rings }));

/** Geodesic distance (m) from a point to a geometry: 0 inside an area. */
export function distanceToGeometryM(p: LonLat, g: Geometry): number {
  const { paths, polys, points } = partsOf(g);
  if (polys.length && inside(p, polys)) return 0;
  let best = Number.POSITIVE_INFINITY;
  for (const q of points) best = Math.min(best, distanceM(p, q));
  for (const path of paths) best = Math.min(best, distanceToPathM(p, path).m);
  return best;
}

/** The vertices of `a`, nearest first on a flat estimate to the vertices of `b` (a few). */
function nearestVertices(a: Position[], b: Position[], keep: number): Position[] {
  const lat = (a[0]?.[1] ?? 0) * (Math.PI / 180);
  const kx = Math.cos(lat);
  const scored = a.map((v) => {
    let d = Number.POSITIVE_INFINITY;
    for (const w of b) {
      const dx = (v[0] - w[0]) * kx,
        dy = v[1] - w[1];
      const s = dx * dx + dy * dy;
      if (s < d) d = s;
    }
    return { v, d };
  });
  return scored
    .sort((x, y) => x.d - y.d)
    .slice(0, keep)
    .map((s) => s.v);
}

/** Geodesic distance (m) between two geometries; 0 where they meet (a vertex inside the other's area). */
export function distanceBetweenM(a: Geometry, b: Geometry): number {
  if (a.type === 'Point') return distanceToGeometryM(a.coordinates, b);
  if (b.type === 'Point') return distanceToGeometryM(b.coordinates, a);
  const pa = partsOf(a),
    pb = partsOf(b);
  const va = [...pa.points, ...pa.paths.flat()],
    vb = [...pb.points, ...pb.paths.flat()];
  if (va.some((v) => pb.polys.length && inside(v, pb.polys)) || vb.some((v) => pa.polys.length && inside(v, pa.polys)))
    return 0;
  let best = Number.POSITIVE_INFINITY;
  for (const v of nearestVertices(va, vb, 12)) best = Math.min(best, distanceToGeometryM(v, b));
  for (const v of nearestVertices(vb, va, 12)) best = Math.min(best, distanceToGeometryM(v, a));
  return best;
}

/** Candidates within `km` of `from`, by layer (in the order given), nearest first. */
export async function withinDistance(
  from: Geometry,
  km: number,
  layers: { layer: string; candidates: Candidate[] }[],
  skip: ReadonlySet<string> = new Set(),
): Promise<NearGroup[]> {
  const limit = km * 1000;
  const out: NearGroup[] = [];
  for (const { layer, candidates } of layers) {
    const rows: NearRow[] = [];
    for (const c of candidates) {
      if (skip.has(c.id)) continue;
      const m = distanceBetweenM(from, c.geometry);
      if (m <= limit) rows.push({ id: c.id, name: c.name, m });
    }
    rows.sort((x, y) => x.m - y.m);
    // The same place on two lines (a station listed twice) is listed once, at its nearer point.
    out.push({ layer, rows: rows.filter((r, i) => rows.findIndex((x) => x.name.zh === r.name.zh) === i) });
    // Let the page breathe between layers (areas are the slow ones).
    await nextTask();
  }
  return out;
}

/** The buffer to draw: a geodesic circle around a point; Turf's buffer around a line or an area. */
export async function bufferOf(from: Geometry, km: number): Promise<Polygon | MultiPolygon> {
  if (from.type === 'Point')
    return { type: 'Polygon', coordinates: [geodesicCircle(from.coordinates, km * 1000, 128)] };
  const { buffer } = await import('@turf/buffer');
  const f = buffer({ type: 'Feature', properties: {}, geometry: from } as Feature, km, {
    units: 'kilometers',
    steps: 16,
  });
  if (!f) throw new Error('no buffer for an empty geometry');
  return f.geometry;
}
