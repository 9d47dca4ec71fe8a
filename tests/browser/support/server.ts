/**
 * The browser tests' own server: the shipped nginx config on a port of their own (not Vite's
 * 5173 or `npm run preview`'s 4173), started fresh for every run and never reused, so a
 * preview or an older build left running can never answer the tests.
 * TEST_PORT=… moves it (two checkouts' suites side by side).
 */
export const TEST_PORT = Number(process.env.TEST_PORT || 4317);
export const ORIGIN = `http://127.0.0.1:${TEST_PORT}`;

/**
 * Host pages that embed the map (embed.spec.ts) are served from two other origins: the first
 * is on the app's allowlist (the test server starts with EMBED_ORIGINS naming it), the second
 * is not.
 */
export const EMBED_HOST_PORT = TEST_PORT + 1;
export const EMBED_HOST = `http://127.0.0.1:${EMBED_HOST_PORT}`;
export const STRANGER_HOST_PORT = TEST_PORT + 2;
export const STRANGER_HOST = `http://127.0.0.1:${STRANGER_HOST_PORT}`;
