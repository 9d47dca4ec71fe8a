// The data build run as `npm run data` runs it, on copies of the sources (build tests).
import { cpSync, mkdtempSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function runBuild(sources: string, out: string) {
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

export function copySources() {
  const dir = mkdtempSync(join(tmpdir(), 'hlbe-sources-'));
  cpSync('geodata/sources', dir, { recursive: true });
  return dir;
}
