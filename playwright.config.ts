import { defineConfig } from '@playwright/test';
import { EMBED_HOST, ORIGIN, TEST_PORT } from './tests/browser/support/server.ts';

// Debian's Chromium (apt-get install chromium), software WebGL; never a downloaded browser.
export default defineConfig({
  testDir: 'tests/browser',
  timeout: 60_000,
  // Pixel tests (pixels.spec.ts) compare with expected PNGs in tests/browser/expected/,
  // rewritten only when asked: UPDATE=1 npm run test:browser:all (they are in the slow tier).
  expect: {
    timeout: 15_000,
    toHaveScreenshot: { maxDiffPixelRatio: 0.01, threshold: 0.25, animations: 'disabled', caret: 'hide' },
  },
  updateSnapshots: process.env.UPDATE ? 'all' : 'none',
  snapshotPathTemplate: '{testDir}/expected/{arg}{ext}',
  fullyParallel: false,
  workers: 1,
  // No retries: a test that passes only on a second try is a bug in the test or the app.
  retries: 0,
  // The slow tier (soak, 300 dpi prints, pixels, the import corpus, sizes) is tagged @slow:
  // `npm test` leaves it out (--grep-invert @slow), `npm run test:all` runs it.
  reporter: [['list'], ['./tests/browser/support/durations.ts']],
  outputDir: 'test-results',
  use: {
    baseURL: `${ORIGIN}/`,
    viewport: { width: 1440, height: 900 },
    // The service worker (offline after one visit) answers from its cache, which page.route
    // cannot see: it is off except in the tests of it (offline.spec.ts turns it on).
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--use-angle=swiftshader',
        '--enable-unsafe-swiftshader',
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    },
  },
  // The shipped web server and config (deploy/nginx.conf, with the CSP of deploy/headers.ts),
  // allowing one other origin to embed the map (the host page of embed.spec.ts).
  webServer: {
    command: `npm run serve:nginx -- --port ${TEST_PORT}`,
    env: { EMBED_ORIGINS: EMBED_HOST },
    url: `${ORIGIN}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
