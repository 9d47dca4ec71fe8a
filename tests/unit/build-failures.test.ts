// The data build refuses bad sources: it names the file, the feature and the reason, and
// leaves the previous outputs as they were.
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySources, runBuild } from './build-helpers.ts';

describe('npm run data, on bad sources', { timeout: 240_000 }, () => {
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
