/**
 * The Mongolian names' font (data/fonts/mongolian.ttf: Noto Sans Mongolian cut to the names'
 * letters and the space by `npm run data`), registered once for the page under its own family name and
 * fetched when a name is first shown; the browser shapes the letters' joining forms.
 */
export const MONGOLIAN_FONT = 'Hulunbuir Mongolian';
/** The font's file, beside the page. */
const FILE = 'data/fonts/mongolian.ttf';

/** The letters the font is used for: the space, the Mongolian block and the narrow no-break space. */
const UNICODE_RANGE = 'U+0020, U+1800-18AF, U+202F';

/** Where the font is and what it covers: for the page, and for a worker that draws the names (draw.worker.ts). */
export type MongolianFontSource = { url: string; family: string; unicodeRange: string };
export const mongolianFontSource = (): MongolianFontSource => ({
  url: new URL(FILE, document.baseURI).href,
  family: MONGOLIAN_FONT,
  unicodeRange: UNICODE_RANGE,
});

/** The font as a FontFace, in the page or a worker (its set of fonts is the caller's). */
export const mongolianFace = ({ url, family, unicodeRange }: MongolianFontSource): FontFace =>
  new FontFace(family, `url("${url}")`, { unicodeRange });

let face: FontFace | null = null;

/** Registers the font (once) and starts loading it; resolves when it is ready (or failed: the text then falls back). */
export function loadMongolianFont(): Promise<unknown> {
  if (typeof FontFace === 'undefined') return Promise.resolve();
  if (!face) {
    face = mongolianFace(mongolianFontSource());
    document.fonts.add(face);
  }
  return face.load().catch(() => undefined);
}

/** Whether the font is in (a canvas can draw the names now). */
export const mongolianFontReady = (): boolean => face?.status === 'loaded';

/** The font's bytes, for a PDF that writes the names as text (precached: offline too). */
export async function mongolianFontBytes(): Promise<ArrayBuffer> {
  const r = await fetch(new URL(FILE, document.baseURI));
  if (!r.ok) throw new Error(`${FILE}: HTTP ${r.status} (the Mongolian names' font is built by npm run data)`);
  return r.arrayBuffer();
}
