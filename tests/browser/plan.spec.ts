import { readFileSync } from 'node:fs';
import { test, expect, openMap, clickLngLat, expectSeen } from './fixtures.ts';
import type { Page } from '@playwright/test';
import { must } from '../../src/lib/must.ts';

type MapWindow = { __map: import('maplibre-gl').Map };
const hl = (page: Page, sourceLayer: string, id: string) =>
  page.evaluate(
    ([sl, fid]) =>
      (window as unknown as MapWindow).__map.getFeatureState({ source: 'plan', sourceLayer: sl, id: fid }).hl === true,
    [sourceLayer, id],
  );

test.describe('the plan, linked to the map', () => {
  test('opening task 2 shows its wording and highlights 满洲里市 and 扎兰屯市', async ({ page, log }) => {
    await openMap(page);
    await page.getByTestId('tab-plan').click();
    await page.getByTestId('open-task-2').click();
    const view = page.getByTestId('task-view');
    await expect(view).toHaveAttribute('data-task', '2');
    await expect(view).toContainText('大力发展泛口岸经济');
    await expect(view).toContainText('满洲里市人民政府');
    await expect.poll(() => hl(page, 'units', 'unit-150781')).toBe(true);
    expect(await hl(page, 'units', 'unit-150783')).toBe(true);
    expect(await hl(page, 'units', 'unit-150725')).toBe(false);
    expect(page.url()).toContain('t=2');
    await page.screenshot({ path: 'screenshots/task-2.png' });
    // a place named in the task opens its card
    await view.getByTestId('task-places').getByRole('button', { name: '扎兰屯市' }).click();
    await expect(page.getByTestId('feature-card').locator('h2')).toHaveText('扎兰屯市');
    expect(log.errors).toEqual([]);
  });

  test('the card of 满洲里市 lists the tasks that name it apart from those that make it responsible', async ({
    page,
  }) => {
    await openMap(page);
    await clickLngLat(page, 117.3702, 49.5959);
    const card = page.getByTestId('feature-card');
    const named = card.getByTestId('card-tasks-named').locator('button');
    await expect(named.first()).toBeVisible();
    const numbers = await named.evaluateAll((bs) => bs.map((b) => Number(b.getAttribute('data-task'))));
    expect(numbers).toEqual(expect.arrayContaining([2, 10, 13]));
    const resp = await card
      .getByTestId('card-tasks-responsible')
      .locator('button')
      .evaluateAll((bs) => bs.map((b) => Number(b.getAttribute('data-task'))));
    expect(resp).toEqual([2]);
    await expect(card.getByTestId('card-tasks')).toContainText('各旗市区人民政府');
    await named.filter({ hasText: '任务13' }).click();
    await expect(page.getByTestId('task-view')).toHaveAttribute('data-task', '13');
  });

  test('the responsibility matrix downloads as CSV with 22 task rows, and a cell shows the wording', async ({
    page,
  }) => {
    await openMap(page);
    await page.getByTestId('open-matrix').click();
    await expectSeen(page.getByTestId('matrix'));
    await page.screenshot({ path: 'screenshots/matrix.png' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('matrix-csv').click()]);
    const csv = readFileSync(must(await download.path(), 'the downloaded file'), 'utf8');
    const lines = csv.split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(23);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(Array.from({ length: 22 }, (_, i) => String(i + 1)));
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    expect(page.url()).toContain('m=1');
    // a cell opens its detail in the matrix, where the user is looking: the plan's words
    await page.getByTestId('cell-13-unit-150783').click();
    const detail = page.getByTestId('matrix-detail');
    await expect(detail).toContainText('扎兰屯市');
    await expect(detail.locator('blockquote').first()).toBeVisible();
    await page.screenshot({ path: 'screenshots/matrix-detail.png' });
    // …and shows it on the map: the matrix closes, the task opens, the place is selected
    await detail.getByTestId('matrix-show').click();
    await expect(page.getByTestId('matrix')).toHaveCount(0);
    await expect(page.getByTestId('task-view')).toHaveAttribute('data-task', '13');
    await expect(page.getByTestId('feature-card').locator('h2')).toHaveText('扎兰屯市');
  });

  test('the matrix has every bureau, the same columns in both languages, and no header wraps', async ({ page }) => {
    await openMap(page);
    await page.getByTestId('open-matrix').click();
    await expect(page.getByTestId('matrix').locator('thead th.col-bureau')).toHaveCount(38);
    const heads = () =>
      page
        .getByTestId('matrix')
        .locator('thead th')
        .evaluateAll((ths) => ths.map((th) => th.getAttribute('class') ?? ''));
    const zh = await heads();
    expect(zh.filter((c) => c.includes('col-bureau')).length).toBe(38);
    // a long unit name (莫力达瓦达斡尔族自治旗) stays one column: every header's text is one line
    const wraps = await page
      .getByTestId('matrix')
      .locator('thead th span')
      .evaluateAll(
        (spans) => spans.filter((s) => s.getClientRects().length > 1 || s.scrollWidth > s.clientWidth + 1).length,
      );
    expect(wraps).toBe(0);
    await page.getByTestId('lang').click();
    expect(await heads()).toEqual(zh);
    await expect(page.getByTestId('matrix').locator('thead')).not.toContainText(/[\u4e00-\u9fff]/);
    await page.screenshot({ path: 'screenshots/matrix-en.png' });
  });

  test('search "zlt" finds 扎兰屯市 and jumps to it; Chinese finds the plan text', async ({ page, log }) => {
    await openMap(page);
    const box = page.getByTestId('search');
    await box.fill('zlt');
    const results = page.getByTestId('search-results');
    await expect(results.getByRole('option').first()).toContainText('扎兰屯市');
    await box.press('Enter');
    await expect(page.getByTestId('feature-card').locator('h2')).toHaveText('扎兰屯市');
    expect(page.url()).toContain('s=unit-150783');
    await box.fill('齐海满');
    await expect(results).toContainText('规划原文');
    await results.getByRole('option').filter({ hasText: '规划原文' }).first().locator('button').click();
    await expect(page.getByTestId('task-view')).toHaveAttribute('data-task', '10');
    expect(log.errors).toEqual([]);
  });

  test('a target that belongs to places shows them on the map; the state is in the URL', async ({ page }) => {
    await openMap(page);
    await page.getByTestId('tab-targets').click();
    await expect(page.getByTestId('targets-panel')).toContainText('常住人口城镇化率');
    await page.getByTestId('target-preschool-counties').getByRole('button').first().click();
    await expect(page.getByTestId('target-preschool-counties')).toContainText(
      '新巴尔虎右旗和鄂温克族自治旗通过学前教育普及普惠县评估验收',
    );
    await expect.poll(() => hl(page, 'units', 'unit-150727')).toBe(true);
    expect(await hl(page, 'units', 'unit-150724')).toBe(true);
    expect(page.url()).toContain('g=preschool-counties');
    await page.screenshot({ path: 'screenshots/targets.png' });
  });

  test('a link to a task opens it with its places highlighted', async ({ page }) => {
    await openMap(page, '#t=13&lang=en');
    await expect(page.getByTestId('task-view')).toHaveAttribute('data-task', '13');
    await expect(page.getByTestId('task-view')).toContainText('Urban cultural character');
    await expect.poll(() => hl(page, 'heritage', 'heritage-qiqian')).toBe(true);
  });
});
