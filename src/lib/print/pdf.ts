/**
 * The page composer: a printed map as a PDF whose text is text (selectable and searchable;
 * the CJK font embedded, lib/print/font), with the map rendered at print resolution, a
 * legend of the visible layers drawn as vectors, a scale bar, a north arrow, the sources and
 * licences, the datum, the date, and "示意" where lines are schematic. The Print tool makes
 * one page of the current view; a tour's handout makes one page per step (lib/tour/handout.ts).
 */
import {
  concatTransformationMatrix,
  drawObject,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  type PDFFont,
  type PDFPage,
  type RGB,
} from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { zlibSync } from 'fflate';
import { must } from '../must.ts';
import type { Lang } from '../../contracts/vocab.ts';
import type { LegendSwatch } from '../map/catalog.ts';
import { circleRing, lineStrokes } from '../map/swatches.ts';
import { ICONS } from '../map/icons.ts';
import type { LegendGroup } from './legend.ts';
import type { RenderedMap } from './render.ts';
import { wrap } from './text.ts';

export type PaperSize = 'A4' | 'A3';
export type Orientation = 'portrait' | 'landscape';
export const PAPER_MM: Record<PaperSize, [number, number]> = { A4: [210, 297], A3: [297, 420] };
export const PRINT_DPI = 300;
const PT = 72 / 25.4; // points per mm
const CSS_PX_PER_MM = 96 / 25.4;

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
const PARA_LEAD = 1.35;

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
const bodyPt = (quote: boolean | undefined, k: number) => (quote ? 7.5 : 8.5) * k;

/** Lines of wrapped text at `size` in `w` mm, as the page lays them. */
const lineCount = (s: string, w: number, size: number, measure: Measure) => wrap(s, w, (t) => measure(t, size)).length;

/** The legend's box on a page: the side below the body. */
function legendBox(t: PageText, l: Layout, measure: Measure) {
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
function legendSize(t: PageText, l: Layout, measure: Measure): number | null {
  const box = legendBox(t, l, measure);
  return (
    LEGEND_SIZES.map((x) => x * l.scale).find((size) => drawLegend(null, t, box, l.cols, size, l.scale, measure)) ??
    null
  );
}

/** The map box in CSS pixels (96 per inch) and the pixel ratio for PRINT_DPI. */
export function mapPixels(l: Layout): { cssWidth: number; cssHeight: number; pixelRatio: number } {
  return {
    cssWidth: Math.round(l.map.w * CSS_PX_PER_MM),
    cssHeight: Math.round(l.map.h * CSS_PX_PER_MM),
    pixelRatio: PRINT_DPI / 96,
  };
}

const hex = (c: string): RGB => {
  const n = Number.parseInt(c.replace('#', '').padEnd(6, '0').slice(0, 6), 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
};

class Writer {
  constructor(
    private page: PDFPage,
    private font: PDFFont,
    private h: number,
  ) {}
  /** Text at (x, y) mm from the top left, baseline at y. */
  text(s: string, x: number, y: number, size: number, color = '#1f2937'): void {
    this.page.drawText(s, { x: x * PT, y: (this.h - y) * PT, size, font: this.font, color: hex(color) });
  }
  width(s: string, size: number): number {
    return this.font.widthOfTextAtSize(s, size) / PT;
  }
  /** Wrapped text in a box; returns the y below it. */
  para(
    s: string,
    x: number,
    y: number,
    w: number,
    size: number,
    color?: string,
    maxY = Number.POSITIVE_INFINITY,
  ): number {
    const lead = (size * PARA_LEAD) / PT;
    for (const line of wrap(s, w, (t) => this.width(t, size))) {
      if (y + lead > maxY) break;
      y += lead;
      this.text(line, x, y, size, color);
    }
    return y;
  }
  get p(): PDFPage {
    return this.page;
  }
  pt(x: number, y: number): { x: number; y: number } {
    return { x: x * PT, y: (this.h - y) * PT };
  }
}

function swatch(wr: Writer, s: LegendSwatch, x: number, y: number, k: number): void {
  const p = wr.p;
  const w = 8 * k,
    hh = 3 * k;
  if (s.type === 'fill') {
    p.drawRectangle({
      ...wr.pt(x, y + hh / 2),
      width: w * PT,
      height: hh * PT,
      color: hex(s.color),
      opacity: s.opacity ?? 1,
      ...(s.outline ? { borderColor: hex(s.outline), borderWidth: 0.8 } : {}),
    });
  } else if (s.type === 'line') {
    // The screen swatch's strokes, at half a point per unit.
    const a = wr.pt(x, y),
      b = wr.pt(x + w, y);
    for (const k of lineStrokes(s))
      p.drawLine({
        start: a,
        end: b,
        thickness: k.width * 0.5,
        color: hex(k.color),
        ...(k.dash ? { dashArray: k.dash.map((d) => d * 0.5) } : {}),
      });
  } else if (s.type === 'circle') {
    const ring = circleRing(s);
    p.drawCircle({
      ...wr.pt(x + w / 2, y),
      size: Math.min(s.radius * 0.2, 1.6) * k * PT,
      color: hex(s.color),
      ...(ring ? { borderColor: hex(ring.color), borderWidth: ring.width * 0.4 } : {}),
    });
  } else {
    const icon = ICONS[s.icon];
    const size = 3.4 * k; // mm; the path is in a 24-unit box
    const at = wr.pt(x + w / 2 - size / 2, y - size / 2);
    p.drawSvgPath(icon.path, {
      x: at.x,
      y: at.y,
      scale: (size * PT) / 24,
      color: hex(icon.fill),
      borderColor: hex(icon.stroke),
      borderWidth: 1.2,
    });
  }
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

/** The strip at the top of the side that holds the north arrow and the scale bar (mm, × the sheet's scale). */
const STRIP_MM = 15;

/**
 * North arrow and scale bar in the side, beside the map — never over it, so they never cover
 * a label (on the map they hid 蒙古国).
 */
function furniture(wr: Writer, l: Layout, map: PageMap, lang: Lang, fixed?: number): void {
  const p = wr.p;
  const k = l.scale;
  const x = l.side.x,
    y = l.side.y,
    r = 5 * k;
  // North arrow, turned with the map.
  const cx = x + r + 0.5,
    cy = y + r + 2.5 * k;
  p.drawCircle({ ...wr.pt(cx, cy), size: r * PT, color: rgb(1, 1, 1), borderColor: hex('#1f2937'), borderWidth: 0.5 });
  const rot = (-map.bearing * Math.PI) / 180;
  const mm = (dx: number, dy: number): [number, number] => [
    cx + dx * Math.cos(rot) - dy * Math.sin(rot),
    cy + dx * Math.sin(rot) + dy * Math.cos(rot),
  ];
  const pt = (dx: number, dy: number) => wr.pt(...mm(dx, dy));
  const [tip, left, right, tail] = [pt(0, -r * 0.62), pt(-r * 0.35, r * 0.55), pt(r * 0.35, r * 0.55), pt(0, r * 0.25)];
  // drawSvgPath draws SVG (y down) from its origin: points are given in page points, y negated.
  const path = (a: { x: number; y: number }, b: { x: number; y: number }, c: { x: number; y: number }) =>
    `M ${a.x} ${-a.y} L ${b.x} ${-b.y} L ${c.x} ${-c.y} Z`;
  p.drawSvgPath(path(tip, left, tail), { x: 0, y: 0, color: hex('#1f2937') });
  p.drawSvgPath(path(tip, right, tail), {
    x: 0,
    y: 0,
    color: rgb(1, 1, 1),
    borderColor: hex('#1f2937'),
    borderWidth: 0.5,
  });
  const [nx, ny] = mm(0, -r - 0.8 * k);
  wr.text('N', nx - wr.width('N', MIN_PT * k) / 2, ny + 0.4 * k, MIN_PT * k);
  // Scale bar: a round length about a fifth of the map, as far as the side allows.
  const bx = x + 2 * r + 5 * k;
  const label = (m: number) =>
    m >= 1000 ? `${m / 1000} ${lang === 'zh' ? '公里' : 'km'}` : `${m} ${lang === 'zh' ? '米' : 'm'}`;
  const room = l.side.w - (bx - x) - wr.width(label(200_000), 7 * k) - 3;
  const bar = scaleBar(map.metresPerCssPx * CSS_PX_PER_MM, Math.min(l.map.w, room / 0.2));
  const by = y + r + 4 * k;
  wr.text(
    `${lang === 'zh' ? '比例尺' : 'Scale'} ${scaleText(fixed, map.metresPerCssPx * CSS_PX_PER_MM * 1000)}${lang === 'zh' ? '（图幅中心）' : ' at the map centre'}`,
    bx,
    by - 2.6 * k,
    MIN_PT * k,
    '#57534e',
  );
  p.drawRectangle({ ...wr.pt(bx, by), width: (bar.mm / 2) * PT, height: 1.2 * PT, color: hex('#1f2937') });
  p.drawRectangle({
    ...wr.pt(bx + bar.mm / 2, by),
    width: (bar.mm / 2) * PT,
    height: 1.2 * PT,
    color: rgb(1, 1, 1),
    borderColor: hex('#1f2937'),
    borderWidth: 0.5,
  });
  wr.text(label(bar.metres), bx + bar.mm + 2, by + 0.3, 7 * k);
}

/**
 * pdf-lib declares every embedded OpenType font a TrueType one (CIDFontType2, FontFile2);
 * ours has CFF outlines, so the font becomes what PDF 1.6 says it is: a CIDFontType0 with the
 * OpenType file as FontFile3 /Subtype /OpenType (viewers otherwise warn, or refuse it).
 */
function declareCffFont(doc: PDFDocument): void {
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict)) continue;
    if (obj.get(PDFName.of('Subtype')) === PDFName.of('CIDFontType2')) {
      obj.set(PDFName.of('Subtype'), PDFName.of('CIDFontType0'));
      obj.delete(PDFName.of('CIDToGIDMap'));
    }
    const file = obj.get(PDFName.of('FontFile2'));
    if (obj.get(PDFName.of('Type')) === PDFName.of('FontDescriptor') && file) {
      obj.delete(PDFName.of('FontFile2'));
      obj.set(PDFName.of('FontFile3'), file);
      const stream = doc.context.lookup(file);
      if (stream instanceof PDFRawStream) stream.dict.set(PDFName.of('Subtype'), PDFName.of('OpenType'));
    }
  }
}

/** A page to compose: where things go, the map, the words. */
export interface PdfPage<M> {
  layout: Layout;
  map: M;
  text: PageText;
  /** printed to this scale (1:scale); else the scale is stated as measured, ≈ */
  scale?: number;
}

/** A page's map as the composer takes it: its pixels as RGB rows (the worker reads them from the bitmap). */
export interface PageMap extends Omit<RenderedMap, 'bitmap'> {
  rgb: Uint8Array;
}

/** RGB rows of a drawn map, laid over white (a transparent pixel is paper). */
export function rgbOf(bitmap: ImageBitmap): Uint8Array {
  const { width: w, height: h } = bitmap;
  const c = new OffscreenCanvas(w, h);
  const ctx = must(c.getContext('2d'), 'a 2D canvas for the print map');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  const rgba = ctx.getImageData(0, 0, w, h).data;
  const out = new Uint8Array(w * h * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    out[j] = rgba[i];
    out[j + 1] = rgba[i + 1];
    out[j + 2] = rgba[i + 2];
  }
  return out;
}

/**
 * The map as an RGB image XObject, deflated (fflate), drawn into the box (points): no PNG
 * is made and read again (pdf-lib's embedPng decodes and re-deflates every pixel).
 */
function embedMap(
  doc: PDFDocument,
  page: PDFPage,
  map: PageMap,
  box: { x: number; y: number; w: number; h: number },
): void {
  const { width: w, height: h } = map;
  const dict = doc.context.obj({
    Type: 'XObject',
    Subtype: 'Image',
    Width: w,
    Height: h,
    ColorSpace: 'DeviceRGB',
    BitsPerComponent: 8,
    Filter: 'FlateDecode',
  });
  const ref = doc.context.register(PDFRawStream.of(dict, zlibSync(map.rgb, { level: 6 })));
  const name = page.node.newXObject('Map', ref);
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(box.w, 0, 0, box.h, box.x, box.y),
    drawObject(name),
    popGraphicsState(),
  );
}

/** Composes pages into one PDF (in the print worker: nothing here touches the page). `font` is the OpenType font (data/fonts/print-sc.otf). */
export async function composePdf(
  pages: PdfPage<PageMap>[],
  fontBytes: ArrayBuffer,
  meta: { title: string; subject: string },
  onPage?: (done: number) => void,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(meta.title);
  doc.setSubject(meta.subject);
  doc.setCreator('Hulunbuir plan map');
  doc.setProducer('pdf-lib');
  doc.setLanguage(pages[0]?.text.lang === 'en' ? 'en' : 'zh-CN');
  // No ligatures: pdf-lib places a ligature glyph with the advance of its letters ("fi gures").
  const font = await doc.embedFont(fontBytes, { subset: false });
  for (const pg of pages) {
    const l = pg.layout;
    const page = doc.addPage([l.page[0] * PT, l.page[1] * PT]);
    const wr = new Writer(page, font, l.page[1]);
    const t = pg.text,
      k = l.scale;
    // Head.
    let y = 10;
    if (t.kicker) wr.text(t.kicker, 10, y + 3.5, 8 * k, '#57534e');
    wr.text(t.title, 10, y + 11 * k, 15 * k);
    wr.text(t.subtitle, 10, y + 17 * k, 7.5 * k, '#57534e');
    // The map, and its frame.
    embedMap(doc, page, pg.map, { ...wr.pt(l.map.x, l.map.y + l.map.h), w: l.map.w * PT, h: l.map.h * PT });
    onPage?.(pages.indexOf(pg) + 1);
    page.drawRectangle({
      ...wr.pt(l.map.x, l.map.y + l.map.h),
      width: l.map.w * PT,
      height: l.map.h * PT,
      borderColor: hex('#57534e'),
      borderWidth: 0.6,
    });
    furniture(wr, l, pg.map, t.lang, pg.scale);
    // Side: body, then the legend at the largest type that fits (the layout made room for 8 pt).
    const s = l.side;
    let by = s.y + STRIP_MM * k;
    for (const para of t.body ?? [])
      by =
        wr.para(para.text, s.x, by, s.w, bodyPt(para.quote, k), para.quote ? '#7c2d12' : '#1f2937', s.y + s.h * 0.55) +
        1.5;
    const measure: Measure = (x, size) => wr.width(x, size);
    const box = legendBox(t, l, measure);
    // A legend longer than the largest side is drawn as far as it fits, at 8 pt.
    drawLegend(wr, t, box, l.cols, legendSize(t, l, measure) ?? LEGEND_PT * k, k, measure);
    // Footer.
    y = l.footer.y;
    for (const line of t.footer)
      y = wr.para(line, l.footer.x, y, l.footer.w, MIN_PT * k, '#57534e', l.footer.y + l.footer.h + 2);
  }
  await doc.flush(); // writes the font's objects, to be corrected
  declareCffFont(doc);
  return doc.save();
}

/** Lays the legend out in `cols` columns and says whether it fits; with no writer, only says. */
function drawLegend(
  wr: Writer | null,
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
        swatch(wr, item.swatch, x, y - lead * 0.3, k);
        for (const [i, ln] of lines.entries()) wr.text(ln, x + 10 * k, y + i * lead, size, '#374151');
        for (const [i, ln] of note.entries())
          wr.text(ln, x + 10 * k, y + (lines.length + i * 0.9) * lead - lead * 0.1, noteSize, '#78716c');
      }
      y += lead * (lines.length - 1 + note.length * 0.9) + 0.8;
    }
  }
  return true;
}
