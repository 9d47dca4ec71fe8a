/**
 * The code that embeds the map in another site's page: an <iframe> of the app with ?embed
 * and the state in its hash (lib/state/location.ts `embedUrl`). Who may frame it is the
 * deploy's setting (deploy/site.json `embedOrigins`): elsewhere the frame stays blank.
 */

/** The frame's sizes offered, smallest first; 'custom' takes the user's. The embedded app works from 300 × 250 up. */
export const EMBED_SIZES = [
  { id: 'small', width: 300, height: 250, zh: '小 300 × 250', en: 'Small 300 × 250' },
  { id: 'medium', width: 640, height: 480, zh: '中 640 × 480', en: 'Medium 640 × 480' },
  { id: 'large', width: 960, height: 600, zh: '大 960 × 600', en: 'Large 960 × 600' },
  { id: 'full', width: '100%', height: 520, zh: '通栏 100% × 520', en: 'Full width 100% × 520' },
] as const satisfies readonly { id: string; width: number | '100%'; height: number; zh: string; en: string }[];

export const EMBED_MIN = { width: 300, height: 250 };
export const EMBED_MAX = { width: 2560, height: 1600 };

export type EmbedWidth = number | '100%';

/** A custom size's problem in words (zh, en), or null when it can be used. */
export function sizeProblem(width: EmbedWidth, height: number): { zh: string; en: string } | null {
  const bad = (n: number, min: number, max: number) => !Number.isInteger(n) || n < min || n > max;
  if (width !== '100%' && bad(width, EMBED_MIN.width, EMBED_MAX.width))
    return {
      zh: `宽度须为 ${EMBED_MIN.width}–${EMBED_MAX.width} 像素的整数`,
      en: `The width must be a whole number of pixels from ${EMBED_MIN.width} to ${EMBED_MAX.width}`,
    };
  if (bad(height, EMBED_MIN.height, EMBED_MAX.height))
    return {
      zh: `高度须为 ${EMBED_MIN.height}–${EMBED_MAX.height} 像素的整数`,
      en: `The height must be a whole number of pixels from ${EMBED_MIN.height} to ${EMBED_MAX.height}`,
    };
  return null;
}

/** A value for a double-quoted HTML attribute (the embed code here, the link preview tags in vite.config.ts). */
export const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const attr = escapeAttr;

/** The image a shared link previews with (drawn by scripts/data/preview.ts, named in index.html's tags). */
export const LINK_PREVIEW = { width: 1200, height: 630, path: 'data/preview.png' } as const;

/** The <iframe> snippet: no border, lazy, a title for screen readers, no referrer sent. */
export function embedCode(src: string, width: EmbedWidth, height: number, title: string): string {
  return `<iframe src="${attr(src)}" width="${width}" height="${height}" title="${attr(title)}" style="border:0;max-width:100%" loading="lazy" referrerpolicy="no-referrer"></iframe>`;
}
