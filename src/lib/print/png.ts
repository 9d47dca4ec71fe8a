/**
 * A PNG of exactly the pixels asked for: the map with a title, a legend, scale bar, north
 * arrow and the sources drawn over it on a 2D canvas. Drawn and encoded in the print worker
 * (print.worker.ts), on an OffscreenCanvas: nothing here touches the page.
 */
import { ICONS } from '../map/icons.ts';
import { circleRing, lineStrokes } from '../map/swatches.ts';
import { must } from '../must.ts';
import type { LegendGroup } from './legend.ts';
import { scaleBar } from './page.ts';
import type { RenderedMap } from './render.ts';
import { wrap } from './text.ts';
import type { Lang } from '../../contracts/vocab.ts';

export interface ImageSpec {
  width: number;
  height: number;
  /** device pixels per CSS pixel the map was drawn at (type and symbols grow with it) */
  ratio: number;
  title: string;
  subtitle: string;
  legend: LegendGroup[];
  legendTitle: string;
  footer: string[];
  lang: Lang;
  font: string;
}

/** `onRead`: the drawn map's pixels are on this canvas (the page's bitmap is let go). */
export async function composePng(map: RenderedMap, o: ImageSpec, onRead?: () => void): Promise<Blob> {
  const c = new OffscreenCanvas(o.width, o.height);
  const ctx = must(c.getContext('2d'), 'a 2D canvas context');
  ctx.drawImage(map.bitmap, 0, 0, o.width, o.height);
  map.bitmap.close();
  onRead?.();
  const u = o.ratio; // one CSS pixel
  const font = (px: number) => `${px * u}px ${o.font}`;
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
  ctx.fillText(o.subtitle, 20 * u, 48 * u, tw - 24 * u);
  // Legend, right.
  const lw = 230 * u;
  const items = o.legend.flatMap((g) => [{ head: g.title[o.lang] }, ...g.items.map((i) => ({ item: i }))]);
  const lh = 17 * u;
  const legendH = Math.min(o.height - 110 * u, (items.length + 1.5) * lh);
  const lx = o.width - lw - 8 * u,
    ly = 8 * u;
  box(lx, ly, lw, legendH);
  ctx.font = font(13);
  ctx.fillStyle = '#1f2937';
  ctx.fillText(o.legendTitle, lx + 10 * u, ly + 18 * u);
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
        for (const k of lineStrokes(s)) {
          ctx.strokeStyle = k.color;
          ctx.lineWidth = k.width * u;
          ctx.setLineDash(k.dash ? k.dash.map((d) => d * u) : []);
          ctx.beginPath();
          ctx.moveTo(sx, sy);
          ctx.lineTo(sx + 24 * u, sy);
          ctx.stroke();
        }
      } else if (s.type === 'circle') {
        ctx.fillStyle = s.color;
        ctx.beginPath();
        ctx.arc(sx + 12 * u, sy, Math.min(s.radius, 7) * u, 0, Math.PI * 2);
        ctx.fill();
        const ring = circleRing(s);
        if (ring) {
          ctx.strokeStyle = ring.color;
          ctx.lineWidth = ring.width * u;
          ctx.stroke();
        }
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
  const lines = o.footer.flatMap((l) => {
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
  return c.convertToBlob({ type: 'image/png' });
}
