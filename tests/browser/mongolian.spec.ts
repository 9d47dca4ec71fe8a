// The Mongolian names as a person meets them: a unit's card with its name in traditional
// Mongolian script to the left of the Chinese, vertical, the same size, in the names' own font
// (loaded from this origin and shaping the letters joined), in Chinese and in English, on a desk
// and a phone; search finds 满洲里 by its Mongolian name.
import { test, expect, expectSeen, openMap } from './fixtures.ts';

const MANZHOULI = 'ᠮᠠᠨᠵᠤᠤᠷ ᠬᠣᠲᠠ';

async function cardName(page: import('@playwright/test').Page) {
  const mn = page.getByTestId('feature-card').getByTestId('card-mongolian');
  await expect(mn).toHaveText(MANZHOULI);
  await expect(mn).toHaveAttribute('lang', 'mn-Mong');
  await expectSeen(mn, 'the Mongolian name on the card');
  // the font loaded from this origin, and the name drawn in it
  await expect
    .poll(() => page.evaluate((t) => document.fonts.check('20px "Hulunbuir Mongolian"', t), MANZHOULI))
    .toBe(true);
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...document.fonts].some((f) => f.family.includes('Hulunbuir Mongolian') && f.status === 'loaded'),
      ),
    )
    .toBe(true);
  const look = await mn.evaluate((el) => {
    const s = getComputedStyle(el);
    const title = document.getElementById('card-title') as HTMLElement;
    const r = el.getBoundingClientRect();
    const t = title.getBoundingClientRect();
    return {
      mode: s.writingMode,
      size: s.fontSize,
      titleSize: getComputedStyle(title).fontSize,
      left: r.right <= t.left + 1,
      tall: r.height > r.width,
    };
  });
  // vertical, to the left of the Chinese, the same size
  expect(look).toEqual({
    mode: 'vertical-lr',
    size: look.titleSize,
    titleSize: look.titleSize,
    left: true,
    tall: true,
  });
}

test('a unit’s card names it in Mongolian script beside the Chinese, with its transliteration and source', async ({
  page,
}) => {
  await openMap(page, '#s=unit-150781');
  await cardName(page);
  await expect(page.getByTestId('card-mongolian-latin')).toHaveText('Manjuur qota（可信度：中）');
  await expect(page.getByTestId('feature-card')).toContainText('蒙古文名来源');
  // a unit whose name no source settled has none
  await page.goto('about:blank');
  await openMap(page, '#s=unit-150783');
  await expect(page.getByTestId('feature-card')).toContainText('扎兰屯市');
  await expect(page.getByTestId('card-mongolian')).toHaveCount(0);
});

test('in English too', async ({ page }) => {
  await openMap(page, '#lang=en&s=unit-150781');
  await cardName(page);
  await expect(page.getByTestId('card-mongolian-latin')).toHaveText('Manjuur qota (confidence: medium)');
});

test('search finds 满洲里 by its Mongolian name and by its transliteration', async ({ page }) => {
  await openMap(page);
  const box = page.getByTestId('search');
  await box.fill('ᠮᠠᠨᠵᠤᠤᠷ');
  await expect(page.getByTestId('search-results').locator('[role=option]').first()).toContainText('满洲里市');
  await box.fill('Manjuur');
  await expect(page.getByTestId('search-results').locator('[role=option]').first()).toContainText('满洲里市');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });
  test('the card’s Mongolian name is seen whole in the sheet', async ({ page }) => {
    await openMap(page, '#s=unit-150724');
    const mn = page.getByTestId('feature-card').getByTestId('card-mongolian');
    await expect(mn).toHaveText('ᠡᠸᠡᠩᠬᠢ ᠥᠪᠡᠷᠲᠡᠭᠡᠨ ᠵᠠᠰᠠᠬᠤ ᠬᠣᠰᠢᠭᠤ');
    await expectSeen(mn, 'the Mongolian name on a phone’s card');
  });
});
