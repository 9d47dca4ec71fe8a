/**
 * Geodesy on the WGS84 ellipsoid (GeographicLib), one home for the pipeline and the app:
 * the areas of record, and the planners' tools — distances along geodesics, areas and
 * perimeters of drawn polygons, geodesic circles, and distances to lines. Turf's spherical
 * area is about 0.3 % below the ellipsoidal one at Hulunbuir's latitude; its distances
 * differ by up to 0.5 %, so it is not used for any figure a user reads.
 */
import geographiclib from 'geographiclib-geodesic';
import type { MultiPolygon, Polygon, Position } from 'geojson';

const WGS84 = geographiclib.Geodesic.WGS84;
export type LonLat = readonly [number, number] | Position;

/** The area of one ring in m², whatever its winding. */
function ringM2(ring: Position[]): number {
  const p = WGS84.Polygon(false);
  // GeoJSON rings repeat their first position at the end; the polygon closes itself.
  for (const [lon, lat] of ring.slice(0, -1)) p.AddPoint(lat, lon);
  // A polygon (not a polyline) always has an area.
  return Math.abs(p.Compute(false, true).area ?? Number.NaN);
}

/** The ellipsoidal area of a polygon or multipolygon (holes subtracted), in km². */
export function areaKm2(g: Polygon | MultiPolygon): number {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let m2 = 0;
  for (const [outer, ...holes] of polys) m2 += ringM2(outer) - holes.reduce((s, h) => s + ringM2(h), 0);
  return m2 / 1e6;
}

/** Geodesic distance between two lon/lat points, in metres. */
export function distanceM(a: LonLat, b: LonLat): number {
  return WGS84.Inverse(a[1], a[0], b[1], b[0]).s12 ?? Number.NaN;
}

/** A path's legs and total length along geodesics, in metres. */
export function pathM(points: readonly LonLat[]): { total: number; legs: number[] } {
  const legs = points.slice(1).map((p, i) => distanceM(points[i], p));
  return { total: legs.reduce((s, l) => s + l, 0), legs };
}

/** Area (m²) and perimeter (m) of the polygon through `points` (closed by the last leg), on the ellipsoid. */
export function polygonM(points: readonly LonLat[]): { area: number; perimeter: number } {
  if (points.length < 3) return { area: 0, perimeter: points.length === 2 ? 2 * distanceM(points[0], points[1]) : 0 };
  const p = WGS84.Polygon(false);
  for (const [lon, lat] of points) p.AddPoint(lat, lon);
  const r = p.Compute(false, true);
  return { area: Math.abs(r.area ?? Number.NaN), perimeter: r.perimeter };
}

/** The point `m` metres from `from` at azimuth `azimuth` (degrees from north). */
export function destination(from: LonLat, azimuth: number, m: number): [number, number] {
  const r = WGS84.Direct(from[1], from[0], azimuth, m);
  return [r.lon2 ?? Number.NaN, r.lat2 ?? Number.NaN];
}

/** The ring of points `m` metres from `center` along geodesics (closed, counter-clockwise). */
export function geodesicCircle(center: LonLat, m: number, steps = 128): [number, number][] {
  const ring: [number, number][] = [];
  for (let i = 0; i <= steps; i++) ring.push(destination(center, 360 - (360 * (i % steps)) / steps, m));
  return ring;
}

/**
 * The shortest geodesic distance from `p` to a path (metres), with the point reached. Legs
 * are first ranked by a flat-earth estimate around `p`; those that may be nearest are
 * searched along their own geodesic (the distance to a geodesic segment this short has one
 * minimum), to within a metre.
 */
export function distanceToPathM(p: LonLat, path: readonly LonLat[]): { m: number; at: [number, number] } {
  if (path.length === 1) return { m: distanceM(p, path[0]), at: [path[0][0], path[0][1]] };
  const kx = 111_320 * Math.cos((p[1] * Math.PI) / 180),
    ky = 110_574;
  const flat = (a: LonLat, b: LonLat) => {
    const ax = (a[0] - p[0]) * kx,
      ay = (a[1] - p[1]) * ky,
      bx = (b[0] - p[0]) * kx,
      by = (b[1] - p[1]) * ky;
    const dx = bx - ax,
      dy = by - ay,
      len2 = dx * dx + dy * dy;
    const t = len2 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2)) : 0;
    return Math.hypot(ax + t * dx, ay + t * dy);
  };
  const legs = path.slice(1).map((b, i) => ({ a: path[i], b, est: flat(path[i], b) }));
  const floor = Math.min(...legs.map((l) => l.est));
  let best = { m: Number.POSITIVE_INFINITY, at: [Number.NaN, Number.NaN] as [number, number] };
  for (const { a, b, est } of legs) {
    if (est > floor * 1.03 + 2000) continue;
    const line = WGS84.InverseLine(a[1], a[0], b[1], b[0]);
    const at = (s: number): [number, number] => {
      const q = line.Position(s);
      return [q.lon2 ?? Number.NaN, q.lat2 ?? Number.NaN];
    };
    let lo = 0,
      hi = line.s13;
    while (hi - lo > 0.5) {
      const m1 = lo + (hi - lo) / 3,
        m2 = hi - (hi - lo) / 3;
      if (distanceM(p, at(m1)) <= distanceM(p, at(m2))) hi = m2;
      else lo = m1;
    }
    const q = at((lo + hi) / 2);
    const m = distanceM(p, q);
    if (m < best.m) best = { m, at: q };
  }
  return best;
}

/** A length for reading: m under 1 km, else km (one decimal under 100 km). */
export function formatLength(m: number, lang: 'zh' | 'en'): string {
  if (m < 1000) return `${Math.round(m)} ${lang === 'zh' ? '米' : 'm'}`;
  const km = m / 1000;
  const s = km < 100 ? km.toFixed(2) : km.toFixed(1);
  return `${Number(s).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: 2 })} ${lang === 'zh' ? '公里' : 'km'}`;
}

/** An area for reading: ha under 1 km², else km². */
export function formatArea(m2: number, lang: 'zh' | 'en'): string {
  const loc = lang === 'zh' ? 'zh-CN' : 'en-GB';
  if (m2 < 1e6)
    return `${(m2 / 1e4).toLocaleString(loc, { maximumFractionDigits: 1 })} ${lang === 'zh' ? '公顷' : 'ha'}`;
  const km2 = m2 / 1e6;
  return `${km2.toLocaleString(loc, { maximumFractionDigits: km2 < 100 ? 2 : 1 })} ${lang === 'zh' ? '平方公里' : 'km²'}`;
}
