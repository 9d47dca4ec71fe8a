// The import worker and the service worker are built without the Svelte compiler: a module
// they import (however deep) that reaches a .svelte.ts file would run `$state` as a plain
// name and fail at once in the browser ("$state is not defined").
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { expect, it } from 'vitest';

function importGraph(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const text = readFileSync(entry, 'utf8');
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+'(\.{1,2}\/[^']+)'|import\('(\.{1,2}\/[^']+)'\)/g)) {
    const spec = m[1] ?? m[2];
    const path = resolve(dirname(entry), spec);
    if (existsSync(path)) importGraph(path, seen);
  }
  return seen;
}

for (const worker of ['src/lib/import/import.worker.ts', 'src/lib/print/print.worker.ts', 'src/offline/sw.ts']) {
  it(`${worker} imports no .svelte or .svelte.ts module, directly or not`, () => {
    const graph = [...importGraph(resolve(worker))];
    expect(graph.length).toBeGreaterThan(1);
    expect(graph.filter((f) => /\.svelte(\.ts)?$/.test(f))).toEqual([]);
  });
}
