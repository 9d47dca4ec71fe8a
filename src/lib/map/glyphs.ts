/**
 * Where the map's label glyphs come from (the style's `glyphs` URL, answered in the page): the
 * catalog's labels from the ranges built ahead (data/glyphs.pbf, one request for all, fetched
 * as the map is made: scripts/data/glyphs.ts), imported layers' labels from a worker that draws
 * the ranges they ask for (glyph.worker.ts). No glyph is drawn on the main thread. Without the
 * built file (a data build on a machine without the font), MapLibre draws the labels itself.
 */
import type * as maplibregl from 'maplibre-gl';
import { FONT, FONT_STACK, IMPORT_FONT } from './catalog.ts';
import { encodeGlyphs, readBundle } from './glyph-pbf.ts';
import type { GlyphRangeReply, GlyphRangeRequest } from './glyph.worker.ts';

/** The style's `glyphs`: a protocol of the page, no request leaves it but the bundle's. */
export const GLYPHS_PROTOCOL = 'glyphs';
export const GLYPHS_URL = `${GLYPHS_PROTOCOL}://{fontstack}/{range}`;
const BUNDLE = 'data/glyphs.pbf';

let bundle: Promise<Map<number, Uint8Array>> | null = null;

/** Starts fetching the built ranges (once a page): with the map's first requests, not after its first tile. */
export function prefetchGlyphs(base: string): void {
  bundle ??= fetch(new URL(BUNDLE, base)).then(async (r) => {
    if (!r.ok) throw new Error(`${BUNDLE}: HTTP ${r.status}`);
    return readBundle(await r.arrayBuffer());
  });
}

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, { resolve: (b: Uint8Array) => void; reject: (e: Error) => void }>();

function drawn(fontstack: string, range: number): Promise<Uint8Array> {
  if (!worker) {
    worker = new Worker(new URL('./glyph.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (ev: MessageEvent<GlyphRangeReply>) => {
      const w = waiting.get(ev.data.id);
      waiting.delete(ev.data.id);
      if ('pbf' in ev.data) w?.resolve(ev.data.pbf);
      else w?.reject(new Error(ev.data.error));
    };
  }
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker?.postMessage({ id, fontstack, range, family: FONT_STACK } satisfies GlyphRangeRequest);
  });
}

/** The protocol's handler (maplibregl.addProtocol): one range of one fontstack as a PBF. */
export const glyphRange: maplibregl.AddProtocolAction = async (params) => {
  const m = /^[a-z]+:\/\/(.+)\/(\d+)-\d+$/.exec(params.url);
  if (!m) throw new Error(`not a glyph range: ${params.url}`);
  const fontstack = decodeURIComponent(m[1]);
  const range = Math.floor(Number(m[2]) / 256);
  if (fontstack === IMPORT_FONT.join(',')) return { data: (await drawn(fontstack, range)).slice().buffer };
  if (fontstack !== FONT.join(',')) throw new Error(`no glyphs for the fontstack ${fontstack}`);
  if (!bundle) prefetchGlyphs(document.baseURI);
  const pbf = (await bundle)?.get(range);
  // a range the labels do not use: empty (no glyph is missing that a label shows)
  return { data: (pbf ?? encodeGlyphs(fontstack, range, [])).slice().buffer };
};
