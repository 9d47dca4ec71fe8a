// The user's work when the browser cannot keep it: IndexedDB missing (private mode) or the
// storage full. The work stays for the visit, the app says it will not survive a reload, and
// nothing throws. The page and the import worker both get the broken IndexedDB (the worker
// through its script, which an init script does not reach).
import type { Page } from '@playwright/test';
import { test, expect, openMap } from './fixtures.ts';

const DIR = 'tests/fixtures/import';
const BROKEN = {
  unavailable:
    "IDBFactory.prototype.open = function () { throw new DOMException('IndexedDB is not available in private browsing', 'InvalidStateError'); };",
  full: "IDBObjectStore.prototype.put = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };",
};

async function breakStorage(page: Page, how: keyof typeof BROKEN) {
  await page.addInitScript(BROKEN[how]);
  await page.route('**/assets/import.worker-*.js', async (route) => {
    const res = await route.fetch();
    await route.fulfill({ response: res, body: `${BROKEN[how]}\n${await res.text()}` });
  });
}

/** Imports the schools; the layer is drawn and counted whether or not it can be kept. */
async function importSchools(page: Page) {
  await page.getByTestId('import-file').setInputFiles(`${DIR}/schools.geojson`);
  await expect(page.locator('[data-testid=imported-count]').first()).toHaveText('4', { timeout: 30_000 });
}

async function drawOnTour(page: Page) {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.getByTestId('start-tour').click();
  await expect(page.getByTestId('tour-count')).toHaveText(/^1 \//);
  await page.keyboard.press('p');
  await expect(page.getByTestId('tool-pen')).toHaveAttribute('aria-pressed', 'true');
  // The pen draws once the tour's drawing code has loaded (with the first tour): its source is on
  // the map, and the map shows the pen's crosshair (as tour.spec waits: a loaded machine drew first).
  await expect
    .poll(() =>
      page.evaluate(() =>
        Boolean((window as unknown as { __map: import('maplibre-gl').Map }).__map.getSource('annotations')),
      ),
    )
    .toBe(true);
  await expect
    .poll(() =>
      page.evaluate(() => (window as unknown as { __map: import('maplibre-gl').Map }).__map.getCanvas().style.cursor),
    )
    .toBe('crosshair');
  await page.mouse.move(700, 300);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(700 + i * 20, 300 + i * 8);
  await page.mouse.up();
  await expect
    .poll(() =>
      page.evaluate(() => {
        const src = (window as unknown as { __map: import('maplibre-gl').Map }).__map.getSource(
          'annotations',
        ) as import('maplibre-gl').GeoJSONSource;
        return (src.serialize().data as { features: unknown[] }).features.length;
      }),
    )
    .toBe(1);
  await page.keyboard.press('Escape');
}

test('without IndexedDB (private mode): imports and annotations work for the visit, and the app says they will not be kept', async ({
  page,
  log,
}) => {
  await breakStorage(page, 'unavailable');
  await openMap(page, '#tool=import');
  const banner = page.getByTestId('storage-problem');
  await expect(banner).toHaveAttribute('data-problem', 'unavailable');
  await expect(banner).toContainText('刷新后将丢失');
  await importSchools(page);
  await expect(page.getByTestId('imported-kept').first()).toContainText('无法保存');
  await page.screenshot({ path: 'screenshots/storage-unavailable.png' });
  await page.getByTestId('tool-close').click();
  await drawOnTour(page);
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0, null, { timeout: 45_000 });
  await expect(page.getByTestId('storage-problem')).toHaveAttribute('data-problem', 'unavailable');
  expect(log.errors).toEqual([]);
});

test('storage full: the import is drawn, the app says it cannot be kept, nothing throws', async ({ page, log }) => {
  await breakStorage(page, 'full');
  await openMap(page, '#tool=import');
  await expect(page.getByTestId('storage-problem')).toHaveCount(0);
  await importSchools(page);
  const banner = page.getByTestId('storage-problem');
  await expect(banner).toHaveAttribute('data-problem', 'full');
  await expect(banner).toContainText('存储空间已满');
  expect(log.errors).toEqual([]);
});
