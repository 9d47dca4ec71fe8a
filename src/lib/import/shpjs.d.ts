// shpjs 6 ships no types: a zipped Shapefile (ArrayBuffer) → WGS84 GeoJSON, one collection per layer.
declare module 'shpjs' {
  import type { FeatureCollection } from 'geojson';
  export default function shp(input: ArrayBuffer): Promise<FeatureCollection | FeatureCollection[]>;
}
