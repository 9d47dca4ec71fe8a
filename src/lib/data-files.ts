/**
 * The app's data files under data/ (built by `npm run data`), each fetched once on first
 * need, checked against its contract (src/contracts/) and shared; a failed fetch or a
 * malformed file is forgotten so that a later call tries again. The contracts and their
 * validator load with the first data file, not with the first view.
 */
import type * as v from 'valibot';

const cache = new Map<string, Promise<unknown>>();

export function loadDataFile<T extends v.GenericSchema>(
  file: string,
  schema: () => Promise<T>,
): Promise<v.InferOutput<T>> {
  let p = cache.get(file) as Promise<v.InferOutput<T>> | undefined;
  if (!p) {
    p = fetch(new URL(`data/${file}`, document.baseURI))
      .then((r) => {
        if (!r.ok) throw new Error(`data/${file}: HTTP ${r.status}`);
        return r.json() as Promise<unknown>;
      })
      .then(async (data) => {
        const [{ parseOrThrow }, s] = await Promise.all([import('../contracts/issues.ts'), schema()]);
        return parseOrThrow(s, data, `data/${file}`);
      });
    p.catch(() => cache.delete(file));
    cache.set(file, p);
  }
  return p;
}
