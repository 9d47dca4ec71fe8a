/**
 * What a page sets up once, the first time it is used, paid at the first idle moments after the
 * map is drawn rather than inside the first action that needs it (measured on the bench machine):
 * - Intl (a number formatted for a language, a locale-aware sort) loads ICU's data: 30–110 ms —
 *   it was inside a dropped CSV's import;
 * - the page's first 2D canvas drawing sets the canvas up: 20–350 ms — inside a first print, whose
 *   map draws its Chinese labels' glyphs on the page (print/render.ts), once the map's own
 *   symbols went to the drawing worker.
 * One step an idle callback, so a click waits for one at most.
 */
import { FONT_STACK } from './map/catalog.ts';

export function warmUp(): void {
  const idle = (f: () => void) =>
    'requestIdleCallback' in window ? requestIdleCallback(() => f()) : setTimeout(f, 200);
  const steps = [
    () => (1234.5).toLocaleString('zh-CN', { maximumFractionDigits: 2 }),
    () => new Intl.Collator('zh-CN', { numeric: true }).compare('甲', '乙'),
    () => {
      // as MapLibre draws a glyph (TinySDF): a CPU-backed canvas, text in the labels' font
      if (typeof OffscreenCanvas === 'undefined') return;
      const ctx = new OffscreenCanvas(48, 48).getContext('2d', { willReadFrequently: true });
      if (!ctx) return;
      ctx.font = `48px ${FONT_STACK}`;
      ctx.fillText('呼', 0, 40);
      ctx.getImageData(0, 0, 1, 1);
    },
  ];
  const next = () => {
    const step = steps.shift();
    if (!step) return;
    step();
    idle(next);
  };
  idle(next);
}
