// The planners' tools as a planner uses them: measure, within distance, statistics, compare,
// print and download, restored from links, on a desktop and on a phone, in both languages.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { unzipSync, strFromU8 } from 'fflate';
import { csvParseRows } from 'd3-dsv';
import * as v from 'valibot';
import GJV from 'geojson-validation';
import {
  test,
  expect,
  openMap,
  clickLngLat,
  screenPoint,
  waitIdle,
  expectSeen,
  expectResponsive,
  measureLongTasks,
} from './fixtures.ts';
import type { Download, Page } from '@playwright/test';
import { distanceM, formatArea, formatLength, polygonM } from '../../src/lib/geodesy.ts';
import { LayerDownloadSchema } from '../../src/contracts/download.ts';
import { StatsFileSchema } from '../../src/contracts/stats.ts';
import { DOWNLOAD_LAYERS } from '../../src/lib/tools/downloads.ts';
import { must } from '../../src/lib/must.ts';

type MapWindow = { __map: import('maplibre-gl').Map; __compare?: import('maplibre-gl').Map };
const layer = (name: string) =>
  JSON.parse(readFileSync(`geodata/${name}.geojson`, 'utf8')) as {
    features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: number[] } }[];
  };
const seat = (code: string) =>
  must(
    layer('structure_points').features.find((f) => f.properties.id === `seat-${code}`),
    `seat ${code}`,
  ).geometry.coordinates as [number, number];
const HAILAR = seat('150702');
const MANZHOULI = seat('150781');
const ZALANTUN = seat('150783');

async function openTool(page: Page, name: string | RegExp) {
  await page.getByTestId('open-tools').click();
  await page.getByRole('menuitemradio', { name }).click();
  await expectSeen(page.getByTestId('tool-panel'));
}

const saved = async (d: Download) => readFileSync(must(await d.path(), 'the download'));

test.describe('measure', () => {
  test('Hailar seat to Manzhouli seat by clicking: the geodesic distance, snapped to the seats, kept by a link', async ({
    page,
  }) => {
    await openMap(page);
    await openTool(page, '测距');
    await clickLngLat(page, ...HAILAR);
    await clickLngLat(page, ...MANZHOULI);
    const expected = formatLength(distanceM(HAILAR, MANZHOULI), 'zh');
    await expect(page.getByTestId('measure-total')).toHaveText(expected);
    // Both ends snapped to the seats, named by their units, never by a street office.
    await expect(page.getByTestId('measure-result')).toContainText('海拉尔区 · 驻地');
    await expect(page.getByTestId('measure-result')).toContainText('满洲里市 · 驻地');
    await expect(page.getByTestId('measure-result')).not.toContainText('街道');
    // A third point, then Backspace takes it back; Enter finishes.
    await clickLngLat(page, 121, 50.5);
    await expect(page.getByTestId('measure-total')).not.toHaveText(expected);
    await page.keyboard.press('Backspace');
    await expect(page.getByTestId('measure-total')).toHaveText(expected);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('measure-finish')).toBeDisabled();
    await expect
      .poll(() => page.evaluate(() => location.hash))
      .toContain(`measure=line:${HAILAR.join(',')};${MANZHOULI.join(',')}`);
    // The link restores the measurement.
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0);
    await expect(page.getByTestId('measure-total')).toHaveText(expected);
    // Its GeoJSON is RFC 7946 with the figure.
    await page.getByTestId('measure-export').locator('summary').click();
    const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId('measure-download').click()]);
    const gj = JSON.parse((await saved(d)).toString());
    expect(GJV.valid(gj)).toBe(true);
    expect(gj.features[0].properties.length_m).toBe(Math.round(distanceM(HAILAR, MANZHOULI)));
  });

  test('an area link restores the polygon with its ellipsoidal area and perimeter; Esc drops a new one', async ({
    page,
  }) => {
    const pts: [number, number][] = [
      [119, 49],
      [121, 49],
      [121, 50.2],
      [119, 50.2],
    ];
    await openMap(page, `#measure=area:${pts.map((p) => p.join(',')).join(';')}`);
    const { area, perimeter } = polygonM(pts);
    await expect(page.getByTestId('measure-area')).toHaveText(formatArea(area, 'zh'));
    await expect(page.getByTestId('measure-perimeter')).toHaveText(formatLength(perimeter, 'zh'));
    await expectSeen(page.getByRole('region', { name: '测面积' }));
    // Clicking after a finished measurement starts a new one; Esc cancels it.
    await clickLngLat(page, 120, 49.5);
    await expect(page.getByTestId('measure-area')).toHaveText('—');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => location.hash)).not.toContain('measure=');
  });
});

test.describe('within distance', () => {
  test('within 50 km of the 海拉尔区 seat lists the stations that are, nearest first; a row opens its card', async ({
    page,
  }) => {
    await openMap(page, '#near=seat-150702:50');
    const results = page.getByTestId('near-results');
    await expect(results).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('near-origin')).toContainText('海拉尔区');
    const expected = [
      ...new Set(
        layer('rail_stations')
          .features.map((f) => ({ name: String(f.properties.name_zh), m: distanceM(HAILAR, f.geometry.coordinates) }))
          .filter((s) => s.m <= 50_000)
          .sort((a, b) => a.m - b.m)
          .map((s) => s.name),
      ),
    ];
    expect(expected.length).toBeGreaterThan(3);
    const listed = await results.locator('section[data-layer=rail_stations] li span').allInnerTexts();
    expect(listed).toEqual(expected);
    // Each group says what it lists.
    await expect(results.locator('section[data-layer=rail_stations] h4')).toContainText('铁路站点');
    // Stations further than 50 km are not listed (牙克石 is ≈ 80 km away).
    expect(listed).not.toContain('牙克石');
    await results.locator('section[data-layer=rail_stations] li button').first().click();
    await expect(page.getByTestId('feature-card')).toContainText(expected[0]);
  });

  test('a rail line gives a corridor and lists the units and seats it touches; picking on the map works', async ({
    page,
  }) => {
    await openMap(page, '#near=rail-qihaiman-hsr:10');
    const results = page.getByTestId('near-results');
    await expect(results).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('tool-panel')).toContainText('两侧走廊宽度');
    const units = await results.locator('section[data-layer=units] li span').allInnerTexts();
    for (const u of ['海拉尔区', '满洲里市', '扎兰屯市', '牙克石市']) expect(units).toContain(u);
    expect(units).not.toContain('根河市');
    // Picking a point away from any place: the point itself is the origin.
    await page.getByTestId('near-pick').click();
    await clickLngLat(page, 121.3, 48.9);
    await expect(page.getByTestId('near-origin')).toContainText('所点位置');
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/near=[\d.]+,[\d.]+:10/);
    const [lon, lat] = must(
      (await page.evaluate(() => location.hash)).match(/near=([\d.]+),([\d.]+):/),
      'near= in the link',
    )
      .slice(1)
      .map(Number);
    expect(Math.abs(lon - 121.3)).toBeLessThan(0.01);
    expect(Math.abs(lat - 48.9)).toBeLessThan(0.01);
    // A click on a seat's symbol picks the seat (the one pick rule of every tool), once the
    // planner has panned to it.
    await page.evaluate(
      ([lon, lat]) => (window as unknown as MapWindow).__map.jumpTo({ center: [lon, lat], zoom: 8 }),
      ZALANTUN,
    );
    // …and once its symbol is drawn there (placed, not only loaded).
    await page.waitForFunction(([lon, lat]) => {
      const m = (window as unknown as MapWindow).__map;
      const p = m.project([lon, lat]);
      return m
        .queryRenderedFeatures([
          [p.x - 4, p.y - 4],
          [p.x + 4, p.y + 4],
        ])
        .some((f) => f.properties?.id === 'seat-150783');
    }, ZALANTUN);
    await page.getByTestId('near-pick').click();
    await clickLngLat(page, ...ZALANTUN);
    await expect(page.getByTestId('near-origin')).toContainText('扎兰屯市 · 驻地');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('near=seat-150783:10');
  });
});

test('a tool opened after a card comes in front of it — the wide statistics on a desk, any tool on a phone; the card comes back as the tool closes, and a card opened again comes in front', async ({
  page,
}) => {
  await openMap(page, '#s=unit-150781');
  const card = page.getByTestId('feature-card');
  await expectSeen(card, 'the card');
  await openTool(page, '分区统计');
  await expectSeen(page.getByTestId('tool-close'), "the statistics' close button");
  await expectSeen(page.getByTestId('stats-expand'), "the statistics' full-table button");
  await expect(card).toBeHidden();
  await page.getByTestId('tool-close').click();
  await expectSeen(card, 'the card, back as the statistics close');
  // the statistics again, then a place found: its card comes in front
  await openTool(page, '分区统计');
  await expect(card).toBeHidden();
  await page.getByTestId('search').fill('扎兰屯');
  await page.getByTestId('search-results').getByRole('option').first().click();
  await expectSeen(card, 'a card opened over the statistics');
  await card.getByRole('button', { name: '关闭' }).click();
  await expectSeen(page.getByTestId('tool-close'), 'the statistics, back as the card closes');
  await page.getByTestId('tool-close').click();
  await page.getByTestId('search').fill('满洲里');
  await page.getByTestId('search-results').getByRole('option').first().click();
  await expectSeen(card, 'the card');
  // a narrow tool on a desk sits beside the card: both seen
  await openTool(page, '测距');
  await expectSeen(card, 'the card beside the measuring panel');
  await page.getByTestId('tool-close').click();
  // on a phone every tool is a sheet where the card is
  await page.setViewportSize({ width: 375, height: 812 });
  await expectSeen(card, 'the card on a phone');
  await openTool(page, '测距');
  await expect(card).toBeHidden();
  await page.getByTestId('tool-close').click();
  await expectSeen(card, 'the card, back as the tool closes');
});

test("zone statistics: 岭上's population is the sum of its units, 岭西's is not summed (a split unit), sortable, a row lights its units, CSV", async ({
  page,
}) => {
  await openMap(page, '#tool=stats');
  const table = page.getByTestId('stats-table');
  await expect(table).toBeVisible();
  // Readable in place: what italics mean is said in view, every header is on one or two lines,
  // and the whole table can take the map's height (12 rows or more at 1440 × 900, not 6).
  await expectSeen(page.getByTestId('stats-key'));
  const lines = await table
    .locator('thead th button')
    .evaluateAll((bs) =>
      bs.map((b) => b.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(b).lineHeight)),
    );
  for (const l of lines) expect(l).toBeLessThanOrEqual(2.1);
  const rowsInView = () =>
    table.locator('tbody tr').evaluateAll((rows) => {
      const scroll = rows[0]?.closest('.scroll');
      if (!scroll) return 0;
      const box = scroll.getBoundingClientRect();
      return rows.filter((r) => {
        const b = r.getBoundingClientRect();
        return b.top >= box.top && b.bottom <= box.bottom;
      }).length;
    });
  const before = await rowsInView();
  await page.getByTestId('stats-expand').click();
  await expect.poll(rowsInView).toBeGreaterThanOrEqual(12);
  expect(await rowsInView()).toBeGreaterThan(before);
  await expectSeen(page.getByTestId('tool-close'));
  await page.getByTestId('stats-expand').click();
  const stats = v.parse(StatsFileSchema, JSON.parse(readFileSync('public/data/stats.json', 'utf8')));
  const lingshang = must(
    stats.rows.find((r) => r.id === 'zone-lingshang'),
    'the 岭上 row',
  );
  const cell = (row: string, col: string) =>
    table.locator(`tr[data-row="${row}"] td[data-col="${col}"]`).getAttribute('data-value');
  let sum = 0;
  for (const id of lingshang.member_ids) sum += Number(await cell(id, 'pop'));
  expect(lingshang.member_ids).toHaveLength(4);
  expect(Number(await cell('zone-lingshang', 'pop'))).toBe(sum);
  // 岭西 has only the other towns of 鄂温克族自治旗 (its seat town is in the core), whose
  // population is not published: no figure, rather than a wrong sum; the same for the core.
  expect(await cell('zone-lingxi', 'pop')).toBe('');
  expect(await cell('structure-core', 'pop')).toBe('');
  // Sorting by population puts the city first, the smallest unit last of the rows with a figure,
  // and the rows without one (the core, 岭西) after them.
  await table.locator('thead button[data-col=pop]').click();
  const order = await table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => [
        r.getAttribute('data-row'),
        r.querySelector('td[data-col=pop]')?.getAttribute('data-value') ?? '',
      ]),
    );
  expect(order[0][0]).toBe('city');
  const figured = order.filter(([, v]) => v !== '');
  expect(figured[figured.length - 1][0]).toBe('unit-150726');
  expect(
    order
      .slice(figured.length)
      .map(([id]) => id)
      .sort(),
  ).toEqual(['structure-core', 'zone-lingxi']);
  // A row lights its member units on the map.
  await table.locator('tr[data-row="zone-lingxi"] th button').click();
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          (window as unknown as MapWindow).__map.getFeatureState({
            source: 'plan',
            sourceLayer: 'units',
            id: 'unit-150725',
          }).hl,
      ),
    )
    .toBe(true);
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId('stats-csv').click()]);
  const files = unzipSync(new Uint8Array(await saved(d)));
  const bytes = must(files['hulunbuir-zone-statistics.csv'], 'the CSV');
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM: Excel reads it as UTF-8
  const rows = csvParseRows(strFromU8(bytes));
  expect(rows).toHaveLength(stats.rows.length + 1);
  expect(strFromU8(must(files['README.txt'], 'the README'))).toContain('WGS84');
});

test('compare anywhere: two layer sets, the divider moves with the keyboard', async ({ page }) => {
  await openMap(page);
  // Left zoomed in on a corner, the tool opens framed on the city, with names on both sides.
  await page.evaluate(() => (window as unknown as MapWindow).__map.jumpTo({ center: [124, 51.5], zoom: 10 }));
  await openTool(page, '卷帘对比');
  await page.waitForFunction(() => !!(window as unknown as MapWindow).__compare);
  await page.waitForFunction(() => {
    const m = (window as unknown as MapWindow).__map;
    return !m.isMoving() && m.getZoom() < 7 && m.getBounds().contains([119.7, 49.2]);
  });
  await page.waitForFunction(
    () => {
      const c = (window as unknown as MapWindow).__compare;
      return !!c && c.loaded() && c.queryRenderedFeatures({ layers: ['unit-names'] }).length >= 8;
    },
    null,
    { timeout: 20_000 },
  );
  const divider = page.getByTestId('swipe-divider');
  await expect(divider).toHaveAttribute('aria-valuenow', '50');
  await divider.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(divider).toHaveAttribute('aria-valuenow', '38');
  // The main map shows the right-hand set (the plan), the compare map the left (today).
  const zonesOnMain = () =>
    page.evaluate(() => (window as unknown as MapWindow).__map.getLayoutProperty('zones-fill', 'visibility'));
  expect(await zonesOnMain()).toBe('visible');
  await page.getByTestId('compare-right').selectOption('transport');
  await expect.poll(zonesOnMain).toBe('none');
  await page.getByTestId('tool-close').click();
  await expect(page.getByTestId('swipe-divider')).toHaveCount(0);
  await expect.poll(zonesOnMain).toBe('visible');
  expect(await page.evaluate(() => !!(window as unknown as MapWindow).__compare)).toBe(false);
});

test('print: an A4 PDF with real text, the legend, the sources and a 300 dpi map; a PNG of the size asked', {
  tag: '@slow',
}, async ({ page }) => {
  test.setTimeout(240_000);
  await openMap(page, '#tool=print');
  await page.getByTestId('print-title').fill('岭西地区规划示意 Test');
  await page.getByTestId('print-map-number').fill('蒙S(2026)001号');
  // The first print of a visit makes the print map (its WebGL context once the GPU has drawn
  // the main map's frames; its shaders linked four layers a frame at the screen's resolution,
  // the GPU drained before each): measured and reported — 108–139 ms here, but with a CPU-heavy
  // job beside it software GL's waits (a context, a link) reached 247 ms. Every later print is
  // held to the budget below. Progress is shown while it works.
  let d: import('@playwright/test').Download | undefined;
  await measureLongTasks(page, 'A4 PDF, the first of the visit', async () => {
    [d] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      (async () => {
        await page.getByTestId('print-export').click();
        await expect(page.getByTestId('print-progress')).toBeVisible();
      })(),
    ]);
  });
  if (!d) throw new Error('no PDF download');
  const path = must(await d.path(), 'the PDF');
  const bytes = readFileSync(path);
  // the print font cut to the page's characters (the whole font is ≈ 1.5 MB): the map is most of the file
  expect(bytes.byteLength).toBeLessThan(1_000_000);
  const doc = await PDFDocument.load(bytes);
  expect(doc.getPageCount()).toBe(1);
  const { width, height } = doc.getPage(0).getSize();
  expect(Math.round(width)).toBe(842); // A4 landscape, points
  expect(Math.round(height)).toBe(595);
  const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  for (const s of [
    '岭西地区规划示意 Test',
    '图例',
    '岭西地区：牧业现代化示范区',
    '既有铁路',
    '数据来源',
    'GSHHG',
    'WGS84',
    '示意',
    '呼政办发〔2022〕54号',
    '审图号：蒙S(2026)001号',
    'ᠮᠠᠨᠵᠤᠤᠷ ᠬᠣᠲᠠ', // 满洲里市 in Mongolian script: text in its font, where the map placed it
  ])
    expect(text).toContain(s);
  // No printed line starts with Chinese closing punctuation.
  for (const line of text.split('\n')) expect(line).not.toMatch(/^[，、。；：！？）》]/);
  const images = execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((l) => l.trim().split(/\s+/));
  expect(images).toHaveLength(1);
  expect(images[0][5]).toBe('index'); // 256 colours (palette.ts): a third of RGB's bytes
  expect(Number(images[0][12])).toBeGreaterThanOrEqual(250); // x-ppi
  expect(Number(images[0][13])).toBeGreaterThanOrEqual(250); // y-ppi
  // Cancel: the export stops, says so, and nothing is downloaded.
  let downloads = 0;
  const count = () => downloads++;
  page.on('download', count);
  await page.getByTestId('print-export').click();
  await page.getByTestId('print-cancel').click();
  await expect(page.getByTestId('print-result')).toHaveText('已取消导出。');
  await expect(page.getByTestId('print-export')).toBeEnabled();
  page.off('download', count);
  expect(downloads).toBe(0);
  // A second print, to a scale, held to the budget as a whole: the print map kept (its shaders
  // linked), encoding and composing the worker's. At 1:1,000,000 a
  // millimetre of the scale bar on paper is a kilometre (read back from the PDF's word boxes:
  // the bar starts under its caption and its label follows it 2 mm on).
  await page.getByTestId('print-scale').selectOption('1000000');
  let scaled: import('@playwright/test').Download | undefined;
  await expectResponsive(page, 'A4 PDF, a later print', async () => {
    [scaled] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.getByTestId('print-export').click(),
    ]);
  });
  const scaledPath = must(await must(scaled, 'the 1:1,000,000 PDF').path(), 'the 1:1,000,000 PDF');
  const words = [
    ...execFileSync('pdftotext', ['-bbox', scaledPath, '-'], { encoding: 'utf8' }).matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g,
    ),
  ].map((m) => ({ x: Number(m[1]), y: Number(m[2]), t: m[3] }));
  const caption = must(
    words.find((w) => w.t === '比例尺'),
    'the scale caption',
  );
  expect(words.some((w) => w.t.startsWith('1:1,000,000'))).toBe(true);
  const km = must(
    words.find((w) => /^\d+$/.test(w.t) && w.y > caption.y && w.y - caption.y < 20 && w.x > caption.x),
    'the scale bar label',
  );
  const barMm = ((km.x - caption.x) * 25.4) / 72 - 2;
  expect(Math.abs(barMm - Number(km.t)) / Number(km.t), `${barMm.toFixed(1)} mm for ${km.t} km`).toBeLessThan(0.02);
  // A PNG of exactly the pixels asked for.
  await page.getByTestId('print-png').check();
  await page.getByTestId('print-width').fill('900');
  await page.getByTestId('print-height').fill('700');
  const [p] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByTestId('print-export').click(),
  ]);
  const png = await saved(p);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([900, 700]);
});

test("print on A3 portrait: the page size asked for, with the planner's own layer in its legend", {
  tag: '@slow',
}, async ({ page }) => {
  test.setTimeout(240_000);
  await openMap(page, '#tool=import&lang=en');
  await page.getByTestId('import-file').setInputFiles('tests/fixtures/import/schools.geojson');
  await expect(page.getByTestId('tool-panel').getByTestId('imported-count')).toHaveText('4', { timeout: 30_000 });
  // The units coloured by the schools they hold: the print's legend says so too.
  await page.getByTestId('import-choropleth').click();
  // …and the schools coloured by their name (the attribute table's style): its legend too
  await page.getByTestId('tool-panel').getByTestId('imported-table').click();
  await page.locator('.tools summary').click();
  await page.getByTestId('style-field').selectOption('name');
  await expect(page.getByTestId('tool-panel').getByTestId('style-legend').locator('li')).toHaveCount(4);
  await page.getByTestId('open-tools').click();
  await page.getByTestId('tool-print').click();
  await page.getByTestId('print-a3').check();
  await page.getByTestId('print-portrait').check();
  // the first print of the visit, on the largest sheet: measured and reported (as the A4's above;
  // composing is the worker's)
  let d: import('@playwright/test').Download | undefined;
  await measureLongTasks(page, 'A3 PDF, the first of the visit', async () => {
    [d] = await Promise.all([
      page.waitForEvent('download', { timeout: 180_000 }),
      page.getByTestId('print-export').click(),
    ]);
  });
  const path = must(await must(d, 'the A3 PDF').path(), 'the PDF');
  const { width, height } = (await PDFDocument.load(readFileSync(path))).getPage(0).getSize();
  expect([Math.round(width), Math.round(height)]).toEqual([842, 1191]);
  const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  for (const s of [
    'Legend',
    'Lingxi',
    'Sources',
    'Coordinates: WGS84',
    'My data (imported by the user',
    'schools.geojson (4)',
    'schools.geojson: points per unit',
    '2 (most)',
    'schools.geojson: name',
    '(1)',
  ])
    expect(text).toContain(s);
});

test('download: every layer parses as RFC 7946 GeoJSON with its metadata; point layers as CSV with a README', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openMap(page, '#tool=download');
  for (const name of DOWNLOAD_LAYERS) {
    let d: import('@playwright/test').Download | undefined;
    await expectResponsive(page, `GeoJSON download of ${name}`, async () => {
      [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`dl-${name}-geojson`).click()]);
    });
    if (!d) throw new Error(`no download of ${name}`);
    const gj = JSON.parse((await saved(d)).toString());
    expect(GJV.valid(gj), name).toBe(true);
    const parsed = v.parse(LayerDownloadSchema, gj);
    expect(parsed.metadata.layer).toBe(name);
    expect(parsed.features.length).toBe(layer(name).features.length);
    expect(parsed.metadata.sources.length, name).toBeGreaterThan(0);
  }
  await page.getByTestId('dl-format').selectOption('csv');
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dl-rail_stations-csv').click()]);
  const files = unzipSync(new Uint8Array(await saved(d)));
  const bytes = must(files['hulunbuir-rail_stations.csv'], 'the CSV');
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = csvParseRows(strFromU8(bytes));
  expect(rows[0].slice(0, 5)).toEqual(['id', 'name_zh', 'name_en', 'lon', 'lat']);
  expect(rows).toHaveLength(layer('rail_stations').features.length + 1);
  expect(strFromU8(must(files['README.txt'], 'the README'))).toMatch(/Licences|许可/);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });

  test('in English: the tools are in the action row, and measuring by taps works', async ({ page }) => {
    await openMap(page, '#lang=en');
    await page.getByTestId('open-tools').click();
    await page.getByRole('menuitemradio', { name: 'Measure distance' }).click();
    await expectSeen(page.getByRole('region', { name: 'Measure distance' }));
    await waitIdle(page);
    // Two taps in the upper half of the map (the tool's sheet covers the lower part).
    for (const [x, y] of [
      [120.9, 51.9],
      [122.6, 51.9],
    ] as const) {
      const pt = await screenPoint(page, x, y);
      await page.touchscreen.tap(pt.x, pt.y);
    }
    // Where the taps landed (or snapped to), as the link says; the figure is their geodesic distance.
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/measure=line:[^;&]+;[^;&]+/);
    const pts =
      (await page.evaluate(() => location.hash))
        .match(/measure=line:([^&]+)/)?.[1]
        .split(';')
        .map((p) => p.split(',').map(Number) as [number, number]) ?? [];
    expect(pts).toHaveLength(2);
    await expect(page.getByTestId('measure-total')).toHaveText(formatLength(distanceM(pts[0], pts[1]), 'en'));
  });
});
