/**
 * An imported layer on the map: a vector source whose tiles the import worker makes
 * (`imported://<layer>/{z}/{x}/{y}`), drawn by geometry type in the layer's colour, and the
 * join's colouring of the units (a choropleth). Both are placed in the catalog's draw order
 * (catalog.ts, RUNTIME_Z), never before a layer named here.
 */
import type * as maplibregl from 'maplibre-gl';
import { ARCHIVE_SOURCE, RUNTIME_Z, beforeLayerAt } from '../map/catalog.ts';
import type { ImportedMeta } from './protocol.ts';

const layerIds = (id: string) => [`${id}-fill`, `${id}-line`, `${id}-point`];
const before = (map: maplibregl.Map, z: number) => beforeLayerAt(z, (id) => Boolean(map.getLayer(id)));
const CHOROPLETH = 'imported-choropleth';

export function addImportedLayer(map: maplibregl.Map, meta: ImportedMeta): void {
  const add = () => {
    if (map.getSource(meta.id)) return;
    map.addSource(meta.id, { type: 'vector', tiles: [`imported://${meta.id}/{z}/{x}/{y}`], minzoom: 0, maxzoom: 14 });
    const under = before(map, RUNTIME_Z.imported);
    const layout = { visibility: meta.visible ? 'visible' : 'none' } as const;
    const common = { source: meta.id, 'source-layer': 'imported', layout };
    map.addLayer(
      {
        id: `${meta.id}-fill`,
        type: 'fill',
        ...common,
        filter: ['==', ['geometry-type'], 'Polygon'],
        paint: { 'fill-color': meta.colour, 'fill-opacity': 0.3 },
      },
      under,
    );
    map.addLayer(
      {
        id: `${meta.id}-line`,
        type: 'line',
        ...common,
        filter: ['!=', ['geometry-type'], 'Point'],
        paint: { 'line-color': meta.colour, 'line-width': 2 },
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
          'circle-color': meta.colour,
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 3, 10, 6],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1,
        },
      },
      under,
    );
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
  map.setPaintProperty(fill, 'fill-color', colour);
  map.setPaintProperty(line, 'line-color', colour);
  map.setPaintProperty(point, 'circle-color', colour);
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
export function showChoropleth(map: maplibregl.Map, from: ImportedMeta | null, to: ImportedMeta | null): void {
  for (const u of from?.join ?? []) {
    if (u.kind === 'unit') map.removeFeatureState({ source: ARCHIVE_SOURCE, sourceLayer: 'units', id: u.id }, 'join');
  }
  if (map.getLayer(CHOROPLETH)) map.removeLayer(CHOROPLETH);
  if (!to) return;
  const value = (r: ImportedMeta['join'][number]) =>
    to.kinds.points ? r.points : to.kinds.lines ? r.length_km : r.area_km2;
  const units = to.join.filter((r) => r.kind === 'unit');
  const max = Math.max(...units.map(value), 1e-9);
  for (const r of units)
    map.setFeatureState({ source: ARCHIVE_SOURCE, sourceLayer: 'units', id: r.id }, { join: value(r) / max });
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
          0,
          '#f7fbff',
          0.5,
          '#6baed6',
          1,
          '#08306b',
        ],
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
