// Coordinates as planners write them: typed in the search box (decimal, 度分秒, Gauss–Krüger
// with or without the zone, and a coordinate that cannot be), the map goes there and pins it;
// the readout gives the pointer's (a phone: the centre's) position in each form, copied by a
// click, its Gauss–Krüger figures within a centimetre of proj4.
import proj4 from 'proj4';
import type { Page } from '@playwright/test';
import { test, expect, openMap, screenPoint, waitIdle } from './fixtures.ts';
import { ORIGIN } from './support/server.ts';

const GK40 = '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
type MapWindow = { __map: import('maplibre-gl').Map };

/**
 * Where the pin's tip is, as lon/lat (the map's own unprojection), and whether it is inside the
 * map — read once the map has settled: not moving, and the tip where it was a frame before.
 */
async function pinAt(page: Page, label: string) {
  const pin = page.getByTestId('coord-pin');
  // the new pin, not the one before it
  await expect(pin).toHaveAttribute('aria-label', new RegExp(label));
  await waitIdle(page);
  const read = () =>
    pin.evaluate(
      (el) =>
        new Promise<{ lon: number; lat: number; inside: boolean; label: string; settled: boolean }>((resolve) => {
          const m = (window as unknown as MapWindow).__map;
          const tip = () => {
            const b = el.getBoundingClientRect();
            const r = m.getCanvas().getBoundingClientRect();
            const ll = m.unproject([b.left + b.width / 2 - r.left, b.bottom - r.top]);
            const inside = b.left >= r.left && b.right <= r.right && b.top >= r.top && b.bottom <= r.bottom;
            return { lon: ll.lng, lat: ll.lat, inside, label: el.getAttribute('aria-label') ?? '' };
          };
          const before = tip();
          const still = !m.isMoving();
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              const after = tip();
              const settled = still && !m.isMoving() && after.lon === before.lon && after.lat === before.lat;
              resolve({ ...after, settled });
            }),
          );
        }),
    );
  await expect.poll(async () => (await read()).settled, { message: 'the map settles with the pin on it' }).toBe(true);
  return read();
}

async function search(page: Page, text: string) {
  await page.getByTestId('search').fill(text);
  await expect(page.getByTestId('search-results')).toBeVisible();
}

test.describe('go to a coordinate', () => {
  test('decimal, 度分秒 and Gauss–Krüger: the map goes there and pins the point; a bad one is said at once', async ({
    page,
  }) => {
    await openMap(page);
    // decimal degrees
    await search(page, '119.76, 49.21');
    const first = page.getByTestId('search-results').locator('button').first();
    await expect(first).toHaveAttribute('data-kind', 'coord');
    await expect(first).toContainText('49°12′36.0″N 119°45′36.0″E');
    await page.getByTestId('search').press('Enter');
    let pin = await pinAt(page, '49°12′36.0″N');
    expect(pin.inside).toBe(true);
    expect(Math.abs(pin.lon - 119.76)).toBeLessThan(0.01);
    expect(Math.abs(pin.lat - 49.21)).toBeLessThan(0.01);
    // 度分秒 with 北纬/东经
    await search(page, '北纬48°00′ 东经122°44′');
    await page.getByTestId('search').press('Enter');
    pin = await pinAt(page, '48°00′00.0″N');
    expect(Math.abs(pin.lon - (122 + 44 / 60))).toBeLessThan(0.01);
    expect(Math.abs(pin.lat - 48)).toBeLessThan(0.01);
    // Gauss–Krüger with the zone before the easting: proj4's answer
    await search(page, '40 500000, 5450000');
    await expect(page.getByTestId('search-results').locator('button').first()).toContainText('EPSG:4528');
    await page.getByTestId('search').press('Enter');
    const [lon, lat] = proj4(GK40, 'EPSG:4326', [40_500_000, 5_450_000]);
    pin = await pinAt(page, '120°00′00.0″E');
    expect(Math.abs(pin.lon - lon)).toBeLessThan(0.005);
    expect(Math.abs(pin.lat - lat)).toBeLessThan(0.005);
    expect(pin.label).toContain('120°00′00.0″E');
    // without a zone: one result per 3° zone over the city, the person picks (the search
    // cleared first takes the pin away, so the pin waited for below is the new one)
    await page.getByTestId('search').fill('');
    await expect(page.getByTestId('coord-pin')).toHaveCount(0);
    await search(page, '500000 5450000');
    const zones = page.getByTestId('search-results').locator('[data-kind=coord]');
    await expect(zones).toHaveCount(4);
    await expect(zones.nth(1)).toContainText('3°带 120°E（EPSG:4549）');
    await zones.nth(1).click();
    pin = await pinAt(page, '120°00′00.0″E');
    expect(Math.abs(pin.lon - 120)).toBeLessThan(0.005);
    // a coordinate that cannot be: said, and nothing to go to
    await page.getByTestId('search').fill('119.76, 95.2');
    await expect(page.getByTestId('coord-problem')).toHaveText('纬度须在 -90° 到 90° 之间');
    await expect(page.getByTestId('search-results').locator('[data-kind=coord]')).toHaveCount(0);
    // a place's name is still a place
    await search(page, '满洲里');
    await expect(page.getByTestId('search-results').locator('button').first()).toHaveAttribute('data-kind', 'plan');
  });
});

test.describe('the coordinate readout', () => {
  test('the pointer in decimal, 度分秒 and CGCS2000 Gauss–Krüger (against proj4), each copied with a click', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
    await openMap(page, '#v=8/49.2/119.8');
    await page.getByTestId('coord-toggle').click();
    await expect(page.getByTestId('coord-decimal')).toBeVisible();
    const at = await screenPoint(page, 119.76, 49.21);
    const p = { x: Math.round(at.x), y: Math.round(at.y) };
    await page.mouse.move(p.x, p.y);
    await expect(page.getByTestId('coord-readout')).toContainText('指针处');
    // what the map says is under the pointer, written by the readout
    const under = await page.evaluate(
      ([x, y]) => {
        const m = (window as unknown as MapWindow).__map;
        const r = m.getCanvas().getBoundingClientRect();
        const ll = m.unproject([x - r.left, y - r.top]);
        return [ll.lng, ll.lat];
      },
      [p.x, p.y],
    );
    await expect(page.getByTestId('coord-decimal')).toContainText(`${under[0].toFixed(5)}, ${under[1].toFixed(5)}`);
    await expect(page.getByTestId('coord-dms')).toContainText(/49°1[23]′\d\d\.\d″N 119°4[56]′\d\d\.\d″E/);
    const [e, n] = proj4('EPSG:4326', GK40, under);
    const gk = ((await page.getByTestId('coord-gk').textContent()) ?? '').replace(/\u2009/g, '');
    expect(gk).toContain('EPSG:4528');
    const [, x, y] = /X ([\d.]+)\s+Y ([\d.]+)/.exec(gk) ?? [];
    expect(Math.abs(Number(x) - n)).toBeLessThan(0.06);
    expect(Math.abs(Number(y) - e)).toBeLessThan(0.06);
    // copied: the position pointed at (moving onto the readout keeps it), pasted back into search it is the same point
    await page.getByTestId('coord-gk').click();
    await expect(page.getByTestId('coord-readout').getByRole('status')).toHaveText('已复制');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(gk.slice(gk.indexOf('X ')));
    await page.getByTestId('search').fill(copied);
    const back = page.getByTestId('search-results').locator('button').first();
    await expect(back).toHaveAttribute('data-kind', 'coord');
    const [, lon, lat] = /(\d+\.\d{5}), (\d+\.\d{5})/.exec((await back.textContent()) ?? '') ?? [];
    expect(Math.abs(Number(lon) - under[0])).toBeLessThan(2e-5);
    expect(Math.abs(Number(lat) - under[1])).toBeLessThan(2e-5);
  });

  test('on a phone: the map centre, marked by a cross, beside the zoom buttons', { tag: '@slow' }, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await openMap(page, '#v=8/49.2/119.8');
    await page.getByTestId('coord-toggle').click();
    await expect(page.getByTestId('coord-readout')).toContainText('地图中心');
    await expect(page.getByTestId('coord-decimal')).toContainText('119.80000, 49.20000');
    await expect(page.locator('.cross')).toBeVisible();
  });
});
