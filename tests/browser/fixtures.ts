import { test as base, expect, type Locator, type Page } from '@playwright/test';

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
  log: [
    async ({ context }, use) => {
      const allowed: RegExp[] = [];
      const log: PageLog = {
        errors: [],
        requests: [],
        allow: (p) => {
          allowed.push(p);
        },
      };
      const watch = (page: import('@playwright/test').Page) => {
        page.on('pageerror', (e) => log.errors.push(`pageerror: ${e.message}`));
        page.on('console', (m) => {
          if (m.type() === 'error') log.errors.push(`console: ${m.text()}`);
        });
      };
      // Every page runs under the app's Content-Security-Policy (deploy/headers.ts, sent by the
      // server): a violation is a console error, so it fails the test.
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) =>
          console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
        );
        // Every page records its long tasks (main-thread work over 50 ms, ms) for measureLongTasks().
        const w = window as unknown as { __longtasks: number[] };
        w.__longtasks = [];
        try {
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) w.__longtasks.push(e.duration);
          }).observe({ type: 'longtask' });
        } catch {
          /* a browser without the Long Tasks API records none */
        }
      });
      context.pages().forEach(watch);
      context.on('page', watch);
      context.on('request', (r) => log.requests.push(r.url()));
      await use(log);
      expect(
        log.errors.filter((e) => !allowed.some((p) => p.test(e))),
        'page or console errors',
      ).toEqual([]);
    },
    { auto: true },
  ],
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
    return m
      .queryRenderedFeatures({ layers: [l] })
      .map((f) => ({ id: String(f.properties.id ?? ''), name: String(f.properties.name_zh ?? '') }));
  }, layer);
}

/** Where a lon/lat is on the page (CSS pixels). */
export function screenPoint(page: Page, lng: number, lat: number) {
  return page.evaluate(
    ([x, y]) => {
      const m = (window as unknown as MapWindow).__map;
      const pt = m.project([x, y]);
      const r = m.getCanvas().getBoundingClientRect();
      return { x: r.left + pt.x, y: r.top + pt.y };
    },
    [lng, lat],
  );
}

/**
 * Clicks the map at a lon/lat, once the map has settled (a person clicks what they see): a
 * fit's label check may still move the camera after the fit (the map says so with aria-busy).
 */
export async function clickLngLat(page: Page, lng: number, lat: number) {
  await expect(page.getByTestId('map')).not.toHaveAttribute('aria-busy', 'true');
  await page.waitForFunction(() => !(window as unknown as MapWindow).__map.isMoving());
  const p = await screenPoint(page, lng, lat);
  await page.mouse.click(p.x, p.y);
}

export async function waitIdle(page: Page) {
  // the page's fonts in first (the Mongolian labels' tiles are laid out once theirs is)
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const m = (window as unknown as MapWindow).__map;
        if (m.loaded() && !m.isMoving()) {
          requestAnimationFrame(() => resolve());
          return;
        }
        m.once('idle', () => resolve());
      }),
  );
  // no new layer waiting to be shown (an import's, restored from storage at start-up too:
  // lib/map/gpu.ts showSettled); once shown, drawn
  if (await page.evaluate(() => !!document.querySelector('[data-settling]'))) {
    await page.waitForFunction(() => !document.querySelector('[data-settling]'));
    await waitIdle(page);
  }
}

/**
 * The label glyphs of the page's main map, by fontstack (MapLibre internals, read only here):
 * the ranges it asked the `glyphs` URL for, and the canvases it drew glyphs on itself (TinySDF,
 * on the main thread) — none, when every glyph comes built ahead or from the drawing worker —
 * and how many of the characters its labels asked for came with a glyph (a missing one is a gap).
 */
export function glyphSources(
  page: Page,
): Promise<Record<string, { ranges: number[]; drawnOnPage: string[]; glyphs: number; missing: number }>> {
  return page.evaluate(() => {
    const gm = (
      (window as unknown as MapWindow).__map as unknown as {
        style: {
          glyphManager: {
            entries: Record<string, Record<string, unknown> & { requests: object; glyphs: { default: object } }>;
          };
        };
      }
    ).style.glyphManager;
    return Object.fromEntries(
      Object.entries(gm.entries).map(([stack, e]) => [
        stack,
        {
          ranges: Object.keys(e.requests).map(Number),
          drawnOnPage: ['tinySDF', 'ideographTinySDF', 'clusterTinySDFs', 'fontFaceTinySDFs'].filter((k) => e[k]),
          // blanks (spaces) have a glyph too: a null is a character with none
          glyphs: Object.values(e.glyphs.default).filter(Boolean).length,
          missing: Object.values(e.glyphs.default).filter((g) => !g).length,
        },
      ]),
    );
  });
}

/**
 * What a person sees of the highlighted and selected places on the map: `drawn`, the symbols
 * (labels and markers) the map has placed for them, as "layer:id"; `hidden`, those whose box
 * (the map's collision box, through queryRenderedFeatures) lies partly under a sheet, a card,
 * the legend's button, the map's buttons, a tour's tools or caption, or runs off the map's edge.
 * Only places whose point is on the map count (a tour step may light places beyond its frame).
 */
export function litSymbols(page: Page): Promise<{ drawn: string[]; hidden: string[] }> {
  return page.evaluate(() => {
    const m = (window as unknown as MapWindow).__map;
    const layers = m.getLayersOrder().filter((id) => m.getLayer(id)?.type === 'symbol');
    const r = m.getContainer().getBoundingClientRect();
    const key = (f: { layer: { id: string }; id?: string | number }) => `${f.layer.id}:${f.id}`;
    // a lit place the map shows (its point inside the map): one beyond a step's framing is not asked for
    const lit = (f: { state: Record<string, unknown>; geometry: GeoJSON.Geometry }) => {
      if (!(f.state.hl || f.state.selected) || f.geometry.type !== 'Point') return false;
      const p = m.project(f.geometry.coordinates as [number, number]);
      return p.x >= 0 && p.y >= 0 && p.x <= r.width && p.y <= r.height;
    };
    const inBox = (x0: number, y0: number, x1: number, y1: number) =>
      m
        .queryRenderedFeatures(
          [
            [x0, y0],
            [x1, y1],
          ],
          { layers },
        )
        .filter(lit)
        .map(key);
    const drawn = [...new Set(inBox(-300, -300, r.width + 300, r.height + 300))];
    // a label that runs off the map reaches past its edge: the strips beyond each edge
    const boxes: [number, number, number, number][] = [
      [-300, -300, r.width + 300, 0.5],
      [-300, r.height - 0.5, r.width + 300, r.height + 300],
      [-300, -300, 0.5, r.height + 300],
      [r.width - 0.5, -300, r.width + 300, r.height + 300],
    ];
    const over = [
      ...document.querySelectorAll('[data-sheet]'),
      ...document.querySelectorAll(
        '.maplibregl-ctrl-top-right, details.map-legend > summary, [role="toolbar"], [data-testid="tour-caption"]',
      ),
    ];
    for (const el of over) {
      const b = el.getBoundingClientRect();
      const x0 = Math.max(b.left, r.left) - r.left,
        y0 = Math.max(b.top, r.top) - r.top,
        x1 = Math.min(b.right, r.right) - r.left,
        y1 = Math.min(b.bottom, r.bottom) - r.top;
      if (x1 - x0 >= 1 && y1 - y0 >= 1) boxes.push([x0, y0, x1, y1]);
    }
    const hidden = new Set(boxes.flatMap((b) => inBox(...b)));
    return { drawn, hidden: [...hidden] };
  });
}

/**
 * Asserts that a person can see the element: its visible part — the element clipped by the
 * ancestors that scroll or clip it (a long list in a scrolling panel shows a window of itself)
 * — starts at the element's top, lies inside the viewport, and the topmost element
 * (document.elementFromPoint) at that part's centre and near each of its corners is the
 * element or inside it: not a sheet, card, legend or caption over it. Use it for every card,
 * panel, dialog and menu a test opens.
 */
export async function expectSeen(locator: Locator, what = 'the element') {
  await expect(locator).toBeVisible();
  await expect
    .poll(
      () =>
        locator.evaluate((el) => {
          const r = el.getBoundingClientRect();
          const vw = document.documentElement.clientWidth;
          const vh = document.documentElement.clientHeight;
          if (r.width < 1 || r.height < 1) return 'it has no size';
          // What its clipping ancestors leave of it. Only an ancestor that contains it clips it: a
          // fixed element escapes every scroller (but a transformed one); an absolute one escapes
          // the scrollers below its nearest positioned ancestor.
          let [left, top, right, bottom] = [r.left, r.top, r.right, r.bottom];
          let leave = getComputedStyle(el).position;
          for (let a = el.parentElement; a; a = a.parentElement) {
            const cs = getComputedStyle(a);
            const contains =
              leave === 'fixed'
                ? cs.transform !== 'none' || cs.filter !== 'none' || cs.contain.includes('paint')
                : leave === 'absolute'
                  ? cs.position !== 'static' || cs.transform !== 'none'
                  : true;
            if (!contains) continue;
            const clips = !(cs.overflowX === 'visible' && cs.overflowY === 'visible');
            if (clips) {
              const c = a.getBoundingClientRect();
              [left, top, right, bottom] = [
                Math.max(left, c.left),
                Math.max(top, c.top),
                Math.min(right, c.right),
                Math.min(bottom, c.bottom),
              ];
            }
            // The containing block found: from here on, what contains it is what contains `a`.
            leave = cs.position === 'fixed' ? 'fixed' : cs.position === 'absolute' ? 'absolute' : 'static';
          }
          const box = `${Math.round(left)},${Math.round(top)}–${Math.round(right)},${Math.round(bottom)}`;
          if (right - left < 1 || bottom - top < 1) return 'its scrolling container shows none of it';
          if (top > r.top + 1)
            return `its top is scrolled or cut off (element from y=${Math.round(r.top)}, shown from y=${Math.round(top)})`;
          if (left < -0.5 || top < -0.5 || right > vw + 0.5 || bottom > vh + 0.5)
            return `its visible part ${box} is not inside the viewport ${vw}×${vh}`;
          const dx = Math.min(6, (right - left) / 4);
          const dy = Math.min(6, (bottom - top) / 4);
          const points: [string, number, number][] = [
            ['centre', (left + right) / 2, (top + bottom) / 2],
            ['top left', left + dx, top + dy],
            ['top right', right - dx, top + dy],
            ['bottom left', left + dx, bottom - dy],
            ['bottom right', right - dx, bottom - dy],
          ];
          for (const [name, x, y] of points) {
            const hit = document.elementFromPoint(x, y);
            if (!hit || !(el === hit || el.contains(hit))) {
              const by = hit
                ? `${hit.tagName.toLowerCase()}${hit.id ? `#${hit.id}` : ''}${hit.getAttribute('data-testid') ? `[data-testid=${hit.getAttribute('data-testid')}]` : ''}.${[...hit.classList].join('.')}`
                : 'nothing';
              // what the cover says (a notice: which problem)
              const says = hit?.textContent?.trim().replace(/\s+/g, ' ').slice(0, 120);
              return `its ${name} (${Math.round(x)},${Math.round(y)}) is covered by ${by}${says ? ` ("${says}")` : ''}`;
            }
          }
          return 'seen';
        }),
      { message: `${what} is seen by a person` },
    )
    .toBe('seen');
}

/** Main-thread long tasks of the page (ms) since the last call (the page records them from load). */
export async function takeLongTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __longtasks: number[] }).__longtasks.splice(0));
}

/** The budget for any user action's longest main-thread task: no action blocks the page over 200 ms. */
export const LONG_TASK_BUDGET_MS = 200;

/**
 * Runs a heavy action and returns the main-thread long tasks during it (ms), the longest
 * first; the figure goes to the test's annotations (and so to the report).
 */
export async function measureLongTasks(page: Page, what: string, action: () => Promise<unknown>): Promise<number[]> {
  await takeLongTasks(page);
  await action();
  // The observer reports a task after it ends: two frames later every task of the action is in.
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))),
  );
  const tasks = (await takeLongTasks(page)).sort((a, b) => b - a);
  const blocked = tasks.reduce((t, d) => t + d, 0);
  test.info().annotations.push({
    type: 'long tasks',
    description: `${what}: longest ${Math.round(tasks[0] ?? 0)} ms, ${tasks.length} over 50 ms, ${Math.round(blocked)} ms in all`,
  });
  return tasks;
}

/**
 * Runs a heavy action (print, handout, import, export, a tour step) and asserts that no
 * main-thread task during it exceeded the budget; returns the longest, in ms.
 */
export async function expectResponsive(
  page: Page,
  what: string,
  action: () => Promise<unknown>,
  { budget = LONG_TASK_BUDGET_MS }: { budget?: number } = {},
) {
  const tasks = await measureLongTasks(page, what, action);
  const longest = tasks[0] ?? 0;
  expect(
    longest,
    `${what}: the longest main-thread task (${Math.round(longest)} ms of ${tasks.length} long tasks) is within ${budget} ms`,
  ).toBeLessThanOrEqual(budget);
  return longest;
}
