/**
 * "Are these data in the datum the user chose?" Data from 高德/腾讯 (GCJ-02) or 百度 (BD-09)
 * read as WGS84 sit a consistent few hundred metres off the plan's boundaries and places of
 * record. For the imported positions that lie near a boundary or place of record, compare
 * how far they are from it read as chosen and read in each other datum: when another datum
 * brings them much closer, say so (and offer to re-read them in it). Positions far from any
 * reference say nothing, so a planner's schools in open country raise no false alarm.
 */
import type { Feature, Position } from 'geojson';
import { DATUMS, type Datum } from './options.ts';
import { reinterpret } from './formats.ts';
import { positions } from '../geo.ts';
import type { Unit } from './join.ts';

const CELL = 0.02; // degrees: ≈ 1.5 km east–west and 2.2 km north–south here
const NEAR = 2000; // metres: positions farther than this from every reference say nothing

/** The plan's boundaries (as segments) and places of record, in a grid for nearest-distance queries. */
export class Reference {
  #cells = new Map<string, [number, number, number, number][]>();

  constructor(rings: Position[][], points: Position[]) {
    const add = (a: Position, b: Position) => {
      const [x0, x1] = [Math.floor(Math.min(a[0], b[0]) / CELL), Math.floor(Math.max(a[0], b[0]) / CELL)];
      const [y0, y1] = [Math.floor(Math.min(a[1], b[1]) / CELL), Math.floor(Math.max(a[1], b[1]) / CELL)];
      for (let x = x0; x <= x1; x++)
        for (let y = y0; y <= y1; y++) {
          const k = `${x},${y}`;
          const list = this.#cells.get(k);
          if (list) list.push([a[0], a[1], b[0], b[1]]);
          else this.#cells.set(k, [[a[0], a[1], b[0], b[1]]]);
        }
    };
    for (const r of rings) for (let i = 1; i < r.length; i++) add(r[i - 1], r[i]);
    for (const p of points) add(p, p);
  }

  /** Metres from p to the nearest reference within about NEAR, else Infinity. */
  distance(p: Position): number {
    const kx = 111_320 * Math.cos((p[1] * Math.PI) / 180),
      ky = 110_574;
    const cx = Math.floor(p[0] / CELL),
      cy = Math.floor(p[1] / CELL);
    let best = Infinity;
    for (let x = cx - 1; x <= cx + 1; x++)
      for (let y = cy - 1; y <= cy + 1; y++) {
        for (const [ax, ay, bx, by] of this.#cells.get(`${x},${y}`) ?? []) {
          // point–segment distance on a local flat plane (metres)
          const ux = (bx - ax) * kx,
            uy = (by - ay) * ky,
            wx = (p[0] - ax) * kx,
            wy = (p[1] - ay) * ky;
          const len = ux * ux + uy * uy;
          const t = len ? Math.max(0, Math.min(1, (wx * ux + wy * uy) / len)) : 0;
          const d = Math.hypot(wx - t * ux, wy - t * uy);
          if (d < best) best = d;
        }
      }
    return best <= NEAR ? best : Infinity;
  }
}

/** The reference of record: the units' boundaries and the places of record (seats, stations, ports, heritage). */
export function referenceOf(units: Unit[], places: Position[]): Reference {
  const rings = units.flatMap((u) =>
    u.geometry.type === 'Polygon' ? u.geometry.coordinates : u.geometry.coordinates.flat(),
  );
  return new Reference(rings, places);
}

export interface DatumFit {
  /** the datum the data fit the plan best in */
  best: Datum;
  /** median metres to the nearest boundary or place of record, per datum */
  median: Record<Datum, number>;
  /** how many positions were compared */
  n: number;
}

const median = (a: number[]) => {
  const s = [...a].sort((x, y) => x - y);
  return s[s.length >> 1];
};

/**
 * How well the data fit the plan read in each datum, from up to `sample` of their positions
 * that lie near a reference read as chosen; null when too few do to tell.
 */
export function datumFit(features: Feature[], chosen: Datum, ref: Reference, sample = 3000): DatumFit | null {
  const all: Position[] = [];
  for (const f of features) {
    for (const p of positions(f.geometry)) all.push(p);
    if (all.length > 200_000) break;
  }
  const step = Math.max(1, Math.floor(all.length / sample));
  const near: Position[] = [];
  for (let i = 0; i < all.length; i += step) {
    // near a reference in any reading: offsets are under 1 km, references a cell apart
    if (ref.distance(all[i]) < NEAR) near.push(all[i]);
  }
  if (near.length < 8) return null;
  const med = {} as Record<Datum, number>;
  for (const d of DATUMS) med[d] = median(near.map((p) => Math.min(ref.distance(reinterpret(p, chosen, d)), NEAR)));
  const best = DATUMS.reduce((a, b) => (med[b] < med[a] ? b : a), chosen);
  return { best, median: med, n: near.length };
}

/** Whether to tell the user: another datum brings the data much closer to the plan. */
export function offerOtherDatum(fit: DatumFit | null, chosen: Datum): Datum | null {
  if (!fit || fit.best === chosen) return null;
  return fit.median[chosen] > 150 && fit.median[fit.best] < 0.35 * fit.median[chosen] ? fit.best : null;
}
