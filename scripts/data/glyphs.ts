/**
 * The map's label glyphs, built ahead: every character the labels can show, as MapLibre glyph
 * ranges (src/lib/map/glyph-pbf.ts) in one bundle, from the font the labels were drawn in by the
 * browser before — Noto Sans CJK SC, the print's font. The page then draws no glyph at start-up
 * (no TinySDF on the main thread). Each glyph's signed distances are computed from its outline
 * (HarfBuzz's path, curves flattened) rather than from a rasterised image: exact at the edge.
 *
 * Placement matches MapLibre's own local glyphs (GLYPH_TOP_ADJUSTMENT), so labels sit where they
 * sat when the browser drew them.
 */
import fs from 'node:fs';
import * as hb from 'harfbuzzjs';
import {
  GLYPH_BORDER,
  GLYPH_CUTOFF,
  GLYPH_EM,
  GLYPH_RADIUS,
  GLYPH_TOP_ADJUSTMENT,
  type Glyph,
  encodeGlyphs,
  writeBundle,
} from '../../src/lib/map/glyph-pbf.ts';
import { labelTextOf } from '../../src/lib/map/catalog.ts';
import { formatArea, formatLength } from '../../src/lib/geodesy.ts';
import type { LayerOutput } from './lib/types.ts';
import { PRINT_FONT_SOURCE, faceIndex } from './font.ts';

/** Segments per curve when flattening (at 24 px, a few hundredths of a pixel off the curve at most). */
const STEPS = 16;

type Seg = [number, number, number, number];

/** An outline's segments in pixels (y up), curves flattened. */
function segments(cmds: { type: string; values: number[] }[], s: number): Seg[] {
  const out: Seg[] = [];
  let x = 0;
  let y = 0;
  let sx = 0;
  let sy = 0;
  const line = (nx: number, ny: number) => {
    if (nx !== x || ny !== y) out.push([x, y, nx, ny]);
    x = nx;
    y = ny;
  };
  for (const { type, values: v } of cmds) {
    const p = v.map((n) => n * s);
    if (type === 'M') {
      if (x !== sx || y !== sy) line(sx, sy);
      x = sx = p[0];
      y = sy = p[1];
    } else if (type === 'L') line(p[0], p[1]);
    else if (type === 'Q') {
      const [x0, y0] = [x, y];
      for (let i = 1; i <= STEPS; i++) {
        const t = i / STEPS;
        const u = 1 - t;
        line(u * u * x0 + 2 * u * t * p[0] + t * t * p[2], u * u * y0 + 2 * u * t * p[1] + t * t * p[3]);
      }
    } else if (type === 'C') {
      const [x0, y0] = [x, y];
      for (let i = 1; i <= STEPS; i++) {
        const t = i / STEPS;
        const u = 1 - t;
        const [a, b, c, d] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
        line(a * x0 + b * p[0] + c * p[2] + d * p[4], a * y0 + b * p[1] + c * p[3] + d * p[5]);
      }
    } else if (type === 'Z') line(sx, sy);
  }
  if (x !== sx || y !== sy) line(sx, sy);
  return out;
}

/** Signed distance of (px, py) to the outline: negative inside (non-zero winding). */
function signedDistance(segs: Seg[], px: number, py: number): number {
  let best = Number.POSITIVE_INFINITY;
  let winding = 0;
  for (const [x0, y0, x1, y1] of segs) {
    const dx = x1 - x0;
    const dy = y1 - y0;
    const len = dx * dx + dy * dy;
    const t = len ? Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / len)) : 0;
    const ex = x0 + t * dx - px;
    const ey = y0 + t * dy - py;
    best = Math.min(best, ex * ex + ey * ey);
    if (y0 <= py ? y1 > py : y1 <= py) {
      const cross = dx * (py - y0) - (px - x0) * dy;
      if (y1 > y0 ? cross > 0 : cross < 0) winding += y1 > y0 ? 1 : -1;
    }
  }
  const d = Math.sqrt(best);
  return winding !== 0 ? -d : d;
}

/** One glyph at 24 px: its distance bitmap and metrics, from its outline in font units. */
export function glyphFromOutline(
  id: number,
  cmds: { type: string; values: number[] }[],
  advanceUnits: number,
  upem: number,
): Glyph {
  const s = GLYPH_EM / upem;
  const segs = segments(cmds, s);
  const advance = Math.round(advanceUnits * s);
  if (!segs.length) return { id, bitmap: new Uint8Array(0), width: 0, height: 0, left: 0, top: 0, advance };
  const xs = segs.flatMap((g) => [g[0], g[2]]);
  const ys = segs.flatMap((g) => [g[1], g[3]]);
  const left = Math.floor(Math.min(...xs));
  const width = Math.ceil(Math.max(...xs)) - left;
  // rows sit half a pixel off the integers so that `top` (less 27.5) is a whole number
  const topEdge = Math.ceil(Math.max(...ys) - 0.5) + 0.5;
  const height = topEdge - (Math.floor(Math.min(...ys) - 0.5) + 0.5);
  const b = GLYPH_BORDER;
  const w = width + 2 * b;
  const h = height + 2 * b;
  const bitmap = new Uint8Array(w * h);
  for (let j = 0; j < h; j++) {
    const py = topEdge + b - j - 0.5;
    for (let i = 0; i < w; i++) {
      const d = signedDistance(segs, left - b + i + 0.5, py);
      bitmap[j * w + i] = Math.max(0, Math.min(255, Math.round(255 - 255 * (d / GLYPH_RADIUS + GLYPH_CUTOFF))));
    }
  }
  return { id, bitmap, width, height, left, top: topEdge - GLYPH_TOP_ADJUSTMENT, advance };
}

/**
 * Every character a label of the map can show: the built layers' values of the properties the
 * catalog's text fields read, the fields' own strings ("≈"), the tools' lengths and areas
 * (geodesy.ts formatting, both languages) and printable ASCII.
 */
export function labelCodePoints(layers: readonly LayerOutput[]): Set<number> {
  const { props, literals } = labelTextOf();
  let text = literals;
  for (const layer of layers) {
    const read = props.get(layer.name);
    if (!read) continue;
    for (const f of layer.features)
      for (const p of read) if (typeof f.properties[p] === 'string') text += f.properties[p];
  }
  for (const lang of ['zh', 'en'] as const)
    for (const v of [1, 12_345.6, 1_234_567.8]) text += formatLength(v, lang) + formatArea(v * 1000, lang);
  for (let c = 0x20; c < 0x7f; c++) text += String.fromCharCode(c);
  return new Set([...text].map((c) => c.codePointAt(0) as number));
}

/** The ranges of `codePoints` in one bundle, under the fontstack the catalog's labels name (catalog.ts FONT). */
export async function buildGlyphBundle(fontstack: string, codePoints: Iterable<number>): Promise<Uint8Array | null> {
  if (!fs.existsSync(PRINT_FONT_SOURCE)) return null;
  const ttc = fs.readFileSync(PRINT_FONT_SOURCE);
  const face = new hb.Face(new hb.Blob(ttc), faceIndex(ttc, 'NotoSansCJKsc-Regular'));
  const font = new hb.Font(face);
  const byRange = new Map<number, Glyph[]>();
  const missing: string[] = [];
  for (const cp of [...new Set(codePoints)].sort((a, b) => a - b)) {
    const gid = font.nominalGlyph(cp);
    if (gid === undefined) {
      missing.push(String.fromCodePoint(cp));
      continue;
    }
    const g = glyphFromOutline(cp, font.glyphToJson(gid), font.glyphHAdvance(gid), face.upem);
    const range = cp >> 8;
    byRange.set(range, [...(byRange.get(range) ?? []), g]);
  }
  // a label character the font lacks would be a gap in the label: said, and the unit test fails
  if (missing.length) console.warn(`  label characters Noto Sans CJK SC has no glyph for: ${missing.join(' ')}`);
  return writeBundle(new Map([...byRange].map(([r, gs]) => [r, encodeGlyphs(fontstack, r, gs)])));
}
