/**
 * MapLibre's glyph ranges (the `glyphs` PBF: a fontstack of signed-distance glyphs drawn at
 * 24 px with a 3 px border) written by hand — a few varints and byte strings, for the build
 * (scripts/data/glyphs.ts) and the imported labels' worker (draw.worker.ts) alike — and the
 * bundle the build ships them in: every range the map's labels use in one file, one request.
 *
 * Bundle layout (little-endian): u32 count, then count × (u32 range, u32 offset, u32 length),
 * then the ranges' PBFs; offsets count from the end of the table.
 */

/** The PBF's conventions (MapLibre parse_glyph_pbf.ts, sdf-glyph-foundry): what every glyph is drawn at. */
export const GLYPH_EM = 24;
export const GLYPH_BORDER = 3;
export const GLYPH_RADIUS = 8;
export const GLYPH_CUTOFF = 0.25;
/**
 * MapLibre's calibration of the glyphs it draws itself (glyph_manager.ts `topAdjustment`): a
 * glyph's `top` is its top above the baseline less this, so built and drawn labels sit where
 * MapLibre's own sat.
 */
export const GLYPH_TOP_ADJUSTMENT = 27.5;

export interface Glyph {
  id: number;
  /** (width + 2·border) × (height + 2·border) distances, 255 − 255·(d / radius + cutoff); empty for a blank glyph. */
  bitmap: Uint8Array;
  width: number;
  height: number;
  left: number;
  top: number;
  advance: number;
}

class Writer {
  bytes: number[] = [];
  varint(v: number): void {
    let n = v >>> 0;
    while (n > 0x7f) {
      this.bytes.push((n & 0x7f) | 0x80);
      n >>>= 7;
    }
    this.bytes.push(n);
  }
  key(field: number, wire: number): void {
    this.varint((field << 3) | wire);
  }
  uint(field: number, v: number): void {
    this.key(field, 0);
    this.varint(v);
  }
  sint(field: number, v: number): void {
    this.key(field, 0);
    this.varint(v >= 0 ? v * 2 : -v * 2 - 1);
  }
  data(field: number, b: ArrayLike<number>): void {
    this.key(field, 2);
    this.varint(b.length);
    for (let i = 0; i < b.length; i++) this.bytes.push(b[i]);
  }
}

/** One range's PBF: `glyphs { stacks { name, range, glyphs* } }`. */
export function encodeGlyphs(fontstack: string, range: number, glyphs: readonly Glyph[]): Uint8Array {
  const stack = new Writer();
  stack.data(1, new TextEncoder().encode(fontstack));
  stack.data(2, new TextEncoder().encode(`${range * 256}-${range * 256 + 255}`));
  for (const g of glyphs) {
    const w = new Writer();
    w.uint(1, g.id);
    if (g.bitmap.length) w.data(2, g.bitmap);
    w.uint(3, g.width);
    w.uint(4, g.height);
    w.sint(5, g.left);
    w.sint(6, g.top);
    w.uint(7, g.advance);
    stack.data(3, w.bytes);
  }
  const top = new Writer();
  top.data(1, stack.bytes);
  return Uint8Array.from(top.bytes);
}

/** Ranges' PBFs in one file (the layout above). */
export function writeBundle(ranges: ReadonlyMap<number, Uint8Array>): Uint8Array {
  const entries = [...ranges].sort((a, b) => a[0] - b[0]);
  const head = 4 + 12 * entries.length;
  const out = new Uint8Array(head + entries.reduce((s, [, b]) => s + b.length, 0));
  const view = new DataView(out.buffer);
  view.setUint32(0, entries.length, true);
  let at = 0;
  for (const [i, [range, b]] of entries.entries()) {
    view.setUint32(4 + 12 * i, range, true);
    view.setUint32(8 + 12 * i, at, true);
    view.setUint32(12 + 12 * i, b.length, true);
    out.set(b, head + at);
    at += b.length;
  }
  return out;
}

/** The bundle's ranges, each a view on the file (no copy). */
export function readBundle(file: ArrayBuffer): Map<number, Uint8Array> {
  const view = new DataView(file);
  const n = view.getUint32(0, true);
  const head = 4 + 12 * n;
  if (file.byteLength < head) throw new Error('glyph bundle: truncated table');
  const out = new Map<number, Uint8Array>();
  for (let i = 0; i < n; i++) {
    const at = head + view.getUint32(8 + 12 * i, true);
    const len = view.getUint32(12 + 12 * i, true);
    if (at + len > file.byteLength) throw new Error('glyph bundle: a range runs past the end');
    out.set(view.getUint32(4 + 12 * i, true), new Uint8Array(file, at, len));
  }
  return out;
}
