// Runs the data build only when its outputs are missing (npm start / dev / build).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const outputs = [
  'public/tiles/plan.pmtiles',
  'public/data/features.json',
  'public/data/stats.json',
  'public/data/layers/units.geojson',
];
const missing = outputs.filter((f) => !existsSync(f));
if (missing.length) {
  console.log(`data outputs missing (${missing.join(', ')}): running npm run data`);
  const r = spawnSync('npx', ['tsx', 'scripts/data/build.ts'], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
