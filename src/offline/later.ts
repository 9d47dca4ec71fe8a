/**
 * What the service worker caches when first used, not at install (one home for the build's
 * precache list and the worker): the print font (not the Mongolian names' font: ≈ 26 KB, the
 * cards need it) and HarfBuzz's subsetter that cuts it for each PDF (≈ 680 KB), the layer
 * downloads, and the export worker with SQLite's WebAssembly (≈ 430 KB a phone need not fetch
 * to view the map). Paths relative to the app's root.
 */
export const LATER =
  /^(data\/(fonts\/print-|layers\/)|assets\/(export\.worker-[^/]*\.js|(sql-wasm|harfbuzz-subset)[^/]*\.wasm)$)/;
