/**
 * Handouts made in the browser, offline: one page per step with the map as shown, the
 * caption, a legend of the visible layers, a scale and the sources. Pages are composed on a
 * canvas (so Chinese text uses the machine's own fonts) and put into a PDF with jsPDF,
 * which is loaded only when a handout is asked for.
 */
import type * as maplibregl from 'maplibre-gl';
import type { Lang } from '../../contracts/vocab.ts';
import type { Tour, TourStep } from '../../contracts/tour.ts';
import { CATALOG, FONT_STACK as FONT, type LegendSwatch } from '../map/catalog.ts';
import { download } from '../ui/download.ts';
import { taskLabel } from '../../contracts/vocab.ts';
import { ICONS } from '../map/icons.ts';
import { ATTRIBUTION } from '../../contracts/sources.ts';
import { captionParagraphs } from './markdown.ts';
import { must } from '../must.ts';

const W = 1754;
const H = 1240;

/**
 * Copies the map's picture. The map keeps no drawing buffer (that would slow every frame),
 * so the copy is taken inside a 'render' event, while the frame just drawn is still there.
 */
export function captureMap(map: maplibregl.Map): Promise<HTMLCanvasElement> {
  return new Promise((resolve) => {
    map.once('render', () => {
      const src = map.getCanvas();
      const c = document.createElement('canvas');
      c.width = src.width; c.height = src.height;
      must(c.getContext('2d'), 'a 2D canvas context').drawImage(src, 0, 0);
      resolve(c);
    });
    map.triggerRepaint();
  });
}

/** Waits until the map has drawn everything it needs for the current view. */
export function mapIdle(map: maplibregl.Map): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}

function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  // Break anywhere in Chinese, at spaces in Latin text.
  const tokens = text.match(/[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]|[^\s\u3400-\u9fff]+\s*|\s+/g) ?? [];
  for (const tok of tokens) {
    if (ctx.measureText(line + tok).width > width && line) { lines.push(line.trimEnd()); line = tok.trimStart(); }
    else line += tok;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

function swatch(ctx: CanvasRenderingContext2D, s: LegendSwatch, x: number, y: number) {
  ctx.save();
  if (s.type === 'fill') {
    ctx.globalAlpha = s.opacity ?? 1;
    ctx.fillStyle = s.color;
    ctx.fillRect(x, y - 12, 36, 22);
    ctx.globalAlpha = 1;
    if (s.outline) { ctx.strokeStyle = s.outline; ctx.lineWidth = 2; ctx.strokeRect(x, y - 12, 36, 22); }
  } else if (s.type === 'line') {
    ctx.strokeStyle = s.color;
    ctx.lineWidth = s.width * 1.6;
    ctx.setLineDash(s.dash ? s.dash.map((d) => d * s.width * 1.6) : []);
    ctx.beginPath(); ctx.moveTo(x, y); ctx.lineTo(x + 36, y); ctx.stroke();
  } else if (s.type === 'circle') {
    ctx.fillStyle = s.color;
    ctx.beginPath(); ctx.arc(x + 18, y, s.radius * 1.3, 0, Math.PI * 2); ctx.fill();
  } else {
    const icon = ICONS[s.icon];
    ctx.translate(x + 6, y - 12);
    const p = new Path2D(icon.path);
    ctx.fillStyle = icon.fill; ctx.strokeStyle = icon.stroke; ctx.lineWidth = 2;
    ctx.fill(p, 'evenodd'); ctx.stroke(p);
  }
  ctx.restore();
}

/** Metres per CSS pixel at the map's centre. */
function metresPerPixel(map: maplibregl.Map): number {
  const lat = map.getCenter().lat;
  return (40075016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** map.getZoom());
}

/** One handout page for the step now on the map. */
export function composePage(map: maplibregl.Map, shot: HTMLCanvasElement, tour: Tour, step: TourStep, index: number, lang: Lang): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = W; c.height = H;
  const ctx = must(c.getContext('2d'), 'a 2D canvas context');
  ctx.fillStyle = '#ffffff'; ctx.fillRect(0, 0, W, H);
  ctx.fillStyle = '#57534e'; ctx.font = `26px ${FONT}`;
  ctx.fillText(`${tour.title[lang]} · ${index + 1} / ${tour.steps.length}`, 60, 64);
  ctx.fillStyle = '#1f2937'; ctx.font = `bold 46px ${FONT}`;
  ctx.fillText(step.title[lang], 60, 122);

  // The map as shown.
  const src = shot;
  const box = { x: 60, y: 150, w: 1090, h: 1000 };
  const scale = Math.min(box.w / src.width, box.h / src.height);
  const mw = src.width * scale, mh = src.height * scale;
  ctx.drawImage(src, box.x, box.y, mw, mh);
  ctx.strokeStyle = '#d6d3cb'; ctx.lineWidth = 2; ctx.strokeRect(box.x, box.y, mw, mh);

  // Scale bar: a round length near 150 px of the page.
  const cssPerPage = src.width / window.devicePixelRatio / mw;
  const mpp = metresPerPixel(map) * cssPerPage;
  const nice = [1, 2, 5, 10, 20, 50, 100, 200, 500].map((k) => k * 1000).find((m) => m / mpp >= 120) ?? 500000;
  const bar = nice / mpp;
  const sy = box.y + mh + 40;
  ctx.fillStyle = '#1f2937'; ctx.fillRect(box.x, sy, bar, 6);
  ctx.font = `22px ${FONT}`; ctx.fillText(`${nice / 1000} km`, box.x + bar + 12, sy + 8);

  // Caption and plan reference.
  let y = 190;
  const cx = 1190, cw = W - cx - 60;
  for (const para of captionParagraphs(step.caption[lang])) {
    ctx.font = `28px ${FONT}`;
    const text = para.map((s) => s.text).join('');
    for (const line of wrap(ctx, text, cw)) { ctx.fillStyle = '#1f2937'; ctx.fillText(line, cx, y); y += 42; }
    y += 12;
  }
  for (const r of step.plan_ref ?? []) {
    ctx.font = `22px ${FONT}`; ctx.fillStyle = '#7c2d12';
    for (const line of wrap(ctx, `${r.task ? taskLabel(r.task, lang) : ''} “${r.quote}”`, cw)) { ctx.fillText(line, cx, y); y += 32; }
    y += 10;
  }

  // Legend of the visible layers.
  y += 20;
  ctx.font = `bold 24px ${FONT}`; ctx.fillStyle = '#1f2937';
  ctx.fillText(lang === 'zh' ? '图例' : 'Legend', cx, y); y += 40;
  ctx.font = `20px ${FONT}`;
  for (const entry of CATALOG.filter((e) => step.layers.includes(e.id))) {
    for (const item of entry.legend) {
      if (y > H - 150) break;
      swatch(ctx, item.swatch, cx, y - 7);
      ctx.fillStyle = '#374151';
      ctx.fillText(wrap(ctx, item.label[lang], cw - 52)[0] ?? '', cx + 52, y);
      y += 32;
    }
  }

  // Sources.
  ctx.font = `17px ${FONT}`; ctx.fillStyle = '#78716c';
  let sy2 = H - 80;
  for (const line of wrap(ctx, `${lang === 'zh' ? '数据来源' : 'Sources'}: ${ATTRIBUTION}`, W - 120).slice(0, 3)) { ctx.fillText(line, 60, sy2); sy2 += 24; }
  return c;
}

/** Walks the tour, one page per step, and downloads the PDF. `goto` shows a step instantly. */
export async function exportHandout(map: maplibregl.Map, tour: Tour, lang: Lang, goto: (i: number) => Promise<void>, back: number): Promise<void> {
  const { jsPDF } = await import('jspdf');
  const pdf = new jsPDF({ orientation: 'landscape', unit: 'mm', format: 'a4', compress: true });
  pdf.setProperties({ title: tour.title[lang], subject: '呼政办发〔2022〕54号', creator: 'Hulunbuir plan map' });
  for (let i = 0; i < tour.steps.length; i++) {
    await goto(i);
    await mapIdle(map);
    const page = composePage(map, await captureMap(map), tour, tour.steps[i], i, lang);
    if (i > 0) pdf.addPage('a4', 'landscape');
    pdf.addImage(page.toDataURL('image/jpeg', 0.85), 'JPEG', 0, 0, 297, 210);
  }
  await goto(back);
  download(pdf.output('blob'), 'application/pdf', `${tour.id}-handout.pdf`);
}

/** Downloads the step now shown as a PNG page. */
export async function exportPng(map: maplibregl.Map, tour: Tour, index: number, lang: Lang): Promise<void> {
  await mapIdle(map);
  const page = composePage(map, await captureMap(map), tour, tour.steps[index], index, lang);
  const blob = await new Promise<Blob>((resolve, reject) => page.toBlob((b) => (b ? resolve(b) : reject(new Error('the page could not be encoded as PNG'))), 'image/png'));
  download(blob, 'image/png', `${tour.id}-${index + 1}-${tour.steps[index].id}.png`);
}
