/**
 * Annotations drawn during a tour, per step, kept in IndexedDB so that they survive a reload.
 * Each is a GeoJSON feature in lon/lat, so it stays on the place it marks when the map moves.
 */
import type { Feature, FeatureCollection, LineString, MultiLineString } from 'geojson';
import { createStore, get, getMany, keys, set } from 'idb-keyval';

export type Tool = 'pen' | 'arrow' | 'highlight';
export type Annotation = Feature<LineString | MultiLineString, { tool: Tool; step: string }>;

// One database and store (the same as before idb-keyval: annotations drawn earlier stay).
const store = createStore('hlbe-plan-map', 'annotations');

const keyOf = (tour: string, step: string) => `${tour}/${step}`;

export async function loadAnnotations(tour: string, step: string): Promise<Annotation[]> {
  return (await get<Annotation[]>(keyOf(tour, step), store)) ?? [];
}

export async function saveAnnotations(tour: string, step: string, list: Annotation[]): Promise<void> {
  await set(keyOf(tour, step), list, store);
}

/** Every annotation of a tour, all steps, as one FeatureCollection (for export). */
export async function allAnnotations(tour: string): Promise<FeatureCollection> {
  const mine = ((await keys(store)) as string[]).filter((k) => k.startsWith(`${tour}/`)).sort();
  const lists = await getMany<Annotation[] | undefined>(mine, store);
  return { type: 'FeatureCollection', features: lists.flatMap((l) => l ?? []) };
}
