/**
 * The page composer: a printed map as a PDF whose text is text (selectable and searchable;
 * the CJK font embedded, lib/print/font), with the map rendered at print resolution, a
 * legend of the visible layers drawn as vectors, a scale bar, a north arrow, the sources and
 * licences, the datum, the date, and "示意" where lines are schematic. The Print tool makes
 * one page of the current view; a tour's handout makes one page per step (lib/tour/handout.ts).
 */
import {
  concatTransformationMatrix,
  degrees,
  drawObject,
  endMarkedContent,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  PDFRef,
  PDFHexString,
  PDFOperator,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setLineJoin,
  setLineWidth,
  setStrokingRgbColor,
  setTextRenderingMode,
  LineJoinStyle,
  TextRenderingMode,
  type PDFFont,
  type PDFPage,
  type RGB,
} from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { unzlibSync, zlibSync } from 'fflate';
import { must } from '../must.ts';
import type { Lang } from '../../contracts/vocab.ts';
import type { LegendSwatch } from '../map/catalog.ts';
import { circleRing, lineStrokes } from '../map/swatches.ts';
import { ICONS, MONGOLIAN_LABEL, mongolianBox, mongolianColumns } from '../map/icons.ts';
import { THEME } from '../map/theme.ts';
import type { RenderedMap } from './render.ts';
import { wrap } from './text.ts';
import { quantize } from './palette.ts';
import {
  CSS_PX_PER_MM,
  LEGEND_PT,
  MIN_PT,
  PARA_LEAD,
  PT,
  STRIP_MM,
  bodyPt,
  drawLegend,
  legendBox,
  legendSize,
  scaleBar,
  scaleText,
  type LegendPen,
  type Layout,
  type Measure,
  type PdfPage,
} from './page.ts';
export type { PdfPage } from './page.ts';

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

/** A font cut to the code points a PDF's text uses (the print worker's: HarfBuzz, hb-subset.ts PRINT_CUT). */
export type FontCut = (font: Uint8Array, codePoints: ReadonlySet<number>) => Promise<Uint8Array>;

/**
 * pdf-lib declares every embedded OpenType font a TrueType one (CIDFontType2, FontFile2); a
 * font with CFF outlines (the print font: its file starts "OTTO") becomes what PDF 1.6 says it
 * is, a CIDFontType0 with the OpenType file as FontFile3 /Subtype /OpenType (viewers otherwise
 * warn, or refuse it). A TrueType font (the Mongolian names') stays as it is. With `cut`, the
 * CFF font's file is replaced by its cut to the text's characters (glyph ids kept, so the
 * text's codes still name them): ≈ 1.5 MB of font per PDF becomes tens of KB.
 */
async function declareCffFonts(doc: PDFDocument, cut?: (font: Uint8Array) => Promise<Uint8Array>): Promise<void> {
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Subtype')) !== PDFName.of('CIDFontType2')) continue;
    const descriptor = doc.context.lookup(obj.get(PDFName.of('FontDescriptor')));
    if (!(descriptor instanceof PDFDict)) continue;
    const file = descriptor.get(PDFName.of('FontFile2'));
    const stream = doc.context.lookup(file);
    if (!(file instanceof PDFRef) || !(stream instanceof PDFRawStream)) continue;
    const bytes = unzlibSync(stream.contents);
    if (String.fromCharCode(...bytes.subarray(0, 4)) !== 'OTTO') continue;
    obj.set(PDFName.of('Subtype'), PDFName.of('CIDFontType0'));
    obj.delete(PDFName.of('CIDToGIDMap'));
    descriptor.delete(PDFName.of('FontFile2'));
    descriptor.set(PDFName.of('FontFile3'), file);
    stream.dict.set(PDFName.of('Subtype'), PDFName.of('OpenType'));
    if (cut) doc.context.assign(file, PDFRawStream.of(stream.dict, zlibSync(await cut(bytes), { level: 9 })));
  }
}

/** The fonts a PDF is written in: the print font (data/fonts/print-sc.otf), and the Mongolian names' when a map placed one. */
export interface PrintFonts {
  text: ArrayBuffer;
  mongolian?: ArrayBuffer;
}

/** The Mongolian names' font in a PDF: pdf-lib's font, and how far above the baseline its letters' middle is (em). */
interface MongolianPen {
  font: PDFFont;
  middle: (s: string) => number;
}

/**
 * The Mongolian names where the print map placed them (render.ts `placedMongolian`), as text
 * in their font: the box the map's image would take (icons.ts MONGOLIAN_LABEL: above-left of
 * the seat), each column the run turned a quarter clockwise — the letters' tops to the right,
 * read downwards, columns left to right — with a white halo. fontkit shapes the letters' joined
 * forms (its Arabic shaper takes Mongolian), and the font is subset to the glyphs used, so each
 * keeps its letters for a reader's copy and search.
 */
function drawMongolian(wr: Writer, pen: MongolianPen, map: PageMap, box: { x: number; y: number; w: number }): void {
  const mmPerPx = box.w / map.cssWidth;
  for (const n of map.mongolian ?? []) {
    const px = MONGOLIAN_LABEL.px * n.size;
    const size = px * mmPerPx * PT;
    const width = (s: string) => pen.font.widthOfTextAtSize(s, size) / PT / mmPerPx; // CSS px
    const columns = mongolianColumns(n.name, px, width);
    const halo = MONGOLIAN_LABEL.halo * n.size;
    const label = mongolianBox(columns.map(width), px, halo);
    // the box's bottom right is the seat moved by the offset (× icon-size, as MapLibre does)
    const left = n.x + MONGOLIAN_LABEL.offset[0] * n.size - label.width;
    const top = n.y + MONGOLIAN_LABEL.offset[1] * n.size - label.height;
    // the name as one run of text for a reader's copy and search, whatever its columns (and halo)
    wr.p.pushOperators(
      PDFOperator.of('BDC' as never, [
        PDFName.of('Span'),
        wr.p.doc.context.obj({ ActualText: PDFHexString.fromText(n.name) }) as never,
      ]),
    );
    columns.forEach((c, i) => {
      // the baseline left of the column's middle by the letters' middle: their tops face right
      const x = left + label.middle(i) - pen.middle(c) * px;
      const at = wr.pt(box.x + x * mmPerPx, box.y + (top + halo) * mmPerPx);
      const text = { ...at, size, font: pen.font, rotate: degrees(-90) };
      wr.p.pushOperators(
        pushGraphicsState(),
        setTextRenderingMode(TextRenderingMode.Outline),
        setLineWidth(halo * mmPerPx * PT),
        setLineJoin(LineJoinStyle.Round),
        setStrokingRgbColor(1, 1, 1),
      );
      wr.p.drawText(c, { ...text, color: rgb(1, 1, 1) });
      wr.p.pushOperators(popGraphicsState());
      wr.p.drawText(c, { ...text, color: hex(THEME.text) });
    });
    wr.p.pushOperators(endMarkedContent());
  }
}

/** A page to compose: where things go, the map, the words. */

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
 * The map as an indexed image XObject (palette.ts: 256 colours, a third of the bytes of RGB),
 * deflated (fflate), drawn into the box (points): no PNG is made and read again (pdf-lib's
 * embedPng decodes and re-deflates every pixel).
 */
function embedMap(
  doc: PDFDocument,
  page: PDFPage,
  map: PageMap,
  box: { x: number; y: number; w: number; h: number },
): void {
  const { width: w, height: h } = map;
  const { palette, index } = quantize(map.rgb);
  const hex = Array.from(palette, (v) => v.toString(16).padStart(2, '0')).join('');
  const dict = doc.context.obj({
    Type: 'XObject',
    Subtype: 'Image',
    Width: w,
    Height: h,
    ColorSpace: [PDFName.of('Indexed'), PDFName.of('DeviceRGB'), palette.length / 3 - 1, PDFHexString.of(hex)],
    BitsPerComponent: 8,
    Filter: 'FlateDecode',
  });
  const ref = doc.context.register(PDFRawStream.of(dict, zlibSync(index, { level: 6 })));
  const name = page.node.newXObject('Map', ref);
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(box.w, 0, 0, box.h, box.x, box.y),
    drawObject(name),
    popGraphicsState(),
  );
}

/** Composes pages into one PDF (in the print worker: nothing here touches the page). */
export async function composePdf(
  pages: PdfPage<PageMap>[],
  fonts: PrintFonts,
  meta: { title: string; subject: string },
  onPage?: (done: number) => void,
  cut?: FontCut,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(meta.title);
  doc.setSubject(meta.subject);
  doc.setCreator('Hulunbuir plan map');
  doc.setProducer('pdf-lib');
  doc.setLanguage(pages[0]?.text.lang === 'en' ? 'en' : 'zh-CN');
  // No ligatures: pdf-lib places a ligature glyph with the advance of its letters ("fi gures").
  const font = await doc.embedFont(fonts.text, { subset: false });
  // the characters written in it, for its cut (`cut`): every line drawn is encoded by the font
  const used = new Set<number>();
  const encode = font.encodeText.bind(font);
  font.encodeText = (text: string) => {
    for (const c of text) used.add(c.codePointAt(0) ?? 0);
    return encode(text);
  };
  // Subset: pdf-lib's whole-font embedding gives widths and letters only to the glyphs a
  // character maps to, not to the joined forms shaping picks (they would be spaced an em apart
  // and copy as nothing).
  const mongolian = fonts.mongolian ? await mongolianPen(doc, fonts.mongolian) : null;
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
    if (mongolian) drawMongolian(wr, mongolian, pg.map, l.map);
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
    const pen: LegendPen = { text: (...a) => wr.text(...a), swatch: (sw, x, y, k) => swatch(wr, sw, x, y, k) };
    drawLegend(pen, t, box, l.cols, legendSize(t, l, measure) ?? LEGEND_PT * k, k, measure);
    // Footer.
    y = l.footer.y;
    for (const line of t.footer)
      y = wr.para(line, l.footer.x, y, l.footer.w, MIN_PT * k, '#57534e', l.footer.y + l.footer.h + 2);
  }
  await doc.flush(); // writes the font's objects, to be corrected
  await declareCffFonts(doc, cut && ((bytes) => cut(bytes, used)));
  return doc.save();
}

async function mongolianPen(doc: PDFDocument, bytes: ArrayBuffer): Promise<MongolianPen> {
  const shaper = fontkit.create(new Uint8Array(bytes));
  return {
    font: await doc.embedFont(bytes, { subset: true }),
    middle: (s) => {
      const b = shaper.layout(s).bbox;
      return (b.minY + b.maxY) / 2 / shaper.unitsPerEm;
    },
  };
}
