import { test, expect, openMap, rendered, clickLngLat, waitIdle, expectSeen } from './fixtures.ts';
import { ORIGIN } from './support/server.ts';
import { must } from '../../src/lib/must.ts';

const MANZHOULI_SEAT: [number, number] = [117.3702, 49.5959];

test.describe('the plan map', () => {
  test('reaches idle once, with no page or console error, and draws every default layer', async ({ page, log }) => {
    await openMap(page);
    expect(await page.evaluate(() => performance.getEntriesByName('map:idle').length)).toBe(1);
    // One style layer per catalog entry that must show features at the city view.
    const expectations: Record<string, string> = {
      units: 'units-line',
      zones: 'zones-fill',
      'structure-areas': 'structure-line',
      'structure-points': 'seats',
      rail: 'rail',
      heritage: 'heritage-points',
      ports: 'ports-points',
      airports: 'airports-points',
      'context-water': 'rivers',
      'context-borders': 'borders',
    };
    for (const [entry, layer] of Object.entries(expectations)) {
      expect((await rendered(page, layer)).length, `${entry} (${layer})`).toBeGreaterThan(0);
    }
    const seats = await rendered(page, 'seats');
    expect(new Set(seats.map((s) => s.id)).size).toBe(14);
    const zoneLabels = (await rendered(page, 'zone-labels')).map((f) => f.name);
    expect(zoneLabels).toEqual(expect.arrayContaining(['岭西地区', '岭上地区']));
    expect(log.errors).toEqual([]);
  });

  test('sends every request to its own origin', async ({ page, log }) => {
    await openMap(page);
    await clickLngLat(page, ...MANZHOULI_SEAT);
    await expectSeen(page.getByTestId('feature-card'));
    expect(log.requests.length).toBeGreaterThan(3);
    const foreign = log.requests.filter(
      (u) => !u.startsWith(`${ORIGIN}/`) && !u.startsWith('data:') && !u.startsWith('blob:'),
    );
    expect(foreign).toEqual([]);
    expect(log.requests.some((u) => /\/tiles\/plan\.[0-9a-f]{12}\.pmtiles$/.test(u))).toBe(true);
  });

  test('toggling a layer hides it, and its legend says so', async ({ page, log }) => {
    await openMap(page);
    expect((await rendered(page, 'rail')).length).toBeGreaterThan(0);
    await page.getByTestId('toggle-rail').uncheck();
    await waitIdle(page);
    expect(
      await page.evaluate(() =>
        (window as never as { __map: import('maplibre-gl').Map }).__map.getLayoutProperty('rail', 'visibility'),
      ),
    ).toBe('none');
    expect((await rendered(page, 'rail')).length).toBe(0);
    await expect(page.getByTestId('legend-hidden-rail')).toHaveText('已隐藏');
    expect(page.url()).toContain('l=');
    await page.getByTestId('toggle-rail').check();
    await waitIdle(page);
    expect((await rendered(page, 'rail')).length).toBeGreaterThan(0);
    await expect(page.getByTestId('legend-hidden-rail')).toHaveCount(0);
    expect(log.errors).toEqual([]);
  });

  test('without the zones, the city keeps its own fill (the opaque zone tints replace it while they show)', async ({
    page,
  }) => {
    await openMap(page);
    const vis = (id: string) =>
      page.evaluate(
        (l) => (window as never as { __map: import('maplibre-gl').Map }).__map.getLayoutProperty(l, 'visibility'),
        id,
      );
    expect(await vis('city-fill')).toBe('none');
    await page.getByTestId('toggle-zones').uncheck();
    await waitIdle(page);
    expect(await vis('city-fill')).toBe('visible');
    expect(await vis('zones-fill')).toBe('none');
    await page.screenshot({ path: 'screenshots/no-zones.png' });
    await page.getByTestId('toggle-zones').check();
    await waitIdle(page);
    expect(await vis('city-fill')).toBe('none');
  });

  test('clicking 满洲里市 opens its card with the plan wording and highlights it', async ({ page, log }) => {
    await openMap(page);
    await clickLngLat(page, ...MANZHOULI_SEAT);
    const card = page.getByTestId('feature-card');
    await expectSeen(card);
    await expect(card.locator('h2')).toHaveText('满洲里市');
    await expect(card).toHaveAttribute('data-feature-id', 'unit-150781');
    await expect(card.getByTestId('card-plan')).toContainText('任务2');
    await expect(card.getByTestId('card-plan')).toContainText('大力发展泛口岸经济');
    await expect(card).toContainText('150,508');
    await expect(card).toContainText('发展极');
    // the source said for a reader; the record as the build wrote it only in the fold
    const source = card.getByTestId('card-source');
    await expect(source).toContainText('ECharts 中国城市地图');
    await expect(source).not.toContainText('GCJ-02');
    await card.getByText('来源详情').click();
    await expect(card.locator('details.record')).toContainText('GCJ-02 → WGS84');
    expect(page.url()).toContain('s=unit-150781');
    const state = await page.evaluate(() =>
      (window as never as { __map: import('maplibre-gl').Map }).__map.getFeatureState({
        source: 'plan',
        sourceLayer: 'units',
        id: 'unit-150781',
      }),
    );
    expect(state.selected).toBe(true);
    const tint = () =>
      page.evaluate(() =>
        (window as never as { __map: import('maplibre-gl').Map }).__map.getLayoutProperty('units-fill', 'visibility'),
      );
    expect(await tint()).toBe('visible'); // drawn only while a unit is lit
    await page.keyboard.press('Escape');
    await expect(card).toHaveCount(0);
    expect(await tint()).toBe('none');
    expect(log.errors).toEqual([]);
  });

  test('clicking anywhere inside a unit opens that unit', async ({ page }) => {
    await openMap(page);
    await clickLngLat(page, 123.3, 50.9);
    await expect(page.getByTestId('feature-card').locator('h2')).toHaveText('鄂伦春自治旗');
    await clickLngLat(page, 116.5, 48.4);
    await expect(page.getByTestId('feature-card').locator('h2')).toHaveText('新巴尔虎右旗');
    // a line is found by its drawn layers (no invisible hit layer)
    await clickLngLat(page, 119.95, 47.78);
    await expect(page.getByTestId('feature-card').locator('h2')).toHaveText('乌兰浩特—阿尔山—海拉尔铁路（升级改造）');
    await expect(page.getByTestId('card-warning')).toContainText('示意线路');
    // a line with no known route is its two ends: clicking one opens the line (the 伊尔施 end, up close)
    await page.evaluate(() =>
      (window as unknown as { __map: import('maplibre-gl').Map }).__map.jumpTo({ center: [119.93, 47.31], zoom: 11 }),
    );
    await waitIdle(page);
    await clickLngLat(page, 119.93, 47.31);
    await expect(page.getByTestId('feature-card').locator('h2')).toHaveText('伊尔施至满洲里铁路（规划）');
    await expect(page.getByTestId('card-warning').filter({ hasText: '走向未知' })).toBeVisible();
  });

  test('an approximate place says so in its card', async ({ page }) => {
    await openMap(page, '#s=heritage-qiqian');
    const card = page.getByTestId('feature-card');
    await expectSeen(card);
    await expect(card.getByTestId('card-warning')).toContainText('位置示意');
    await expect(card.getByTestId('card-plan')).toContainText('奇乾');
  });

  test('a URL with state restores view, layers, selection and language', async ({ page, log }) => {
    await openMap(page, '#v=8/49.55/117.6&l=units,structure-points,ports&s=unit-150781&lang=en');
    const view = await page.evaluate(() => {
      const m = (window as never as { __map: import('maplibre-gl').Map }).__map;
      return { zoom: m.getZoom(), center: m.getCenter() };
    });
    expect(view.zoom).toBeCloseTo(8, 1);
    expect(view.center.lat).toBeCloseTo(49.55, 2);
    expect(view.center.lng).toBeCloseTo(117.6, 2);
    await expect(page.getByTestId('feature-card').locator('h2')).toHaveText('Manzhouli City');
    await expect(page.getByTestId('toggle-zones')).not.toBeChecked();
    await expect(page.getByTestId('toggle-ports')).toBeChecked();
    expect((await rendered(page, 'zones-fill')).length).toBe(0);
    await expect(page.locator('h1')).toContainText('Hulunbuir');
    // and the state written back to the URL is the same
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0);
    await expect(page.getByTestId('feature-card').locator('h2')).toHaveText('Manzhouli City');
    expect(log.errors).toEqual([]);
  });

  test('the language switch changes the UI and the map labels', async ({ page }) => {
    await openMap(page);
    await expect(page.locator('h1')).toContainText('一核两极多点');
    await page.getByTestId('lang').click();
    await expect(page.locator('h1')).toContainText('one core, two poles');
    await expect(page.getByTestId('layer-panel')).toContainText('Spatial structure');
    const field = await page.evaluate(() =>
      JSON.stringify(
        (window as never as { __map: import('maplibre-gl').Map }).__map.getLayoutProperty('seat-labels', 'text-field'),
      ),
    );
    expect(field).toContain('unit_en');
    expect(page.url()).toContain('lang=en');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByTestId('lang').click();
    await expect(page.locator('h1')).toContainText('一核两极多点');
  });

  test('分享 copies the link with the state', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
    await openMap(page);
    await clickLngLat(page, ...MANZHOULI_SEAT);
    await expectSeen(page.getByTestId('feature-card'));
    await page.getByTestId('share').click();
    await expectSeen(page.getByTestId('share-dialog'), 'the share dialog');
    await page.getByTestId('copy-link').click();
    await expect(page.getByTestId('share-dialog').getByRole('status')).toHaveText('链接已复制');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('s=unit-150781');
    expect(copied).toContain('v=');
  });

  test('a missing tile archive is named in a message, the overview shows instead, and the plan still works', async ({
    page,
    log,
  }) => {
    log.allow(/404|\.pmtiles/);
    await page.route('**/tiles/plan.*.pmtiles', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto('/?e2e=1');
    const problem = page.getByTestId('archive-problem');
    await expect(problem).toHaveAttribute('data-kind', 'missing');
    await expect(problem).toContainText(/plan\.[0-9a-f]{12}\.pmtiles/);
    await expect(problem).toContainText('HTTP 404');
    await expect(problem).toContainText('规划总览');
    const overview = page.getByTestId('overview');
    await expect(overview).toHaveClass(/nodata/);
    await expect(overview.locator('svg')).toBeVisible();
    await expect(overview.locator('.overview-places')).toContainText('满洲里市');
    await waitIdle(page); // the map settles; the overview must stay
    await expect(overview.locator('svg')).toBeVisible();
    await page.screenshot({ path: 'screenshots/missing-archive.png' });
    await page.getByTestId('tab-plan').click();
    await page.getByTestId('open-task-2').click();
    await expect(page.getByTestId('task-view')).toContainText('满洲里');
  });

  test('works on a phone: layers and cards are bottom sheets', async ({ page, log }) => {
    await page.setViewportSize({ width: 375, height: 667 });
    await openMap(page);
    expect((await rendered(page, 'seats')).length).toBe(14);
    const panel = page.locator('aside.panel');
    await page.getByTestId('open-layers').click();
    await expect(panel).toBeInViewport();
    await page.screenshot({ path: 'screenshots/phone-layers.png' });
    await page.getByTestId('open-layers').click();
    await expect(panel).not.toBeInViewport();
    await clickLngLat(page, ...MANZHOULI_SEAT);
    const card = page.getByTestId('feature-card');
    await expectSeen(card);
    const box = must(await card.boundingBox(), 'the card on screen');
    expect(box.width).toBeGreaterThan(360);
    expect(box.y + box.height).toBeGreaterThan(660);
    // the clicked place moves above the card
    await waitIdle(page);
    const seatY = await page.evaluate(([x, y]) => {
      const m = (window as never as { __map: import('maplibre-gl').Map }).__map;
      return m.getCanvas().getBoundingClientRect().top + m.project([x, y]).y;
    }, MANZHOULI_SEAT);
    expect(seatY).toBeLessThan(box.y - 10);
    await page.screenshot({ path: 'screenshots/phone-card.png' });
    expect(log.errors).toEqual([]);
  });

  test('is readable on a projector (1920 × 1080)', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openMap(page);
    const size = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(size).toBeGreaterThanOrEqual(18);
    await page.screenshot({ path: 'screenshots/projector.png' });
  });

  test('every control can be reached with the keyboard', async ({ page }) => {
    await openMap(page);
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
      if (id) seen.add(id);
    }
    for (const id of ['reset-view', 'share', 'lang', 'toggle-zones', 'toggle-rail'])
      expect(seen.has(id), id).toBe(true);
    await page.getByTestId('toggle-zones').focus();
    await page.keyboard.press('Space');
    await expect(page.getByTestId('toggle-zones')).not.toBeChecked();
  });
});

test.describe('a data file that fails to load or is malformed', () => {
  // Each file: what the user does that needs it, and what still works.
  const cases: { file: string; use: (page: import('@playwright/test').Page) => Promise<void> }[] = [
    {
      file: 'features.json',
      use: async (page) => {
        await clickLngLat(page, ...MANZHOULI_SEAT);
      },
    },
    {
      file: 'plan.json',
      use: async (page) => {
        await page.getByTestId('tab-plan').click();
      },
    },
    {
      file: 'search.json',
      use: async (page) => {
        await page.getByTestId('search').click();
      },
    },
    {
      file: 'tours.json',
      use: async (page) => {
        await page.getByTestId('start-tour').click();
      },
    },
  ];
  for (const { file, use } of cases) {
    for (const broken of ['missing', 'malformed'] as const) {
      test(`${file} ${broken}: the part that needs it says so, the rest works`, async ({ page, log }) => {
        log.allow(/404|Failed to load resource/);
        await page.route(`**/data/${file}`, (route) =>
          broken === 'missing'
            ? route.fulfill({ status: 404, body: 'not found' })
            : route.fulfill({ status: 200, contentType: 'application/json', body: '{"tasks": "not a plan", "0": 1}' }),
        );
        await openMap(page);
        await use(page);
        await expect(page.getByTestId('load-error')).toContainText(file);
        // the map and the layer panel still work
        await page.getByTestId('tab-layers').click();
        await page.getByTestId('toggle-rail').uncheck();
        await waitIdle(page);
        expect(
          await page.evaluate(() =>
            (window as never as { __map: import('maplibre-gl').Map }).__map.getLayoutProperty('rail', 'visibility'),
          ),
        ).toBe('none');
        if (file !== 'plan.json') {
          await page.getByTestId('tab-plan').click();
          await expect(page.getByTestId('open-task-2')).toBeVisible();
        }
      });
    }
  }
});
