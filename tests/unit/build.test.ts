// The whole pipeline, run as `npm run data` runs it, on copies of the sources.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

function runBuild(sources: string, out: string) {
  const r = spawnSync(
    'npx',
    [
      'tsx',
      'scripts/data/build.ts',
      '--sources',
      sources,
      '--geodata',
      join(out, 'geodata'),
      '--tiles',
      join(out, 'tiles'),
      '--details',
      join(out, 'data'),
    ],
    { encoding: 'utf8' },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function copySources() {
  const dir = mkdtempSync(join(tmpdir(), 'hlbe-sources-'));
  cpSync('geodata/sources', dir, { recursive: true });
  return dir;
}

// Each case runs the whole build (10–25 s, twice as long on a loaded machine).
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

  it('fails on invalid data with file, feature and reason, and leaves the previous outputs untouched', () => {
    const sources = copySources();
    const csv = join(sources, 'reference/heritage.csv');
    // Text that is in no source: the spam from the plan capture, slipped into a note.
    writeFileSync(
      csv,
      readFileSync(csv, 'utf8').replace('point = station;', `point = station; 365\u4f53\u80b2\u6295\u6ce8;`),
    );
    const out = mkdtempSync(join(tmpdir(), 'hlbe-out-'));
    cpSync('tests/fixtures/geodata/good.geojson', join(out, 'geodata', 'heritage.geojson'));
    const before = readFileSync(join(out, 'geodata', 'heritage.geojson'), 'utf8');
    const r = runBuild(sources, out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('geodata/heritage.geojson · heritage-bugt · text not from any source');
    expect(readFileSync(join(out, 'geodata', 'heritage.geojson'), 'utf8')).toBe(before);
    expect(existsSync(join(out, 'tiles', 'plan.pmtiles'))).toBe(false);
  });

  it('fails on a broken source row with the file and the reason', () => {
    const sources = copySources();
    const csv = join(sources, 'reference/places.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8').replace('117.3702,49.5959', 'east,49.5959'));
    const r = runBuild(sources, mkdtempSync(join(tmpdir(), 'hlbe-out-')));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/data build failed: reference\/places\.csv 150781 lon: "east" is not a number/);
  });
});
