// A planner's layer as a table, as a person works with it: opened from the layer's row; 2,000
// rows sorted, searched and scrolled (only what is in view is in the page, and the page stays
// responsive); a filter of conditions with and, one that matches nothing said; styled by a
// number in classes with its legend, the map drawing each point in its class's colour; a row
// opening its feature's card; the filter and the style kept over a reload.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { must } from '../../src/lib/must.ts';
import {
  test,
  expect,
  expectResponsive,
  expectSeen,
  openMap,
  screenPoint,
  waitIdle,
  glyphSources,
} from './fixtures.ts';

type MapWindow = { __map: import('maplibre-gl').Map };
const KINDS = ['学校', '医院', '村委会', '文化站'];
const N = 2000;
const features = Array.from({ length: N }, (_, i) => ({
  type: 'Feature',
  properties: { 名称: `村${i}`, 人口: (i * 37) % 1000, 类型: KINDS[i % 4] },
  geometry: { type: 'Point', coordinates: [119.2 + (i % 50) * 0.02, 49.0 + Math.floor(i / 50) * 0.01] },
}));
/** the layer's row in the layer panel (the import panel has its own copy) */
const layerRow = (page: Page, name: string) => page.getByTestId('layer-group-own').locator(`li[data-layer="${name}"]`);

test('an imported layer as a table: sort, search, scroll, filter, style by a field with its legend, a row shows its feature; kept over a reload', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'table-'));
  const file = join(dir, 'villages.geojson');
  writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }));
  await openMap(page, '#tool=import');
  await page.getByTestId('import-file').setInputFiles(file);
  await expect(layerRow(page, 'villages.geojson').getByTestId('imported-count')).toHaveText('2,000', {
    timeout: 30_000,
  });
  // the layer drawn on the map (shown once the map has settled: its first frame is the import's,
  // measured in import.spec, not the table's scrolling below)
  await waitIdle(page);
  await page
    .getByTestId('tool-panel')
    .locator('li[data-layer="villages.geojson"]')
    .getByTestId('imported-table')
    .click();
  const count = page.getByTestId('table-count');
  await expect(count).toHaveText('2,000 / 2,000 行');
  const rows = page.getByTestId('table-rows');
  // sorted by a number, largest first
  await page.locator('[role=columnheader][data-col=人口] button').click();
  await page.locator('[role=columnheader][data-col=人口] button').click();
  await expect(page.locator('[role=columnheader][data-col=人口]')).toHaveAttribute('aria-sort', 'descending');
  await expect(rows.locator('.row').first().locator('[role=cell]').nth(1)).toHaveText('999');
  // scrolled to the end: the last rows come, only a page of rows is in the document, the page stays responsive
  await expectResponsive(page, 'scrolling 2,000 rows', async () => {
    await rows.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await expect(rows.locator('.row').last().locator('[role=cell]').nth(1)).toHaveText('0');
  });
  expect(await rows.locator('.row').count()).toBeLessThan(100);
  // searched
  await page.getByTestId('table-search').fill('村199');
  await expect(count).toHaveText('11 / 2,000 行');
  await page.getByTestId('table-search').fill('');
  // a filter: 类型 equals 学校 and 人口 at least 500
  await page.locator('.tools summary').click();
  await page.getByTestId('table-add-condition').click();
  const conds = page.getByTestId('table-filter').locator('.cond');
  await conds.nth(0).locator('select').nth(0).selectOption('类型');
  await conds.nth(0).locator('select').nth(1).selectOption('equals');
  await conds.nth(0).locator('input').fill('学校');
  await expect(count).toHaveText('500 / 2,000 行');
  await page.getByTestId('table-add-condition').click();
  await conds.nth(1).locator('select').nth(0).selectOption('人口');
  await conds.nth(1).locator('select').nth(1).selectOption('range');
  await conds.nth(1).locator('input').nth(0).fill('500');
  const expected = features.filter((f) => f.properties.类型 === '学校' && f.properties.人口 >= 500).length;
  await expect(count).toHaveText(`${expected} / 2,000 行`);
  // the map draws only what meets it (the layer's row says so)
  await expect(layerRow(page, 'villages.geojson').getByTestId('imported-filtered')).toHaveText(
    `已筛选：显示 ${expected} / 2000`,
  );
  // nothing matching is said
  await conds.nth(1).locator('input').nth(0).fill('5000');
  await expect(count).toHaveText('没有符合条件的要素');
  await conds.nth(1).getByRole('button').click();
  await conds.nth(0).getByRole('button').click();
  await expect(count).toHaveText('2,000 / 2,000 行');
  // styled by 人口 in 5 quantile classes: the legend, and each point drawn in its class's colour
  await page.getByTestId('style-field').selectOption('人口');
  await page.getByTestId('style-by').selectOption('quantile');
  const legend = page.getByTestId('tool-panel').getByTestId('style-legend');
  await expect(legend.locator('li')).toHaveCount(5);
  await expect(legend).toContainText('人口（分位数，5 级）');
  await expectSeen(legend, 'the style legend in the table panel');
  await expect(layerRow(page, 'villages.geojson').getByTestId('style-legend').locator('li')).toHaveCount(5);
  const colours = await legend.locator('i').evaluateAll((is) => is.map((i) => getComputedStyle(i).backgroundColor));
  await expect
    .poll(async () => {
      await waitIdle(page);
      return page.evaluate(() => {
        const m = (window as unknown as MapWindow).__map;
        const ids = m.getLayersOrder().filter((id) => id.endsWith('-point') && id.startsWith('imp-'));
        return new Set(m.queryRenderedFeatures(undefined, { layers: ids }).map((f) => String(f.properties.__c))).size;
      });
    })
    .toBe(5);
  expect(new Set(colours).size).toBe(5);
  // points sized by 人口 and labelled by 名称: drawn so, and said
  await page.getByTestId('style-size').selectOption('人口');
  await page.getByTestId('style-label').selectOption('名称');
  await expect(page.getByTestId('size-legend')).toHaveText('点大小：人口（0–999，按面积）');
  await expect
    .poll(async () => {
      await waitIdle(page);
      return page.evaluate(() => {
        const m = (window as unknown as MapWindow).__map;
        const order = m.getLayersOrder();
        const points = m.queryRenderedFeatures(undefined, {
          layers: order.filter((id) => id.startsWith('imp-') && id.endsWith('-point')),
        });
        const labels = m.queryRenderedFeatures(undefined, {
          layers: order.filter((id) => id.startsWith('imp-') && id.endsWith('-label')),
        });
        const sizes = new Set(points.map((f) => f.properties.__s));
        return sizes.size > 10 && labels.length > 0 && labels.every((f) => String(f.properties.__l).startsWith('村'));
      });
    })
    .toBe(true);
  // the user's words drawn by the drawing worker, none on the page
  const stacks = await glyphSources(page);
  expect(stacks['Noto Sans CJK SC,sans-serif']?.ranges.length).toBeGreaterThan(0);
  expect(stacks['Noto Sans CJK SC,sans-serif']?.glyphs).toBeGreaterThan(0); // 村 and the digits
  expect(stacks['Noto Sans CJK SC,sans-serif']?.missing).toBe(0);
  for (const [stack, s] of Object.entries(stacks)) expect(s.drawnOnPage, stack).toEqual([]);
  // a row shows its feature — marked, in view above the table and beside the card — and its card
  const first = rows.locator('.row').first();
  const i = Number(await first.getAttribute('data-row'));
  await first.getByRole('button').click();
  await expect(page.getByTestId('imported-card')).toContainText(features[i].properties.名称);
  await waitIdle(page);
  const marked = await page.evaluate((n) => {
    const m = (window as unknown as MapWindow).__map;
    const source =
      m
        .getLayersOrder()
        .find((id) => id.startsWith('imp-'))
        ?.replace(/-(fill|line|point)$/, '') ?? '';
    return m.getFeatureState({ source, sourceLayer: 'imported', id: n }).picked;
  }, i);
  expect(marked).toBe(true);
  const [lon, lat] = features[i].geometry.coordinates;
  const at = await screenPoint(page, lon, lat);
  const panel = await page.getByTestId('tool-panel').boundingBox();
  const card = await page.getByTestId('imported-card').boundingBox();
  expect(at.y, 'the feature above the table').toBeLessThan(panel?.y ?? 0);
  expect(at.x < (card?.x ?? 0) || at.y > (card?.y ?? 0) + (card?.height ?? 0), 'the feature not under the card').toBe(
    true,
  );
  // a feature clicked on the map (labels and sizes off, so that the click lands on its point
  // alone): its row brought into view in the table and marked
  await page.getByTestId('style-label').selectOption('');
  await page.getByTestId('style-size').selectOption('');
  await expect(page.getByTestId('size-legend')).toHaveCount(0);
  const j = i % 50 < 49 ? i + 1 : i - 1;
  const [lon2, lat2] = features[j].geometry.coordinates;
  await expect
    .poll(() =>
      page.evaluate(
        () => (window as unknown as MapWindow).__map.queryRenderedFeatures().filter((f) => f.properties.__l).length,
      ),
    )
    .toBe(0);
  await waitIdle(page);
  const p2 = await screenPoint(page, lon2, lat2);
  await page.mouse.click(p2.x, p2.y);
  await expect(page.getByTestId('imported-card')).toContainText(features[j].properties.名称);
  const picked = rows.locator(`.row[data-row="${j}"]`);
  await expect(picked).toHaveClass(/picked/);
  await expectSeen(picked, 'the row of the feature clicked on the map');
  // exported with its style: each feature's colour and class as attributes, the legend in the README
  await page.getByTestId('open-tools').click();
  await page.getByTestId('tool-download').click();
  await page.getByTestId('dl-format').selectOption('gpkg');
  await page.getByTestId('dl-system').selectOption('4490');
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dl-own-gpkg').click()]);
  const gpkg = join(dir, d.suggestedFilename());
  writeFileSync(gpkg, readFileSync(must(await d.path(), 'the GeoPackage')));
  const out = JSON.parse(
    execFileSync('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', gpkg, 'villages'], {
      encoding: 'utf8',
      maxBuffer: 1 << 27,
    }),
  ) as { features: { properties: Record<string, unknown> }[] };
  expect(out.features).toHaveLength(N);
  expect(new Set(out.features.map((f) => f.properties.style_colour)).size).toBe(5);
  expect(String(out.features[0].properties.style_class)).toMatch(/^\d+ – \d+$/);
  expect(execFileSync('ogr2ogr', ['-f', 'CSV', '/vsistdout/', gpkg, 'readme'], { encoding: 'utf8' })).toContain(
    '样式: 人口（分位数，5 级）',
  );
  // and as QGIS's default style for the table: its classes by style_class
  const styles = execFileSync('ogr2ogr', ['-f', 'CSV', '/vsistdout/', gpkg, 'layer_styles'], { encoding: 'utf8' });
  expect(styles).toContain('villages');
  expect(styles).toMatch(/categorizedSymbol.*attr=""style_colour""/);
  // its categories are the colours the features carry, each labelled with its class (the panel's legend and the worker's attributes agree)
  const cats = [...styles.matchAll(/<category value=""(#[0-9A-Fa-f]{6})"" label=""([^"]*)""/g)].map((m) => [
    m[1],
    m[2],
  ]);
  const pairs = new Set(out.features.map((f) => `${f.properties.style_colour} ${f.properties.style_class}`));
  expect(cats).toHaveLength(5);
  expect(new Set(cats.map(([c, l]) => `${c} ${l}`))).toEqual(pairs);
  // kept over a reload
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0);
  await page
    .getByTestId('tab-layers')
    .click()
    .catch(() => {});
  await expect(layerRow(page, 'villages.geojson').getByTestId('style-legend').locator('li')).toHaveCount(5, {
    timeout: 30_000,
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });

  test('in English, the table in its sheet: headings in view, a row opens its feature’s card where it is seen; styled, the map’s legend shows it', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const dir = mkdtempSync(join(tmpdir(), 'table-'));
    const file = join(dir, 'villages.geojson');
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: features.slice(0, 200) }));
    await openMap(page, '#tool=import&lang=en');
    await page.getByTestId('import-file').setInputFiles(file);
    const row = page.getByTestId('tool-panel').locator('li[data-layer="villages.geojson"]');
    await expect(row.getByTestId('imported-count')).toHaveText('200', { timeout: 30_000 });
    await row.getByTestId('imported-table').click();
    await expect(page.getByTestId('table-count')).toHaveText('200 of 200 rows');
    await expectSeen(page.locator('[role=columnheader][data-col=人口]'), 'a heading of the table');
    await page.getByTestId('table-rows').locator('.row').nth(2).getByRole('button').click();
    const card = page.getByTestId('imported-card');
    await expect(card).toContainText('村2');
    await expectSeen(card, 'the card of the row’s feature');
    // a filter that meets nothing is said; then the layer coloured by its kinds
    await page.getByText('Filter and style').click();
    await page.getByTestId('table-add-condition').click();
    await page.getByLabel('Value', { exact: true }).fill('no such village');
    await expect(page.getByTestId('table-count')).toHaveText('No feature matches');
    await page.getByLabel('Remove the condition').click();
    await expect(page.getByTestId('table-count')).toHaveText('200 of 200 rows');
    await page.getByTestId('style-field').selectOption('类型');
    const inPanel = page.getByTestId('tool-panel').getByTestId('style-legend');
    await expect(inPanel.locator('li')).toHaveCount(4);
    await expect(inPanel.locator('figcaption')).toHaveText('类型');
    // the map's legend (a phone's overlay) has the planner's layer by its categories, in sight
    await page.getByTestId('tool-close').click();
    const legend = page.getByTestId('map-legend');
    await legend.locator('summary').click();
    const own = legend.getByTestId('map-legend-own');
    await expect(own).toHaveText('villages.geojson: 类型');
    await expectSeen(own, 'the planner’s layer in the map’s legend');
    expect((await legend.locator('li.own').allTextContents()).sort()).toEqual([...KINDS].sort());
  });
});
