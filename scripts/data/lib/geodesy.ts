/**
 * Areas on the WGS84 ellipsoid (GeographicLib's geodesic polygons): the figures of record.
 * Turf's spherical area is about 0.3 % below the ellipsoidal one at Hulunbuir's latitude.
 */
import geographiclib from 'geographiclib-geodesic';
import type { MultiPolygon, Polygon, Position } from 'geojson';

const WGS84 = geographiclib.Geodesic.WGS84;

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
