/**
 * npm run bench: prints figures, asserts nothing.
 * Data build time (3 runs, median and min–max), archive sizes, bundle sizes raw and gzip.
 * Writes bench-results/latest.json and bench-results/latest.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';

const runs: number[] = [];
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const r = spawnSync('npx', ['tsx', 'scripts/data/build.ts'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`data build failed:\n${r.stderr}`);
  runs.push((performance.now() - t0) / 1000);
}
runs.sort((a, b) => a - b);

const build = spawnSync('npx', ['vite', 'build'], { encoding: 'utf8' });
if (build.status !== 0) throw new Error(`vite build failed:\n${build.stderr}`);

const size = (f: string) => statSync(f).size;
const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
const bundle = files('dist/assets').map((f) => ({ file: f.replace('dist/', ''), raw: size(f), gzip: gzipSync(readFileSync(f)).length }));

const result = {
  date: new Date().toISOString(),
  machine: `${process.platform} ${process.arch}, node ${process.version}`,
  data_build_s: { median: runs[1], min: runs[0], max: runs[2] },
  archives_bytes: { 'plan.pmtiles': size('public/tiles/plan.pmtiles'), 'context.pmtiles': size('public/tiles/context.pmtiles'), 'features.json': size('public/data/features.json') },
  bundle,
};
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const md = [
  `| figure | value |`,
  `|---|---|`,
  `| data build (npm run data, 3 runs) | median ${runs[1].toFixed(2)} s (${runs[0].toFixed(2)}–${runs[2].toFixed(2)}) |`,
  ...Object.entries(result.archives_bytes).map(([k, v]) => `| ${k} | ${kb(v)} |`),
  ...bundle.map((b) => `| ${b.file} | ${kb(b.raw)} raw, ${kb(b.gzip)} gzip |`),
].join('\n');
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.json', JSON.stringify(result, null, 2) + '\n');
writeFileSync('bench-results/latest.md', md + '\n');
console.log(md);
