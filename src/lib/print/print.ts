/**
 * Print & export of the current view: a PDF page (A4/A3, portrait/landscape; lib/print/pdf.ts)
 * or a PNG of a chosen pixel size with the same furniture drawn on a canvas. Loaded with the
 * Print tool, not with the first view (pdf-lib and its font engine are ≈ 0.5 MB).
 */
import type * as maplibregl from 'maplibre-gl';
import type { Lang } from '../../contracts/vocab.ts';
import { ATTRIBUTION, DATUM_NOTE, LICENCES, PLAN_NAME, SCHEMATIC_NOTE } from '../../contracts/sources.ts';
import { FONT_STACK } from '../map/catalog.ts';
import { ICONS } from '../map/icons.ts';
import { must } from '../must.ts';
import { legendFor, showsSchematic, type OwnLayer } from './legend.ts';
import { composePdf, layout, mapPixels, scaleBar, type Orientation, type PageText, type PaperSize } from './pdf.ts';
import { renderMap, MAX_CANVAS, type FeatureStates } from './render.ts';
import { wrap } from './text.ts';

export const PNG_PX = { min: 320, max: MAX_CANVAS } as const;

/** Today as 2026-12-01 (the page's date line). */
export const today = () => new Date().toISOString().slice(0, 10);

/** The footer every print carries: sources, datum and licences, date (and 示意 where lines are schematic). */
export function footerLines(lang: Lang, visible: readonly string[]): string[] {
  const zh = lang === 'zh';
  return [
    `${zh ? '数据来源' : 'Sources'}: ${ATTRIBUTION}`,
    `${DATUM_NOTE[lang]} ${zh ? '许可' : 'Licences'}: ${LICENCES[lang]}`,
    `${zh ? '制图日期' : 'Made'}: ${today()} · ${zh ? '呼伦贝尔市新型城镇化规划图（离线网页版）' : 'Hulunbuir plan map (offline web app)'}${showsSchematic(visible) ? ` · ${SCHEMATIC_NOTE[lang]}（示意）` : ''}`,
  ];
}

export function pageText(
  title: string,
  lang: Lang,
  visible: readonly string[],
  extra: Partial<PageText> = {},
  own: readonly OwnLayer[] = [],
): PageText {
  return {
    title,
    subtitle: PLAN_NAME[lang],
    legend: legendFor(visible, own),
    legendTitle: lang === 'zh' ? '图例' : 'Legend',
    footer: footerLines(lang, visible),
    lang,
    ...extra,
  };
}

let fontBytes: Promise<ArrayBuffer> | null = null;
/** The print font (data/fonts/print-sc.otf, built by npm run data), fetched once. */
export function printFont(): Promise<ArrayBuffer> {
  fontBytes ??= fetch(new URL('data/fonts/print-sc.otf', document.baseURI)).then((r) => {
    if (!r.ok)
      throw new Error(
        `data/fonts/print-sc.otf: HTTP ${r.status} (the print font is built by npm run data from Debian's fonts-noto-cjk)`,
      );
    return r.arrayBuffer();
  });
  fontBytes.catch(() => {
    fontBytes = null;
  });
  return fontBytes;
}

export interface PdfOptions {
  size: PaperSize;
  orientation: Orientation;
  title: string;
  lang: Lang;
  visible: readonly string[];
  states?: FeatureStates;
  own?: readonly OwnLayer[];
}

export async function printPdf(main: maplibregl.Map, o: PdfOptions): Promise<Uint8Array> {
  const l = layout(o.size, o.orientation);
  const px = mapPixels(l);
  const [map, font] = await Promise.all([
    renderMap(main, px.cssWidth, px.cssHeight, px.pixelRatio, o.states),
    printFont(),
  ]);
  return composePdf(
    [{ size: o.size, orientation: o.orientation, map, text: pageText(o.title, o.lang, o.visible, {}, o.own) }],
    font,
    { title: o.title, subject: PLAN_NAME[o.lang] },
  );
}

export interface PngOptions {
  width: number;
  height: number;
  title: string;
  lang: Lang;
  visible: readonly string[];
  states?: FeatureStates;
  own?: readonly OwnLayer[];
}

/** A PNG of exactly width × height pixels: the map, a title, a legend, scale, north arrow and sources. */
export async function printPng(main: maplibregl.Map, o: PngOptions): Promise<Blob> {
  // Type and symbols scale with the image: 1 CSS px per pixel up to 2000 px wide, then more.
  const ratio = Math.max(1, Math.min(4, o.width / 2000));
  const map = await renderMap(main, Math.round(o.width / ratio), Math.round(o.height / ratio), ratio, o.states);
  const c = document.createElement('canvas');
  c.width = o.width;
  c.height = o.height;
  const ctx = must(c.getContext('2d'), 'a 2D canvas context');
  const img = await createImageBitmap(new Blob([map.png as BlobPart], { type: 'image/png' }));
  ctx.drawImage(img, 0, 0, o.width, o.height);
  const u = ratio; // one CSS pixel
  const font = (px: number) => `${px * u}px ${FONT_STACK}`;
  const box = (x: number, y: number, w: number, h: number) => {
    ctx.fillStyle = 'rgba(255,255,255,0.9)';
    ctx.fillRect(x, y, w, h);
  };
  // Title.
  ctx.font = font(20);
  const tw = Math.min(o.width - 24 * u, ctx.measureText(o.title).width + 24 * u);
  box(8 * u, 8 * u, tw, 48 * u);
  ctx.fillStyle = '#1f2937';
  ctx.fillText(o.title, 20 * u, 32 * u, tw - 24 * u);
  ctx.font = font(11);
  ctx.fillStyle = '#57534e';
  ctx.fillText(PLAN_NAME[o.lang], 20 * u, 48 * u, tw - 24 * u);
  // Legend, right.
  const groups = legendFor(o.visible, o.own);
  const lw = 230 * u;
  const items = groups.flatMap((g) => [{ head: g.title[o.lang] }, ...g.items.map((i) => ({ item: i }))]);
  const lh = 17 * u;
  const legendH = Math.min(o.height - 110 * u, (items.length + 1.5) * lh);
  const lx = o.width - lw - 8 * u,
    ly = 8 * u;
  box(lx, ly, lw, legendH);
  ctx.font = font(13);
  ctx.fillStyle = '#1f2937';
  ctx.fillText(o.lang === 'zh' ? '图例' : 'Legend', lx + 10 * u, ly + 18 * u);
  let y = ly + 18 * u + lh;
  for (const it of items) {
    if (y > ly + legendH - 4 * u) break;
    if ('head' in it) {
      ctx.font = font(11.5);
      ctx.fillStyle = '#111827';
      ctx.fillText(it.head, lx + 10 * u, y, lw - 20 * u);
    } else {
      const s = it.item.swatch,
        sx = lx + 12 * u,
        sy = y - 4 * u;
      ctx.save();
      if (s.type === 'fill') {
        ctx.globalAlpha = s.opacity ?? 1;
        ctx.fillStyle = s.color;
        ctx.fillRect(sx, sy - 6 * u, 24 * u, 12 * u);
      } else if (s.type === 'line') {
        ctx.strokeStyle = s.color;
        ctx.lineWidth = s.width * u;
        ctx.setLineDash(s.dash ? s.dash.map((d) => d * s.width * u) : []);
        ctx.beginPath();
        ctx.moveTo(sx, sy);
        ctx.lineTo(sx + 24 * u, sy);
        ctx.stroke();
      } else if (s.type === 'circle') {
        ctx.fillStyle = s.color;
        ctx.beginPath();
        ctx.arc(sx + 12 * u, sy, Math.min(s.radius, 7) * u, 0, Math.PI * 2);
        ctx.fill();
      } else {
        const icon = ICONS[s.icon];
        ctx.translate(sx + 5 * u, sy - 7 * u);
        ctx.scale((14 * u) / 24, (14 * u) / 24);
        const p = new Path2D(icon.path);
        ctx.fillStyle = icon.fill;
        ctx.strokeStyle = icon.stroke;
        ctx.lineWidth = 2;
        ctx.fill(p, 'evenodd');
        ctx.stroke(p);
      }
      ctx.restore();
      ctx.font = font(10.5);
      ctx.fillStyle = '#374151';
      ctx.fillText(
        wrap(it.item.label[o.lang], lw - 56 * u, (t) => ctx.measureText(t).width)[0] ?? '',
        lx + 44 * u,
        y,
        lw - 54 * u,
      );
    }
    y += lh;
  }
  // Scale bar and north arrow, bottom left, over the footer.
  const lines = footerLines(o.lang, o.visible).flatMap((l) => {
    ctx.font = font(9.5);
    return wrap(l, o.width - 32 * u, (t) => ctx.measureText(t).width);
  });
  const fh = (lines.length * 13 + 10) * u;
  box(0, o.height - fh, o.width, fh);
  ctx.fillStyle = '#57534e';
  ctx.font = font(9.5);
  for (const [i, l] of lines.entries()) ctx.fillText(l, 16 * u, o.height - fh + (16 + i * 13) * u);
  const bar = scaleBar(map.metresPerCssPx, o.width / u); // in CSS pixels here, not mm
  const bx = 16 * u,
    by = o.height - fh - 18 * u;
  box(bx - 8 * u, by - 22 * u, bar.mm * u + 90 * u, 32 * u);
  ctx.fillStyle = '#1f2937';
  ctx.fillRect(bx, by, bar.mm * u, 4 * u);
  ctx.font = font(11);
  ctx.fillText(bar.metres >= 1000 ? `${bar.metres / 1000} km` : `${bar.metres} m`, bx + bar.mm * u + 8 * u, by + 5 * u);
  const nx = bx + bar.mm * u + 70 * u,
    ny = by - 4 * u;
  ctx.save();
  ctx.translate(nx, ny);
  ctx.rotate((-map.bearing * Math.PI) / 180);
  ctx.beginPath();
  ctx.moveTo(0, -14 * u);
  ctx.lineTo(6 * u, 6 * u);
  ctx.lineTo(0, 2 * u);
  ctx.lineTo(-6 * u, 6 * u);
  ctx.closePath();
  ctx.fill();
  ctx.restore();
  ctx.font = font(10);
  ctx.fillText('N', nx - 3.5 * u, ny - 16 * u);
  return new Promise((resolve, reject) =>
    c.toBlob((b) => (b ? resolve(b) : reject(new Error('the image could not be encoded as PNG'))), 'image/png'),
  );
}
