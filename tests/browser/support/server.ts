/**
 * The browser tests' own server: the shipped nginx config on a port of their own (not Vite's
 * 5173 or `npm run preview`'s 4173), started fresh for every run and never reused, so a
 * preview or an older build left running can never answer the tests.
 * TEST_PORT=… moves it (two checkouts' suites side by side).
 */
export const TEST_PORT = Number(process.env.TEST_PORT || 4317);
export const ORIGIN = `http://127.0.0.1:${TEST_PORT}`;
