// Deployed for real: the shipped nginx config (deploy/nginx.conf) serves the app with the
// headers of deploy/headers.ts — a strict CSP that the app runs under (every browser test
// fails on a violation), caching by kind of file, Range without compression for the archive,
// compressed text, and the same app under a sub-path.
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { test, expect, openMap } from './fixtures.ts';
import { securityHeaders } from '../../deploy/headers.ts';
import { EMBED_HOST } from './support/server.ts';

/** The headers of the test server: the defaults, and the embedding test's host allowed to frame the map. */
const SECURITY_HEADERS = securityHeaders([EMBED_HOST]);
const CSP = SECURITY_HEADERS['Content-Security-Policy'];

const asset = (re: RegExp) => readdirSync('dist/assets').find((f) => re.test(f)) ?? 'missing';
/** The archive's name in the build: tiles/plan.<hash of its content>.pmtiles */
const archive = `tiles/${readdirSync('dist/tiles').find((f) => /^plan\.[0-9a-f]{12}\.pmtiles$/.test(f)) ?? 'missing'}`;

test.describe('deployed with nginx', () => {
  test('every response carries the security headers; pages are revalidated, hashed assets kept a year', async ({
    request,
  }) => {
    for (const path of [
      '/',
      '/presenter.html',
      `/assets/${asset(/^maplibre-.*\.js$/)}`,
      `/${archive}`,
      '/data/search.json',
      '/plan-map/',
    ]) {
      const r = await request.get(path);
      expect(r.status(), path).toBe(200);
      for (const [k, v] of Object.entries(SECURITY_HEADERS))
        expect(r.headers()[k.toLowerCase()], `${path} ${k}`).toBe(v);
    }
    // the page's one inline style (the overview's) is the one the policy allows: its hash, from the page served
    const page = await (await request.get('/')).text();
    const styles = [...page.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
    expect(styles).toHaveLength(1);
    expect(CSP).toContain(`'sha256-${createHash('sha256').update(styles[0]).digest('base64')}'`);
    expect((await request.get('/')).headers()['cache-control']).toBe('no-cache');
    expect((await request.get(`/assets/${asset(/^maplibre-.*\.js$/)}`)).headers()['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    expect((await request.get(`/plan-map/assets/${asset(/^maplibre-.*\.js$/)}`)).headers()['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    // the archive's name carries its content's hash: kept a year too, at / and under the sub-path
    for (const path of [`/${archive}`, `/plan-map/${archive}`])
      expect((await request.get(path)).headers()['cache-control'], path).toBe('public, max-age=31536000, immutable');
    expect((await request.get('/sw.js')).headers()['cache-control']).toBe('no-cache');
  });

  test('the archive is read by Range and never compressed; text is compressed', async ({ request }) => {
    for (const path of [`/${archive}`, `/plan-map/${archive}`]) {
      const r = await request.get(path, { headers: { Range: 'bytes=0-126', 'Accept-Encoding': 'gzip, br' } });
      expect(r.status(), path).toBe(206);
      expect(r.headers()['content-range'], path).toMatch(/^bytes 0-126\//);
      expect(r.headers()['content-encoding'], path).toBeUndefined();
      expect((await r.body()).subarray(0, 7).toString()).toBe('PMTiles');
      expect(r.headers().etag, path).toBeTruthy();
    }
    // Text is served from the .gz the build wrote beside it (gzip_static), not compressed per request.
    const file = asset(/^maplibre-.*\.js$/);
    const js = await request.get(`/assets/${file}`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(js.headers()['content-encoding']).toBe('gzip');
    expect(Number(js.headers()['content-length'])).toBe(statSync(`dist/assets/${file}.gz`).size);
  });

  test('the app works under a sub-path, under the CSP', async ({ page }) => {
    await page.goto('/plan-map/?e2e=1');
    await page.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0, null, { timeout: 45_000 });
    await expect(page.getByTestId('search')).toBeVisible();
  });

  test('the CSP is enforced: an injected inline script does not run, and the violation is reported', async ({
    page,
    log,
  }) => {
    log.allow(/CSP violation|Content Security Policy/);
    await openMap(page);
    const headers = (await page.request.get('/')).headers();
    expect(headers['content-security-policy']).toBe(CSP);
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/CSP violation/.test(m.text())) violations.push(m.text());
    });
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.body.append(s);
      return (window as unknown as { __inline?: number }).__inline;
    });
    expect(ran).toBeUndefined();
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    expect(violations[0]).toContain('script-src');
  });
});
