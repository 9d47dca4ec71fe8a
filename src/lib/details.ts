/** Feature details (every property, no geometry), fetched once on first need. */
import type { Details } from './card.ts';
import { loadDataFile } from './data-files.ts';

export const loadDetails = () => loadDataFile<Record<string, Details>>('features.json');

export async function detailsOf(id: string): Promise<Details | null> {
  return (await loadDetails())[id] ?? null;
}
