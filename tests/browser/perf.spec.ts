import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { test, expect, openMap, clickLngLat, waitIdle } from './fixtures.ts';

test.describe('first view', () => {
  test('without WebGL, the overview drawn at build time stays, with a note and the list of places', async () => {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--disable-webgl', '--disable-3d-apis', '--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto('http://127.0.0.1:4173/');
      const overview = page.getByTestId('overview');
      await expect(overview).toHaveClass(/nowebgl/);
      await expect(overview.locator('svg')).toBeVisible();
      await expect(overview.getByRole('alert')).toContainText('WebGL');
      for (const name of ['海拉尔区', '满洲里市', '扎兰屯市', '鄂伦春自治旗']) await expect(overview.locator('.overview-places')).toContainText(name);
      // the 14 seats named in both languages, the page's shown (overview.css, <html lang>)
      await expect(overview.locator('svg text.zh')).toHaveCount(14);
      await expect(overview.locator('svg text.en')).toHaveCount(14);
      await expect(overview.locator('svg text.zh').first()).toBeVisible();
      await expect(overview.locator('svg text.en').first()).toBeHidden();
      await expect(page.locator('h1')).toBeVisible(); // the rest of the app still works
      await page.getByTestId('tab-plan').click();
      await expect(page.getByTestId('open-task-2')).toBeVisible();
      await page.screenshot({ path: 'screenshots/no-webgl.png' });
      // search opens the card over the overview
      await page.getByTestId('search').fill('满洲里');
      await page.getByTestId('search-results').getByRole('option').first().click();
      await expect(page.getByTestId('feature-card').locator('h2')).toHaveText('满洲里市');
      await page.screenshot({ path: 'screenshots/no-webgl-card.png' });
      await page.getByTestId('feature-card').getByRole('button', { name: '关闭' }).click();
      // the tour says what it cannot do instead of offering tools that fail
      await page.getByTestId('start-tour').click();
      await expect(page.getByTestId('tour-nomap')).toContainText('WebGL');
      await expect(page.getByTestId('tool-pen')).toHaveCount(0);
      await expect(page.getByTestId('export-png')).toHaveCount(0);
      // in English the overview speaks English too: the note, the seats, the places
      const en = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      en.on('pageerror', (e) => errors.push(e.message));
      await en.goto('http://127.0.0.1:4173/#lang=en');
      const ov = en.getByTestId('overview');
      await expect(ov).toHaveClass(/nowebgl/);
      await expect(ov.getByRole('alert').locator('.en')).toBeVisible();
      await expect(ov.getByRole('alert').locator('.en')).toContainText('This browser cannot show the interactive map');
      await expect(ov.getByRole('alert').locator('.zh')).toBeHidden();
      await expect(ov.locator('svg text.en').first()).toBeVisible();
      await expect(ov.locator('svg text.zh').first()).toBeHidden();
      await expect(ov.locator('.overview-places li').first().locator('.en')).toBeVisible();
      await en.screenshot({ path: 'screenshots/no-webgl-en.png' });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  test('the overview is in the page before any script runs, and gives way to the live map', async ({ page, log }) => {
    log.allow(/Failed to load resource/); // the scripts blocked on purpose
    await page.route('**/*.js', (route) => route.abort()); // no script at all
    await page.goto('/');
    await expect(page.getByTestId('overview').locator('svg')).toBeVisible();
    await page.unroute('**/*.js');
    await openMap(page);
    await expect(page.getByTestId('overview')).toHaveCount(0);
    expect(await page.evaluate(() => performance.getEntriesByName('map:idle').length)).toBe(1);
  });

  test('the presenter window is a page of its own that loads neither MapLibre nor the app\'s panels', async ({ page, log }) => {
    const tours = JSON.parse(readFileSync('public/data/tours.json', 'utf8')) as { id: string }[];
    // Its old address leads there.
    await page.goto(`/?presenter=1#tour=${tours[0].id}&step=2`);
    await expect(page).toHaveURL(/\/presenter\.html#tour=/);
    await page.waitForFunction(() => performance.getEntriesByName('presenter:ready').length > 0);
    log.requests.length = 0;
    await page.goto('about:blank');
    await page.goto(`/presenter.html#tour=${tours[0].id}&step=2`);
    await page.waitForFunction(() => performance.getEntriesByName('presenter:ready').length > 0);
    await expect(page.getByTestId('presenter-count')).toHaveText(/^2 \/ /);
    const js = log.requests.filter((u) => /\.m?js(\?|$)/.test(u));
    expect(js.length).toBeGreaterThan(0);
    expect(js.filter((u) => /maplibre|boot\.svelte|App-/.test(u)), 'map code in the presenter window').toEqual([]);
  });

  test('loads the plan, search, details, tours and export code only when they are used', async ({ page, log }) => {
    await openMap(page);
    const loaded = (re: RegExp) => log.requests.some((u) => re.test(u));
    for (const re of [/data\/plan\.json/, /data\/search\.json/, /data\/features\.json/, /data\/tours\.json/, /TourPlayer-.*\.js/, /print-.*\.js/, /handout-.*\.js/, /ToolPanel-.*\.js/, /data\/fonts\//, /data\/layers\//, /data\/stats\.json/]) {
      expect(loaded(re), `${re} before use`).toBe(false);
    }
    await page.getByTestId('search').focus();
    await expect.poll(() => loaded(/data\/search\.json/)).toBe(true);
    await clickLngLat(page, 117.3702, 49.5959);
    await expect(page.getByTestId('feature-card')).toBeVisible();
    expect(loaded(/data\/features\.json/)).toBe(true);
    await expect.poll(() => loaded(/data\/plan\.json/)).toBe(true);
    expect(loaded(/TourPlayer-.*\.js/)).toBe(false);
    await page.getByTestId('start-tour').click();
    await expect(page.getByTestId('tour-caption')).toBeVisible();
    expect(loaded(/TourPlayer-.*\.js/)).toBe(true);
    expect(loaded(/data\/tours\.json/)).toBe(true);
    expect(loaded(/print-.*\.js/)).toBe(false);
  });

  test('the first view compiles one shader program per layer type, and moving or lighting features compiles no more', async ({ page }) => {
    // MapLibre internals, read only here: each program costs tens of ms with software WebGL
    const programs = () => page.evaluate(() => Object.keys((window as unknown as { __map: { painter: { programCache: { programs: object } } } }).__map.painter.programCache.programs));
    await openMap(page);
    const first = await programs();
    // background, sky, tile clipping, fill, line + dashed line, circle, text, icon
    expect(first.length).toBeLessThanOrEqual(9);
    for (const type of ['fill', 'line', 'lineSDF', 'circle', 'symbolSDF']) expect(first.filter((p) => p.startsWith(`${type}/`)), type).toHaveLength(1);
    // a unit lit (its tint shows), then a close view with stations and their labels
    await clickLngLat(page, 117.3702, 49.5959);
    await expect(page.getByTestId('feature-card')).toBeVisible();
    await page.evaluate(() => (window as unknown as { __map: import('maplibre-gl').Map }).__map.jumpTo({ center: [119.76, 49.21], zoom: 9.5 }));
    await waitIdle(page);
    expect((await programs()).sort()).toEqual([...first].sort());
  });
});
