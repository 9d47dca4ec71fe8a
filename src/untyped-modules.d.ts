// Types for the libraries that ship none (used by the app and the data pipeline).
// vt-pbf 3 ships no types: the one function we use.
declare module 'vt-pbf' {
  const vtpbf: {
    fromGeojsonVt(layers: Record<string, unknown>, options?: { version?: number; extent?: number }): Uint8Array;
  };
  export default vtpbf;
}

// polylabel 2 ships no types.
declare module 'polylabel' {
  export default function polylabel(polygon: number[][][], precision?: number): number[] & { distance: number };
}
declare module 'shpjs' {
  import type { FeatureCollection } from 'geojson';
  export default function shp(input: ArrayBuffer): Promise<FeatureCollection | FeatureCollection[]>;
  /** a .shp's features (geometry only), reprojected to WGS84 when a .prj is given */
  export function parseShp(shp: ArrayBuffer, prj?: string): unknown[];
  /** a .dbf's rows, decoded in the given encoding (a TextDecoder label) */
  export function parseDbf(dbf: ArrayBuffer, cpg?: string): unknown[];
  export function combine(parts: [unknown[], unknown[] | undefined]): FeatureCollection;
}
