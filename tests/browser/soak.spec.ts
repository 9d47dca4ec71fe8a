// A long briefing: the tour looped for 200 steps, leaving it to toggle layers between loops,
// and the PNG export (the print renderer's own map) a few times. Afterwards: no error, the
// heap of the page's objects within 10 % of where it was after a warm-up of five loops (after
// GC; see heap() for what is left out and why), and no WebGL context left alive but the main
// map's and the one print map's (kept for the page's life at 1 × 1 CSS pixel, so that a print
// does not make and lose a sheet-sized context each time); the compare map of a swipe step is
// removed with its context.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, openMap } from './fixtures.ts';

const TOUR = JSON.parse(readFileSync('geodata/stories/yihe-liangji-duodian.json', 'utf8')) as { steps: unknown[] };
const STEPS = 200;
const WARM_UP = 5; // loops

test('200 tour steps and layer toggles: heap flat, no leaked WebGL context, no error', { tag: '@slow' }, async ({
  page,
  log,
}) => {
  test.setTimeout(600_000);
  // Every WebGL context the page makes, to count the live ones at the end.
  await page.addInitScript(() => {
    const made: WebGLRenderingContext[] = [];
    (window as unknown as { __gl: typeof made }).__gl = made;
    const get = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, attrs?: unknown) {
      const ctx = (get as (t: string, a?: unknown) => RenderingContext | null).call(this, type, attrs);
      if (ctx && /webgl/.test(type) && !made.includes(ctx as WebGLRenderingContext))
        made.push(ctx as WebGLRenderingContext);
      return ctx;
    } as typeof HTMLCanvasElement.prototype.getContext;
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openMap(page);
  const cdp = await page.context().newCDPSession(page);
  /**
   * The heap the page's objects take, after GC, from a heap snapshot: every node's own size
   * but V8's compiled code (the engine keeps optimising hot functions for hundreds of steps,
   * and flushes code as it likes) and DevTools' records of the test's network requests (the
   * harness's, not the app's). Measured: those two were the whole of the growth seen with
   * `Runtime.getHeapUsage` (≈ 50 KB a loop); the app's own objects stayed flat.
   */
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const chunks: string[] = [];
    const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
    cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
    const snap = JSON.parse(chunks.join('')) as {
      snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
      nodes: number[];
      strings: string[];
    };
    const fields = snap.snapshot.meta.node_fields;
    const [typeAt, nameAt, sizeAt, width] = [
      fields.indexOf('type'),
      fields.indexOf('name'),
      fields.indexOf('self_size'),
      fields.length,
    ];
    const types = snap.snapshot.meta.node_types[0];
    let total = 0;
    for (let i = 0; i < snap.nodes.length; i += width) {
      if (
        types[snap.nodes[i + typeAt]] === 'code' ||
        snap.strings[snap.nodes[i + nameAt]].startsWith('blink::NetworkResourcesData')
      )
        continue;
      total += snap.nodes[i + sizeAt];
    }
    return total;
  };
  const alive = () =>
    page.evaluate(() =>
      (window as unknown as { __gl: WebGLRenderingContext[] }).__gl
        .filter((c) => !c.isContextLost())
        .map((c) => [c.drawingBufferWidth, c.drawingBufferHeight]),
    );
  const live = async () => (await alive()).length;
  const n = TOUR.steps.length;
  // Warm-up, driven by Playwright as a user would (including the PNG export, whose map must go).
  for (let loop = 0; loop < WARM_UP; loop++) {
    await page.getByTestId('start-tour').click();
    await expect(page.getByTestId('tour-count')).toHaveText(`1 / ${n}`);
    for (let i = 1; i < n; i++) {
      await page.keyboard.press('PageDown');
      await expect(page.getByTestId('tour-count')).toHaveText(`${i + 1} / ${n}`);
    }
    if (loop < 2) {
      const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
      expect(png.suggestedFilename()).toMatch(/\.png$/);
    }
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('tour-count')).toHaveCount(0);
    for (const id of ['toggle-rail', 'toggle-zones', 'toggle-rail', 'toggle-zones']) await page.getByTestId(id).click();
    await settle(page);
  }
  const baseline = await heap();
  // The soak: the same keys and clicks, sent from inside the page — one evaluate per loop, so
  // that the test harness's own scripts and records do not grow the heap it measures.
  let steps = 0;
  let loops = 0;
  while (steps < STEPS) {
    const count = Math.min(n - 1, STEPS - steps);
    await page.evaluate(
      async ({ count, n }) => {
        const el = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
        const until = (ok: () => boolean) =>
          new Promise<void>((resolve, reject) => {
            const t0 = performance.now();
            const check = () =>
              ok()
                ? resolve()
                : performance.now() - t0 > 30_000
                  ? reject(new Error('the tour did not advance'))
                  : requestAnimationFrame(check);
            check();
          });
        const idle = () =>
          new Promise<void>((resolve) => {
            const m = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
            if (m.loaded() && !m.isMoving()) resolve();
            else m.once('idle', () => resolve());
          });
        el('start-tour')?.click();
        await until(() => el('tour-count')?.textContent === `1 / ${n}`);
        for (let i = 1; i <= count; i++) {
          dispatchEvent(new KeyboardEvent('keydown', { key: 'PageDown', bubbles: true }));
          await until(() => el('tour-count')?.textContent === `${i + 1} / ${n}`);
          await idle();
        }
        dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
        await until(() => !el('tour-count'));
        for (const id of ['toggle-rail', 'toggle-zones', 'toggle-rail', 'toggle-zones']) {
          el(id)?.click();
          await idle();
        }
      },
      { count, n },
    );
    steps += count;
    loops++;
  }
  const after = await heap();
  const growth = (after - baseline) / baseline;
  console.log(
    `soak: ${steps} steps in ${loops} loops after ${WARM_UP} to warm up; heap ${(baseline / 1048576).toFixed(1)} → ${(after / 1048576).toFixed(1)} MB (${(growth * 100).toFixed(1)} %); live WebGL contexts ${await live()}`,
  );
  expect(growth, 'heap growth after GC').toBeLessThan(0.1);
  const contexts = await alive();
  expect(contexts.length, 'live WebGL contexts: the main map and the one print map').toBe(2);
  expect(
    contexts.filter(([w, h]) => w <= 4 && h <= 4),
    'the print map has let its sheet-sized buffers go',
  ).toHaveLength(1);
  expect(log.errors).toEqual([]);
});

async function settle(page: Page) {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const m = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
        if (m.loaded() && !m.isMoving()) resolve();
        else m.once('idle', () => resolve());
      }),
  );
}
