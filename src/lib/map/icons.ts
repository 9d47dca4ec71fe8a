/**
 * Point symbols as SVG path data in a 24×24 box. The map draws them into images at start
 * (map.addImage, no sprite server); the legend draws the same paths as inline SVG.
 */
import { THEME } from './theme.ts';
import { must } from '../must.ts';

export interface IconDef {
  path: string;
  fill: string;
  stroke: string;
}

export const ICONS = {
  'icon-heritage-district': { path: 'M12 2 L22 12 L12 22 L2 12 Z', fill: THEME.heritage, stroke: '#ffffff' },
  'icon-heritage-town': {
    path: 'M12 2 L14.9 8.6 L22 9.3 L16.6 14 L18.2 21 L12 17.3 L5.8 21 L7.4 14 L2 9.3 L9.1 8.6 Z',
    fill: THEME.heritage,
    stroke: '#ffffff',
  },
  'icon-historic-city': {
    path: 'M3 21 V9 L7 5 L11 9 V6 H13 V9 L17 5 L21 9 V21 Z',
    fill: '#ffffff',
    stroke: THEME.heritage,
  },
  'icon-port': { path: 'M4 4 H20 V20 H4 Z', fill: THEME.port, stroke: '#ffffff' },
  'icon-trade-zone': { path: 'M4 4 H20 V20 H4 Z M8 8 V16 H16 V8 Z', fill: THEME.tradeZone, stroke: '#ffffff' },
  'icon-airport': {
    path: 'M12 2 L14 9 L22 13 V15 L14 13 L13.5 19 L16 21 V22 L12 21 L8 22 V21 L10.5 19 L10 13 L2 15 V13 L10 9 Z',
    fill: THEME.airport,
    stroke: '#ffffff',
  },
  'icon-devzone': { path: 'M5 5 H19 V19 H5 Z', fill: '#ffffff', stroke: THEME.core },
} satisfies Record<string, IconDef>;

export type IconId = keyof typeof ICONS;

/**
 * An empty 16 × 16 image: a label layer's stand-in for a circle marker (circles are not in
 * MapLibre's collision index), so that other labels keep clear of the marker.
 */
export const MARKER_BOX = 'marker-box';
export const MARKER_BOX_PX = 16;

/** An image as MapLibre's addImage takes it: RGBA pixels. */
export interface Raster {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/**
 * A 2D canvas to draw in, in a page or a worker (draw.worker.ts draws the map's images). CPU-backed:
 * reading a GPU canvas back costs ~50 ms per image with software WebGL.
 */
const canvas2d = (w: number, h: number): OffscreenCanvasRenderingContext2D => {
  if (typeof OffscreenCanvas === 'undefined') {
    // a page without OffscreenCanvas (Safari before 16.4): its own canvas, the same drawing calls
    const c = document.createElement('canvas');
    c.width = w;
    c.height = h;
    return must(
      c.getContext('2d', { willReadFrequently: true }),
      'a 2D canvas context',
    ) as unknown as OffscreenCanvasRenderingContext2D;
  }
  return must(new OffscreenCanvas(w, h).getContext('2d', { willReadFrequently: true }), 'a 2D canvas context');
};

/** Renders an icon to RGBA pixels at `px` size (device pixels), with a 2px stroke. */
export function rasterIcon(def: IconDef, px: number): Raster {
  const ctx = canvas2d(px, px);
  const s = px / 24;
  ctx.scale(s, s);
  const path = new Path2D(def.path);
  ctx.lineJoin = 'round';
  ctx.lineWidth = 2.4;
  ctx.strokeStyle = def.stroke;
  ctx.stroke(path);
  ctx.fillStyle = def.fill;
  ctx.fill(path, 'evenodd');
  ctx.lineWidth = 1.2;
  ctx.stroke(path);
  const img = ctx.getImageData(0, 0, px, px);
  return { width: px, height: px, data: img.data };
}

/** The image id of a unit's name in Mongolian script: this prefix and the name (catalog.ts MONGOLIAN_NAMES). */
export const MONGOLIAN_ICON = 'mn:';
/**
 * A Mongolian label's geometry, in CSS px at icon-size 1 (the map's image, and the PDF's text
 * drawn in its place): the type's size, the longest a column may run down (em), the columns'
 * spacing (em), the halo, and where the box's bottom-right corner sits from the seat — above and
 * to its left, clear of a core's or pole's marker box (MARKER_BOX, ≤ 24 px across at icon-size 1.5).
 */
export const MONGOLIAN_LABEL = {
  px: 15,
  columnEm: 7,
  lineEm: 1.35,
  halo: 3,
  /** on screen (a PDF's halo is paper white) */
  haloOpacity: 0.92,
  offset: [-18, -6],
} as const;

/**
 * A label's box from its columns' lengths (in the units of `px`): its width and height, halo
 * included, and each column's middle from its left edge (the runs start `halo` from its top).
 */
export function mongolianBox(lengths: number[], px: number, halo: number) {
  const line = Math.ceil(px * MONGOLIAN_LABEL.lineEm);
  return {
    width: lengths.length * line + 2 * halo,
    height: Math.ceil(Math.max(...lengths)) + 2 * halo,
    middle: (i: number) => halo + line * i + line / 2,
  };
}

/** A name's columns: its words joined while they fit the column's length (`width` measures a run at `px`). */
export function mongolianColumns(name: string, px: number, width: (s: string) => number): string[] {
  const columns: string[] = [];
  for (const w of name.split(' ')) {
    const last = columns[columns.length - 1];
    if (last !== undefined && width(`${last} ${w}`) <= MONGOLIAN_LABEL.columnEm * px)
      columns[columns.length - 1] = `${last} ${w}`;
    else columns.push(w);
  }
  return columns;
}

/**
 * A name in Mongolian script as an image: written vertically (the horizontal run turned a
 * quarter clockwise, columns left to right, a long name wrapped at its spaces), with a white
 * halo, in `family` — shaped by the browser, which joins the letters (MapLibre's text cannot).
 * `ratio`: device pixels per CSS pixel.
 */
export function rasterMongolian(name: string, family: string, ratio = 2): Raster {
  const px = MONGOLIAN_LABEL.px * ratio;
  const font = `${px}px "${family}"`;
  const measure = canvas2d(1, 1);
  measure.font = font;
  const width = (s: string) => measure.measureText(s).width;
  const columns = mongolianColumns(name, px, width);
  const halo = MONGOLIAN_LABEL.halo * ratio;
  const box = mongolianBox(columns.map(width), px, halo);
  const W = box.width;
  const H = box.height;
  const ctx = canvas2d(W, H);
  ctx.font = font;
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  columns.forEach((c, i) => {
    ctx.save();
    // the column's centre line, top down: the run's x axis turned to point down
    ctx.translate(box.middle(i), halo);
    ctx.rotate(Math.PI / 2);
    ctx.lineWidth = halo;
    ctx.strokeStyle = `rgba(255, 255, 255, ${MONGOLIAN_LABEL.haloOpacity})`;
    ctx.strokeText(c, 0, 0);
    ctx.fillStyle = THEME.text;
    ctx.fillText(c, 0, 0);
    ctx.restore();
  });
  return { width: W, height: H, data: ctx.getImageData(0, 0, W, H).data };
}
