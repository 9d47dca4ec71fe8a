/**
 * A presenter's own tours, kept in this browser (IndexedDB: a database of their own — idb-keyval
 * makes one store per database), by id. A draft may not pass the check yet: it is kept as it is.
 */
import { createStore, del, get, set, values } from 'idb-keyval';
import type { Tour } from '../../contracts/tour.ts';

const store = createStore('hlbe-plan-map-tours', 'tours');

export async function listOwnTours(): Promise<Tour[]> {
  return ((await values<Tour>(store)) ?? []).sort((a, b) => a.id.localeCompare(b.id));
}

export const getOwnTour = (id: string) => get<Tour>(id, store);
export const saveOwnTour = (t: Tour) => set(t.id, t, store);
export const deleteOwnTour = (id: string) => del(id, store);
