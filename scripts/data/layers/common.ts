/**
 * What every layer builder shares: the inputs under geodata/sources/, the build context
 * (other layers, built on first use; reference/places.csv parsed once), and the geometry
 * helpers that make features of record (WGS84, 6 decimals, RFC 7946 winding).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import * as turf from '@turf/turf';
import { areaKm2 } from '../../../src/lib/geodesy.ts';
import type { DataLayerName } from '../../../src/contracts/layers.ts';
import type { BaseProps, Confidence, RecordFeature } from '../lib/types.ts';

/** parts or holes smaller than this (km²) are quantisation artefacts of the source */
const SLIVER_KM2 = 0.05;

export type Poly = Polygon | MultiPolygon;

export interface Inputs {
  dir: string;
  read(rel: string): string;
}

export function inputsAt(dir: string): Inputs {
  return { dir, read: (rel) => readFileSync(join(dir, rel), 'utf8') };
}

/** What a builder gets: the inputs, the other layers, and where to report what it did. */
export interface BuildContext {
  inp: Inputs;
  /** reference/places.csv, parsed once */
  places: Record<string, string>[];
  /** another layer's features, built on first use */
  layer<G extends Geometry = Geometry>(name: DataLayerName): RecordFeature<G>[];
  /** a result several builders share (rail lines and stations are made together), made once */
  once<T>(key: string, make: () => T): T;
  report: { repairs: number; unplaced: string[] };
}

/** Makes one layer of record (registry: src/contracts/layers.ts). */
export type Builder = (ctx: BuildContext) => RecordFeature[];

export const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
export const roundPos = (p: Position): Position => [round6(p[0]), round6(p[1])];

export function conf(v: string, where: string): Confidence {
  if (v === 'high' || v === 'medium' || v === 'low') return v;
  throw new Error(`${where}: confidence "${v}" is not high/medium/low`);
}

export function num(v: string, where: string): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n)) throw new Error(`${where}: "${v}" is not a number`);
  return n;
}

/** Drops consecutive duplicate positions (rounding can create them). */
function dedupeRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

/**
 * Drops vertices where a ring doubles back on itself or runs straight on (triangle with its
 * neighbours under ~8 m²): the source's 1/1024° quantisation leaves such spikes, and after
 * rounding to 6 decimals a spike's return leg can cross its own start.
 */
function removeSpikes(ring: Position[]): Position[] {
  const open = ring.slice(0, -1);
  let changed = true;
  while (changed && open.length > 3) {
    changed = false;
    for (let i = 0; i < open.length && open.length > 3; i++) {
      const a = open[(i - 1 + open.length) % open.length],
        b = open[i],
        c = open[(i + 1) % open.length];
      const twiceArea = Math.abs((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1]));
      if (twiceArea < 2e-9) {
        open.splice(i, 1);
        changed = true;
        i--;
      }
    }
  }
  return [...open, open[0]];
}

/** Areas of record are ellipsoidal (lib/geodesy.ts). */
export const km2 = (g: Poly) => areaKm2(g);
/** A quick spherical size, for tolerances only (sliver cuts, the largest part): never shown. */
export const roughKm2 = (g: Poly) => turf.area(turf.feature(g)) / 1e6;

/**
 * Makes a polygon valid and tidy: union with itself resolves self-intersections; parts and
 * holes smaller than SLIVER_KM2 are dropped; coordinates rounded to 6 decimals; rings wound
 * by the right-hand rule (RFC 7946: exterior counter-clockwise).
 */
export function repairPolygon(g: Poly): { geometry: Poly; dropped: number } {
  const f = turf.feature(g);
  const u = turf.union(turf.featureCollection([f, f]));
  if (!u) throw new Error('polygon vanished in repair');
  const polys = u.geometry.type === 'Polygon' ? [u.geometry.coordinates] : u.geometry.coordinates;
  let dropped = 0;
  const kept: Position[][][] = [];
  for (const poly of polys) {
    if (roughKm2({ type: 'Polygon', coordinates: [poly[0]] }) < SLIVER_KM2) {
      dropped++;
      continue;
    }
    const rings = [poly[0]];
    for (const hole of poly.slice(1)) {
      if (roughKm2({ type: 'Polygon', coordinates: [hole] }) < SLIVER_KM2) dropped++;
      else rings.push(hole);
    }
    kept.push(rings.map((r) => removeSpikes(dedupeRing(r.map(roundPos)))));
  }
  const geometry: Poly =
    kept.length === 1 ? { type: 'Polygon', coordinates: kept[0] } : { type: 'MultiPolygon', coordinates: kept };
  return { geometry: (turf.rewind(turf.feature(geometry)) as Feature<Poly>).geometry, dropped };
}

/** Dissolves polygons into one (union), tidied like repairPolygon. */
export function dissolve(geoms: Poly[]): Poly {
  // turf.union wants two or more: a single polygon is unioned with itself.
  const parts = geoms.length === 1 ? [geoms[0], geoms[0]] : geoms;
  const u = turf.union(turf.featureCollection(parts.map((g) => turf.feature(g))));
  if (!u) throw new Error('dissolve produced nothing');
  return repairPolygon(u.geometry).geometry;
}

export function feature<G extends Feature['geometry']>(geometry: G, props: BaseProps): RecordFeature<G> {
  return { type: 'Feature', id: props.id, properties: props, geometry } as RecordFeature<G>;
}

/**
 * A reference row's published position (reference/*.csv columns precision_m,
 * position_source_url, checked), as feature properties: the precision its source states or
 * implies, where it was published, and what was checked of it. No precision_m: no published
 * position (the point is then approximate, and the only kind the build may move).
 */
export function positionProps(
  r: Record<string, string>,
  where: string,
): { precision_m?: number; position_source_url?: string; checked?: string } {
  const out: { precision_m?: number; position_source_url?: string; checked?: string } = {};
  if (r.precision_m?.trim()) out.precision_m = num(r.precision_m, `${where} precision_m`);
  if (r.position_source_url?.trim()) out.position_source_url = r.position_source_url.trim();
  if (r.checked?.trim()) out.checked = r.checked.trim();
  return out;
}

/** Why a reference row is not drawn (its omit_reason, or no position), or null when it is. */
export function omitted(r: Record<string, string>): string | null {
  if (r.omit_reason?.trim()) return r.omit_reason.trim();
  if (!r.lon?.trim() || !r.lat?.trim()) return `no position in the sources (${r.source})`;
  return null;
}
