/** Feature details (every property, no geometry), fetched once on first need. */
import type { Details } from './card.ts';

let cache: Promise<Record<string, Details>> | null = null;

export function loadDetails(): Promise<Record<string, Details>> {
  cache ??= fetch(new URL('data/features.json', document.baseURI)).then((r) => {
    if (!r.ok) throw new Error(`data/features.json: HTTP ${r.status}`);
    return r.json() as Promise<Record<string, Details>>;
  });
  cache.catch(() => { cache = null; });
  return cache;
}

export async function detailsOf(id: string): Promise<Details | null> {
  return (await loadDetails())[id] ?? null;
}
