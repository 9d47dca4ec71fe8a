/**
 * The download of a layer (data/layers/<name>.geojson): the data of record as RFC 7946
 * GeoJSON, with a `metadata` member (a foreign member, which RFC 7946 §6.1 allows) naming
 * what it is, its sources, licences and datum. The app adds CSV and a README to it when a
 * user downloads (lib/tools/downloads.ts); the contract is src/contracts/download.ts.
 */
import { layerTitle } from '../../src/lib/map/catalog.ts';
import {
  ATTRIBUTION,
  DATUM_NOTE,
  LICENCES,
  PLAN_NAME,
  SCHEMATIC_AREA_NOTE,
  SCHEMATIC_NOTE,
} from '../../src/contracts/sources.ts';
import { DATA_LAYERS } from '../../src/contracts/layers.ts';
import type { LayerMetadata } from '../../src/contracts/download.ts';
import type { LayerOutput } from './lib/types.ts';

export function layerMetadata(layer: LayerOutput): LayerMetadata {
  const sources = [...new Set(layer.features.map((f) => String(f.properties.source ?? '')).filter(Boolean))].sort();
  const schematic = layer.features.some((f) => f.properties.schematic === true);
  return {
    layer: layer.name,
    title: layerTitle(layer.name),
    features: layer.features.length,
    plan: PLAN_NAME,
    datum: DATUM_NOTE,
    licences: LICENCES,
    attribution: ATTRIBUTION,
    sources,
    ...(schematic
      ? { schematic: DATA_LAYERS[layer.name].geometry === 'line' ? SCHEMATIC_NOTE : SCHEMATIC_AREA_NOTE }
      : {}),
  };
}

/** The download's text: metadata first, then one feature per line. */
export function downloadFile(layer: LayerOutput): string {
  const lines = layer.features.map((f) => JSON.stringify(f));
  return `{"type":"FeatureCollection","metadata":${JSON.stringify(layerMetadata(layer))},"features":[\n${lines.join(',\n')}\n]}\n`;
}
