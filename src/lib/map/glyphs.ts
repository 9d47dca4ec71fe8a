/**
 * Where the map's label glyphs come from (the style's `glyphs` URL, answered in the page): the
 * catalog's labels from the ranges built ahead (data/glyphs.pbf, one request for all, fetched
 * as the map is made: scripts/data/glyphs.ts), imported layers' labels from a worker that draws
 * the ranges they ask for (draw.worker.ts), once a page for every map. So the page draws no
 * glyph of a single character; MapLibre still draws grapheme clusters and complex scripts itself
 * (none in the catalog's labels; Mongolian names are images: icons.ts). Without the built file
 * (a data build on a machine without the font, or the file not reachable), MapLibre draws the
 * catalog's labels itself, as before (it warns once per range).
 */
import type * as maplibregl from 'maplibre-gl';
import { FONT, FONT_STACK, IMPORT_FONT } from './catalog.ts';
import { encodeGlyphs, readBundle } from './glyph-pbf.ts';
import { drawGlyphs, onDrawWorkerFailure } from './draw-worker.ts';

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

/** Ranges the worker has drawn (or is drawing), for every map of the page. */
const drawnRanges = new Map<string, Promise<Uint8Array>>();
// a failed worker's ranges are asked again (MapLibre draws the labels it was waiting for itself)
onDrawWorkerFailure(() => drawnRanges.clear());

function drawn(fontstack: string, range: number): Promise<Uint8Array> {
  const key = `${fontstack}/${range}`;
  const known = drawnRanges.get(key);
  if (known) return known;
  const p = drawGlyphs({ kind: 'glyphs', fontstack, range, family: FONT_STACK });
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
