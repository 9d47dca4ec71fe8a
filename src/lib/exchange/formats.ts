/**
 * The forms an export is written in, as the page's panels name them — without the writers
 * (export.ts and what it brings load in the export worker only).
 */
import type { Text } from '../../contracts/vocab.ts';

export const FORMATS = ['geojson', 'shapefile', 'gpkg', 'kml', 'dxf', 'csv'] as const;
export type Format = (typeof FORMATS)[number];
export const FORMAT_NAME: Record<Format, Text> = {
  geojson: { zh: 'GeoJSON', en: 'GeoJSON' },
  shapefile: { zh: 'Shapefile', en: 'Shapefile' },
  gpkg: { zh: 'GeoPackage', en: 'GeoPackage' },
  kml: { zh: 'KML（奥维/Google Earth）', en: 'KML (Google Earth)' },
  dxf: { zh: 'DXF（CAD）', en: 'DXF (CAD)' },
  csv: { zh: 'CSV（点）', en: 'CSV (points)' },
};
/** Formats whose coordinates are WGS84 longitude/latitude whatever is chosen (RFC 7946, KML 2.2). */
export const WGS84_ONLY: readonly Format[] = ['geojson', 'kml'];
/** Formats drawn in metres: a projected system only. */
export const PROJECTED_ONLY: readonly Format[] = ['dxf'];

/** 'auto': the Gauss–Krüger 3° zone (zone number before the easting) that holds the data. */
export type SystemChoice = number | 'auto';
