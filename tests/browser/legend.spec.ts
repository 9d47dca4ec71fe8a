// The legend on the map: what is drawn now, compact and collapsible, in the normal view and in
// a tour; open or closed survives a reload.
import { test, expect, openMap } from './fixtures.ts';

test('the map legend lists the visible plan layers, follows toggles, and stays closed after a reload once closed', async ({
  page,
}) => {
  await openMap(page, '#l=units,structure-areas,rail');
  await page.getByTestId('tab-plan').click(); // the layer panel's own legend is not beside the map any more
  const legend = page.getByTestId('map-legend');
  await expect(legend).toBeVisible();
  await expect(legend).not.toHaveAttribute('open', ''); // closed at first: it would cover a corner of the map
  await legend.locator('summary').click();
  await expect(legend.locator('li[data-layer="rail"]').first()).toBeVisible();
  await expect(legend.locator('li[data-layer="structure-areas"]').first()).toContainText('一核');
  await expect(legend.locator('li[data-layer="ports"]')).toHaveCount(0);
  // a layer shown → its entries appear
  await page.getByTestId('tab-layers').click();
  await page.getByTestId('toggle-ports').check();
  await page.getByTestId('tab-plan').click();
  await expect(legend.locator('li[data-layer="ports"]').first()).toBeVisible();
  // closed by the user, closed after a reload
  await legend.locator('summary').click();
  await expect(legend).not.toHaveAttribute('open', '');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('hlbe-map-legend'))).toBe('closed'); // the toggle event is a task of its own
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0);
  await page.getByTestId('tab-plan').click();
  await expect(page.getByTestId('map-legend')).toBeVisible();
  await expect(page.getByTestId('map-legend')).not.toHaveAttribute('open', '');
});

test("in a tour the legend shows the step's layers, larger, inside the map and clear of the caption", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openMap(page, '#tour=yihe-liangji-duodian&step=3');
  const legend = page.getByTestId('map-legend');
  await expect(legend).toBeVisible();
  await legend.locator('summary').click();
  await expect(legend.locator('li[data-layer="ports"]').first()).toBeVisible();
  const size = await legend
    .locator('li')
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(16);
  const [box, caption, map] = await Promise.all([
    legend.boundingBox(),
    page.getByTestId('tour-caption').boundingBox(),
    page.getByTestId('map').boundingBox(),
  ]);
  if (!box || !caption || !map) throw new Error('no boxes');
  expect(box.x + box.width).toBeLessThanOrEqual(map.x + map.width);
  expect(box.x).toBeGreaterThan(caption.x + caption.width); // beside the caption, not over it
});

test('on a phone the legend is at the top left, closed at first, clear of the zoom buttons', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await openMap(page, '#lang=en');
  const legend = page.getByTestId('map-legend');
  await expect(legend).toBeVisible();
  await expect(legend).not.toHaveAttribute('open', '');
  await legend.locator('summary').click();
  await expect(legend.locator('li').first()).toBeVisible();
  const [box, zoom] = await Promise.all([
    legend.boundingBox(),
    page.locator('.maplibregl-ctrl-top-right').boundingBox(),
  ]);
  if (!box || !zoom) throw new Error('no boxes');
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThan(zoom.x);
});
