/**
 * An imported layer on the map: a vector source whose tiles the import worker makes
 * (`imported://<layer>/{z}/{x}/{y}`), drawn by geometry type in the layer's colour, and the
 * join's colouring of the units (a choropleth). Both are placed in the catalog's draw order
 * (catalog.ts, RUNTIME_Z), never before a layer named here.
 */
import type * as maplibregl from 'maplibre-gl';
import { ARCHIVE_SOURCE, IMPORT_FONT, RUNTIME_Z, beforeLayerAt } from '../map/catalog.ts';
import type { ImportedMeta } from './protocol.ts';
import { POINT_RADIUS } from './table.ts';
import { showSettled } from '../map/gpu.ts';
import type { Lang, Text } from '../../contracts/vocab.ts';

const layerIds = (id: string) => [`${id}-fill`, `${id}-line`, `${id}-point`, `${id}-label`];
const before = (map: maplibregl.Map, z: number) => beforeLayerAt(z, (id) => Boolean(map.getLayer(id)));
const CHOROPLETH = 'imported-choropleth';

/**
 * The choropleth's colours by share of the largest unit's figure, light to dark (yellow to
 * brown: apart from the blues and greens the imported layers are drawn in, whose points are
 * drawn above it with a white ring): one home for the map and its legends.
 */
export const CHOROPLETH_STOPS = [
  [0, '#fff7bc'],
  [0.5, '#fe9929'],
  [1, '#993404'],
] as const;

/** What a layer's join counts per unit: points, else km of lines, else km² of areas. */
const measureOf = (meta: Pick<ImportedMeta, 'kinds'>) =>
  meta.kinds.points ? 'points' : meta.kinds.lines ? 'length_km' : 'area_km2';
const MEASURE_WORDS = {
  points: { zh: '点数', en: 'points' },
  length_km: { zh: '线长（公里）', en: 'length (km)' },
  area_km2: { zh: '面积（平方公里）', en: 'area (km²)' },
} as const;

/** The legend of a layer's choropleth: what is counted, and the colours at none, half and the most. */
export function choroplethLegend(meta: Pick<ImportedMeta, 'name' | 'kinds' | 'join'>): {
  title: Text;
  stops: { colour: string; label: Text }[];
} {
  const m = measureOf(meta);
  const max = Math.max(0, ...meta.join.filter((r) => r.kind === 'unit').map((r) => r[m]));
  const fmt = (v: number, lang: Lang) =>
    v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: m === 'points' ? 0 : 1 });
  return {
    title: {
      zh: `各旗市区${MEASURE_WORDS[m].zh}：${meta.name}`,
      en: `${meta.name}: ${MEASURE_WORDS[m].en} per unit`,
    },
    stops: CHOROPLETH_STOPS.map(([share, colour]) => ({
      colour,
      label: {
        zh: share === 0 ? '0（无）' : `${fmt(max * share, 'zh')}${share === 1 ? '（最多）' : ''}`,
        en: share === 0 ? '0 (none)' : `${fmt(max * share, 'en')}${share === 1 ? ' (most)' : ''}`,
      },
    })),
  };
}

/** A feature's colour: its style's (`__c`, put in the tiles by the worker), else the layer's. */
const colourOf = (colour: string): maplibregl.ExpressionSpecification => ['coalesce', ['get', '__c'], colour];
/** the feature whose card is open (imports.svelte.ts marks it) */
const PICKED: maplibregl.ExpressionSpecification = ['boolean', ['feature-state', 'picked'], false];

/**
 * Adds a layer's source and layers, hidden, and shows them once the map has settled
 * (`showSettled`: a new layer's first frame links its shader programs) if `shown()` then.
 */
export function addImportedLayer(map: maplibregl.Map, meta: ImportedMeta, shown: () => boolean): void {
  const add = () => {
    if (map.getSource(meta.id)) return;
    // features known by their number (`__i`), so that the one whose card is open can be marked
    map.addSource(meta.id, {
      type: 'vector',
      tiles: [`imported://${meta.id}/{z}/{x}/{y}`],
      minzoom: 0,
      maxzoom: 14,
      promoteId: '__i',
    });
    const under = before(map, RUNTIME_Z.imported);
    const layout = { visibility: 'none' } as const;
    const common = { source: meta.id, 'source-layer': 'imported', layout };
    map.addLayer(
      {
        id: `${meta.id}-fill`,
        type: 'fill',
        ...common,
        filter: ['==', ['geometry-type'], 'Polygon'],
        paint: { 'fill-color': colourOf(meta.colour), 'fill-opacity': 0.3 },
      },
      under,
    );
    map.addLayer(
      {
        id: `${meta.id}-line`,
        type: 'line',
        ...common,
        filter: ['!=', ['geometry-type'], 'Point'],
        paint: { 'line-color': colourOf(meta.colour), 'line-width': ['case', PICKED, 5, 2] },
      },
      under,
    );
    map.addLayer(
      {
        id: `${meta.id}-point`,
        type: 'circle',
        ...common,
        filter: ['==', ['geometry-type'], 'Point'],
        paint: {
          'circle-color': colourOf(meta.colour),
          // sized by a field (`__s`, px at zoom 10), else the radius of all; half that at zoom 4
          'circle-radius': [
            'interpolate',
            ['linear'],
            ['zoom'],
            4,
            ['*', 0.5, ['coalesce', ['get', '__s'], POINT_RADIUS]],
            10,
            ['coalesce', ['get', '__s'], POINT_RADIUS],
          ],
          'circle-stroke-color': ['case', PICKED, '#111111', '#ffffff'],
          'circle-stroke-width': ['case', PICKED, 4, 1.5],
        },
      },
      under,
    );
    // labelled by a field (`__l`, put in the tiles by the worker when asked)
    map.addLayer(
      {
        id: `${meta.id}-label`,
        type: 'symbol',
        ...common,
        filter: ['has', '__l'],
        layout: {
          ...layout,
          'text-field': ['get', '__l'],
          'text-font': IMPORT_FONT,
          'text-size': 12,
          'text-offset': [0, 1.1],
          'text-anchor': 'top',
          'text-optional': true,
        },
        paint: { 'text-color': '#1a1a1a', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
      },
      under,
    );
    void showSettled(map, layerIds(meta.id), shown);
  };
  // Not isStyleLoaded(): it is false while any source loads (the layer restored just before).
  try {
    add();
  } catch {
    map.once('load', add);
  }
}

export function setImportedVisibility(map: maplibregl.Map, id: string, visible: boolean): void {
  for (const lid of layerIds(id))
    if (map.getLayer(lid)) map.setLayoutProperty(lid, 'visibility', visible ? 'visible' : 'none');
}

export function setImportedColour(map: maplibregl.Map, id: string, colour: string): void {
  const [fill, line, point] = layerIds(id);
  if (!map.getLayer(fill)) return;
  map.setPaintProperty(fill, 'fill-color', colourOf(colour));
  map.setPaintProperty(line, 'line-color', colourOf(colour));
  map.setPaintProperty(point, 'circle-color', colourOf(colour));
}

export function removeImportedLayer(map: maplibregl.Map, id: string): void {
  for (const lid of layerIds(id)) if (map.getLayer(lid)) map.removeLayer(lid);
  if (map.getSource(id)) map.removeSource(id);
}

/**
 * Colours the 14 units by a layer's join (points, else km of lines, else km² of areas), from
 * light to dark by share of the largest; `from` is the layer coloured until now (its colours
 * are taken off), `to` the one to colour, or null.
 */
/** The feature states that colour the units by a layer's join (share of the largest), for the map and its prints. */
export function choroplethStates(to: Pick<ImportedMeta, 'kinds' | 'join'>) {
  const value = (r: ImportedMeta['join'][number]) => r[measureOf(to)];
  const units = to.join.filter((r) => r.kind === 'unit');
  const max = Math.max(...units.map(value), 1e-9);
  return units.map((r) => ({
    ref: { source: ARCHIVE_SOURCE, sourceLayer: 'units', id: r.id },
    state: { join: value(r) / max },
  }));
}

export function showChoropleth(map: maplibregl.Map, from: ImportedMeta | null, to: ImportedMeta | null): void {
  for (const u of from?.join ?? []) {
    if (u.kind === 'unit') map.removeFeatureState({ source: ARCHIVE_SOURCE, sourceLayer: 'units', id: u.id }, 'join');
  }
  if (map.getLayer(CHOROPLETH)) map.removeLayer(CHOROPLETH);
  if (!to) return;
  for (const s of choroplethStates(to)) map.setFeatureState(s.ref, s.state);
  map.addLayer(
    {
      id: CHOROPLETH,
      type: 'fill',
      source: ARCHIVE_SOURCE,
      'source-layer': 'units',
      paint: {
        'fill-color': [
          'interpolate',
          ['linear'],
          ['coalesce', ['feature-state', 'join'], 0],
          ...CHOROPLETH_STOPS.flat(),
        ] as maplibregl.ExpressionSpecification,
        'fill-opacity': ['case', ['>', ['coalesce', ['feature-state', 'join'], 0], 0], 0.65, 0.15],
      },
    },
    before(map, RUNTIME_Z.choropleth),
  );
}

/** The imported feature under a click (5 px around it) among the visible layers, if any. */
export function importedFeatureAt(
  map: maplibregl.Map,
  layers: readonly ImportedMeta[],
  point: maplibregl.Point,
): { layer: ImportedMeta; index: number } | null {
  if (!layers.length) return null;
  const ids = layers
    .filter((l) => l.visible)
    .flatMap((l) => layerIds(l.id))
    .filter((id) => map.getLayer(id));
  const hit = map.queryRenderedFeatures(
    [
      [point.x - 5, point.y - 5],
      [point.x + 5, point.y + 5],
    ],
    { layers: ids },
  )[0];
  const layer = hit && layers.find((l) => l.id === hit.source);
  return hit && layer ? { layer, index: Number(hit.properties.__i) } : null;
}
