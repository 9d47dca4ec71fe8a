// The first view says what 一核两极多点 is without opening anything (issue 25): one line under
// the header, in the plan's words, each term with the map's symbol and opening its task; on a
// phone its short forms, at 12 px or more, leaving the map most of the screen; a phone held
// sideways gets the phone's layout with the header in one row.
import type { Page } from '@playwright/test';
import { test, expect, openMap, expectSeen } from './fixtures.ts';

/** Visible text on screen (inside `root`, or anywhere) computed under 12 CSS px. */
const smallTexts = (page: Page, root = 'body') =>
  page.evaluate((sel) => {
    const out = new Set<string>();
    const walk = document.createTreeWalker(document.querySelector(sel) ?? document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim() || !el.checkVisibility()) continue;
      const r = el.getBoundingClientRect();
      if (r.bottom <= 0 || r.top >= innerHeight) continue;
      const px = Number.parseFloat(getComputedStyle(el).fontSize);
      if (px < 12) out.add(`${px}px: ${n.textContent.trim().slice(0, 20)}`);
    }
    return [...out];
  }, root);

test('375 × 812: the first view says what one core, two poles and many points are; a term opens its task', async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await openMap(page);
  const line = page.getByTestId('structure-line');
  await expectSeen(line, 'the line on 一核两极多点');
  await expect(line).toContainText('一核');
  await expect(line).toContainText('中心城区');
  await expect(line).toContainText('两极');
  await expect(line).toContainText('满洲里');
  await expect(line).toContainText('多点');
  await expect(line).toContainText('旗市区中心城镇');
  expect(await smallTexts(page, '[data-testid="structure-line"]')).toEqual([]);
  // each term has the map's symbol for it
  await expect(line.locator('svg.swatch')).toHaveCount(3);
  await page.getByTestId('structure-task-2').click();
  await expect(page.getByTestId('task-view')).toHaveAttribute('data-task', '2');
});

for (const [width, height] of [
  [320, 568],
  [812, 375],
  [1440, 900],
] as const) {
  for (const lang of ['zh', 'en'] as const) {
    test(`${width} × ${height}, ${lang}: the line is seen and readable, and the map keeps 60 % of the screen or more`, {
      tag: '@slow',
    }, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await openMap(page, lang === 'en' ? '#lang=en' : '');
      const line = page.getByTestId('structure-line');
      await expectSeen(line, 'the line on 一核两极多点');
      await expect(line).toContainText(lang === 'zh' ? '两极' : 'Two poles');
      expect(await smallTexts(page, '[data-testid="structure-line"]')).toEqual([]);
      const map = await page.getByTestId('map').boundingBox();
      expect(map?.height ?? 0, 'the map’s height').toBeGreaterThanOrEqual(height * 0.6);
      if (height < 500) {
        // held sideways: the phone's layout (a sheet, not a side panel beside a narrow map), the
        // search box and the buttons in one row above the line
        expect(map?.width).toBe(width);
        const search = await page.getByTestId('search').boundingBox();
        const layers = await page.getByTestId('open-layers').boundingBox();
        expect(
          Math.abs((search?.y ?? 0) + (search?.height ?? 0) / 2 - ((layers?.y ?? 0) + (layers?.height ?? 0) / 2)),
        ).toBeLessThan(6);
        await page.getByTestId('open-layers').click();
        await expectSeen(page.locator('aside.panel'), 'the layer sheet');
        const sheet = await page.locator('aside.panel').boundingBox();
        expect((sheet?.y ?? 0) + (sheet?.height ?? 0)).toBeCloseTo(height, 0);
      }
    });
  }
}

/**
 * Controls on screen smaller than WCAG's targets: every control 24 × 24 CSS px or more (2.5.8;
 * a checkbox by its label), the primary ones 44 × 44 (2.5.5): the header's, the search box, the
 * sheet's handle and tabs, the map's buttons, the legend's toggle, a card's or a tool's close,
 * the tools' menu items, a tour's tools.
 */
const smallTargets = (page: Page) =>
  page.evaluate(() => {
    const PRIMARY =
      'header.bar .actions button, header.bar input, .handle, [role=tab], .maplibregl-ctrl-group button, details.map-legend > summary, .card .close, [role^=menuitem], .tool-panel .close, [role=toolbar] button';
    const out: string[] = [];
    const controls = 'button, a[href], input, select, textarea, summary, [role=button], [role=tab]';
    for (const el of document.querySelectorAll<HTMLElement>(controls)) {
      if (!el.checkVisibility()) continue;
      let r = el.getBoundingClientRect();
      if (r.width === 0 || r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth) continue;
      const input = el as HTMLInputElement;
      if ((input.type === 'checkbox' || input.type === 'radio') && el.closest('label'))
        r = (el.closest('label') as HTMLElement).getBoundingClientRect();
      const least = el.matches(PRIMARY) ? 44 : 24;
      if (r.width < least - 0.5 || r.height < least - 0.5)
        out.push(
          `${Math.round(r.width)}×${Math.round(r.height)} < ${least}: ${el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 20)}`,
        );
    }
    return out;
  });

/** Opens the map at a phone's size; returns the check that no control is too small a target and no text too small to read. */
async function openPhone(page: Page, width: number, height: number, lang: 'zh' | 'en') {
  await page.setViewportSize({ width, height });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openMap(page, lang === 'en' ? '#lang=en' : '');
  return async (where: string) => {
    expect(await smallTargets(page), `${where}: small targets`).toEqual([]);
    expect(await smallTexts(page), `${where}: small text`).toEqual([]);
  };
}

for (const [width, height] of [
  [375, 812],
  [320, 568],
  [812, 375],
] as const) {
  for (const lang of ['zh', 'en'] as const) {
    test(`${width} × ${height}, ${lang}: every control a finger can hit, no text under 12 px — first view, sheet, task, card`, {
      tag: width === 375 && lang === 'zh' ? [] : ['@slow'],
    }, async ({ page }) => {
      const check = await openPhone(page, width, height, lang);
      await check('first view');
      await page.getByTestId('open-layers').click();
      await expectSeen(page.locator('aside.panel'), 'the sheet');
      await check('the layer sheet');
      await page.getByTestId('tab-plan').click();
      await expect(page.getByTestId('open-task-2')).toBeVisible();
      await check('the plan outline');
      await page.getByTestId('open-task-2').click();
      await expect(page.getByTestId('task-view')).toHaveAttribute('data-task', '2');
      await check('task 2');
      await page.getByTestId('task-places').getByRole('button').first().click();
      await expectSeen(page.getByTestId('feature-card'), 'the card');
      await check('a card');
    });
  }
}

for (const [width, height, lang] of [
  [375, 812, 'zh'],
  [320, 568, 'en'],
] as const) {
  test(`${width} × ${height}, ${lang}: every control a finger can hit, no text under 12 px — the tools' menu, a tool, the legend, a tour`, {
    tag: lang === 'zh' ? [] : ['@slow'],
  }, async ({ page }) => {
    const check = await openPhone(page, width, height, lang);
    await page.getByTestId('open-tools').click();
    await expectSeen(page.getByRole('menu'), "the tools' menu");
    await check("the tools' menu");
    await page.getByTestId('tool-measure').click();
    await expectSeen(page.getByTestId('tool-panel'), 'the measuring panel');
    await check('the measuring panel');
    await page.getByTestId('tool-close').click();
    await page.locator('details.map-legend > summary').click();
    await expectSeen(page.locator('details.map-legend'), 'the legend');
    await check('the legend');
    await page.locator('details.map-legend > summary').click();
    await page.getByTestId('start-tour').click();
    await expectSeen(page.getByTestId('tour-caption'), "the tour's caption");
    await check('a tour');
  });
}
