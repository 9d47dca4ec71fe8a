/**
 * A presenter's own tours, kept in this browser (IndexedDB: a database of their own — idb-keyval
 * makes one store per database), by id, and in memory for the visit (played even where the store
 * cannot keep them). A draft may not pass the check yet: it is kept as it is.
 */
import { createStore, del, get, set, values } from 'idb-keyval';
import type { Tour } from '../../contracts/tour.ts';

const store = createStore('hlbe-plan-map-tours', 'tours');

export async function listOwnTours(): Promise<Tour[]> {
  return ((await values<Tour>(store)) ?? []).sort((a, b) => a.id.localeCompare(b.id));
}

/** the tours saved in this visit, as saved: played even where the store cannot keep them */
const here = new Map<string, Tour>();

export const getOwnTour = async (id: string) => here.get(id) ?? (await get<Tour>(id, store));
export function saveOwnTour(t: Tour): Promise<void> {
  here.set(t.id, t);
  return set(t.id, t, store);
}
export function deleteOwnTour(id: string): Promise<void> {
  here.delete(id);
  return del(id, store);
}
