/**
 * The app's data files under data/ (built by `npm run data`), each fetched once on first
 * need and shared; a failed fetch is forgotten so that a later call tries again.
 */
const cache = new Map<string, Promise<unknown>>();

export function loadDataFile<T>(file: string): Promise<T> {
  let p = cache.get(file) as Promise<T> | undefined;
  if (!p) {
    p = fetch(new URL(`data/${file}`, document.baseURI)).then((r) => {
      if (!r.ok) throw new Error(`data/${file}: HTTP ${r.status}`);
      return r.json() as Promise<T>;
    });
    p.catch(() => cache.delete(file));
    cache.set(file, p);
  }
  return p;
}
