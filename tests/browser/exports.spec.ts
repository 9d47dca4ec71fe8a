// Downloads in the forms of the trade, as a planner makes them in the panel: a format and a
// coordinate system picked, a layer that no one zone holds refused at once with the reason, a
// GeoPackage and a Shapefile written in a worker (the page stays responsive) and read back
// with GDAL: the count, the SRS's EPSG code, the Chinese names.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Download } from '@playwright/test';
import { test, expect, expectResponsive, expectSeen, openMap } from './fixtures.ts';
import { must } from '../../src/lib/must.ts';

const count = (name: string) =>
  (JSON.parse(readFileSync(`public/data/layers/${name}.geojson`, 'utf8')) as { features: unknown[] }).features.length;
const info = (path: string, layer?: string) =>
  execFileSync('ogrinfo', ['-so', '-ro', path, ...(layer ? [layer] : ['-al'])], { encoding: 'utf8' });
const features = (path: string, layer?: string) =>
  execFileSync('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', path, ...(layer ? [layer] : [])], {
    encoding: 'utf8',
    maxBuffer: 1 << 27,
  });
const epsgOf = (text: string) => {
  const srs = text.slice(text.indexOf('SRS WKT'), text.indexOf('Data axis'));
  const ids = [...srs.matchAll(/ID\["EPSG",(\d+)\]/g)];
  return Number(ids[ids.length - 1]?.[1]);
};
const saved = async (d: Download) => readFileSync(must(await d.path(), 'the download'));

test('a GeoPackage in CGCS2000 and a Shapefile in Web Mercator, read back with GDAL; a layer no zone holds is refused with the reason', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const dir = mkdtempSync(join(tmpdir(), 'exports-'));
  await openMap(page, '#tool=download');
  await page.getByTestId('dl-format').selectOption('gpkg');
  // the proposed Gauss–Krüger zone cannot hold stations across the city: said at once, where it is seen
  await page.getByTestId('dl-system').selectOption('auto');
  await page.getByTestId('dl-rail_stations-gpkg').click();
  const problem = page.getByTestId('dl-problem');
  await expect(problem).toContainText('跨越多个高斯–克吕格带');
  await expectSeen(problem, 'the reason the export was refused');
  // CGCS2000 longitude/latitude: a GeoPackage, written off the page
  await page.getByTestId('dl-system').selectOption('4490');
  await expect(problem).toHaveCount(0);
  let d: Download | undefined;
  await expectResponsive(page, 'GeoPackage export of the stations', async () => {
    [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dl-rail_stations-gpkg').click()]);
  });
  if (!d) throw new Error('no GeoPackage');
  expect(d.suggestedFilename()).toBe('hulunbuir-rail_stations-epsg4490.gpkg');
  const gpkg = join(dir, d.suggestedFilename());
  writeFileSync(gpkg, await saved(d));
  const gi = info(gpkg, 'rail_stations');
  expect(gi).toContain(`Feature Count: ${count('rail_stations')}`);
  expect(epsgOf(gi)).toBe(4490);
  expect(features(gpkg, 'rail_stations')).toContain('海拉尔');
  expect(features(gpkg, 'readme')).toContain('CGCS2000');
  // a Shapefile of the units in Web Mercator, its .dbf in GBK
  await page.getByTestId('dl-format').selectOption('shapefile');
  await page.getByTestId('dl-system').selectOption('3857');
  await page.getByTestId('dl-encoding').selectOption('gbk');
  [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dl-units-shapefile').click()]);
  expect(d.suggestedFilename()).toBe('hulunbuir-units-epsg3857-shp.zip');
  const files = unzipSync(new Uint8Array(await saved(d)));
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  expect(Object.keys(files).sort()).toEqual(
    ['README.txt', 'units.cpg', 'units.dbf', 'units.prj', 'units.shp', 'units.shx', 'units_fields.csv'].sort(),
  );
  const si = info(join(dir, 'units.shp'));
  expect(si).toContain(`Feature Count: ${count('units')}`);
  expect(epsgOf(si)).toBe(3857);
  expect(features(join(dir, 'units.shp'))).toContain('海拉尔区');
});

test('tool results with their geometries: places within 50 km as a GeoPackage, zone statistics as a Shapefile, a measured line as DXF in its zone', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const dir = mkdtempSync(join(tmpdir(), 'results-'));
  await openMap(page, '#near=seat-150702:50');
  await expect(page.getByTestId('near-results')).toBeVisible({ timeout: 30_000 });
  const listed = await page.locator('[data-testid=near-results] section li').count();
  await page.getByTestId('near-export').locator('summary').click();
  await page.getByTestId('dl-format').selectOption('gpkg');
  // in the Gauss–Krüger zone that holds it: the railways are cut to the 50 km (whole, they cross the city)
  await page.getByTestId('dl-system').selectOption('auto');
  let [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId('near-download').click()]);
  expect(d.suggestedFilename()).toBe('hulunbuir-within-distance-epsg4528-gk3-z40.gpkg');
  const zoned = join(dir, d.suggestedFilename());
  writeFileSync(zoned, await saved(d));
  expect(info(zoned, 'within')).toContain(`Feature Count: ${listed}`);
  expect(execFileSync('ogr2ogr', ['-f', 'CSV', '/vsistdout/', zoned, 'readme'], { encoding: 'utf8' })).toContain(
    '线与面按缓冲区裁剪',
  );
  await page.getByTestId('dl-system').selectOption('4490');
  [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId('near-download').click()]);
  const gpkg = join(dir, d.suggestedFilename());
  expect(d.suggestedFilename()).toBe('hulunbuir-within-distance-epsg4490.gpkg');
  writeFileSync(gpkg, await saved(d));
  expect(info(gpkg, 'buffer')).toContain('Feature Count: 1');
  const within = info(gpkg, 'within');
  expect(within).toContain(`Feature Count: ${listed}`);
  // each place with its own geometry (a station is a point), its name and distance
  const places = JSON.parse(features(gpkg, 'within')) as {
    features: { geometry: { type: string } | null; properties: Record<string, unknown> }[];
  };
  expect(places.features.every((f) => f.geometry !== null)).toBe(true);
  expect(places.features.some((f) => f.properties.layer === 'rail_stations' && f.geometry?.type === 'Point')).toBe(
    true,
  );

  // the zone statistics, each row drawn with its area; the choice made above holds here too
  await page.goto('about:blank');
  await openMap(page, '#tool=stats');
  await page.getByTestId('stats-export').locator('summary').click();
  await expect(page.getByTestId('dl-format')).toHaveValue('gpkg');
  await page.getByTestId('dl-format').selectOption('shapefile');
  [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId('stats-download').click()]);
  expect(d.suggestedFilename()).toBe('hulunbuir-zone-statistics-epsg4490-shp.zip');
  const files = unzipSync(new Uint8Array(await saved(d)));
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  const stats = JSON.parse(readFileSync('public/data/stats.json', 'utf8')) as { rows: unknown[] };
  const si = info(join(dir, 'zone_statistics.shp'));
  expect(si).toContain(`Feature Count: ${stats.rows.length}`);
  expect(si).toContain('Geometry: Polygon');
  expect(features(join(dir, 'zone_statistics.shp'))).toContain('岭上地区');
  expect(strFromU8(files['zone_statistics_fields.csv'])).toContain('常住人口（2020）');
});

test.describe('a short screen', () => {
  test.use({ viewport: { width: 1280, height: 720 } });
  test('the statistics keep their table in sight while the result’s download is open; its button is seen', async ({
    page,
  }) => {
    await openMap(page, '#tool=stats');
    await page.getByTestId('stats-export').locator('summary').click();
    await expectSeen(page.getByTestId('stats-download'), 'the download button of the statistics');
    // the choices sit in a row in the wide panel, and the table keeps rows (it had shrunk to 15 px)
    const box = must(await page.getByTestId('stats-table').locator('xpath=..').boundingBox(), 'the table');
    expect(box.height).toBeGreaterThanOrEqual(140);
    const f = must(await page.getByTestId('dl-format').boundingBox(), 'the format choice');
    const s = must(await page.getByTestId('dl-system').boundingBox(), 'the system choice');
    expect(Math.abs(f.y - s.y)).toBeLessThan(4);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });

  test('a refusal is said under the button pressed, in view, however far down the sheet it is', async ({ page }) => {
    await openMap(page, '#tool=download');
    await page.getByTestId('dl-format').selectOption('dxf');
    // DXF is drawn in metres: the proposed zone is chosen for it
    await expect(page.getByTestId('dl-system')).toHaveValue('auto');
    await page.getByTestId('dl-ports-dxf').click();
    const problem = page.getByTestId('dl-problem');
    await expect(problem).toContainText('跨越多个高斯–克吕格带');
    await expectSeen(problem, 'the reason, under the ports row');
    await expect(page.locator('[data-layer=ports] + li [data-testid=dl-problem]')).toHaveCount(1);
  });
});
