/**
 * A geometry cut to an area (a within-distance result's buffer): what lies inside it, so that the
 * export holds the part of a railway within 50 km of a town, not the whole line across the city
 * (which no Gauss–Krüger zone holds). Points are kept or dropped, lines split where they cross
 * the area's edge (exactly, at the crossing), polygons intersected (Turf).
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { intersect } from '@turf/intersect';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';

type Area = Polygon | MultiPolygon;

const inside = (p: Position, area: Area) => booleanPointInPolygon([p[0], p[1]], area);

/** Where segment a→b crosses segment c→d, as a fraction along a→b (null: no crossing). */
function crossing(a: Position, b: Position, c: Position, d: Position): number | null {
  const rx = b[0] - a[0],
    ry = b[1] - a[1],
    sx = d[0] - c[0],
    sy = d[1] - c[1];
  const den = rx * sy - ry * sx;
  if (den === 0) return null;
  const t = ((c[0] - a[0]) * sy - (c[1] - a[1]) * sx) / den;
  const u = ((c[0] - a[0]) * ry - (c[1] - a[1]) * rx) / den;
  return t > 0 && t < 1 && u >= 0 && u <= 1 ? t : null;
}

const box = (ps: Position[]): [number, number, number, number] => {
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  for (const [x, y] of ps) {
    w = Math.min(w, x);
    e = Math.max(e, x);
    s = Math.min(s, y);
    n = Math.max(n, y);
  }
  return [w, s, e, n];
};

/** The parts of a line inside the area, each a line of its own. */
export function clipLine(line: Position[], area: Area): Position[][] {
  const edges: [Position, Position][] = [];
  for (const rings of area.type === 'Polygon' ? [area.coordinates] : area.coordinates)
    for (const ring of rings) for (let i = 1; i < ring.length; i++) edges.push([ring[i - 1], ring[i]]);
  const parts: Position[][] = [];
  let part: Position[] = [];
  const end = () => {
    if (part.length >= 2) parts.push(part);
    part = [];
  };
  const [w, so, e, n] = box(edges.flat());
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1],
      b = line[i];
    // a repeated position adds nothing; a segment beside the area's box is outside it
    if (a[0] === b[0] && a[1] === b[1]) continue;
    if (Math.max(a[0], b[0]) < w || Math.min(a[0], b[0]) > e || Math.max(a[1], b[1]) < so || Math.min(a[1], b[1]) > n) {
      end();
      continue;
    }
    const ts = [0, ...edges.map(([c, d]) => crossing(a, b, c, d)).filter((t): t is number => t !== null), 1].sort(
      (x, y) => x - y,
    );
    for (let k = 1; k < ts.length; k++) {
      // a crossing at a corner of the area comes twice: no piece between the two
      if (ts[k] - ts[k - 1] < 1e-12) continue;
      const at = (t: number): Position => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
      const from = at(ts[k - 1]),
        to = at(ts[k]);
      if (inside(at((ts[k - 1] + ts[k]) / 2), area)) {
        if (!part.length) part.push(from);
        part.push(to);
      } else end();
    }
  }
  end();
  return parts;
}

/** The geometry's part inside the area, or null when none of it is. */
export function clipTo(g: Geometry | null, area: Area): Geometry | null {
  if (!g) return null;
  switch (g.type) {
    case 'Point':
      return inside(g.coordinates, area) ? g : null;
    case 'MultiPoint': {
      const kept = g.coordinates.filter((p) => inside(p, area));
      return kept.length ? { type: 'MultiPoint', coordinates: kept } : null;
    }
    case 'LineString':
    case 'MultiLineString': {
      const lines = (g.type === 'LineString' ? [g.coordinates] : g.coordinates).flatMap((l) => clipLine(l, area));
      return lines.length === 0
        ? null
        : lines.length === 1
          ? { type: 'LineString', coordinates: lines[0] }
          : { type: 'MultiLineString', coordinates: lines };
    }
    case 'Polygon':
    case 'MultiPolygon':
      try {
        return (
          intersect<Record<string, never>>({
            type: 'FeatureCollection',
            features: [
              { type: 'Feature', properties: {}, geometry: g },
              { type: 'Feature', properties: {}, geometry: area },
            ],
          })?.geometry ?? null
        );
      } catch {
        // an area Turf cannot intersect (self-crossing rings): none of it, the caller decides
        return null;
      }
    case 'GeometryCollection': {
      const parts = g.geometries.map((x) => clipTo(x, area)).filter((x): x is Geometry => x !== null);
      return parts.length ? { type: 'GeometryCollection', geometries: parts } : null;
    }
  }
}

/**
 * A geometry cut to a within-distance buffer, for a place found within the distance: the buffer
 * is Turf's polygon of the true (geodesic) distance, so a place that only grazes it may lie just
 * outside — then it is cut to the buffer's box widened by a tenth, else left without a geometry
 * (its attributes kept): never the whole line across the city.
 */
export function clipNear(g: Geometry | null, area: Area): Geometry | null {
  const cut = clipTo(g, area);
  if (cut || !g) return cut;
  const [w, s, e, n] = box((area.type === 'Polygon' ? [area.coordinates] : area.coordinates).flat(2));
  const dx = (e - w) / 10,
    dy = (n - s) / 10;
  const wider: Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [w - dx, s - dy],
        [e + dx, s - dy],
        [e + dx, n + dy],
        [w - dx, n + dy],
        [w - dx, s - dy],
      ],
    ],
  };
  return clipTo(g, wider);
}
