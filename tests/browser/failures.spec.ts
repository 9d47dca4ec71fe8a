// What goes wrong on real servers and networks, caused on purpose (Playwright routing, and
// the browser's offline switch): each failure is named in a message, nothing hangs or throws,
// and the parts that do not need what failed keep working.
import { readFileSync, readdirSync } from 'node:fs';
import type { Page, Route } from '@playwright/test';
import { bytesToHeader } from 'pmtiles';
import { test, expect, openMap, rendered, waitIdle } from './fixtures.ts';

const FILE = readdirSync('dist/tiles').find((f) => /^plan\.[0-9a-f]{12}\.pmtiles$/.test(f)) ?? 'missing';
const BYTES = readFileSync(`dist/tiles/${FILE}`);
const ARCHIVE = '**/tiles/plan.*.pmtiles';
type MapWindow = { __map: import('maplibre-gl').Map };

/** A server that answers Range as nginx does, from the given bytes (or ignores Range). */
function serve(bytes: Buffer, { ignoreRange = false } = {}) {
  return (route: Route) => {
    const range = route.request().headers().range;
    const headers = { 'content-type': 'application/vnd.pmtiles', etag: '"test"' };
    if (ignoreRange || !range) return route.fulfill({ status: 200, body: bytes, headers });
    const [, a, b] = /bytes=(\d+)-(\d+)/.exec(range) ?? [];
    const start = Number(a);
    if (start >= bytes.length)
      return route.fulfill({ status: 416, headers: { 'content-range': `bytes */${bytes.length}` } });
    const end = Math.min(Number(b), bytes.length - 1);
    return route.fulfill({
      status: 206,
      body: bytes.subarray(start, end + 1),
      headers: { ...headers, 'content-range': `bytes ${start}-${end}/${bytes.length}` },
    });
  };
}

/** The plan's other parts still work: the overview names the places, a task opens, search finds. */
async function theRestWorks(page: Page) {
  await page.getByTestId('tab-plan').click();
  await page.getByTestId('open-task-2').click();
  await expect(page.getByTestId('task-view')).toContainText('满洲里');
  await page.getByTestId('search').fill('扎兰屯');
  await expect(page.getByTestId('search-results')).toContainText('扎兰屯市');
}

test.describe('the tile archive, when the server or the file is wrong', () => {
  test('a server that ignores Range: detected and said, the whole file read once, the map drawn', async ({
    page,
    log,
  }) => {
    let requests = 0;
    await page.route(ARCHIVE, (route) => {
      requests++;
      return serve(BYTES, { ignoreRange: true })(route);
    });
    await openMap(page);
    const problem = page.getByTestId('archive-problem');
    await expect(problem).toHaveAttribute('data-kind', 'no-range');
    await expect(problem).toHaveAttribute('role', 'status');
    await expect(problem).toContainText('HTTP Range');
    await expect(problem).toContainText(FILE);
    expect((await rendered(page, 'seats')).length).toBe(14);
    expect(requests, 'the whole file is read once').toBe(1);
    await expect(page.getByTestId('overview')).toHaveCount(0); // the map was drawn
    await theRestWorks(page);
    expect(log.errors).toEqual([]);
  });

  const broken: { name: string; kind: string; says: RegExp; bytes: () => Buffer }[] = [
    {
      name: 'truncated (a copy cut short)',
      kind: 'truncated',
      says: /不完整（只有 \d+ \/ \d+ 字节）/,
      bytes: () => BYTES.subarray(0, Math.floor(BYTES.length * 0.6)),
    },
    {
      name: 'not a PMTiles archive (bad magic)',
      kind: 'corrupt',
      says: /不是 PMTiles 文件/,
      bytes: () => Buffer.concat([Buffer.from('<!doctype html>'), BYTES.subarray(15)]),
    },
    {
      name: 'a damaged directory',
      kind: 'corrupt',
      says: /已损坏/,
      bytes: () => {
        const b = Buffer.from(BYTES);
        const h = bytesToHeader(b.buffer.slice(b.byteOffset, b.byteOffset + 127) as ArrayBuffer);
        b.fill(0xa5, h.rootDirectoryOffset, h.rootDirectoryOffset + h.rootDirectoryLength);
        return b;
      },
    },
  ];
  for (const c of broken) {
    test(`an archive ${c.name}: a message, the overview instead of a blank map, no uncaught error`, async ({
      page,
      log,
    }) => {
      log.allow(/Failed to load resource/);
      await page.route(ARCHIVE, serve(c.bytes()));
      await page.goto('/?e2e=1');
      const problem = page.getByTestId('archive-problem');
      await expect(problem).toHaveAttribute('data-kind', c.kind);
      await expect(problem).toHaveAttribute('role', 'alert');
      await expect(problem).toContainText(c.says);
      await expect(problem).toContainText('规划总览');
      const overview = page.getByTestId('overview');
      await expect(overview).toHaveClass(/nodata/);
      await expect(overview.locator('.overview-places')).toContainText('满洲里市');
      await waitIdle(page); // nothing left loading: no endless spinner
      await expect(overview).toBeVisible();
      await theRestWorks(page);
    });
  }

  test('an archive that changes under its name mid-session (new ETag): every tile read again, and said', async ({
    page,
    log,
  }) => {
    let etag = '"v1"';
    await page.route(ARCHIVE, async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, headers: { ...res.headers(), etag } });
    });
    await openMap(page);
    etag = '"v2"';
    const reads: string[] = [];
    page.on('request', (r) => {
      if (/\.pmtiles$/.test(r.url())) reads.push(r.headers().range ?? '');
    });
    await page.evaluate(() => (window as unknown as MapWindow).__map.jumpTo({ center: [122.74, 48.0], zoom: 8.5 }));
    const problem = page.getByTestId('archive-problem');
    await expect(problem).toHaveAttribute('data-kind', 'changed');
    await waitIdle(page);
    expect(
      reads.some((r) => r.startsWith('bytes=0-')),
      'the header is read again',
    ).toBe(true);
    expect((await rendered(page, 'seats')).length).toBeGreaterThan(0);
    expect(log.errors).toEqual([]);
  });
});

test.describe('a new release published mid-session', () => {
  test('the archive read so far is gone (a new build has a new name): the user is asked to reload, and the reload works', async ({
    page,
    log,
  }) => {
    log.allow(/404|Failed to load resource/);
    await openMap(page);
    await page.route(ARCHIVE, (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.evaluate(() => (window as unknown as MapWindow).__map.jumpTo({ center: [122.74, 48.0], zoom: 9 }));
    const problem = page.getByTestId('archive-problem');
    await expect(problem).toHaveAttribute('data-kind', 'updated');
    await expect(problem).toContainText('新版本');
    await page.unroute(ARCHIVE);
    await problem.getByRole('button', { name: '重新加载' }).click();
    await page.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0, null, { timeout: 45_000 });
    await expect(page.getByTestId('archive-problem')).toHaveCount(0);
  });
});

test.describe('the network drops mid-session', () => {
  test('the map keeps what it has, says so, and reloads what failed when the network is back', async ({
    page,
    context,
    log,
  }) => {
    log.allow(/Failed to load resource|ERR_INTERNET_DISCONNECTED/);
    await openMap(page);
    const before = (await rendered(page, 'units-line')).length;
    expect(before).toBeGreaterThan(0);
    await context.setOffline(true);
    // Somewhere not yet loaded: its tiles fail
    await page.evaluate(() => (window as unknown as MapWindow).__map.jumpTo({ center: [122.74, 48.0], zoom: 9 }));
    const problem = page.getByTestId('archive-problem');
    await expect(problem).toHaveAttribute('data-kind', 'network');
    await expect(problem).toContainText('网络中断');
    await waitIdle(page);
    const tiles = () =>
      page.evaluate(() => {
        // MapLibre's tiles in view, read only here
        const m = (window as unknown as MapWindow).__map as unknown as {
          style: { tileManagers: Record<string, { _inViewTiles: { getAllTiles(): { state: string }[] } }> };
        };
        const states = m.style.tileManagers.plan._inViewTiles.getAllTiles().map((t) => t.state);
        return {
          errored: states.filter((s) => s === 'errored').length,
          loaded: states.filter((s) => s === 'loaded').length,
        };
      });
    expect((await tiles()).errored, 'tiles failed offline').toBeGreaterThan(0);
    // what was loaded is still drawn (the lower zoom's tiles stand in)
    expect((await rendered(page, 'units-line')).length).toBeGreaterThan(0);
    await page.screenshot({ path: 'screenshots/network-lost.png' });
    await context.setOffline(false);
    await expect(problem).toHaveCount(0);
    await expect.poll(async () => (await tiles()).errored, { timeout: 30_000 }).toBe(0);
    await waitIdle(page);
    expect((await tiles()).loaded).toBeGreaterThan(0);
    expect((await rendered(page, 'seats')).map((s) => s.name)).toContain('扎兰屯市城区');
  });
});
