// Unit tests read the data build's outputs (public/data, public/tiles): a fresh clone builds
// them once here, so `npm run test:unit` passes without running `npm run data` first.
import { spawnSync } from 'node:child_process';

export default function setup() {
  const r = spawnSync('npx', ['tsx', 'scripts/data/ensure.ts'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('the data build failed: see its output above (npm run data)');
}
