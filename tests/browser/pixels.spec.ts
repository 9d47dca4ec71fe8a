// Pixel tests of the key views, where cartography matters: each is compared with an
// expected PNG in tests/browser/expected/ (tolerant to font antialiasing; see
// playwright.config.ts). After a deliberate change of the look: UPDATE=1 npm run test:browser,
// then look at the new PNGs before committing them.
import { test, expect, openMap, waitIdle, expectSeen } from './fixtures.ts';

test.describe('key views look as expected', () => {
  test('the city view: 一核两极多点 over the zones', { tag: '@slow' }, async ({ page }) => {
    await openMap(page);
    await waitIdle(page);
    await expect(page.getByTestId('map')).toHaveScreenshot('city-view.png');
  });

  test('task 2 opened: the two poles highlighted', { tag: '@slow' }, async ({ page }) => {
    await openMap(page, '#t=2');
    await expect(page.getByTestId('task-view')).toBeVisible();
    await expect(page.getByTestId('map-legend')).toBeVisible(); // loads after the first view: wait for it, closed
    await waitIdle(page);
    await expect(page.getByTestId('map')).toHaveScreenshot('task-2.png');
  });

  test('a phone with the card of 满洲里市', { tag: '@slow' }, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await openMap(page, '#v=7.2/49.45/117.6&s=unit-150781');
    await expectSeen(page.getByTestId('feature-card'));
    await expect(page.getByTestId('map-legend')).toBeVisible();
    await waitIdle(page);
    await expect(page).toHaveScreenshot('phone-card.png');
  });
});
