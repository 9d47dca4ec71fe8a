// The public on a phone, in English, and at the back of the room: at 320 × 568, a phone held
// sideways (812 × 375), 375, 768, 1440 and 1920 px wide, in both languages — nothing overflows sideways, the structure's labels are
// drawn at the city view, and (on a phone) what a sheet acts on stays in the part of the map
// the sheet leaves visible.
import type { Page } from '@playwright/test';
import { test, expect, openMap, waitIdle, expectSeen, litSymbols } from './fixtures.ts';
import { must } from '../../src/lib/must.ts';

type MapWindow = { __map: import('maplibre-gl').Map };
const SIZES: [number, number][] = [
  [320, 568],
  [812, 375],
  [375, 812],
  [768, 1024],
  [1440, 900],
  [1920, 1080],
];
const POLES = ['unit-150702', 'unit-150724', 'unit-150781', 'unit-150783', 'unit-150721'];
/** The two poles' labels (structure-labels: the label and its marker's box). */
const POLE_LABELS = ['structure-labels:seat-150781', 'structure-labels:seat-150783'];

/**
 * The highlighted places a person should read are drawn, and no highlighted label or marker
 * lies under a sheet, card, the legend's or the map's buttons, a tour's tools or caption, or
 * runs off the map (litSymbols): polled, as the camera settles.
 */
async function expectLitSeen(page: Page, labels: string[]) {
  const seen = async () => {
    const { drawn, hidden } = await litSymbols(page);
    const missing = labels.filter((l) => !drawn.includes(l));
    return missing.length
      ? `not drawn: ${missing.join(', ')}`
      : hidden.length
        ? `hidden: ${hidden.join(', ')}`
        : 'seen';
  };
  // the camera has settled its fit (it moves labels clear after the map has drawn them)
  await expect(page.getByTestId('map')).not.toHaveAttribute('aria-busy', 'true');
  await expect.poll(seen).toBe('seen');
  // and still so once the map is idle (not a passing moment of a move)
  await waitIdle(page);
  expect(await seen()).toBe('seen');
}

/** How far the page is wider than the screen (0 = no sideways panning). */
const overflow = (page: Page) =>
  page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - innerWidth);

/** The part of the map a user sees: the map's box less the bottom sheets over it. */
async function visibleBox(page: Page) {
  return page.evaluate(() => {
    const m = (window as unknown as MapWindow).__map;
    const r = m.getContainer().getBoundingClientRect();
    let top = r.bottom;
    for (const el of document.querySelectorAll<HTMLElement>('[data-sheet]')) {
      const b = el.getBoundingClientRect();
      if (b.height > 0 && b.top < r.bottom - 1) top = Math.min(top, b.top);
    }
    return { width: r.width, height: Math.max(0, top - r.top) };
  });
}

/** Where the highlighted features' bounds are on the map (CSS px from its top left). */
function highlighted(page: Page, ids: string[]) {
  return page.evaluate((list) => {
    const m = (window as unknown as MapWindow).__map;
    const f = m.querySourceFeatures('plan', {
      sourceLayer: 'structure_points',
      filter: ['in', ['get', 'unit_id'], ['literal', list]],
    });
    return f.map((x) => {
      const [lng, lat] = (x.geometry as GeoJSON.Point).coordinates;
      const p = m.project([lng, lat]);
      return { id: String(x.properties.unit_id), x: p.x, y: p.y };
    });
  }, ids);
}

for (const [width, height] of SIZES) {
  for (const lang of ['zh', 'en'] as const) {
    test(`${width} × ${height}, ${lang}: no sideways overflow; the core and poles are labelled at the city view`, {
      tag: '@slow',
    }, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await openMap(page, lang === 'en' ? '#lang=en' : '');
      await waitIdle(page);
      expect(await overflow(page), 'page wider than the screen').toBeLessThanOrEqual(0);
      const labelled = await page.evaluate(() =>
        (window as unknown as MapWindow).__map
          .queryRenderedFeatures({ layers: ['structure-labels'] })
          .map((f) => String(f.properties.unit_id)),
      );
      for (const id of POLES) expect(labelled, `${id} labelled`).toContain(id);
      // Every header control is on screen: outside the action row, whole; the action row itself
      // inside the screen (it scrolls), with the share button in view without scrolling.
      const cut = await page
        .locator('header.bar button:visible, header.bar input:visible, .maplibregl-ctrl button:visible')
        .evaluateAll((els) =>
          els
            .filter((e) => {
              const r = e.getBoundingClientRect();
              const row = e.closest('.actions');
              const box = row ? row.getBoundingClientRect() : { left: 0, right: innerWidth };
              if (row && (box.left < -0.5 || box.right > innerWidth + 0.5)) return true;
              return !row || e.getAttribute('data-testid') === 'share'
                ? r.left < box.left - 0.5 || r.right > box.right + 0.5
                : false;
            })
            .map((e) => e.getAttribute('data-testid') ?? e.getAttribute('aria-label') ?? e.textContent),
        );
      expect(cut, 'controls cut off').toEqual([]);
      await page.screenshot({ path: `screenshots/size-${width}-${lang}.png` });
    });
  }
}

test.describe('on a phone, sheets leave what they act on in view', () => {
  for (const lang of ['zh', 'en'] as const) {
    test(`375 × 812, ${lang}: the plan sheet's task highlights are above the sheet; the sheet has three heights`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: 375, height: 812 });
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await openMap(page, lang === 'en' ? '#lang=en' : '');
      await page.getByTestId('open-layers').click();
      const handle = page.getByTestId('sheet-handle');
      await expect(handle).toHaveAttribute('data-size', 'half');
      await page.getByTestId('tab-plan').click();
      await page.getByTestId('open-task-2').click();
      await expect(page.getByTestId('task-view')).toHaveAttribute('data-task', '2');
      await waitIdle(page);
      const inView = async () => {
        const box = await visibleBox(page);
        const pts = await highlighted(page, ['unit-150781', 'unit-150783']);
        expect(pts.length).toBeGreaterThanOrEqual(2);
        return pts.every((p) => p.x >= 0 && p.x <= box.width && p.y >= 0 && p.y <= box.height);
      };
      // the first view's line folds away with the sheet open: half leaves the places room
      await expect(handle).toHaveAttribute('data-size', 'half');
      await expect.poll(inView).toBe(true);
      await expectLitSeen(page, POLE_LABELS);
      await page.screenshot({ path: `screenshots/phone-task-${lang}.png` });
      // the handle steps through the heights; at full the map is left (nothing is seen), and it
      // refits into the room given back when the sheet comes down, low, then half again
      await handle.click();
      await expect(handle).toHaveAttribute('data-size', 'full');
      await handle.click();
      await expect(handle).toHaveAttribute('data-size', 'peek');
      await waitIdle(page);
      await expect.poll(inView).toBe(true);
      await expectLitSeen(page, POLE_LABELS);
      await handle.click();
      await expect(handle).toHaveAttribute('data-size', 'half');
      await waitIdle(page);
      await expect.poll(inView).toBe(true);
      await expectLitSeen(page, POLE_LABELS);
      // dragged down past its lowest height, the sheet closes
      const b = must(await handle.boundingBox(), 'the sheet handle on screen');
      await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
      await page.mouse.down();
      await page.mouse.move(b.x + b.width / 2, b.y + 340, { steps: 6 });
      await page.mouse.up();
      await expect(page.locator('aside.panel')).not.toBeInViewport();
    });
  }

  for (const lang of ['zh', 'en'] as const) {
    test(`320 × 568, ${lang}: task 2's places are above the sheet, which opens low where half would leave too little; closed, the map fits them again into the room it gives back`, {
      tag: lang === 'en' ? '@slow' : [],
    }, async ({ page }) => {
      await page.setViewportSize({ width: 320, height: 568 });
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await openMap(page, lang === 'en' ? '#lang=en' : '');
      await page.getByTestId('open-layers').click();
      await page.getByTestId('tab-plan').click();
      await page.getByTestId('open-task-2').click();
      await expect(page.getByTestId('task-view')).toHaveAttribute('data-task', '2');
      // the task's title at the top of the sheet
      await expectSeen(page.getByTestId('task-back'), "the task view's back button");
      await expectSeen(page.getByTestId('task-view').getByRole('heading', { level: 2 }), "the task's title");
      await expect(page.getByTestId('sheet-handle')).toHaveAttribute('data-size', 'peek');
      const ids = ['unit-150781', 'unit-150783'];
      const inside = async () => {
        const box = await visibleBox(page);
        const pts = await highlighted(page, ids);
        return (
          pts.length >= 2 && pts.every((p) => p.x >= 20 && p.x <= box.width - 20 && p.y >= 20 && p.y <= box.height - 10)
        );
      };
      await expect.poll(inside).toBe(true);
      await expectLitSeen(page, POLE_LABELS);
      /** the places' middle, from the map's top (CSS px) */
      const middle = async () => {
        const pts = await highlighted(page, ids);
        return (Math.min(...pts.map((p) => p.y)) + Math.max(...pts.map((p) => p.y))) / 2;
      };
      const above = await middle();
      await page.screenshot({ path: `screenshots/phone-320-task-${lang}.png` });
      // the sheet closed: the places are fitted again into the whole map, so they move down
      // into the room the sheet gave back (the sheet covered 170 px: half of it is 85, less
      // where the first fit had zoomed out to bring a label clear)
      await page.getByTestId('open-layers').click();
      await expect(page.locator('aside.panel')).not.toBeInViewport();
      await expect.poll(async () => (await middle()) - above).toBeGreaterThan(30);
      await expect.poll(inside).toBe(true);
      await expectLitSeen(page, POLE_LABELS);
    });
  }

  for (const lang of ['zh', 'en'] as const) {
    test(`812 × 375 (a phone held sideways), ${lang}: task 2's places and their labels are in view above the sheet`, {
      tag: lang === 'en' ? '@slow' : [],
    }, async ({ page }) => {
      await page.setViewportSize({ width: 812, height: 375 });
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await openMap(page, lang === 'en' ? '#lang=en' : '');
      await page.getByTestId('open-layers').click();
      await page.getByTestId('tab-plan').click();
      await page.getByTestId('open-task-2').click();
      await expectSeen(page.getByTestId('task-view').getByRole('heading', { level: 2 }), "the task's title");
      await waitIdle(page);
      await expectLitSeen(page, POLE_LABELS);
      await page.screenshot({ path: `screenshots/sideways-task-${lang}.png` });
    });
  }

  test("812 × 375 (a phone held sideways), en: a tour step's way on — More and the steps — is in view, though the caption scrolls", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 812, height: 375 });
    await openMap(page, '#lang=en&tour=yihe-liangji-duodian&step=2');
    const caption = page.getByTestId('tour-caption');
    await expect(caption).toHaveAttribute('data-step', '2');
    // the step whole: its highlighted places named, the map still
    await expect(caption.getByTestId('tour-lit')).toBeVisible();
    await waitIdle(page);
    // the caption is taller than its 40 % of the screen: it scrolls, its foot stays
    expect(await caption.evaluate((c) => c.scrollHeight > c.clientHeight + 10)).toBe(true);
    await expectSeen(page.getByTestId('tour-more'), 'the More button');
    await expectSeen(caption.getByRole('navigation'), "the steps' dots");
    // whole, not a sliver at the caption's foot (expectSeen asks only that its top shows)
    const cut = (el: Element) =>
      el.getBoundingClientRect().bottom - (el.closest('section')?.getBoundingClientRect().bottom ?? 0);
    expect(await page.getByTestId('tour-more').evaluate(cut)).toBeLessThanOrEqual(0);
    expect(await caption.getByRole('navigation').evaluate(cut)).toBeLessThanOrEqual(0);
  });

  for (const [lang, size] of [
    ['zh', 'half'],
    ['en', 'full'],
  ] as const) {
    test(`375 × 812, ${lang}: a card opened from inside the sheet (${size}) is seen, over the sheet; so is the matrix`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: 375, height: 812 });
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await openMap(page, lang === 'en' ? '#lang=en' : '');
      await page.getByTestId('open-layers').click();
      const handle = page.getByTestId('sheet-handle');
      if (size === 'full') await handle.click();
      await expect(handle).toHaveAttribute('data-size', size);
      await page.getByTestId('tab-plan').click();
      await page.getByTestId('open-task-2').click();
      const height = await handle.getAttribute('data-size'); // (a task sets the sheet's height to leave its places room)
      await page.getByTestId('task-places').getByRole('button').first().click();
      await expectSeen(page.getByTestId('feature-card'), "the card of a task's place");
      // the sheet waits, hidden, behind the card: the map above the card is the map's, not the sheet's
      await expect(page.getByTestId('task-view')).not.toBeInViewport();
      await page.screenshot({ path: `screenshots/phone-card-from-sheet-${lang}.png` });
      await page
        .getByTestId('feature-card')
        .getByRole('button', { name: lang === 'zh' ? '关闭' : 'Close' })
        .click();
      // the card closed, the sheet it came from is back, at the height it had
      await expectSeen(page.getByTestId('task-view'), 'the task, back as the card closes');
      await expect(handle).toHaveAttribute('data-size', height ?? '');
      await page.getByTestId('open-matrix').click();
      await expectSeen(page.getByTestId('matrix'), 'the matrix');
    });
  }

  test('375 × 812: a task opened from a card comes in front of it (the card waits, hidden, until the sheet closes); the layers button brings the sheet in front of a card', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openMap(page);
    await page.getByTestId('search').fill('扎兰屯');
    await page.getByTestId('search-results').getByRole('option').first().click();
    const card = page.getByTestId('feature-card');
    await expectSeen(card, 'the card');
    const task = card.locator('button[data-task]').first();
    const n = await task.getAttribute('data-task');
    await task.click();
    await expectSeen(page.getByTestId('task-view'), `task ${n}, opened from the card`);
    await expect(page).toHaveURL(new RegExp(`[#&]t=${n}(&|$)`));
    await expect(card).toBeHidden();
    // the focus goes with the person: to the task's title, not lost with the hidden card's button
    await expect(page.getByTestId('task-view').locator('h2')).toBeFocused();
    await expect(page.getByTestId('open-layers')).toHaveAttribute('aria-expanded', 'true');
    // the sheet closed (its button), the card is back as it was
    await page.getByTestId('open-layers').click();
    await expectSeen(card, 'the card, back as the sheet closes');
    await expect(page.getByTestId('task-view')).not.toBeInViewport();
    // the sheet opened again comes in front of the card
    await page.getByTestId('open-layers').click();
    await expectSeen(page.getByTestId('task-view'), 'the sheet, opened again over the card');
    await expect(card).toBeHidden();
  });

  test('a search result on a phone drops the keyboard (the box loses focus) and opens the card above the fold', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await openMap(page);
    await page.getByTestId('search').fill('满洲里');
    await page.getByTestId('search-results').getByRole('option').first().click();
    await expectSeen(page.getByTestId('feature-card'));
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).not.toBe('search');
  });

  test('320 × 568, en: a search result is fitted above its card, clear of the legend and the map buttons', {
    tag: '@slow',
  }, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 568 });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openMap(page, '#lang=en');
    await page.getByTestId('search').fill('zalantun');
    await page.getByTestId('search-results').getByRole('option').first().click();
    const card = page.getByTestId('feature-card');
    await expectSeen(card, 'the card');
    await waitIdle(page);
    const seat = async () => {
      const [p] = await highlighted(page, ['unit-150783']);
      const map = must(await page.getByTestId('map').boundingBox(), 'the map');
      const top = must(await card.boundingBox(), 'the card').y;
      const buttons = must(await page.locator('.maplibregl-ctrl-top-right').boundingBox(), 'the map buttons');
      const y = map.y + p.y;
      const x = map.x + p.x;
      const legend = must(await page.locator('details.map-legend > summary').boundingBox(), 'the legend button');
      const underLegend = x < legend.x + legend.width && y < legend.y + legend.height;
      return y > map.y + 8 && y < top - 8 && x > 8 && x < buttons.x - 4 && !underLegend;
    };
    await expect.poll(seat).toBe(true);
    await expectLitSeen(page, ['structure-labels:seat-150783']);
  });

  for (const [width, height] of [
    [375, 812],
    [320, 568],
  ] as const)
    test(`${width} × ${height}: tour step 3's places lie between the tour's tools and its caption`, {
      tag: width === 320 ? '@slow' : [],
    }, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await openMap(page, '#tour=yihe-liangji-duodian&step=3');
      const caption = page.getByTestId('tour-caption');
      await expect(caption).toHaveAttribute('data-step', '3');
      await expectSeen(caption, 'the caption');
      await waitIdle(page);
      const between = async () => {
        const map = must(await page.getByTestId('map').boundingBox(), 'the map');
        const tools = must(await page.getByRole('toolbar').boundingBox(), 'the tour tools');
        const foot = must(await caption.boundingBox(), 'the caption');
        const pts = await highlighted(page, ['unit-150781', 'unit-150703']);
        return (
          pts.length >= 2 &&
          pts.every((p) => map.y + p.y > tools.y + tools.height && map.y + p.y < foot.y && p.x > 0 && p.x < map.width)
        );
      };
      await expect.poll(between).toBe(true);
      await expectLitSeen(page, ['structure-labels:seat-150781']);
    });

  test('share uses the phone share sheet where there is one', { tag: '@slow' }, async ({ page }) => {
    await page.addInitScript(() => {
      (navigator as unknown as { share: (d: ShareData) => Promise<void> }).share = async (d) => {
        (window as unknown as { __shared: ShareData }).__shared = d;
      };
    });
    await page.setViewportSize({ width: 375, height: 812 });
    await openMap(page);
    await page.getByTestId('share').click();
    await expectSeen(page.getByTestId('share-sheet'), 'the share sheet button');
    await page.getByTestId('share-sheet').click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __shared?: ShareData }).__shared?.url ?? ''))
      .toContain('v=');
  });
});

test('a briefing on a 1920 × 1080 projector: every label is sized for the back of the room, and normal again after', {
  tag: '@slow',
}, async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openMap(page);
  const size = (layer: string) =>
    page.evaluate((l) => (window as unknown as MapWindow).__map.getLayoutProperty(l, 'text-size') as unknown, layer);
  expect(await size('station-labels')).toBe(11);
  await page.getByTestId('start-tour').click();
  await expect(page.getByTestId('tour-count')).toBeVisible();
  // 11 px × 1.4 = 15.4, held at 20 (BRIEFING_LABELS); the seats' curve at 28 or more at every zoom
  await expect.poll(() => size('station-labels')).toBe(20);
  expect(await size('ports-points')).toBe(20);
  expect(await size('seat-labels')).toEqual(['interpolate', ['linear'], ['zoom'], 4, 28, 10, 28]);
  await page.keyboard.press('Escape');
  await expect.poll(() => size('station-labels')).toBe(11);
});
