// Offline after one visit (offline/sw.ts): the service worker caches the release whole at the
// first visit; with the network off, a reload still opens the map — its archive read by Range
// from the cache —, search and the tour. A new release is announced and applied whole.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, openMap, rendered } from './fixtures.ts';
import { TEST_PORT } from './support/server.ts';

test.use({ serviceWorkers: 'allow' });

const TOUR = JSON.parse(readFileSync('geodata/stories/yihe-liangji-duodian.json', 'utf8')) as { steps: unknown[] };

/**
 * Waits until the release is cached whole and its worker is active and controls the page.
 * (page.evaluate awaits the promise; waitForFunction would take the promise itself as true.)
 */
async function cached(page: Page) {
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const reg = await navigator.serviceWorker.getRegistration();
          return (
            !!navigator.serviceWorker.controller &&
            reg?.active?.state === 'activated' &&
            (await caches.keys()).some((k) => /^hlbe-plan-map-[0-9a-f]{16}$/.test(k))
          );
        }),
      { timeout: 60_000 },
    )
    .toBe(true);
}

const idle = (page: Page) =>
  page.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0, null, { timeout: 45_000 });

test('after one visit the map, search and the tour work with the network off', async ({ page, context, log }) => {
  log.allow(/ERR_INTERNET_DISCONNECTED|Failed to load resource/);
  await openMap(page);
  await cached(page);
  await context.setOffline(true);
  const fromWorker: string[] = [];
  page.on('response', (r) => {
    if (r.fromServiceWorker()) fromWorker.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  await page.reload();
  await idle(page);
  expect((await rendered(page, 'seats')).length).toBe(14);
  // the archive's Range reads were answered by the worker, from its cache
  expect(
    fromWorker.some((r) => /^206 .*\/tiles\/plan\.[0-9a-f]{12}\.pmtiles$/.test(r)),
    fromWorker.join('\n'),
  ).toBe(true);
  await expect(page.getByTestId('archive-problem')).toHaveCount(0);
  await page.screenshot({ path: 'screenshots/offline.png' });
  // search (search.json) and a card (features.json, plan.json)
  await page.getByTestId('search').fill('满洲里');
  await page.getByTestId('search-results').getByRole('option').first().click();
  await expect(page.getByTestId('feature-card')).toContainText('满洲里');
  // the whole tour (tours.json, the tour's code)
  await page.keyboard.press('Escape');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.getByTestId('start-tour').click();
  for (let i = 1; i <= TOUR.steps.length; i++) {
    await expect(page.getByTestId('tour-count')).toHaveText(`${i} / ${TOUR.steps.length}`);
    if (i < TOUR.steps.length) await page.keyboard.press('PageDown');
  }
  expect(log.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e))).toEqual([]);
});

// A first visit that opens in a tour: the passing word ("works offline") is read under the tour's
// tools, over neither the caption's text nor the legend's button (it sat over the one sideways on
// a phone and the other on a projector). Notices let clicks through, so a cover test by
// elementFromPoint cannot see them: their boxes are compared.
for (const [w, h] of [
  [1920, 1080],
  [812, 375],
] as const)
  test(`${w} × ${h}, in a tour: "works offline" shows below the tour's tools, over neither the caption nor the legend`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: w, height: h });
    await openMap(page, '#lang=en&tour=yihe-liangji-duodian&step=2');
    // the notice lives 2.5 s: the boxes read in one go once it shows, as the next frame paints them
    // (read in the frame it appears in, before the toolbar's size is reported, is a state no one sees)
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.toast')].some((e) => e.textContent?.includes('works offline')),
    );
    const boxes = await page.evaluateHandle(
      () =>
        new Promise((done) =>
          requestAnimationFrame(() =>
            setTimeout(() => {
              const box = (el: Element | null | undefined) => {
                const r = el?.getBoundingClientRect();
                return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
              };
              done({
                toast: box(
                  [...document.querySelectorAll('.toast')].find((e) => e.textContent?.includes('works offline')),
                ),
                'the caption': box(document.querySelector('[data-testid=tour-caption]')),
                "the legend's button": box(document.querySelector('[data-testid=map-legend] summary')),
                "the tour's tools": box(document.querySelector('[role=toolbar]')),
              });
            }, 0),
          ),
        ),
    );
    const { toast: t, ...others } = (await boxes.jsonValue()) as Record<
      string,
      { x: number; y: number; width: number; height: number } | null
    >;
    if (!t) throw new Error('no notice');
    const apart = (a: NonNullable<typeof t>, b: NonNullable<typeof t>) =>
      a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
    for (const [what, b] of Object.entries(others)) {
      if (!b) throw new Error(`${what}: not on the page`);
      expect(apart(t, b), `the notice ${JSON.stringify(t)} over ${what}`).toBe(true);
    }
    expect(t.y, "below the tour's tools").toBeGreaterThanOrEqual(others["the tour's tools"]?.y ?? Number.NaN);
  });

test.describe('a new release', () => {
  let server: ChildProcess | null = null;
  let dir = '';
  const PORT = TEST_PORT + 1; // the tests' own range, never Vite's
  const origin = `http://127.0.0.1:${PORT}`;

  test.beforeAll(async () => {
    // A deployment of its own (a copy of dist/ behind the same nginx config), to publish into.
    dir = mkdtempSync(join(tmpdir(), 'hlbe-release-'));
    chmodSync(dir, 0o755); // readable by nginx's workers whoever runs them
    cpSync('dist', dir, { recursive: true });
    expect(await fetch(`${origin}/`).catch(() => null), `port ${PORT} is taken: stop what runs there`).toBeNull();
    // its own process group, so that nginx stops with it
    server = spawn('node_modules/.bin/tsx', ['scripts/serve-nginx.ts', '--port', String(PORT), '--dist', dir], {
      stdio: 'ignore',
      detached: true,
    });
    await expect
      .poll(async () => (await fetch(`${origin}/`).catch(() => null))?.status ?? 0, { timeout: 30_000 })
      .toBe(200);
  });
  test.afterAll(() => {
    if (server?.pid) process.kill(-server.pid, 'SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  /** Publishes "release 2": a changed page, and a worker with a new version. */
  function publish() {
    const page = join(dir, 'index.html');
    writeFileSync(page, readFileSync(page, 'utf8').replace('<head>', '<head><meta name="release" content="2" />'));
    const sw = join(dir, 'sw.js');
    writeFileSync(sw, readFileSync(sw, 'utf8').replace(/(\\"version\\":\\")[0-9a-f]{16}/, '$1ffffffffffffff02'));
    rmSync(`${page}.gz`, { force: true });
    rmSync(`${sw}.gz`, { force: true });
  }
  const release = (page: Page) =>
    page.evaluate(() => document.querySelector('meta[name=release]')?.getAttribute('content') ?? '1');

  test('is announced, not applied until the user says so, then applied whole', async ({ page }) => {
    await page.goto(`${origin}/?e2e=1`);
    await idle(page);
    await cached(page);
    publish();
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    const banner = page.getByTestId('update-ready');
    await expect(banner).toContainText('地图有新版本');
    // A reload before applying is still release 1, whole (the old worker serves its own cache).
    await page.reload();
    await idle(page);
    expect(await release(page)).toBe('1');
    await expect(banner).toBeVisible(); // still waiting, still announced
    await page.screenshot({ path: 'screenshots/update-ready.png' });
    await banner.getByTestId('apply-update').click();
    await expect.poll(() => release(page).catch(() => ''), { timeout: 30_000 }).toBe('2');
    await idle(page);
    const keys = await page.evaluate(() => caches.keys());
    expect(keys.filter((k) => /^hlbe-plan-map-[0-9a-f]{16}$/.test(k))).toEqual(['hlbe-plan-map-ffffffffffffff02']);
  });
});
