import { readFileSync } from 'node:fs';
import { test, expect, openMap, clickLngLat, waitIdle, expectSeen, glyphSources } from './fixtures.ts';

/** Counts the 2D canvas contexts the page makes (window.__2d) from its start to the map's first idle (then warm-up.ts sets one up): an init script. */
function count2d() {
  const w = window as unknown as { __2d: number };
  w.__2d = 0;
  for (const C of [HTMLCanvasElement, OffscreenCanvas]) {
    const get = C.prototype.getContext as (this: unknown, ...a: unknown[]) => unknown;
    C.prototype.getContext = function (this: unknown, ...a: unknown[]) {
      if (a[0] === '2d' && !performance.getEntriesByName('map:idle').length) w.__2d++;
      return get.apply(this, a);
    } as typeof C.prototype.getContext;
  }
}

/** The map's images are there: the seats' and ports' symbols, and the names in Mongolian script, drawn (not the empty pixel that stands for a name without its font). */
async function expectImagesDrawn(page: import('@playwright/test').Page) {
  const images = await page.evaluate(() => {
    const m = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
    return m.listImages().map((id) => ({ id, width: m.getImage(id)?.data.width ?? 0 }));
  });
  expect(images.filter((i) => i.id.startsWith('icon-')).length).toBeGreaterThan(2);
  const names = images.filter((i) => i.id.startsWith('mn:'));
  expect(names.length).toBeGreaterThan(2);
  expect(Math.min(...names.map((i) => i.width))).toBeGreaterThan(10);
}

test.describe('first view', () => {
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

  test("the presenter window is a page of its own that loads neither MapLibre nor the app's panels", async ({
    page,
    log,
  }) => {
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
    expect(
      js.filter((u) => /maplibre|boot\.svelte|App-/.test(u)),
      'map code in the presenter window',
    ).toEqual([]);
  });

  test('loads the plan, search, details, tours and export code only when they are used', async ({ page, log }) => {
    await openMap(page);
    const loaded = (re: RegExp) => log.requests.some((u) => re.test(u));
    for (const re of [
      /data\/plan\.json/,
      /data\/search\.json/,
      /data\/features\.json/,
      /data\/tours\.json/,
      /TourPlayer-.*\.js/,
      /print-.*\.js/,
      /handout-.*\.js/,
      /ToolPanel-.*\.js/,
      // the print font (the Mongolian names' font comes with the map: its labels are drawn in it)
      /data\/fonts\/print-/,
      /data\/layers\//,
      /data\/stats\.json/,
    ]) {
      expect(loaded(re), `${re} before use`).toBe(false);
    }
    await page.getByTestId('search').focus();
    await expect.poll(() => loaded(/data\/search\.json/)).toBe(true);
    await clickLngLat(page, 117.3702, 49.5959);
    await expectSeen(page.getByTestId('feature-card'));
    expect(loaded(/data\/features\.json/)).toBe(true);
    await expect.poll(() => loaded(/data\/plan\.json/)).toBe(true);
    expect(loaded(/TourPlayer-.*\.js/)).toBe(false);
    await page.getByTestId('start-tour').click();
    await expect(page.getByTestId('tour-caption')).toBeVisible();
    expect(loaded(/TourPlayer-.*\.js/)).toBe(true);
    expect(loaded(/data\/tours\.json/)).toBe(true);
    expect(loaded(/print-.*\.js/)).toBe(false);
  });

  test("the labels' glyphs come built ahead, in one request: none is drawn on the page", async ({ page, log }) => {
    await openMap(page);
    await waitIdle(page);
    expect(log.requests.filter((u) => /\/data\/glyphs\.pbf$/.test(u))).toHaveLength(1);
    const ranges = async () => (await glyphSources(page))['Noto Sans CJK SC']?.ranges ?? [];
    // Chinese (every place's name), then Latin (the English names) once the page is in English
    expect((await ranges()).filter((r) => r >= 0x4e && r <= 0x9f).length).toBeGreaterThan(20);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect.poll(ranges).toContain(0);
    await waitIdle(page);
    expect(log.requests.filter((u) => /\/data\/glyphs\.pbf$/.test(u))).toHaveLength(1);
    const stacks = await glyphSources(page);
    for (const [stack, s] of Object.entries(stacks)) expect(s.drawnOnPage, stack).toEqual([]);
    // and every character the labels asked for came with its glyph: none is a gap
    expect(stacks['Noto Sans CJK SC'].glyphs).toBeGreaterThan(80);
    expect(stacks['Noto Sans CJK SC'].missing).toBe(0);
  });

  test("the map's point symbols and Mongolian names are drawn in a worker: the page makes no 2D canvas as it starts", async ({
    page,
  }) => {
    // a page's first 2D canvas drawing costs 20–350 ms on this machine: counted from the start
    await page.addInitScript(count2d);
    await openMap(page);
    await waitIdle(page);
    await expectImagesDrawn(page);
    expect(await page.evaluate(() => (window as unknown as { __2d: number }).__2d)).toBe(0);
  });

  test('without the drawing worker (its script a 404), the page draws the symbols and names itself', async ({
    page,
    log,
  }) => {
    log.allow(/draw\.worker|Failed to load resource/);
    await page.route('**/assets/draw.worker-*.js', (route) => route.fulfill({ status: 404, body: '' }));
    await page.addInitScript(count2d);
    await openMap(page);
    await waitIdle(page);
    await expectImagesDrawn(page);
    expect(await page.evaluate(() => (window as unknown as { __2d: number }).__2d)).toBeGreaterThan(0);
  });

  test('without the built glyphs (a 404), the map draws its labels itself: none missing, no error', async ({
    page,
    log,
  }) => {
    log.allow(/Failed to load resource/);
    await page.route('**/data/glyphs.pbf', (route) => route.fulfill({ status: 404, body: '' }));
    await openMap(page);
    await waitIdle(page);
    const s = (await glyphSources(page))['Noto Sans CJK SC'];
    expect(s.drawnOnPage.length).toBeGreaterThan(0);
    expect(s.glyphs).toBeGreaterThan(50);
    expect(s.missing).toBe(0);
  });

  test("on a phone, the first paint has the overview's names, the page's largest paint is its drawing a frame later, the app starts once it is on the screen, and the map's attribution never opens over the map as it starts", async ({
    page,
  }) => {
    // the bench's phone (BENCH_PHONE): at this width the overview moved into the map was larger by a rounding
    await page.setViewportSize({ width: 412, height: 823 });
    await page.addInitScript(() => {
      const w = window as unknown as { __lcpIn: { what: string; at: number }[] };
      w.__lcpIn = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries() as (PerformanceEntry & { element?: Element | null })[]) {
          const el = e.element;
          const what = el?.closest('.maplibregl-ctrl-attrib')
            ? 'attribution'
            : `${el?.closest('#overview') ? 'overview ' : ''}${el?.tagName ?? '-'}`;
          w.__lcpIn.push({ what, at: e.startTime });
        }
      }).observe({ type: 'largest-contentful-paint', buffered: true });
      // at every frame the page paints, from the start: is the attribution open?
      const seen = window as unknown as { __attribOpened: boolean[] };
      seen.__attribOpened = [];
      const frame = () => {
        if (document.querySelector('.maplibregl-ctrl-attrib')?.classList.contains('maplibregl-compact-show'))
          seen.__attribOpened.push(true);
        if (!performance.getEntriesByName('map:idle').length) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    await openMap(page);
    await waitIdle(page);
    const r = await page.evaluate(() => ({
      lcp: (window as unknown as { __lcpIn: { what: string; at: number }[] }).__lcpIn,
      opened: (window as unknown as { __attribOpened: boolean[] }).__attribOpened.length,
      created: performance.getEntriesByName('map:created')[0].startTime,
      painted: performance.getEntriesByName('app:painted')[0].startTime,
      paintedBy: (performance.getEntriesByName('app:painted')[0] as PerformanceMark).detail,
      firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    }));
    // the first frame is not held back by the drawing's raster: the names paint first, the drawing
    // in a later frame (overview.css), and the app waits for it (main.ts: work begun sooner holds it back)
    const drawn = r.lcp.find((e) => e.what === 'overview image');
    expect(drawn?.at, JSON.stringify(r)).toBeGreaterThan(r.firstPaint);
    expect(r.lcp[0]?.what, JSON.stringify(r.lcp)).toBe('overview text');
    expect(r.paintedBy, 'what the app waited for (main.ts)').toBe('drawing');
    expect(r.painted, JSON.stringify(r)).toBeGreaterThanOrEqual(drawn?.at ?? Number.POSITIVE_INFINITY);
    // The overview's drawing is an image (an inline SVG's shapes are no candidate: the app's text
    // became the largest, seconds later on a phone), and moved into the map it is not larger than
    // at first (or it counts again, at the app's mount).
    const last = r.lcp.at(-1);
    expect(last?.what, JSON.stringify(r.lcp)).toBe('overview image');
    expect(last?.at, JSON.stringify(r.lcp)).toBeLessThan(r.created);
    expect(r.lcp.map((e) => e.what)).not.toContain('attribution');
    expect(r.opened).toBe(0);
    // and the ⓘ button still opens it
    await page.locator('.maplibregl-ctrl-attrib-button').click();
    await expect(page.locator('.maplibregl-ctrl-attrib')).toHaveClass(/maplibregl-compact-show/);
  });

  test('the first view compiles one shader program per layer type, and moving or lighting features compiles no more', async ({
    page,
  }) => {
    // MapLibre internals, read only here: each program costs tens of ms with software WebGL
    const programs = () =>
      page.evaluate(() =>
        Object.keys(
          (window as unknown as { __map: { painter: { programCache: { programs: object } } } }).__map.painter
            .programCache.programs,
        ),
      );
    await openMap(page);
    const first = await programs();
    // background, sky, tile clipping, fill, line + dashed line, circle, text, icon
    expect(first.length).toBeLessThanOrEqual(9);
    for (const type of ['fill', 'line', 'lineSDF', 'circle', 'symbolSDF'])
      expect(
        first.filter((p) => p.startsWith(`${type}/`)),
        type,
      ).toHaveLength(1);
    // a unit lit (its tint shows), then a close view with stations and their labels
    await clickLngLat(page, 117.3702, 49.5959);
    await expectSeen(page.getByTestId('feature-card'));
    await page.evaluate(() =>
      (window as unknown as { __map: import('maplibre-gl').Map }).__map.jumpTo({ center: [119.76, 49.21], zoom: 9.5 }),
    );
    await waitIdle(page);
    expect((await programs()).sort()).toEqual([...first].sort());
  });
});
