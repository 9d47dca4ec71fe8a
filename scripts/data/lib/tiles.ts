/**
 * Layers of record → gzipped Mapbox Vector Tiles (geojson-vt + vt-pbf) → one PMTiles
 * archive. Tiles carry only the properties the map's style reads (the catalog's tilePropsOf);
 * the app looks the rest up from the data when a feature is clicked.
 */
import { gzipSync } from 'node:zlib';
import geojsonvt from 'geojson-vt';
import vtpbf from 'vt-pbf';
import * as turf from '@turf/turf';
import { pointToTile } from '@mapbox/tilebelt';
import type { LayerOutput } from './types.ts';
import { writeArchive, type TileInput } from './pmtiles-writer.ts';

/** The properties each source-layer's tiles carry. */
export type TileProps = ReadonlyMap<string, ReadonlySet<string>>;

function tileFeatures(layer: LayerOutput, keep: ReadonlySet<string>) {
  return {
    type: 'FeatureCollection' as const,
    features: layer.features.map((f) => {
      const properties: Record<string, string | number | boolean> = {};
      for (const key of keep) {
        const v = f.properties[key];
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') properties[key] = v;
      }
      return { type: 'Feature' as const, geometry: f.geometry, properties };
    }),
  };
}

/**
 * Simplification tolerance in tile units (4096 a tile): 8 is one pixel of a 512 px tile, so
 * nothing visible is lost while low-zoom tiles carry far fewer vertices (measured: smaller
 * archives, less parsing before the first view).
 */
const TOLERANCE = 8;

export interface ArchiveResult {
  bytes: Uint8Array;
  tiles: number;
  minzoom: number;
  maxzoom: number;
  bounds: [number, number, number, number];
  leaves: number;
}

/**
 * Zoom range of the archive, the same for every layer: MapLibre overzooms a source, not a
 * layer, so a layer that stopped below the others would vanish past its last zoom.
 */
export const ZOOMS = { min: 0, max: 10 } as const;

/** Builds one archive from the layers given. */
export function buildArchive(
  name: string,
  layers: LayerOutput[],
  tileProps: TileProps,
  description: string,
  attribution: string,
): ArchiveResult {
  const { min: minzoom, max: maxzoom } = ZOOMS;
  const all = turf.featureCollection(layers.flatMap((l) => l.features));
  const b = turf.bbox(all) as [number, number, number, number];
  const bounds: [number, number, number, number] = [b[0], b[1], b[2], b[3]];
  const propsOf = (l: LayerOutput) => {
    const p = tileProps.get(l.name);
    if (!p)
      throw new Error(
        `tiles: layer ${l.name} is drawn by no catalog entry (src/lib/map/catalog.ts): add one, or stop building it`,
      );
    return p;
  };
  const indexes = layers.map((l) => ({
    layer: l,
    index: new geojsonvt(tileFeatures(l, propsOf(l)), {
      maxZoom: maxzoom,
      indexMaxZoom: 5,
      tolerance: TOLERANCE,
      buffer: 64,
      extent: 4096,
    }),
  }));
  const tiles: TileInput[] = [];
  for (let z = minzoom; z <= maxzoom; z++) {
    const [x0, y0] = pointToTile(bounds[0], bounds[3], z);
    const [x1, y1] = pointToTile(bounds[2], bounds[1], z);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const content: Record<string, ReturnType<(typeof indexes)[number]['index']['getTile']>> = {};
        let any = false;
        for (const { layer, index } of indexes) {
          const t = index.getTile(z, x, y);
          if (t?.features.length) {
            content[layer.name] = t;
            any = true;
          }
        }
        if (!any) continue;
        const pbf = vtpbf.fromGeojsonVt(content as never, { version: 2 });
        tiles.push({ z, x, y, data: gzipSync(pbf, { level: 9 }) });
      }
    }
  }
  const center: [number, number, number] = [
    Math.round(((bounds[0] + bounds[2]) / 2) * 1e4) / 1e4,
    Math.round(((bounds[1] + bounds[3]) / 2) * 1e4) / 1e4,
    5,
  ];
  const metadata = {
    name,
    description,
    attribution,
    type: 'overlay',
    format: 'pbf',
    generator: 'hulunbuir-plan-map scripts/data (geojson-vt 5 + vt-pbf 3, own PMTiles v3 writer)',
    vector_layers: layers.map((l) => ({
      id: l.name,
      minzoom,
      maxzoom,
      fields: Object.fromEntries(
        [...propsOf(l)].map((p) => [
          p,
          typeof l.features.find((f) => f.properties[p] != null)?.properties[p] === 'number' ? 'Number' : 'String',
        ]),
      ),
    })),
  };
  const { bytes, stats } = writeArchive({ tiles, metadata, bounds, center });
  return { bytes, tiles: stats.addressed, minzoom, maxzoom, bounds, leaves: stats.leaves };
}
