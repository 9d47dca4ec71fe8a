/**
 * Where the highlighted and selected places are drawn on the map — each one's label and marker
 * box (as the map placed them: its collision index, through queryRenderedFeatures) and anchor
 * point, in CSS px from the map's top left — and how far to move the map so that none lies
 * under what covers it or runs off its edge. What the camera moves by; what the tests check.
 */
import type * as maplibregl from 'maplibre-gl';
import type { Cover, Rect } from '../ui/layout.ts';
import { nextTask } from '../next-task.ts';

/** A drawn place: its symbols' box (label and marker) and its anchor. */
export interface Drawn {
  key: string;
  box: Rect;
  anchor: { x: number; y: number };
}

/** How far beyond the map's edges a label is looked for (CSS px): a label the map places may run off it. */
const BEYOND = 200;

const lit = (f: maplibregl.MapGeoJSONFeature) => !!(f.state?.hl || f.state?.selected);

/**
 * A highlighted or selected place the map shows: its anchor inside the map. One outside it
 * (a tour step may light places beyond its framing) is not pulled in.
 */
function litInView(map: maplibregl.Map, f: maplibregl.MapGeoJSONFeature): boolean {
  if (!lit(f) || f.geometry.type !== 'Point') return false;
  const p = map.project(f.geometry.coordinates as [number, number]);
  const { width, height } = map.getCanvas().getBoundingClientRect();
  return p.x >= 0 && p.y >= 0 && p.x <= width && p.y <= height;
}

const symbolLayers = (map: maplibregl.Map) => map.getLayersOrder().filter((id) => map.getLayer(id)?.type === 'symbol');

/** The highlighted or selected symbols (as "layer:id") that touch a box on the map. */
function litIn(map: maplibregl.Map, layers: string[], x0: number, y0: number, x1: number, y1: number): Set<string> {
  const hits = map.queryRenderedFeatures(
    [
      [x0, y0],
      [x1, y1],
    ],
    { layers },
  );
  return new Set(hits.filter((f) => litInView(map, f)).map((f) => `${f.layer.id}:${f.id}`));
}

/**
 * Whether a highlighted or selected symbol lies under one of the covers or runs off the map:
 * a query of each cover and of a strip along each edge (a dozen queries).
 */
export function litHidden(map: maplibregl.Map, covers: Rect[], edge = 2): boolean {
  const layers = symbolLayers(map);
  if (!layers.length) return false;
  const { width: w, height: h } = map.getCanvas().getBoundingClientRect();
  const b = BEYOND;
  const boxes: Rect[] = [
    ...covers,
    { x0: -b, y0: -b, x1: w + b, y1: edge },
    { x0: -b, y0: h - edge, x1: w + b, y1: h + b },
    { x0: -b, y0: -b, x1: edge, y1: h + b },
    { x0: w - edge, y0: -b, x1: w + b, y1: h + b },
  ];
  return boxes.some((r) => litIn(map, layers, r.x0, r.y0, r.x1, r.y1).size > 0);
}

/** How far from its anchor a label's box may reach (CSS px): where each edge is looked for. */
const REACH = 256;

/**
 * Every highlighted or selected symbol the map has placed, one box per layer and feature. Each
 * edge of a box is found by halving (a box from the far side holds the symbol exactly when it
 * reaches that edge), within REACH of its anchor, to 2 px: 4 × 8 queries of one layer per
 * symbol, ≈ 15 ms, the page given back between symbols. Null when `alive` turns false meanwhile
 * (the map moved).
 */
export async function litDrawn(map: maplibregl.Map, alive: () => boolean): Promise<Drawn[] | null> {
  const layers = symbolLayers(map);
  if (!layers.length) return [];
  const { width, height } = map.getCanvas().getBoundingClientRect();
  const found = map
    .queryRenderedFeatures(
      [
        [-BEYOND, -BEYOND],
        [width + BEYOND, height + BEYOND],
      ],
      { layers },
    )
    .filter((f) => litInView(map, f));
  const seen = new Set<string>();
  const out: Drawn[] = [];
  /** the least t in [a, b] for which holds(t) (false below it, true from it on), to 2 px */
  const least = (a: number, b: number, holds: (t: number) => boolean) => {
    while (b - a > 2) {
      const m = (a + b) / 2;
      if (holds(m)) b = m;
      else a = m;
    }
    return b;
  };
  for (const f of found) {
    const key = `${f.layer.id}:${f.id}`;
    if (seen.has(key) || f.geometry.type !== 'Point') continue;
    seen.add(key);
    await nextTask();
    if (!alive()) return null;
    const p = map.project(f.geometry.coordinates as [number, number]);
    const lo = { x: p.x - REACH, y: p.y - REACH },
      hi = { x: p.x + REACH, y: p.y + REACH };
    const has = (x0: number, y0: number, x1: number, y1: number) => litIn(map, [f.layer.id], x0, y0, x1, y1).has(key);
    out.push({
      key,
      anchor: { x: p.x, y: p.y },
      box: {
        // from the left, a box holds the symbol once it reaches x0; from the right, once it reaches x1
        x0: least(lo.x, hi.x, (t) => has(lo.x, lo.y, t, hi.y)),
        x1: -least(-hi.x, -lo.x, (t) => has(-t, lo.y, hi.x, hi.y)),
        y0: least(lo.y, hi.y, (t) => has(lo.x, lo.y, hi.x, t)),
        y1: -least(-hi.y, -lo.y, (t) => has(lo.x, -t, hi.x, hi.y)),
      },
    });
  }
  return out;
}

/**
 * The move that brings every drawn place out from under the covers and inside the map's edges:
 * the map scaled by `s` about `around` (s < 1: zoomed out), then shifted by `d` (CSS px).
 *
 * Each place has its room on each axis: between the map's edges (less `edge`) and the covers
 * beside it (a cover that pushes left or right bounds the rows it spans; one that pushes up or
 * down, the columns). A shift that puts every place in its room is the least one; where none
 * does (one place must go left, another right), the places' spread is too wide for the room:
 * labels keep their size as the map zooms, so the anchors' spread shrinks by the shortfall —
 * unless the shortfall is the spread or more (a label wider than its room: no zoom helps; the
 * places are centred). Null when nothing is hidden.
 */
export function labelMove(
  drawn: Drawn[],
  covers: Cover[],
  width: number,
  height: number,
  edge = 3,
): { s: number; around: { x: number; y: number }; d: { x: number; y: number } } | null {
  if (!drawn.length) return null;
  /** the least and the most shift that keeps every place in its room on one axis */
  const axis = (horizontal: boolean) => {
    let lo = -Infinity,
      hi = Infinity;
    for (const { box: b } of drawn) {
      let r0 = edge,
        r1 = (horizontal ? width : height) - edge;
      for (const c of covers) {
        const side = horizontal ? c.push === 'left' || c.push === 'right' : c.push === 'up' || c.push === 'down';
        // a side cover bounds the rows it spans; one across, the columns
        const beside = horizontal ? c.y0 < b.y1 && b.y0 < c.y1 : c.x0 < b.x1 && b.x0 < c.x1;
        if (!side || !beside) continue;
        if (c.push === 'left' || c.push === 'up') r1 = Math.min(r1, (horizontal ? c.x0 : c.y0) - edge);
        else r0 = Math.max(r0, (horizontal ? c.x1 : c.y1) + edge);
      }
      lo = Math.max(lo, r0 - (horizontal ? b.x0 : b.y0));
      hi = Math.min(hi, r1 - (horizontal ? b.x1 : b.y1));
    }
    return { lo, hi };
  };
  const x = axis(true),
    y = axis(false);
  if (x.lo <= 0 && x.hi >= 0 && y.lo <= 0 && y.hi >= 0) return null;
  const xs = drawn.map((d) => d.anchor.x),
    ys = drawn.map((d) => d.anchor.y);
  const spread = { x: Math.max(...xs) - Math.min(...xs), y: Math.max(...ys) - Math.min(...ys) };
  /** the share of the anchors' spread kept: less by the shortfall where no shift fits */
  const keep = (a: { lo: number; hi: number }, span: number) =>
    a.lo > a.hi && span > a.lo - a.hi ? 1 - (a.lo - a.hi) / span : 1;
  const s = Math.min(keep(x, spread.x), keep(y, spread.y));
  /** the least shift in [lo, hi]; where there is none, halfway (the scale closes the gap) */
  const shift = (a: { lo: number; hi: number }) =>
    a.lo > a.hi ? (a.lo + a.hi) / 2 : a.lo > 0 ? a.lo : Math.min(a.hi, 0);
  return {
    s,
    around: { x: (Math.min(...xs) + Math.max(...xs)) / 2, y: (Math.min(...ys) + Math.max(...ys)) / 2 },
    d: { x: shift(x), y: shift(y) },
  };
}
