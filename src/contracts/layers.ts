/**
 * The registry of data layers: the one list of what each layer of record is. A layer is a
 * file `geodata/<name>.geojson`, a source-layer of the tile archive, and a download; the data
 * pipeline (scripts/data/layers/: one builder per entry), the map's catalog, downloads,
 * search, the tools' picks and snapping, the import's places of record, the placement rule
 * and the tests all derive from this list. A new data layer is one entry here and one builder.
 */

import type { Text } from './vocab.ts';

/** What a layer's features are. */
export type LayerGeometry = 'polygon' | 'line' | 'point';

export interface DataLayerDef {
  /** what its features are, as a list of them is headed (the tools' results) */
  heading: Text;
  geometry: LayerGeometry;
  /** a layer of the plan (every feature carries the plan's words, plan_ref) or context */
  planning: boolean;
  /** offered as a download (labels are cartography, not data), in this order (the legend's) */
  download: number | false;
  /** a point layer offered as CSV besides GeoJSON */
  csv: boolean;
  /** its features' names are in the search index */
  searchable: boolean;
  /**
   * a place a click picks and a measurement snaps to: the lower number wins where places are
   * equally near (seats before stations before ports before heritage); false: not a place
   */
  pick: number | false;
  /** listed by "within distance", in this order */
  near: number | false;
  /** its positions come from sources coarser than the lines around them (scripts/data/placement.ts) */
  placed: boolean;
  /** its points have published positions with a stated precision, checked on every build (layers/positions.ts) */
  published: boolean;
}

/** In the archive's order (the builders run in it: a later layer may read an earlier one). */
export const DATA_LAYERS = {
  city: {
    heading: { zh: '呼伦贝尔市', en: 'Hulunbuir City' },
    geometry: 'polygon',
    planning: true,
    download: 5,
    csv: false,
    searchable: true,
    pick: false,
    near: false,
    placed: false,
    published: false,
  },
  units: {
    heading: { zh: '旗市区', en: 'Banners, cities and districts' },
    geometry: 'polygon',
    planning: true,
    download: 4,
    csv: false,
    searchable: true,
    pick: false,
    near: 1,
    placed: false,
    published: false,
  },
  zones: {
    heading: { zh: '岭西、岭上分区', en: 'Zones' },
    geometry: 'polygon',
    planning: true,
    download: 3,
    csv: false,
    searchable: true,
    pick: false,
    near: false,
    placed: false,
    published: false,
  },
  zone_labels: {
    heading: { zh: '分区注记', en: 'Zone labels' },
    geometry: 'point',
    planning: false,
    download: false,
    csv: false,
    searchable: false,
    pick: false,
    near: false,
    placed: false,
    published: false,
  },
  structure_areas: {
    heading: { zh: '一核两极', en: 'Core and poles' },
    geometry: 'polygon',
    planning: true,
    download: 1,
    csv: false,
    searchable: true,
    pick: false,
    near: false,
    placed: false,
    published: false,
  },
  structure_points: {
    heading: { zh: '城镇节点', en: 'Towns' },
    geometry: 'point',
    planning: true,
    download: 2,
    csv: true,
    searchable: true,
    pick: 1,
    near: 2,
    placed: false,
    published: true,
  },
  rail_lines: {
    heading: { zh: '铁路线路（示意）', en: 'Rail lines (schematic)' },
    geometry: 'line',
    planning: false,
    download: 6,
    csv: false,
    searchable: true,
    pick: false,
    near: 6,
    placed: false,
    published: false,
  },
  rail_stations: {
    heading: { zh: '铁路站点', en: 'Railway stations' },
    geometry: 'point',
    planning: false,
    download: 7,
    csv: true,
    searchable: true,
    pick: 2,
    near: 3,
    placed: true,
    published: false,
  },
  heritage: {
    heading: { zh: '历史文化街区与名镇', en: 'Historic districts & towns' },
    geometry: 'point',
    planning: true,
    download: 8,
    csv: true,
    searchable: true,
    pick: 4,
    near: 5,
    placed: true,
    published: true,
  },
  ports: {
    heading: { zh: '口岸与机场', en: 'Ports & airports' },
    geometry: 'point',
    planning: false,
    download: 9,
    csv: true,
    searchable: true,
    pick: 3,
    near: 4,
    placed: true,
    published: true,
  },
  borders: {
    heading: { zh: '国界', en: 'Borders' },
    geometry: 'line',
    planning: false,
    download: 12,
    csv: false,
    searchable: false,
    pick: false,
    near: false,
    placed: false,
    published: false,
  },
  rivers: {
    heading: { zh: '河流', en: 'Rivers' },
    geometry: 'line',
    planning: false,
    download: 10,
    csv: false,
    searchable: false,
    pick: false,
    near: false,
    placed: false,
    published: false,
  },
  lakes: {
    heading: { zh: '湖泊', en: 'Lakes' },
    geometry: 'polygon',
    planning: false,
    download: 11,
    csv: false,
    searchable: true,
    pick: false,
    near: false,
    placed: false,
    published: false,
  },
  context_labels: {
    heading: { zh: '地理注记', en: 'Geographic labels' },
    geometry: 'point',
    planning: false,
    download: false,
    csv: false,
    searchable: true,
    pick: false,
    near: false,
    placed: false,
    published: false,
  },
} as const satisfies Record<string, DataLayerDef>;

export type DataLayerName = keyof typeof DATA_LAYERS;

/** The layers whose features' names are in the search index (a type: a table keyed by it must cover them all). */
export type SearchableLayer = {
  [K in DataLayerName]: (typeof DATA_LAYERS)[K]['searchable'] extends true ? K : never;
}[DataLayerName];

/** Every layer's name, in the archive's order. */
export const DATA_LAYER_NAMES = Object.keys(DATA_LAYERS) as DataLayerName[];

type Ranked = 'download' | 'pick' | 'near';
type Flag = 'planning' | 'csv' | 'searchable' | 'placed' | 'published';

/** The layers with a rank (download, pick, near), in its order. */
export function layersBy(key: Ranked): DataLayerName[] {
  const rank = (n: DataLayerName) => DATA_LAYERS[n][key] as number | false;
  return DATA_LAYER_NAMES.filter((n) => rank(n) !== false).sort((a, b) => Number(rank(a)) - Number(rank(b)));
}

/** The layers with a flag set, in the archive's order. */
export function layersWith(key: Flag): DataLayerName[] {
  return DATA_LAYER_NAMES.filter((n) => DATA_LAYERS[n][key]);
}

export const isDataLayer = (name: string): name is DataLayerName => Object.hasOwn(DATA_LAYERS, name);
