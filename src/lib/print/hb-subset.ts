/**
 * HarfBuzz's subsetter (harfbuzzjs's WebAssembly build): a font cut to the characters given.
 * One home for the data build's cuts (the print font, the Mongolian names' font: scripts/data/
 * font.ts) and the print worker's (each PDF carries only the glyphs its text uses: pdf.ts).
 * Touches neither the file system nor the page: the caller hands over the wasm's bytes.
 */

interface HB {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(n: number): number;
  free(p: number): void;
  hb_blob_create(p: number, n: number, mode: number, u: number, d: number): number;
  hb_blob_destroy(b: number): void;
  hb_face_create(b: number, index: number): number;
  hb_face_destroy(f: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_unicode_set(i: number): number;
  hb_subset_input_set(i: number, which: number): number;
  hb_subset_input_destroy(i: number): void;
  hb_subset_input_get_flags(i: number): number;
  hb_subset_input_set_flags(i: number, f: number): void;
  hb_set_add(s: number, v: number): void;
  hb_subset_or_fail(f: number, i: number): number;
  hb_face_reference_blob(f: number): number;
  hb_blob_get_data(b: number, p: number): number;
  hb_blob_get_length(b: number): number;
}

const HB_SUBSET_FLAGS_RETAIN_GIDS = 0x2;
const HB_SUBSET_SETS_DROP_TABLE_TAG = 3;
const tagOf = (t: string) => [...t].reduce((a, c) => (a << 8) + c.charCodeAt(0), 0) >>> 0;

export interface SubsetOptions {
  /** every glyph keeps its id (a CID-keyed CFF font whose CIDs are glyph ids, as a PDF finds them) */
  retainGids?: boolean;
  /** tables left out (e.g. the layout tables) */
  dropTables?: readonly string[];
}

/** `font` (face `index` of a collection) cut to the code points given; `what` names it in an error. */
export async function hbSubset(
  wasm: BufferSource,
  font: Uint8Array,
  index: number,
  codePoints: Iterable<number>,
  o: SubsetOptions,
  what: string,
): Promise<Uint8Array> {
  const hb = (await WebAssembly.instantiate(wasm)).instance.exports as unknown as HB;
  hb._initialize();
  const ptr = hb.malloc(font.byteLength);
  new Uint8Array(hb.memory.buffer).set(font, ptr);
  const blob = hb.hb_blob_create(ptr, font.byteLength, 2, 0, 0);
  const face = hb.hb_face_create(blob, index);
  hb.hb_blob_destroy(blob);
  const input = hb.hb_subset_input_create_or_fail();
  if (o.retainGids)
    hb.hb_subset_input_set_flags(input, hb.hb_subset_input_get_flags(input) | HB_SUBSET_FLAGS_RETAIN_GIDS);
  if (o.dropTables?.length) {
    const drop = hb.hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (const tag of o.dropTables) hb.hb_set_add(drop, tagOf(tag));
  }
  const set = hb.hb_subset_input_unicode_set(input);
  for (const cp of codePoints) if (cp >= 0x20) hb.hb_set_add(set, cp);
  const subset = hb.hb_subset_or_fail(face, input);
  hb.hb_subset_input_destroy(input);
  if (!subset) throw new Error(`${what}: HarfBuzz could not subset it`);
  const res = hb.hb_face_reference_blob(subset);
  const data = hb.hb_blob_get_data(res, 0);
  const len = hb.hb_blob_get_length(res);
  const out = new Uint8Array(hb.memory.buffer).slice(data, data + len);
  hb.hb_blob_destroy(res);
  hb.hb_face_destroy(subset);
  hb.hb_face_destroy(face);
  hb.free(ptr);
  return out;
}

/**
 * The print font's cut, at build time and for each PDF: every glyph keeps its id — Noto's CFF
 * is CID-keyed with CID = glyph id, and PDF viewers find glyphs by CID (pdf-lib writes glyph
 * ids as CIDs): renumbered glyphs print as the wrong ones — and no layout tables: fontkit
 * (under pdf-lib) applies every language's 'locl' substitutions whatever the text's language,
 * which swaps digits for glyphs the PDF then lacks widths and text for ("2022" printed wide and
 * lost to copy and search). Plain cmap glyphs are right.
 */
export const PRINT_CUT: SubsetOptions = {
  retainGids: true,
  dropTables: ['GSUB', 'GPOS', 'GDEF', 'BASE', 'VORG', 'vhea', 'vmtx'],
};
