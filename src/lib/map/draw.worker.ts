/**
 * The map's drawing off the main thread (draw-worker.ts asks): glyph ranges for imported layers'
 * labels (their text is the user's, so no build could know its characters: TinySDF, a whole
 * range of 256 code points per request, at the PBF's conventions, glyph-pbf.ts), the point
 * symbols and the Mongolian names' images (icons.ts). On an OffscreenCanvas: a page's first 2D
 * canvas drawing costs 20–350 ms on the bench machine (the canvas's set-up, once), which the
 * map's start paid on its main thread when it drew its icons there.
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
import { ICONS, type IconId, type Raster, rasterIcon, rasterMongolian } from './icons.ts';
import { type MongolianFontSource, mongolianFace } from '../mongolian-font.ts';

export type DrawRequest =
  | {
      kind: 'glyphs';
      fontstack: string;
      range: number;
      /** The font as CSS (catalog.ts FONT_STACK). */
      family: string;
    }
  | { kind: 'icon'; icon: IconId; px: number }
  /** a Mongolian name in its font (mongolian-font.ts) */
  | { kind: 'mongolian'; name: string; ratio: number; font: MongolianFontSource };
export type DrawReply =
  | { id: number; pbf: Uint8Array }
  | { id: number; raster: Raster }
  | { id: number; error: string };

let sdf: TinySDF | null = null;

function drawRange({ fontstack, range, family }: { fontstack: string; range: number; family: string }): Uint8Array {
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

/** The Mongolian names' font in this worker (once); throws when it cannot be loaded. */
let mongolianFont: Promise<unknown> | null = null;
function loadFont(source: MongolianFontSource) {
  mongolianFont ??= (async () => {
    const face = mongolianFace(source);
    (self as unknown as { fonts: FontFaceSet }).fonts.add(face);
    await face.load();
  })();
  return mongolianFont;
}

const post = (reply: DrawReply, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(reply, transfer);

self.onmessage = async (ev: MessageEvent<DrawRequest & { id: number }>) => {
  const m = ev.data;
  try {
    if (m.kind === 'glyphs') {
      const pbf = drawRange(m);
      post({ id: m.id, pbf }, [pbf.buffer]);
      return;
    }
    let raster: Raster;
    if (m.kind === 'icon') raster = rasterIcon(ICONS[m.icon], m.px);
    else {
      await loadFont(m.font);
      raster = rasterMongolian(m.name, m.font.family, m.ratio);
    }
    post({ id: m.id, raster }, [raster.data.buffer]);
  } catch (e) {
    post({ id: m.id, error: (e as Error).message || String(e) });
  }
};
