/**
 * Glyph ranges for imported layers' labels, drawn off the main thread: their text is the user's,
 * so no build could know its characters. TinySDF on an OffscreenCanvas, in the labels' font,
 * at the PBF's conventions (glyph-pbf.ts), a whole range of 256 code points per request.
 */
import TinySDF from '@mapbox/tiny-sdf';
import {
  GLYPH_BORDER,
  GLYPH_CUTOFF,
  GLYPH_EM,
  GLYPH_RADIUS,
  GLYPH_TOP_ADJUSTMENT,
  type Glyph,
  encodeGlyphs,
} from './glyph-pbf.ts';

export interface GlyphRangeRequest {
  id: number;
  fontstack: string;
  range: number;
  /** The font as CSS (catalog.ts FONT_STACK). */
  family: string;
}
export type GlyphRangeReply = { id: number; pbf: Uint8Array } | { id: number; error: string };

let sdf: TinySDF | null = null;

function drawRange({ fontstack, range, family }: GlyphRangeRequest): Uint8Array {
  sdf ??= new TinySDF({
    fontSize: GLYPH_EM,
    buffer: GLYPH_BORDER,
    radius: GLYPH_RADIUS,
    cutoff: GLYPH_CUTOFF,
    fontFamily: family,
  });
  const glyphs: Glyph[] = [];
  for (let id = range * 256; id < range * 256 + 256; id++) {
    // no controls, no lone surrogates: nothing a label draws
    if (id < 0x20 || (id >= 0x7f && id < 0xa0) || (id >= 0xd800 && id < 0xe000)) continue;
    const c = sdf.draw(String.fromCodePoint(id));
    const blank = c.glyphWidth === 0 || c.glyphHeight === 0;
    glyphs.push({
      id,
      bitmap: blank ? new Uint8Array(0) : new Uint8Array(c.data.buffer, c.data.byteOffset, c.data.length),
      width: blank ? 0 : c.glyphWidth,
      height: blank ? 0 : c.glyphHeight,
      left: c.glyphLeft,
      // whole pixels (the PBF's `top` is an integer): half a pixel above the built glyphs
      top: Math.round(c.glyphTop - GLYPH_TOP_ADJUSTMENT),
      advance: Math.round(c.glyphAdvance),
    });
  }
  return encodeGlyphs(fontstack, range, glyphs);
}

self.onmessage = (ev: MessageEvent<GlyphRangeRequest>) => {
  const { id } = ev.data;
  try {
    const pbf = drawRange(ev.data);
    (self as unknown as Worker).postMessage({ id, pbf } satisfies GlyphRangeReply, [pbf.buffer]);
  } catch (e) {
    (self as unknown as Worker).postMessage({ id, error: (e as Error).message } satisfies GlyphRangeReply);
  }
};
