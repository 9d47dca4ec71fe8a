// npm run serve:nginx from a private folder (mode 700, like root's home in a container):
// nginx started as root hands its workers to `nobody`, who would answer 403 to everything.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].some(existsSync);
let server: ChildProcess | undefined;
// The whole group (npx → tsx → node → nginx): killing npx alone left nginx serving after the run.
afterAll(() => {
  try {
    if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
});

it('serves a dist/ in a mode-700 folder (as root too)', { timeout: 60_000 }, async () => {
  expect(nginx, 'nginx is missing: apt-get install -y nginx (npm test installs it first when run as root)').toBe(true);
  const dist = mkdtempSync(join(tmpdir(), 'hlbe-private-'));
  expect(statSync(dist).mode & 0o777).toBe(0o700);
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>private</title>');
  const port = 4390 + (process.pid % 50);
  server = spawn('npx', ['tsx', 'scripts/serve-nginx.ts', '--port', String(port), '--dist', dist], {
    stdio: 'pipe',
    detached: true,
  });
  let status = 0;
  // npx, tsx and nginx start in a few seconds; a loaded machine may take ten times as long.
  for (let i = 0; i < 450 && status === 0; i++) {
    status = await fetch(`http://127.0.0.1:${port}/`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 0) await new Promise((r) => setTimeout(r, 100));
  }
  expect(status).toBe(200);
});
