import { test as base, expect, type Page } from '@playwright/test';

/**
 * Problems the pages reported: page errors and console errors. Every test fails on any of
 * them when it ends (the check is in the fixture's teardown, not in each test); a test that
 * causes a failure on purpose says which messages it expects with `allow`.
 */
export interface PageLog {
  errors: string[];
  requests: string[];
  /** expect messages matching this (e.g. the 404 of an archive the test removes) */
  allow(pattern: RegExp): void;
}

export const test = base.extend<{ log: PageLog }>({
  log: [async ({ context }, use) => {
    const allowed: RegExp[] = [];
    const log: PageLog = { errors: [], requests: [], allow: (p) => { allowed.push(p); } };
    const watch = (page: import('@playwright/test').Page) => {
      page.on('pageerror', (e) => log.errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => { if (m.type() === 'error') log.errors.push(`console: ${m.text()}`); });
    };
    // Every page runs under the app's Content-Security-Policy (deploy/headers.ts, sent by the
    // server): a violation is a console error, so it fails the test.
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
    });
    context.pages().forEach(watch);
    context.on('page', watch);
    context.on('request', (r) => log.requests.push(r.url()));
    await use(log);
    expect(log.errors.filter((e) => !allowed.some((p) => p.test(e))), 'page or console errors').toEqual([]);
  }, { auto: true }],
});

export { expect };

/** Opens the app (with the test hook) and waits for the map's first idle. */
export async function openMap(page: Page, hash = '') {
  await page.goto(`/?e2e=1${hash}`);
  await page.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0, null, { timeout: 45_000 });
}

type MapWindow = { __map: import('maplibre-gl').Map };

/** Rendered features of a style layer at the current view. */
export function rendered(page: Page, layer: string) {
  return page.evaluate((l) => {
    const m = (window as unknown as MapWindow).__map;
    return m.queryRenderedFeatures({ layers: [l] }).map((f) => ({ id: String(f.properties.id ?? ''), name: String(f.properties.name_zh ?? '') }));
  }, layer);
}

/** Where a lon/lat is on the page (CSS pixels). */
export function screenPoint(page: Page, lng: number, lat: number) {
  return page.evaluate(([x, y]) => {
    const m = (window as unknown as MapWindow).__map;
    const pt = m.project([x, y]);
    const r = m.getCanvas().getBoundingClientRect();
    return { x: r.left + pt.x, y: r.top + pt.y };
  }, [lng, lat]);
}

/** Clicks the map at a lon/lat. */
export async function clickLngLat(page: Page, lng: number, lat: number) {
  const p = await screenPoint(page, lng, lat);
  await page.mouse.click(p.x, p.y);
}

export async function waitIdle(page: Page) {
  await page.evaluate(() => new Promise<void>((resolve) => {
    const m = (window as unknown as MapWindow).__map;
    if (m.loaded() && !m.isMoving()) { requestAnimationFrame(() => resolve()); return; }
    m.once('idle', () => resolve());
  }));
}
