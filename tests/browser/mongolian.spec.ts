// The Mongolian names as a person meets them: a unit's card with its name in traditional
// Mongolian script to the left of the Chinese, vertical, the same size, in the names' own font
// (loaded from this origin and shaping the letters joined), in Chinese and in English, on a desk
// and a phone; search finds 满洲里 by its Mongolian name.
import { test, expect, expectSeen, litSymbols, openMap, waitIdle } from './fixtures.ts';

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

test('on the map: a unit’s Mongolian name beside its seat, giving way to the Chinese names; a switch in the layer panel', async ({
  page,
}) => {
  type W = { __map: import('maplibre-gl').Map };
  const drawn = () =>
    page.evaluate(() =>
      (window as unknown as W).__map
        .queryRenderedFeatures({ layers: ['mongolian-names'] })
        .map((f) => String(f.properties.unit_zh)),
    );
  const structure = () =>
    page.evaluate(() => (window as unknown as W).__map.queryRenderedFeatures({ layers: ['structure-labels'] }).length);
  await openMap(page);
  await waitIdle(page);
  // the city view: 满洲里's name, and still all five of the structure's Chinese labels
  expect(await drawn()).toContain('满洲里市');
  expect(await structure()).toBe(5);
  // its image is the name drawn in its font, taller than wide (written vertically)
  const size = await page.evaluate((id) => {
    const img = (window as unknown as W).__map.getImage(id);
    return img ? { w: img.data.width, h: img.data.height } : null;
  }, `mn:${MANZHOULI}`);
  expect(size && size.h > size.w && size.w > 20).toBe(true);
  // nearer the core, 海拉尔's too
  await page.goto('about:blank');
  await openMap(page, '#v=8.6/49.2/119.75');
  await waitIdle(page);
  expect(await drawn()).toContain('海拉尔区');
  // the layer panel's switch takes them off
  const entry = page.getByTestId('layer-mongolian-names');
  await expect(entry).toContainText('蒙古文地名');
  await entry.getByRole('checkbox').uncheck();
  await waitIdle(page);
  expect(await drawn()).toEqual([]);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });
  test('the card’s Mongolian name is seen whole in the sheet', async ({ page }) => {
    await openMap(page, '#s=unit-150724');
    const mn = page.getByTestId('feature-card').getByTestId('card-mongolian');
    await expect(mn).toHaveText('ᠡᠸᠡᠩᠬᠢ ᠥᠪᠡᠷᠲᠡᠭᠡᠨ ᠵᠠᠰᠠᠬᠤ ᠬᠣᠰᠢᠭᠤ');
    await expectSeen(mn, 'the Mongolian name on a phone’s card');
  });

  test('a shared link’s place on a phone: its Mongolian name on the map drawn whole above the card, not cut by the map’s top', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    // the view shared puts 满洲里's seat near the map's top: its name (tall, above the seat) is brought down into view
    await openMap(page, '#v=7.2/49.45/117.6&s=unit-150781');
    await expectSeen(page.getByTestId('feature-card'));
    await waitIdle(page);
    await expect(page.getByTestId('map')).not.toHaveAttribute('aria-busy', 'true');
    await expect
      .poll(async () => {
        const { drawn, hidden } = await litSymbols(page);
        return { name: drawn.includes('mongolian-names:seat-150781'), hidden };
      })
      .toEqual({ name: true, hidden: [] });
  });
});
