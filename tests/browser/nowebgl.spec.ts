// The first view without WebGL: the overview drawn at build time stays. A browser of its own
// (launch options are per worker, so this file's tests run in one), from the fixture.
import { test, expect } from './fixtures.ts';

// WebGL switched off.
test.use({
  viewport: { width: 1280, height: 800 },
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--disable-webgl', '--disable-3d-apis', '--no-sandbox'],
  },
});

test('the overview drawn at build time stays, with a note and the list of places', async ({ page, context }) => {
  await page.goto('/');
  const overview = page.getByTestId('overview');
  await expect(overview).toHaveClass(/nowebgl/);
  await expect(overview.locator('svg')).toBeVisible();
  await expect(overview.getByRole('alert')).toContainText('WebGL');
  for (const name of ['海拉尔区', '满洲里市', '扎兰屯市', '鄂伦春自治旗'])
    await expect(overview.locator('.overview-places')).toContainText(name);
  // the 14 seats named in both languages, the page's shown (overview.css, <html lang>)
  await expect(overview.locator('svg text.zh')).toHaveCount(14);
  await expect(overview.locator('svg text.en')).toHaveCount(14);
  await expect(overview.locator('svg text.zh').first()).toBeVisible();
  await expect(overview.locator('svg text.en').first()).toBeHidden();
  await expect(page.locator('h1')).toBeVisible(); // the rest of the app still works
  await page.getByTestId('tab-plan').click();
  await expect(page.getByTestId('open-task-2')).toBeVisible();
  await page.screenshot({ path: 'screenshots/no-webgl.png' });
  // search opens the card over the overview
  await page.getByTestId('search').fill('满洲里');
  await page.getByTestId('search-results').getByRole('option').first().click();
  await expect(page.getByTestId('feature-card').locator('h2')).toHaveText('满洲里市');
  await page.screenshot({ path: 'screenshots/no-webgl-card.png' });
  await page.getByTestId('feature-card').getByRole('button', { name: '关闭' }).click();
  // the tour says what it cannot do instead of offering tools that fail
  await page.getByTestId('start-tour').click();
  await expect(page.getByTestId('tour-nomap')).toContainText('WebGL');
  await expect(page.getByTestId('tool-pen')).toHaveCount(0);
  await expect(page.getByTestId('export-png')).toHaveCount(0);
  // in English the overview speaks English too: the note, the seats, the places
  const en = await context.newPage();
  await en.goto('/#lang=en');
  const ov = en.getByTestId('overview');
  await expect(ov).toHaveClass(/nowebgl/);
  await expect(ov.getByRole('alert').locator('.en')).toBeVisible();
  await expect(ov.getByRole('alert').locator('.en')).toContainText('This browser cannot show the interactive map');
  await expect(ov.getByRole('alert').locator('.zh')).toBeHidden();
  await expect(ov.locator('svg text.en').first()).toBeVisible();
  await expect(ov.locator('svg text.zh').first()).toBeHidden();
  await expect(ov.locator('.overview-places li').first().locator('.en')).toBeVisible();
  await en.screenshot({ path: 'screenshots/no-webgl-en.png' });
});
