// The whole pipeline, run as `npm run data` runs it, on copies of the sources.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuild } from './build-helpers.ts';

// Each build takes 10–25 s (twice as long on a loaded machine); the failing builds are in
// build-failures.test.ts, a file of its own so that the two run side by side.
describe('npm run data', { timeout: 240_000 }, () => {
  it('builds the same bytes twice (deterministic) and prints each step with the total time', () => {
    // Two independent builds from the same sources, compared file by file: every output.
    const [a, b] = [mkdtempSync(join(tmpdir(), 'hlbe-out-')), mkdtempSync(join(tmpdir(), 'hlbe-out-'))];
    for (const out of [a, b]) {
      const r = runBuild('geodata/sources', out);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/validate 14 layers/);
      expect(r.stdout).toMatch(/data build done in \d+\.\d+ s/);
    }
    const files = readdirSync(a, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(relative(a, e.parentPath), e.name))
      .sort();
    expect(files).toEqual(
      expect.arrayContaining([
        'tiles/plan.pmtiles',
        'geodata/units.geojson',
        'data/features.json',
        'data/plan.json',
        'data/search.json',
        'data/tours.json',
        'data/fonts/mongolian.ttf',
      ]),
    );
    for (const f of files) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
  });
});
