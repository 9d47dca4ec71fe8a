/**
 * A printed page's plan, without drawing it: paper sizes, where the map, the side (legend,
 * north arrow, scale bar) and the footer go, the type sizes, the map's pixels and the scale.
 * The page (print.ts, the handout) plans with this; only the print worker loads pdf-lib
 * (pdf.ts), 1.2 MB of script the page no longer parses.
 */
import type { Lang } from '../../contracts/vocab.ts';
import type { LegendGroup } from './legend.ts';
import type { LegendSwatch } from '../map/catalog.ts';
import { wrap } from './text.ts';

export type PaperSize = 'A4' | 'A3';
export type Orientation = 'portrait' | 'landscape';
export const PAPER_MM: Record<PaperSize, [number, number]> = { A4: [210, 297], A3: [297, 420] };
export const PRINT_DPI = 300;
/**
 * A tour handout's maps: sharp on paper still (labels at paper size: 7 pt is 21 px tall), 8 A4
 * pages in under 2 MB with the places filling the page (250 dpi made 2.2 MB), each drawn sooner
 * (about half the pixels of 300 dpi).
 */
export const HANDOUT_DPI = 220;
export const PT = 72 / 25.4; // points per mm
export const CSS_PX_PER_MM = 96 / 25.4;

export interface PageText {
  kicker?: string;
  title: string;
  subtitle: string;
  /** paragraphs beside or under the map (a tour step's caption and plan wording) */
  body?: { text: string; quote?: boolean }[];
  legend: LegendGroup[];
  legendTitle: string;
  /** the footer lines: sources, datum and licences, date and notes */
  footer: string[];
  lang: Lang;
}

export interface Layout {
  page: [number, number];
  map: { x: number; y: number; w: number; h: number };
  side: { x: number; y: number; w: number; h: number };
  footer: { x: number; y: number; w: number; h: number };
  scale: number;
  /** the legend's columns */
  cols: number;
}

/** The smallest type on a print (pt): footer, notes, scale. The legend's labels are 8 pt or more. */
export const MIN_PT = 7;
export const LEGEND_PT = 8;
/** Legend type tried, largest first (× the sheet's scale). */
const LEGEND_SIZES = [9, 8.5, LEGEND_PT];

/** Text width in mm: the font's own (composing) or an estimate that never falls short (planning). */
export type Measure = (s: string, size: number) => number;
/** Before the font is at hand: 1 em for CJK and other wide characters, 0.62 em for the rest. */
export const estimateWidth: Measure = (s, size) => {
  let em = 0;
  for (const ch of s) em += (ch.codePointAt(0) ?? 0) > 0x2ff ? 1 : 0.62;
  return (em * size) / PT;
};

/**
 * Where everything goes on the page (mm, from the top left). With the pages' texts, the side
 * (legend and body) grows — the map gives way — until every page's legend fits at 8 pt or
 * more: one column, then two beside a landscape map; taller under a portrait one.
 */
export function layout(size: PaperSize, orientation: Orientation, texts: readonly PageText[] = []): Layout {
  const options = sides(size, orientation, Math.max(0, ...texts.map((t) => footerNeed(t, size, orientation))));
  return (
    options.find((l) => texts.every((t) => legendSize(t, l, estimateWidth) !== null)) ?? options[options.length - 1]
  );
}

const sheet = (size: PaperSize, orientation: Orientation) => {
  const [a, b] = PAPER_MM[size];
  const [w, h] = orientation === 'portrait' ? [a, b] : [b, a];
  return { w, h, k: size === 'A3' ? 1.25 : 1 }; // type and furniture grow with the sheet
};
const MARGIN_MM = 10;
/** Line spacing of running text (× the type size). */
export const PARA_LEAD = 1.35;

/** The footer's height (mm) for every line of it at 7 pt. */
function footerNeed(t: PageText, size: PaperSize, orientation: Orientation): number {
  const { w, k } = sheet(size, orientation);
  const pt = MIN_PT * k;
  const lines = t.footer.reduce((n, line) => n + lineCount(line, w - 2 * MARGIN_MM, pt, estimateWidth), 0);
  return lines * ((pt * PARA_LEAD) / PT) + 5;
}

function sides(size: PaperSize, orientation: Orientation, footNeed: number): Layout[] {
  const { w, h, k } = sheet(size, orientation);
  const m = MARGIN_MM,
    head = 22 * k,
    foot = Math.max(21 * k, footNeed);
  const footer = { x: m, y: h - m - foot + 3, w: w - 2 * m, h: foot - 3 };
  if (orientation === 'landscape')
    return [
      { w: 74 * k, cols: 1 },
      { w: 2 * 62 * k + 4, cols: 2 },
      { w: 2 * 72 * k + 4, cols: 2 },
    ].map(({ w: sideW, cols }) => {
      const map = { x: m, y: m + head, w: w - 2 * m - sideW - 5, h: h - 2 * m - head - foot };
      return {
        page: [w, h],
        map,
        side: { x: map.x + map.w + 5, y: map.y, w: sideW, h: map.h },
        footer,
        scale: k,
        cols,
      };
    });
  const cols = Math.max(2, Math.floor((w - 2 * m + 4) / (58 * k + 4)));
  return [66, 90, 115, 140].map((sideH) => {
    const map = { x: m, y: m + head, w: w - 2 * m, h: h - 2 * m - head - foot - sideH * k - 4 };
    return {
      page: [w, h],
      map,
      side: { x: m, y: map.y + map.h + 4, w: w - 2 * m, h: sideH * k },
      footer,
      scale: k,
      cols,
    };
  });
}

/** The body's paragraphs (a tour step's caption and plan wording): their type, and where the legend may start. */
export const bodyPt = (quote: boolean | undefined, k: number) => (quote ? 7.5 : 8.5) * k;

/** Lines of wrapped text at `size` in `w` mm, as the page lays them. */
const lineCount = (s: string, w: number, size: number, measure: Measure) => wrap(s, w, (t) => measure(t, size)).length;

/** The strip at the top of the side that holds the north arrow and the scale bar (mm, × the sheet's scale). */
export const STRIP_MM = 15;

/** The legend's box on a page: the side below the body. */
export function legendBox(t: PageText, l: Layout, measure: Measure) {
  const s = l.side,
    k = l.scale;
  let y = s.y + STRIP_MM * k;
  for (const para of t.body ?? []) {
    const size = bodyPt(para.quote, k);
    const lead = (size * PARA_LEAD) / PT;
    // As Writer.para lays it: a line that would pass the limit is not drawn.
    for (let i = lineCount(para.text, s.w, size, measure); i > 0 && y + lead <= s.y + s.h * 0.55; i--) y += lead;
    y += 1.5;
  }
  const top = y + 2;
  return { x: s.x, y: top, w: s.w, h: s.y + s.h - top };
}

/** The largest legend type that fits the page (pt), or null. */
export function legendSize(t: PageText, l: Layout, measure: Measure): number | null {
  const box = legendBox(t, l, measure);
  return (
    LEGEND_SIZES.map((x) => x * l.scale).find((size) => drawLegend(null, t, box, l.cols, size, l.scale, measure)) ??
    null
  );
}

/** The map box in CSS pixels (96 per inch) and the pixel ratio for PRINT_DPI. */
export function mapPixels(l: Layout, dpi = PRINT_DPI): { cssWidth: number; cssHeight: number; pixelRatio: number } {
  return {
    cssWidth: Math.round(l.map.w * CSS_PX_PER_MM),
    cssHeight: Math.round(l.map.h * CSS_PX_PER_MM),
    pixelRatio: dpi / 96,
  };
}
/** A round length about a fifth of the map's width. */
export function scaleBar(metresPerMm: number, mapWidthMm: number): { metres: number; mm: number } {
  const target = metresPerMm * mapWidthMm * 0.2;
  const steps = [1, 2, 5].flatMap((s) => [1, 10, 100, 1000, 10_000, 100_000].map((k) => s * k)).sort((a, b) => a - b);
  const metres = steps.filter((s) => s <= target).pop() ?? steps[0];
  return { metres, mm: metres / metresPerMm };
}

/**
 * The scale as printed: 1:1,000,000 when printed to a scale, else as measured at the centre,
 * ≈ and rounded to three figures (≈ 1:2,350,000).
 */
export function scaleText(fixed: number | undefined, measured: number): string {
  if (fixed) return `1:${Math.round(fixed).toLocaleString('en')}`;
  const p = 10 ** Math.max(0, Math.floor(Math.log10(measured)) - 2);
  return `≈ 1:${(Math.round(measured / p) * p).toLocaleString('en')}`;
}

export interface PdfPage<M> {
  layout: Layout;
  map: M;
  text: PageText;
  /** printed to this scale (1:scale); else the scale is stated as measured, ≈ */
  scale?: number;
}

/** What draws a legend: text and a symbol, at mm from the top left (pdf.ts's writer). */
export interface LegendPen {
  text(s: string, x: number, y: number, size: number, color?: string): void;
  swatch(s: LegendSwatch, x: number, y: number, k: number): void;
}

/** Lays the legend out in `cols` columns and says whether it fits; with no writer, only says. */
export function drawLegend(
  wr: LegendPen | null,
  t: PageText,
  box: { x: number; y: number; w: number; h: number },
  cols: number,
  size: number,
  k: number,
  measure: Measure,
): boolean {
  const lead = (size * 1.3) / PT;
  const colW = (box.w - (cols - 1) * 4) / cols;
  let col = 0,
    y = box.y + lead * 1.2;
  wr?.text(t.legendTitle, box.x, y, size + 1.5);
  y += lead * 0.6;
  const next = (need: number) => {
    if (y + need <= box.y + box.h) return true;
    if (col + 1 >= cols) return false;
    col++;
    y = box.y + lead * 1.8;
    return true;
  };
  const noteSize = size - 1;
  for (const g of t.legend) {
    // A group's title stays with its first item.
    const first = g.items[0]
      ? wrap(g.items[0].label[t.lang], colW - 11 * k, (s) => measure(s, size)).length + (g.items[0].note ? 0.9 : 0)
      : 0;
    if (!next(lead * (1.3 + first) + 0.8)) return false;
    y += lead * 1.1;
    wr?.text(g.title[t.lang], box.x + col * (colW + 4), y, size, '#111827');
    for (const item of g.items) {
      const lines = wrap(item.label[t.lang], colW - 11 * k, (s) => measure(s, size));
      const note = item.note ? wrap(item.note[t.lang], colW - 11 * k, (s) => measure(s, noteSize)) : [];
      if (!next(lead * (lines.length + note.length * 0.9) + 0.8)) return false;
      const x = box.x + col * (colW + 4);
      y += lead;
      if (wr) {
        wr.swatch(item.swatch, x, y - lead * 0.3, k);
        for (const [i, ln] of lines.entries()) wr.text(ln, x + 10 * k, y + i * lead, size, '#374151');
        for (const [i, ln] of note.entries())
          wr.text(ln, x + 10 * k, y + (lines.length + i * 0.9) * lead - lead * 0.1, noteSize, '#78716c');
      }
      y += lead * (lines.length - 1 + note.length * 0.9) + 0.8;
    }
  }
  return true;
}
