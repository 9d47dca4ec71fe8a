/**
 * Where the map's label glyphs come from (the style's `glyphs` URL, answered in the page): the
 * catalog's labels from the ranges built ahead (data/glyphs.pbf, one request for all, fetched
 * as the map is made: scripts/data/glyphs.ts), imported layers' labels from a worker that draws
 * the ranges they ask for (glyph.worker.ts), once a page for every map. So the page draws no
 * glyph of a single character; MapLibre still draws grapheme clusters and complex scripts itself
 * (none in the catalog's labels; Mongolian names are images: icons.ts). Without the built file
 * (a data build on a machine without the font, or the file not reachable), MapLibre draws the
 * catalog's labels itself, as before (it warns once per range).
 */
import type * as maplibregl from 'maplibre-gl';
import { FONT, FONT_STACK, IMPORT_FONT } from './catalog.ts';
import { encodeGlyphs, readBundle } from './glyph-pbf.ts';
import type { GlyphRangeReply, GlyphRangeRequest } from './glyph.worker.ts';

/** The style's `glyphs`: a protocol of the page, no request leaves it but the bundle's. */
export const GLYPHS_PROTOCOL = 'glyphs';
export const GLYPHS_URL = `${GLYPHS_PROTOCOL}://{fontstack}/{range}`;
const BUNDLE = 'data/glyphs.pbf';

/** The built ranges, or null when they could not be read (then asked again by the next map). */
let bundle: Promise<Map<number, Uint8Array> | null> | null = null;

/** Starts fetching the built ranges (once a page): with the map's first requests, not after its first tile. */
export function prefetchGlyphs(base: string): void {
  bundle ??= fetch(new URL(BUNDLE, base))
    .then(async (r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return readBundle(await r.arrayBuffer());
    })
    .catch((e: unknown) => {
      console.warn(`${BUNDLE}: ${(e as Error).message}; the map draws its labels itself`);
      bundle = null;
      return null;
    });
}

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, { resolve: (b: Uint8Array) => void; reject: (e: Error) => void }>();
/** Ranges the worker has drawn (or is drawing), for every map of the page. */
const drawnRanges = new Map<string, Promise<Uint8Array>>();

function fail(e: Error): void {
  for (const w of waiting.values()) w.reject(e);
  waiting.clear();
  drawnRanges.clear();
  worker?.terminate();
  worker = null;
}

function drawn(fontstack: string, range: number): Promise<Uint8Array> {
  const key = `${fontstack}/${range}`;
  const known = drawnRanges.get(key);
  if (known) return known;
  if (!worker) {
    worker = new Worker(new URL('./glyph.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (ev: MessageEvent<GlyphRangeReply>) => {
      const w = waiting.get(ev.data.id);
      waiting.delete(ev.data.id);
      if ('pbf' in ev.data) w?.resolve(ev.data.pbf);
      else w?.reject(new Error(ev.data.error));
    };
    // a worker that cannot start (its script not reachable): every waiting range fails, and
    // MapLibre draws those labels itself
    worker.onerror = (e) => fail(new Error(`the glyph worker failed: ${e.message || 'it could not start'}`));
  }
  const id = nextId++;
  const p = new Promise<Uint8Array>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker?.postMessage({ id, fontstack, range, family: FONT_STACK } satisfies GlyphRangeRequest);
  });
  drawnRanges.set(key, p);
  p.catch(() => drawnRanges.delete(key));
  return p;
}

/** The protocol's handler (maplibregl.addProtocol): one range of one fontstack as a PBF. */
export const glyphRange: maplibregl.AddProtocolAction = async (params) => {
  // MapLibre puts the fontstack in the URL as it is (glyph_manager.ts `_loadGlyphRange`)
  const m = /^[a-z]+:\/\/(.+)\/(\d+)-\d+$/.exec(params.url);
  if (!m) throw new Error(`not a glyph range: ${params.url}`);
  const [, fontstack] = m;
  const range = Math.floor(Number(m[2]) / 256);
  if (fontstack === IMPORT_FONT.join(',')) return { data: (await drawn(fontstack, range)).slice().buffer };
  if (fontstack !== FONT.join(',')) throw new Error(`no glyphs for the fontstack ${fontstack}`);
  if (!bundle) prefetchGlyphs(document.baseURI);
  const ranges = await bundle;
  if (!ranges) throw new Error(`${BUNDLE} could not be read`);
  // a range no label of the catalog uses: empty
  return { data: (ranges.get(range) ?? encodeGlyphs(fontstack, range, [])).slice().buffer };
};
