import { test as base, expect, type Page } from '@playwright/test';

/** Problems the page reported: page errors and console errors (any test fails on them). */
export interface PageLog {
  errors: string[];
  requests: string[];
}

export const test = base.extend<{ log: PageLog }>({
  log: async ({ page, context }, use) => {
    const log: PageLog = { errors: [], requests: [] };
    page.on('pageerror', (e) => log.errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') log.errors.push(`console: ${m.text()}`); });
    context.on('request', (r) => log.requests.push(r.url()));
    await use(log);
  },
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

/** Clicks the map at a lon/lat. */
export async function clickLngLat(page: Page, lng: number, lat: number) {
  const p = await page.evaluate(([x, y]) => {
    const m = (window as unknown as MapWindow).__map;
    const pt = m.project([x, y]);
    const r = m.getCanvas().getBoundingClientRect();
    return { x: r.left + pt.x, y: r.top + pt.y };
  }, [lng, lat]);
  await page.mouse.click(p.x, p.y);
}

export async function waitIdle(page: Page) {
  await page.evaluate(() => new Promise<void>((resolve) => {
    const m = (window as unknown as MapWindow).__map;
    if (m.loaded() && !m.isMoving()) { requestAnimationFrame(() => resolve()); return; }
    m.once('idle', () => resolve());
  }));
}
