/**
 * What the service worker caches when first used, not at install (one home for the build's
 * precache list and the worker): the print font, the layer downloads, and the export worker
 * with SQLite's WebAssembly (≈ 430 KB a phone need not fetch to view the map). Paths relative to
 * the app's root.
 */
export const LATER = /^(data\/(fonts|layers)\/|assets\/(export\.worker-[^/]*\.js|sql-wasm[^/]*\.wasm)$)/;
