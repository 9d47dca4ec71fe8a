/**
 * Imported data meets the plan: how much of it falls in each unit (points counted, lines'
 * length and areas' area inside it, on the WGS84 ellipsoid), summed over the plan's zones,
 * the core and the poles with the statistics' member lists (data/stats.json).
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { intersect } from '@turf/intersect';
import { bboxClip } from '@turf/bbox-clip';
import type { Text } from '../../contracts/vocab.ts';
import type { StatsRow } from '../../contracts/stats.ts';
import { areaKm2, distanceM } from '../geodesy.ts';
import { bboxOf } from '../geo.ts';

export interface Unit {
  id: string;
  name: Text;
  geometry: Polygon | MultiPolygon;
  bbox: [number, number, number, number];
}

export interface JoinRow {
  id: string;
  kind: StatsRow['kind'];
  name: Text;
  points: number;
  length_km: number;
  area_km2: number;
}

export function unitsFrom(features: { properties: Record<string, unknown>; geometry: unknown }[]): Unit[] {
  return features.map((f) => {
    const g = f.geometry as Polygon | MultiPolygon;
    const pts = g.type === 'Polygon' ? g.coordinates.flat() : g.coordinates.flat(2);
    return {
      id: String(f.properties.id),
      name: { zh: String(f.properties.name_zh), en: String(f.properties.name_en) },
      geometry: g,
      bbox: bboxOf(pts),
    };
  });
}

const inBox = (p: Position, b: number[]) => p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3];
const pipUnit = (p: Position, units: Unit[]) =>
  units.find((u) => inBox(p, u.bbox) && booleanPointInPolygon(p, u.geometry));

/**
 * Which unit a point is in, fast: a grid over the units' extent where each cell crossed by
 * no boundary knows its unit (one point-in-polygon test for the cell), and only cells that
 * boundaries cross test the point against the units touching them. A unit has thousands
 * of vertices; without it, 200,000 points took minutes.
 */
export class UnitIndex {
  #box: [number, number, number, number];
  #size: number;
  #nx: number;
  #ny: number;
  /** per cell: the unit of a boundary-free cell, or the candidate units of a crossed one */
  #cells: (Unit | null | Unit[])[];

  constructor(units: Unit[], size = 0.05) {
    this.#size = size;
    const b = units.reduce<[number, number, number, number]>(
      (a, u) => [
        Math.min(a[0], u.bbox[0]),
        Math.min(a[1], u.bbox[1]),
        Math.max(a[2], u.bbox[2]),
        Math.max(a[3], u.bbox[3]),
      ],
      [180, 90, -180, -90],
    );
    this.#box = b;
    this.#nx = Math.ceil((b[2] - b[0]) / size) + 1;
    this.#ny = Math.ceil((b[3] - b[1]) / size) + 1;
    const crossed = new Map<number, Set<Unit>>();
    for (const u of units) {
      const rings = u.geometry.type === 'Polygon' ? u.geometry.coordinates : u.geometry.coordinates.flat();
      for (const ring of rings) {
        for (let i = 1; i < ring.length; i++) {
          // Every cell the edge passes through (sampled at a fifth of a cell: edges are short).
          const [a, c] = [ring[i - 1], ring[i]];
          const steps = Math.max(1, Math.ceil(Math.hypot(c[0] - a[0], c[1] - a[1]) / (size / 5)));
          for (let k = 0; k <= steps; k++) {
            const cell = this.#cell([a[0] + ((c[0] - a[0]) * k) / steps, a[1] + ((c[1] - a[1]) * k) / steps]);
            if (cell < 0) continue;
            let set = crossed.get(cell);
            if (!set) {
              set = new Set();
              crossed.set(cell, set);
            }
            set.add(u);
            // The neighbours too: sampling may skip a corner of a cell.
            for (const d of [-1, 1, -this.#nx, this.#nx]) {
              const n = cell + d;
              if (n >= 0 && n < this.#nx * this.#ny) {
                let s2 = crossed.get(n);
                if (!s2) {
                  s2 = new Set();
                  crossed.set(n, s2);
                }
                s2.add(u);
              }
            }
          }
        }
      }
    }
    this.#cells = Array.from({ length: this.#nx * this.#ny }, (_, i) => {
      const set = crossed.get(i);
      if (set) return [...set];
      const cx = this.#box[0] + ((i % this.#nx) + 0.5) * size,
        cy = this.#box[1] + (Math.floor(i / this.#nx) + 0.5) * size;
      return pipUnit([cx, cy], units) ?? null;
    });
  }

  #cell(p: Position): number {
    const x = Math.floor((p[0] - this.#box[0]) / this.#size),
      y = Math.floor((p[1] - this.#box[1]) / this.#size);
    return x < 0 || y < 0 || x >= this.#nx || y >= this.#ny ? -1 : y * this.#nx + x;
  }

  at(p: Position): Unit | undefined {
    const i = this.#cell(p);
    if (i < 0) return undefined;
    const c = this.#cells[i];
    if (c === null) return undefined;
    if (!Array.isArray(c)) return c;
    // A crossed cell: only the units whose boundaries touch it can hold the point.
    return pipUnit(p, c);
  }
}

/**
 * Per unit: points inside; km of lines inside (a leg under 5 km with both ends in one unit
 * counts there, others are cut into pieces of ≤ 1 km, each counted at its middle); km² of areas
 * inside (whole when every vertex is in one unit, none when a small shape is wholly outside
 * the city, else clipped to each unit).
 */
export function joinToUnits(
  features: Feature[],
  units: Unit[],
): Map<string, { points: number; length_km: number; area_km2: number }> {
  const out = new Map(units.map((u) => [u.id, { points: 0, length_km: 0, area_km2: 0 }]));
  const index = new UnitIndex(units);
  const unitAt = (p: Position) => index.at(p);
  const lines = (coords: Position[]) => {
    for (let i = 1; i < coords.length; i++) {
      const a = coords[i - 1],
        b = coords[i];
      const m = distanceM(a, b);
      // A short leg with both ends in one unit is in it; others are cut into pieces of ≤ 1 km.
      const ua = unitAt(a);
      if (m < 5000 && ua && ua === unitAt(b)) {
        const row = out.get(ua.id);
        if (row) row.length_km += m / 1000;
        continue;
      }
      const n = Math.max(1, Math.ceil(m / 1000));
      for (let k = 0; k < n; k++) {
        const t = (k + 0.5) / n;
        const u = unitAt([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]);
        const row = u && out.get(u.id);
        if (row) row.length_km += m / n / 1000;
      }
    }
  };
  const areas = (g: Polygon | MultiPolygon) => {
    const pts = g.type === 'Polygon' ? g.coordinates.flat() : g.coordinates.flat(2);
    // Every vertex in one unit: the area is in it; every vertex outside the city and the
    // shape small (under 0.2°): outside. Only what crosses a boundary is clipped.
    const where = pts.map((p) => unitAt(p));
    const first = where[0];
    if (where.every((u) => u === first)) {
      if (first) {
        const row = out.get(first.id);
        if (row) row.area_km2 += areaKm2(g);
        return;
      }
      const b = bboxOf(pts);
      if (b[2] - b[0] < 0.2 && b[3] - b[1] < 0.2) return;
    }
    const box = bboxOf(pts);
    for (const u of units) {
      if (box[0] > u.bbox[2] || box[2] < u.bbox[0] || box[1] > u.bbox[3] || box[3] < u.bbox[1]) continue;
      // The unit cut to the shape's box first: a few vertices to clip against, not thousands.
      const pad = [box[0] - 0.01, box[1] - 0.01, box[2] + 0.01, box[3] + 0.01] as [number, number, number, number];
      const near = bboxClip({ type: 'Feature', properties: {}, geometry: u.geometry }, pad).geometry as
        | Polygon
        | MultiPolygon;
      const rings: Position[][] = near.type === 'Polygon' ? near.coordinates : near.coordinates.flat();
      if (!rings.some((r) => r.length >= 4)) continue;
      const part = intersect({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: {}, geometry: g },
          { type: 'Feature', properties: {}, geometry: near },
        ],
      });
      const row = out.get(u.id);
      if (part && row) row.area_km2 += areaKm2(part.geometry);
    }
  };
  const visit = (g: Feature['geometry']) => {
    if (!g) return;
    switch (g.type) {
      case 'Point': {
        const u = unitAt(g.coordinates);
        const row = u && out.get(u.id);
        if (row) row.points++;
        break;
      }
      case 'MultiPoint':
        for (const p of g.coordinates) visit({ type: 'Point', coordinates: p });
        break;
      case 'LineString':
        lines(g.coordinates);
        break;
      case 'MultiLineString':
        for (const l of g.coordinates) lines(l);
        break;
      case 'Polygon':
      case 'MultiPolygon':
        areas(g);
        break;
      case 'GeometryCollection':
        for (const x of g.geometries) visit(x);
        break;
    }
  };
  for (const f of features) visit(f.geometry);
  return out;
}

/**
 * The statistics' rows that a unit only partly belongs to: a unit listed in two rows of the
 * plan's structure and zones (鄂温克族自治旗: its seat town in the core, its other towns in 岭西)
 * makes each of those rows count inside the row's own polygon, not over its member units.
 */
export function rowsWithSplitUnits(stats: readonly StatsRow[]): Set<string> {
  const grouped = stats.filter((r) => r.kind === 'zone' || r.kind === 'structure');
  const seen = new Map<string, number>();
  for (const r of grouped) for (const id of r.member_ids) seen.set(id, (seen.get(id) ?? 0) + 1);
  return new Set(grouped.filter((r) => r.member_ids.some((id) => (seen.get(id) ?? 0) > 1)).map((r) => r.id));
}

/**
 * The join as the statistics' rows: the city, the zones, the core, the poles, the units. A row
 * in `perArea` (joined to its own polygon: rowsWithSplitUnits) takes that; the others sum
 * their member units.
 */
export function joinRows(
  perUnit: Map<string, { points: number; length_km: number; area_km2: number }>,
  stats: readonly StatsRow[],
  perArea: Map<string, { points: number; length_km: number; area_km2: number }> = new Map(),
): JoinRow[] {
  return stats.map((r) => {
    const own = perArea.get(r.id);
    const members = own ? [own] : r.member_ids.map((id) => perUnit.get(id) ?? { points: 0, length_km: 0, area_km2: 0 });
    const sum = (k: 'points' | 'length_km' | 'area_km2') => members.reduce((s, m) => s + m[k], 0);
    return {
      id: r.id,
      kind: r.kind,
      name: r.name,
      points: sum('points'),
      length_km: Math.round(sum('length_km') * 10) / 10,
      area_km2: Math.round(sum('area_km2') * 100) / 100,
    };
  });
}
