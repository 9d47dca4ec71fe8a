/**
 * What every writer needs of a layer's geometries: them projected, their extent, their kind
 * (point, line, polygon: a Shapefile holds one kind, a GeoPackage table is typed), polygons'
 * rings in the winding a format asks, and well-known binary.
 */
import type { Feature, Geometry, Position } from 'geojson';
import { positions as allPositions } from '../geo.ts';
import type { ExportStyle } from './style.ts';

export interface ExportLayer {
  /** the layer's name in files and tables: 'units', or the planner's own layer's name */
  name: string;
  /** the heading a person reads (KML folder, DXF layer description, README) */
  title: string;
  features: Feature<Geometry | null>[];
  /** a planner's layer's look on the map, written as the format's own style where it has one */
  style?: ExportStyle;
}

export type Kind = 'point' | 'line' | 'polygon';

export function kindOf(g: Geometry | null): Kind | null {
  if (!g) return null;
  switch (g.type) {
    case 'Point':
    case 'MultiPoint':
      return 'point';
    case 'LineString':
    case 'MultiLineString':
      return 'line';
    case 'Polygon':
    case 'MultiPolygon':
      return 'polygon';
    default:
      return null;
  }
}

/** The geometry with each position taken through `f` (GeometryCollections are left out). */
export function projectGeometry(g: Geometry | null, f: (p: Position) => Position): Geometry | null {
  if (!g) return null;
  const line = (c: Position[]) => c.map(f);
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: f(g.coordinates) };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: line(g.coordinates) };
    case 'LineString':
      return { type: 'LineString', coordinates: line(g.coordinates) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: g.coordinates.map(line) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: g.coordinates.map(line) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(line)) };
    default:
      return null;
  }
}

/** Every position of a geometry (none for no geometry): geo.ts's, the one home of it. */
export const positions = (g: Geometry | null): Position[] => (g ? allPositions(g) : []);

/** [minX, minY, maxX, maxY] of the features, or null when none has a position. */
export function extent(features: { geometry: Geometry | null }[]): [number, number, number, number] | null {
  let [a, b, c, d] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features)
    for (const p of positions(f.geometry)) {
      if (p[0] < a) a = p[0];
      if (p[1] < b) b = p[1];
      if (p[0] > c) c = p[0];
      if (p[1] > d) d = p[1];
    }
  return a === Infinity ? null : [a, b, c, d];
}

/** Twice the signed area of a ring (positive: counter-clockwise, with y up). */
function signedArea(r: Position[]): number {
  let s = 0;
  // Σ (x_prev − x)(y_prev + y): positive for a counter-clockwise ring
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) s += (r[j][0] - r[i][0]) * (r[j][1] + r[i][1]);
  return s;
}
/** A ring wound clockwise (`cw`) or counter-clockwise. */
export function wound(r: Position[], cw: boolean): Position[] {
  const ccw = signedArea(r) > 0;
  return ccw === cw ? [...r].reverse() : r;
}

/** The polygons of a (multi)polygon. */
export const polygonsOf = (g: Geometry): Position[][][] =>
  g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
/** The lines of a (multi)line. */
export const linesOf = (g: Geometry): Position[][] =>
  g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
/** The points of a (multi)point. */
export const pointsOf = (g: Geometry): Position[] =>
  g.type === 'Point' ? [g.coordinates] : g.type === 'MultiPoint' ? g.coordinates : [];

const WKB_TYPE: Record<string, number> = {
  Point: 1,
  LineString: 2,
  Polygon: 3,
  MultiPoint: 4,
  MultiLineString: 5,
  MultiPolygon: 6,
};

/** Well-known binary, little-endian, 2D (polygons as given: OGC rings counter-clockwise outside). */
export function wkb(g: Geometry): Uint8Array {
  // a list of [kind, value] written afterwards into one buffer
  const ops: ['u8' | 'u32' | 'f64', number][] = [];
  const head = (type: string) => {
    ops.push(['u8', 1], ['u32', WKB_TYPE[type]]);
  };
  const pts = (c: Position[]) => {
    ops.push(['u32', c.length]);
    for (const p of c) ops.push(['f64', p[0]], ['f64', p[1]]);
  };
  const rings = (poly: Position[][]) => {
    ops.push(['u32', poly.length]);
    for (const [i, r] of poly.entries()) pts(wound(r, i > 0));
  };
  const write = (x: Geometry) => {
    head(x.type);
    switch (x.type) {
      case 'Point':
        ops.push(['f64', x.coordinates[0]], ['f64', x.coordinates[1]]);
        break;
      case 'LineString':
        pts(x.coordinates);
        break;
      case 'Polygon':
        rings(x.coordinates);
        break;
      case 'MultiPoint':
        ops.push(['u32', x.coordinates.length]);
        for (const c of x.coordinates) write({ type: 'Point', coordinates: c });
        break;
      case 'MultiLineString':
        ops.push(['u32', x.coordinates.length]);
        for (const c of x.coordinates) write({ type: 'LineString', coordinates: c });
        break;
      case 'MultiPolygon':
        ops.push(['u32', x.coordinates.length]);
        for (const c of x.coordinates) write({ type: 'Polygon', coordinates: c });
        break;
      default:
        throw new Error(`no WKB for ${x.type}`);
    }
  };
  write(g);
  const size = ops.reduce((n, [k]) => n + (k === 'u8' ? 1 : k === 'u32' ? 4 : 8), 0);
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  let o = 0;
  for (const [k, x] of ops) {
    if (k === 'u8') v.setUint8(o++, x);
    else if (k === 'u32') {
      v.setUint32(o, x, true);
      o += 4;
    } else {
      v.setFloat64(o, x, true);
      o += 8;
    }
  }
  return out;
}
