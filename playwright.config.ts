import { defineConfig } from '@playwright/test';

// Debian's Chromium (apt-get install chromium), software WebGL; never a downloaded browser.
export default defineConfig({
  testDir: 'tests/browser',
  timeout: 60_000,
  // Pixel tests (pixels.spec.ts) compare with expected PNGs in tests/browser/expected/,
  // rewritten only when asked: UPDATE=1 npm run test:browser.
  expect: { timeout: 15_000, toHaveScreenshot: { maxDiffPixelRatio: 0.01, threshold: 0.25, animations: 'disabled', caret: 'hide' } },
  updateSnapshots: process.env.UPDATE ? 'all' : 'none',
  snapshotPathTemplate: '{testDir}/expected/{arg}{ext}',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: 'http://127.0.0.1:4173/',
    viewport: { width: 1440, height: 900 },
    // The service worker (offline after one visit) answers from its cache, which page.route
    // cannot see: it is off except in the tests of it (offline.spec.ts turns it on).
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-sandbox', '--disable-background-networking', '--disable-component-update'],
    },
  },
  // The shipped web server and config (deploy/nginx.conf, with the CSP of deploy/headers.ts).
  webServer: {
    command: 'npm run serve:nginx -- --port 4173',
    url: 'http://127.0.0.1:4173/',
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
