// The map embedded in another site's page (?embed in an <iframe>): a host page on the app's
// allowlist (the test server runs with EMBED_ORIGINS naming it) shows it — map, card, the way to
// the full map at the same state; a host not on the list is refused by the browser; the share
// dialog writes the embed code with a live preview; a shared link's preview tags and image.
import { createServer, type Server } from 'node:http';
import type { Frame, Page } from '@playwright/test';
import { test, expect, expectSeen, openMap } from './fixtures.ts';
import { EMBED_HOST, EMBED_HOST_PORT, ORIGIN, STRANGER_HOST, STRANGER_HOST_PORT } from './support/server.ts';
import { EMBED_ONE_ROW_MIN_WIDTH } from '../../src/lib/ui/layout.ts';

/** A host page: a heading, some text and the map in a frame of the given size. */
function hostPage(url: URL): string {
  const w = Number(url.searchParams.get('w') ?? 640);
  const h = Number(url.searchParams.get('h') ?? 480);
  const hash = url.searchParams.get('hash') ?? '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>政务公开</title><link rel="icon" href="data:,"></head>
<body><h1>关于印发新型城镇化实施方案的通知</h1><p>全文及规划图如下。</p>
<iframe src="${ORIGIN}/?embed&e2e${hash}" width="${w}" height="${h}" title="规划图" style="border:0"></iframe></body></html>`;
}

const servers: Server[] = [];
test.beforeAll(async () => {
  for (const port of [EMBED_HOST_PORT, STRANGER_HOST_PORT]) {
    const server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(hostPage(new URL(req.url ?? '/', `http://127.0.0.1:${port}`)));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', (e) => reject(new Error(`host page server on ${port}: ${e.message}`)));
      server.listen(port, '127.0.0.1', resolve);
    });
    servers.push(server);
  }
});
test.afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

/** The app's frame in the host page, once its map has drawn. */
async function embedded(page: Page): Promise<Frame> {
  const find = () => page.frames().find((f) => f.url().startsWith(`${ORIGIN}/`));
  await expect.poll(() => find() !== undefined).toBe(true);
  const f = find() as Frame;
  await f.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0, null, { timeout: 45_000 });
  return f;
}

/** Nothing in the frame's page is wider or taller than the frame (no scrollbars, nothing cut). */
async function expectNoOverflow(frame: Frame) {
  const size = await frame.evaluate(() => {
    const d = document.documentElement;
    return { sw: d.scrollWidth, cw: d.clientWidth, sh: d.scrollHeight, ch: d.clientHeight };
  });
  expect(size.sw, 'the frame scrolls sideways').toBeLessThanOrEqual(size.cw);
  expect(size.sh, 'the frame scrolls down').toBeLessThanOrEqual(size.ch);
}

test.describe('embedded in another site', () => {
  test('an allowed site embeds task 2 in English: the map draws, a card opens, the full map opens at the same state', async ({
    page,
    context,
  }) => {
    await page.goto(`${EMBED_HOST}/?w=640&h=480&hash=${encodeURIComponent('#t=2&lang=en')}`);
    const frame = await embedded(page);
    const inside = page.frameLocator('iframe');
    await expect(inside.locator('h1 .short')).toHaveText('Hulunbuir urbanization plan');
    await expectSeen(inside.getByTestId('open-full'), 'the link to the full map');
    // the compact frame: no side panel tabs, tools, matrix or tour button
    for (const id of ['open-matrix', 'start-tour', 'open-tools', 'tab-layers', 'share'])
      await expect(inside.getByTestId(id)).toHaveCount(0);
    await expect(inside.getByText('Two poles driving growth', { exact: false }).first()).toBeVisible();
    await expectNoOverflow(frame);
    // a place found by search opens its card, seen whole in the frame
    await inside.getByTestId('search').fill('Manzhouli');
    await expect(inside.getByTestId('search-results')).toBeVisible();
    await inside.getByTestId('search').press('Enter');
    await expectSeen(inside.getByTestId('feature-card'), 'the card in the frame');
    await expect(inside.getByTestId('feature-card')).toContainText('Manzhouli');
    await expect.poll(() => frame.evaluate(() => location.hash)).toContain('s=');
    // an embedded map opens no store of its own (the full map's first visit does)
    expect(await frame.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual([]);
    // the full map: a new tab, the same place and language, not embedded
    const [full] = await Promise.all([context.waitForEvent('page'), inside.getByTestId('open-full').click()]);
    await full.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0, null, { timeout: 45_000 });
    const url = new URL(full.url());
    expect(url.origin).toBe(ORIGIN);
    expect(url.searchParams.has('embed')).toBe(false);
    expect(url.hash).toContain('lang=en');
    expect(url.hash).toMatch(/s=unit-150781|s=seat-150781/);
    await expectSeen(full.getByTestId('feature-card'), 'the card in the full map');
    await expect(full.getByTestId('open-matrix')).toBeVisible();
  });

  test('a site not on the allowlist gets a blank frame; the full app is unaffected', async ({ page, log }) => {
    log.allow(/Refused to frame|frame-ancestors/);
    await page.goto(`${STRANGER_HOST}/?w=640&h=480`);
    // the browser refuses the frame: its document never becomes the app
    await expect
      .poll(() => log.errors.some((e) => /frame-ancestors/.test(e)), { message: 'the browser reports the refusal' })
      .toBe(true);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame).toBeTruthy();
    expect(await (frame as Frame).locator('#app').count()).toBe(0);
    await openMap(page);
    await expect(page.getByTestId('map')).toBeVisible();
  });

  test('the tour from step 3: the steps and the way out, no pen, presenter window or exports', async ({ page }) => {
    await page.goto(
      `${EMBED_HOST}/?w=640&h=480&hash=${encodeURIComponent('#tour=yihe-liangji-duodian&step=3&lang=en')}`,
    );
    const frame = await embedded(page);
    const inside = page.frameLocator('iframe');
    await expectSeen(inside.getByTestId('tour-caption'), 'the caption');
    await expect(inside.getByTestId('tour-count')).toContainText('3 / 8');
    for (const id of ['tool-pen', 'open-presenter', 'export-pdf', 'export-png', 'fullscreen'])
      await expect(inside.getByTestId(id)).toHaveCount(0);
    await expectSeen(inside.getByTestId('tour-exit'), 'the tour’s exit');
    await expectSeen(inside.getByTestId('open-full'), 'the link to the full map');
    await inside.getByTestId('tour-next').click();
    await expect(inside.getByTestId('tour-count')).toContainText('4 / 8');
    await expect.poll(() => frame.evaluate(() => location.hash)).toContain('step=4');
    await expectNoOverflow(frame);
    // a reader's tour: the pen's keys do nothing, and no store is opened for annotations
    await inside.locator('body').press('p');
    await expect(inside.getByTestId('tour-caption')).toBeVisible();
    expect(
      await frame.evaluate(() => document.querySelector('.maplibregl-canvas')?.getAttribute('style') ?? ''),
    ).not.toContain('crosshair');
    expect(await frame.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual([]);
  });

  for (const [w, h] of [
    [300, 250],
    [640, 480],
  ] as const)
    test(`a ${w} × ${h} frame: nothing overflows, search is at hand, a card is seen whole`, async ({ page }) => {
      await page.goto(`${EMBED_HOST}/?w=${w}&h=${h}&hash=${encodeURIComponent('#s=seat-150783')}`);
      const frame = await embedded(page);
      const inside = page.frameLocator('iframe');
      await expectSeen(inside.getByTestId('feature-card'), 'the card');
      await expect(inside.getByTestId('feature-card')).toContainText('扎兰屯');
      await expectSeen(inside.locator('h1'), 'the title');
      await expectSeen(inside.getByTestId('open-full'), 'the link to the full map');
      await expectNoOverflow(frame);
      await inside.getByTestId('feature-card').getByRole('button', { name: '关闭' }).click();
      // a narrow frame keeps its search behind a button, which brings it and its focus
      if (w < EMBED_ONE_ROW_MIN_WIDTH) {
        await expect(inside.getByTestId('search')).toBeHidden();
        await inside.getByTestId('embed-search').click();
        await expect(inside.getByTestId('search')).toBeFocused();
      }
      await inside.getByTestId('search').fill('满洲里');
      await expect(inside.getByTestId('search-results')).toBeVisible();
      await inside.getByTestId('search').press('Enter');
      await expectSeen(inside.getByTestId('feature-card'), 'the card found by search');
      await expect(inside.getByTestId('feature-card')).toContainText('满洲里');
      await expectNoOverflow(frame);
    });
});

test.describe('an embedded map and the offline cache', () => {
  test.use({ serviceWorkers: 'allow' });
  test('a frame registers no service worker (the full map does)', async ({ page }) => {
    await page.goto(`${EMBED_HOST}/?w=300&h=250`);
    const frame = await embedded(page);
    await frame.waitForFunction(() => performance.getEntriesByName('offline:not-in-frame').length > 0);
    expect(await frame.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
  });
});

test.describe('分享', () => {
  test('the dialog writes the embed code for this view, with a live preview; a bad size is refused at once', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
    await openMap(page, '#t=2');
    await page.getByTestId('share').click();
    const dialog = page.getByTestId('share-dialog');
    await expectSeen(dialog.getByRole('heading', { name: '分享' }), 'the share dialog');
    await dialog.getByTestId('embed-size-small').check();
    await dialog.getByTestId('embed-lang-en').check();
    const code = dialog.getByTestId('embed-code');
    await expect(code).toHaveValue(
      /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed#[^"]*t=2[^"]*lang=en" width="300" height="250"/,
    );
    await dialog.getByTestId('copy-code').click();
    await expect(dialog.getByRole('status')).toHaveText('已复制');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await code.inputValue());
    // the preview is the embedded map at that size, in English
    const preview = dialog.getByTestId('embed-preview');
    await expect(preview).toHaveAttribute('src', /\?embed#.*lang=en/);
    await expect(preview).toHaveAttribute('width', '300');
    await expect(page.frameLocator('[data-testid=embed-preview]').locator('h1 .short')).toHaveText(
      'Hulunbuir urbanization plan',
      {
        timeout: 45_000,
      },
    );
    // a custom size out of range: said at once, and no code to copy
    await dialog.getByTestId('embed-size-custom').check();
    await dialog.getByTestId('embed-width').fill('120');
    await expect(dialog.getByTestId('embed-problem')).toHaveText(/宽度须为 300–2560 像素的整数/);
    await expect(dialog.getByTestId('embed-code')).toHaveCount(0);
    await expect(dialog.getByTestId('embed-allow')).toContainText('部署设置');
    // Esc closes it, and the focus is back on 分享
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('share')).toBeFocused();
  });
});

test.describe('link previews', () => {
  test('index.html carries the preview tags, and the image is 1200 × 630', async ({ request }) => {
    const html = await (await request.get('/')).text();
    const meta = (k: string) => new RegExp(`<meta (?:property|name)="${k}" content="([^"]+)"`).exec(html)?.[1];
    expect(meta('og:title')).toContain('一核两极多点');
    expect(meta('og:description')).toContain('呼政办发〔2022〕54号');
    expect(meta('twitter:card')).toBe('summary_large_image');
    expect(html).toMatch(/<link rel="canonical" href="[^"]+"/);
    const image = meta('og:image') ?? '';
    expect(image).toMatch(/data\/preview\.png$/);
    const png = await (await request.get(new URL(image, `${ORIGIN}/`).href)).body();
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });

  test('the title and description follow what the page shows, in its language', async ({ page }) => {
    await openMap(page, '#t=2');
    await expect(page).toHaveTitle(/^任务 2：满洲里市、扎兰屯—阿荣旗两极驱动 · 呼伦贝尔市新型城镇化规划图$/);
    await page.getByTestId('lang').click();
    await expect(page).toHaveTitle(/^Task 2: .* · Hulunbuir urbanization plan$/);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /^Task 2: /);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute(
      'content',
      /one core, two poles, many points/,
    );
  });
});
