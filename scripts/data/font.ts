/**
 * The font the print composer embeds in PDFs (lib/print): Noto Sans CJK SC from the machine
 * (Debian's fonts-noto-cjk, the font the map's labels use), cut by HarfBuzz's subsetter to
 * what a printed page can carry — GB2312's symbols and level-1 characters (the 3,755 most
 * common, so nearly any title the user types prints too), Latin, punctuation and every
 * character in the app's data — so the browser fetches ≈ 1.6 MB once, not the 20 MB
 * collection. (Level 2 as well does not fit: HarfBuzz's wasm build has a fixed 64 MB heap.)
 * pdf-lib embeds this file whole (≈ 1.5 MB compressed per PDF): its own per-document
 * subsetting writes CID-keyed CFF fonts that viewers reject (poppler: "Embedded font file may
 * be invalid"), checked with Noto Sans CJK, desubroutinized or not. Licence: SIL Open Font License 1.1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { PRINT_CUT, hbSubset } from '../../src/lib/print/hb-subset.ts';

export const PRINT_FONT_SOURCE = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const FACE = 'NotoSansCJKsc-Regular';

/** Characters of GB2312's symbol rows and level 1, decoded with the platform's ICU. */
export function gb2312(): string {
  const dec = new TextDecoder('gb2312');
  let out = '';
  for (let hi = 0xa1; hi <= 0xd7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const c = dec.decode(new Uint8Array([hi, lo]));
      if (c.length === 1 && c !== '\ufffd') out += c;
    }
  }
  return out;
}

/** Index of a face in a TrueType/OpenType collection, by its PostScript name. */
export function faceIndex(ttc: Buffer, postscriptName: string): number {
  if (ttc.toString('latin1', 0, 4) !== 'ttcf') return 0;
  const n = ttc.readUInt32BE(8);
  for (let i = 0; i < n; i++) {
    const off = ttc.readUInt32BE(12 + 4 * i);
    const tables = ttc.readUInt16BE(off + 4);
    for (let t = 0; t < tables; t++) {
      const rec = off + 12 + 16 * t;
      if (ttc.toString('latin1', rec, rec + 4) !== 'name') continue;
      const name = ttc.readUInt32BE(rec + 8);
      const count = ttc.readUInt16BE(name + 2);
      const strings = name + ttc.readUInt16BE(name + 4);
      for (let r = 0; r < count; r++) {
        const nr = name + 6 + 12 * r;
        const [platform, , , nameId, len, at] = [0, 2, 4, 6, 8, 10].map((k) => ttc.readUInt16BE(nr + k));
        if (nameId !== 6) continue;
        const raw = ttc.subarray(strings + at, strings + at + len);
        const s = platform === 3 ? Buffer.from(raw).swap16().toString('utf16le') : raw.toString('latin1');
        if (s === postscriptName) return i;
      }
    }
  }
  throw new Error(`${PRINT_FONT_SOURCE}: no face named ${postscriptName}`);
}

/**
 * Noto Sans CJK SC cut by HarfBuzz to `chars`, or null when the machine has none.
 * `print`: the print composer's cut (every glyph keeps its id, no layout tables: PRINT_CUT);
 * otherwise an ordinary subset, its glyphs renumbered (what a renderer such as resvg reads:
 * it misses glyphs whose ids are above 32767).
 */
export async function subsetFont(chars: Iterable<string>, opts: { print: boolean }): Promise<Uint8Array | null> {
  if (!fs.existsSync(PRINT_FONT_SOURCE)) return null;
  const ttc = fs.readFileSync(PRINT_FONT_SOURCE);
  return subsetFace(ttc, faceIndex(ttc, FACE), chars, opts.print, `${PRINT_FONT_SOURCE} ${FACE}`);
}

/** A face of a font file cut by HarfBuzz to `chars` (layout tables kept unless `print`: PRINT_CUT). */
async function subsetFace(
  ttc: Buffer,
  index: number,
  chars: Iterable<string>,
  print: boolean,
  what: string,
): Promise<Uint8Array> {
  const require = createRequire(import.meta.url);
  const wasm = fs.readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
  const codePoints = [...chars].map((c) => c.codePointAt(0) ?? 0);
  return hbSubset(wasm, ttc, index, codePoints, print ? PRINT_CUT : {}, what);
}

/**
 * Writes the print font subset to `out`; returns its size in bytes, or null when the machine
 * has no Noto Sans CJK (the map works without it; PDF export then says the font is missing).
 */
export async function buildPrintFont(out: string, extraText: string): Promise<number | null> {
  let ascii = '';
  for (let c = 0x20; c < 0x7f; c++) ascii += String.fromCharCode(c);
  const chars = new Set(
    `${ascii}°±×÷·–—‘’“”…•←→↑↓≈≤≥≠²³µ‰℃№、。，．：；！？「」『』《》〈〉【】（）〔〕…—～·${gb2312()}${extraText}`,
  );
  const font = await subsetFont(chars, { print: true });
  if (!font) return null;
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, font);
  return font.byteLength;
}

/** Noto Sans Mongolian (OFL), kept with the sources so that a clone builds without Debian's fonts-noto-core. */
export const MONGOLIAN_FONT_SOURCE = 'fonts/NotoSansMongolian-Regular.ttf';

/**
 * The Mongolian names' font: Noto Sans Mongolian cut to the names' letters, with its layout
 * tables (the joining forms the browser's shaper picks). Returns its size.
 */
export async function buildMongolianFont(source: Buffer, out: string, names: string[]): Promise<number> {
  const chars = new Set([...names.join(''), ' ', '\u202f']);
  const font = await subsetFace(source, 0, chars, false, MONGOLIAN_FONT_SOURCE);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, font);
  return font.byteLength;
}
