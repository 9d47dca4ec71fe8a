/** Layer catalog + theme + language → a MapLibre style. Glyphs from the page's own protocol (glyphs.ts). */
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { Lang } from '../../contracts/vocab.ts';
import { THEME, type Theme } from './theme.ts';
import { ARCHIVE_SOURCE, catalogLayers, layerVisible } from './catalog.ts';
import { GLYPHS_URL } from './glyphs.ts';

/**
 * One archive holds every layer: one source, one set of tiles per view. A build names it by
 * its content's hash (vite.config.ts defines __ARCHIVE__); dev and tests read the plain name.
 */
declare const __ARCHIVE__: string | undefined;
export const ARCHIVE: string = typeof __ARCHIVE__ === 'string' ? __ARCHIVE__ : 'tiles/plan.pmtiles';

import { ATTRIBUTION } from '../../contracts/sources.ts';

/**
 * One shader program per layer type. MapLibre compiles a program for every combination of
 * "constant / data-driven / zoom-and-data" among a layer type's paint properties, and each
 * compile costs ~60 ms at start-up with software WebGL (17 programs before this, 9 after).
 * So every layer of a type gets the same kinds: the properties below are made data-driven
 * (or zoom-and-data) without changing their values; the rest stay constant or zoom-only.
 */
export const PROGRAM_KINDS: Record<string, Record<string, 'source' | 'composite'>> = {
  fill: { 'fill-color': 'source', 'fill-opacity': 'source', 'fill-outline-color': 'source' },
  line: { 'line-color': 'source', 'line-opacity': 'source', 'line-width': 'composite' },
  circle: {
    'circle-color': 'source',
    'circle-opacity': 'source',
    'circle-stroke-color': 'source',
    'circle-stroke-width': 'source',
    'circle-stroke-opacity': 'source',
    'circle-radius': 'composite',
  },
  symbol: { 'text-color': 'source' },
};
/** MapLibre's defaults of the properties above, for layers that leave them out. */
const DEFAULTS: Record<string, unknown> = {
  'fill-opacity': 1,
  'line-color': '#000000',
  'line-opacity': 1,
  'line-width': 1,
  'circle-color': '#000000',
  'circle-opacity': 1,
  'circle-stroke-color': '#000000',
  'circle-stroke-width': 0,
  'circle-stroke-opacity': 1,
  'circle-radius': 5,
  'text-color': '#000000',
};
const uses = (v: unknown, ops: string[]): boolean =>
  Array.isArray(v) && ((typeof v[0] === 'string' && ops.includes(v[0])) || v.some((x) => uses(x, ops)));
const FEATURE_OPS = ['get', 'has', 'feature-state', 'id', 'properties', 'geometry-type'];
/** The same value, in a form that depends on the feature (so it is drawn from a vertex attribute). */
const perFeature = (v: unknown) => {
  const x = Array.isArray(v) && typeof v[0] === 'number' ? ['literal', v] : v; // a plain array (dashes) in an expression
  return ['case', ['has', 'id'], x, x];
};

function withKind(value: unknown, kind: 'source' | 'composite', where: string): unknown {
  const feature = uses(value, FEATURE_OPS);
  const zoom = uses(value, ['zoom']);
  if (kind === 'source') {
    if (zoom) throw new Error(`style: ${where} depends on zoom; it must be per feature only`);
    return feature ? value : perFeature(value);
  }
  if (feature && zoom) return value;
  if (zoom) {
    const v = value as unknown[];
    if (v[0] !== 'interpolate' || !Array.isArray(v[2]) || v[2][0] !== 'zoom')
      throw new Error(`style: ${where} must interpolate over zoom`);
    return [...v.slice(0, 3), ...v.slice(3).map((x, i) => (i % 2 ? perFeature(x) : x))];
  }
  const f = feature ? value : perFeature(value);
  return ['interpolate', ['linear'], ['zoom'], 0, f, 24, f];
}

/** Gives a layer the paint-property kinds of PROGRAM_KINDS (in place). */
export function uniformProgram(layer: LayerSpecification): void {
  const kinds = PROGRAM_KINDS[layer.type];
  if (!kinds) return;
  const holder = layer as { paint?: Record<string, unknown> };
  holder.paint ??= {};
  const paint = holder.paint;
  // Dashed lines share their own program (per-feature dashes: rail statuses in one layer).
  const all =
    layer.type === 'line' && paint['line-dasharray'] !== undefined
      ? { ...kinds, 'line-dasharray': 'source' as const }
      : kinds;
  for (const [prop, kind] of Object.entries(all)) {
    if (prop === 'fill-outline-color') {
      // No anti-aliased outline pass (a program and a draw per tile): area edges lie under
      // their boundary lines, and lakes are flat water.
      if (paint[prop] === undefined) {
        paint['fill-antialias'] = false;
        continue;
      }
    }
    paint[prop] = withKind(paint[prop] ?? DEFAULTS[prop], kind, `${layer.id}.${prop}`);
  }
}

/** Builds the style. `base` is the page's base URL, to make the archive URL absolute. */
export function buildStyle(opts: {
  lang: Lang;
  visible: ReadonlySet<string>;
  base: string;
  theme?: Theme;
}): StyleSpecification {
  const t = opts.theme ?? THEME;
  const layers: LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': t.background } },
  ];
  for (const l of catalogLayers(t, opts.lang)) {
    // Lit-only layers start hidden: nothing is lit yet.
    const visibility = layerVisible(l, opts.visible) ? 'visible' : 'none';
    const layer = {
      ...l.style,
      layout: { ...(l.style as { layout?: object }).layout, visibility },
    } as LayerSpecification;
    uniformProgram(layer);
    layers.push(layer);
  }
  return {
    version: 8,
    name: 'Hulunbuir plan map',
    glyphs: GLYPHS_URL,
    sources: {
      [ARCHIVE_SOURCE]: {
        type: 'vector',
        url: `pmtiles://${new URL(ARCHIVE, opts.base).href}`,
        promoteId: 'id',
        attribution: ATTRIBUTION,
      },
      annotations: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
      tools: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers,
  };
}
