// Accessibility: axe-core (WCAG 2.1 A and AA rules) clean in every panel, in both languages;
// the map has a text alternative (the places and zones, by keyboard and screen reader).
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, openMap, expectSeen } from './fixtures.ts';

async function axe(page: Page, what: string) {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = r.violations.map(
    (v) =>
      `${what}: ${v.id} (${v.impact}) ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
  expect(found, `${what}: axe violations`).toEqual([]);
}

const PANELS: [string, (page: Page) => Promise<void>][] = [
  ['the first view', async () => {}],
  [
    'the plan tab with task 2',
    async (page) => {
      await page.getByTestId('tab-plan').click();
      await page.getByTestId('open-task-2').click();
      await expect(page.getByTestId('task-view')).toBeVisible();
    },
  ],
  [
    'the targets tab',
    async (page) => {
      await page.getByTestId('tab-targets').click();
      await expect(page.locator('[role=tabpanel]')).not.toBeEmpty();
    },
  ],
  [
    'a card',
    async (page) => {
      await page.getByTestId('search').fill('满洲里');
      await page.getByTestId('search-results').getByRole('option').first().click();
      await expectSeen(page.getByTestId('feature-card'));
    },
  ],
  [
    'the matrix',
    async (page) => {
      await page.getByTestId('open-matrix').click();
      await expect(page.getByTestId('matrix').locator('tbody tr')).toHaveCount(22);
    },
  ],
  [
    'the tools menu and the measure tool',
    async (page) => {
      await page.getByTestId('open-tools').click();
      await page.getByTestId('tool-measure').click();
      await expectSeen(page.getByTestId('tool-panel'));
    },
  ],
  [
    'the import tool',
    async (page) => {
      await page.getByTestId('open-tools').click();
      await page.getByTestId('tool-import').click();
      await expectSeen(page.getByTestId('tool-panel'));
    },
  ],
  [
    'the statistics',
    async (page) => {
      await page.getByTestId('open-tools').click();
      await page.getByTestId('tool-stats').click();
      await expect(page.getByTestId('tool-panel').locator('table')).toBeVisible();
    },
  ],
  [
    'the downloads in GeoPackage, CGCS2000',
    async (page) => {
      await page.getByTestId('open-tools').click();
      await page.getByTestId('tool-download').click();
      await page.getByTestId('dl-format').selectOption('gpkg');
      await page.getByTestId('dl-system').selectOption('4490');
      await expectSeen(page.getByTestId('dl-format'), 'the export choice');
    },
  ],
  [
    'an imported layer’s attribute table, styled by a field',
    async (page) => {
      await page.getByTestId('open-tools').click();
      await page.getByTestId('tool-import').click();
      await page.getByTestId('import-file').setInputFiles('tests/fixtures/import/schools.geojson');
      await page.getByTestId('tool-panel').getByTestId('imported-table').click({ timeout: 30_000 });
      await expect(page.getByTestId('table-count')).toBeVisible();
      await page.locator('.tools summary').click();
      await page.getByTestId('style-field').selectOption('name');
      await expect(page.getByTestId('tool-panel').getByTestId('style-legend')).toBeVisible();
    },
  ],
  [
    'the tour',
    async (page) => {
      await page.getByTestId('start-tour').click();
      await expect(page.getByTestId('tour-caption')).toBeVisible();
    },
  ],
  [
    'the share dialog',
    async (page) => {
      await page.getByTestId('share').click();
      await expectSeen(page.getByTestId('share-dialog').getByRole('heading').first(), 'the share dialog');
    },
  ],
];

for (const lang of ['zh', 'en'] as const) {
  for (const [what, open] of PANELS) {
    // The first state of each language in the core tier; the walk through every panel in the slow one.
    const tier = what === PANELS[0][0] ? {} : { tag: '@slow' };
    test(`axe: ${what} (${lang})`, tier, async ({ page }) => {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await openMap(page, lang === 'en' ? '#lang=en' : '');
      await open(page);
      await axe(page, `${what} (${lang})`);
    });
  }
}

test('axe: the embedded map (a 400 × 300 frame, English)', async ({ page }) => {
  await page.setViewportSize({ width: 400, height: 300 });
  await page.goto('/?embed&e2e#s=seat-150783&lang=en');
  await page.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0, null, { timeout: 45_000 });
  await expectSeen(page.getByTestId('feature-card'));
  await axe(page, 'embedded map');
});

test('axe: the phone layout with the layer sheet open', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await openMap(page);
  await page.getByTestId('open-layers').click();
  await axe(page, 'phone sheet');
});

test('the map has a text alternative: its places and zones, reachable by keyboard, each opening its card', async ({
  page,
}) => {
  await openMap(page);
  expect(await page.getByTestId('map').getAttribute('aria-describedby')).toBe('map-text');
  const text = page.getByTestId('map-text');
  await text.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(text.locator('li')).toHaveCount(3 + 3 + 14);
  await expect(text).toContainText('岭西地区');
  await text.getByRole('button', { name: '满洲里市', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('feature-card').locator('h2')).toHaveText('满洲里市');
});

for (const lang of ['zh', 'en'] as const) {
  test(`every control of the first view is reached by Tab, with a visible focus ring (${lang})`, async ({ page }) => {
    await openMap(page, lang === 'en' ? '#lang=en' : '');
    // what a keyboard user should reach: visible, enabled controls outside closed disclosures
    const expected = await page.evaluate(() => {
      const all = [
        ...document.querySelectorAll<HTMLElement>(
          'a[href], button:not([disabled]), input:not([disabled]), select, textarea, summary, [tabindex]:not([tabindex="-1"])',
        ),
      ];
      return all
        .filter(
          (el) =>
            el.checkVisibility({ visibilityProperty: true }) &&
            el.getBoundingClientRect().width > 0 &&
            !el.closest('details:not([open]) > :not(summary)'),
        )
        .map((el, i) => {
          el.dataset.focusProbe = String(i);
          return String(i);
        });
    });
    expect(expected.length).toBeGreaterThan(20);
    const reached = new Set<string>();
    const noRing: string[] = [];
    for (let i = 0; i < expected.length + 15; i++) {
      await page.keyboard.press('Tab');
      const r = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const s = getComputedStyle(el);
        const ring =
          (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) ||
          (s.boxShadow !== 'none' && s.boxShadow !== '');
        return {
          probe: el.dataset.focusProbe ?? null,
          ring,
          what: `${el.tagName} ${el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30)}`,
        };
      });
      if (!r) continue;
      if (r.probe) reached.add(r.probe);
      if (!r.ring) noRing.push(r.what);
    }
    expect(noRing, 'focused without a visible ring').toEqual([]);
    const missed = await page.evaluate(
      (ids) =>
        ids
          .map((id) => document.querySelector<HTMLElement>(`[data-focus-probe="${id}"]`))
          .map(
            (el) =>
              `${el?.tagName} ${el?.getAttribute('data-testid') ?? el?.getAttribute('aria-label') ?? el?.textContent?.trim().slice(0, 30)}`,
          ),
      expected.filter((id) => !reached.has(id)),
    );
    expect(missed, 'controls Tab never reaches').toEqual([]);
  });
}
