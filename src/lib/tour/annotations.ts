/**
 * Annotations drawn during a tour, per step, kept in IndexedDB so that they survive a reload.
 * Each is a GeoJSON feature in lon/lat, so it stays on the place it marks when the map moves.
 */
import type { Feature, FeatureCollection, LineString, MultiLineString } from 'geojson';

export type Tool = 'pen' | 'arrow' | 'highlight';
export type Annotation = Feature<LineString | MultiLineString, { tool: Tool; step: string }>;

const DB = 'hlbe-plan-map';
const STORE = 'annotations';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function tx<T>(mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  return new Promise((resolve, reject) => {
    const r = run(db.transaction(STORE, mode).objectStore(STORE));
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

export const keyOf = (tour: string, step: string) => `${tour}/${step}`;

export async function loadAnnotations(tour: string, step: string): Promise<Annotation[]> {
  return ((await tx('readonly', (s) => s.get(keyOf(tour, step)))) as Annotation[] | undefined) ?? [];
}

export async function saveAnnotations(tour: string, step: string, list: Annotation[]): Promise<void> {
  await tx('readwrite', (s) => s.put(list, keyOf(tour, step)));
}

export async function allAnnotations(tour: string): Promise<FeatureCollection> {
  const keys = (await tx('readonly', (s) => s.getAllKeys())) as string[];
  const features: Annotation[] = [];
  for (const k of keys.filter((k) => k.startsWith(`${tour}/`))) features.push(...(((await tx('readonly', (s) => s.get(k))) as Annotation[]) ?? []));
  return { type: 'FeatureCollection', features };
}

/** An arrow: the shaft, and a head of two short strokes at its end (built in screen space). */
export function arrowHead(tip: [number, number], from: [number, number], size = 18): [[number, number], [number, number]] {
  const a = Math.atan2(tip[1] - from[1], tip[0] - from[0]);
  const side = (d: number): [number, number] => [tip[0] - size * Math.cos(a + d), tip[1] - size * Math.sin(a + d)];
  return [side(0.45), side(-0.45)];
}
