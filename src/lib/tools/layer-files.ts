/** The layers of record as the app downloads them (data/layers/<name>.geojson), loaded on first need. */
import type { DataLayerName } from '../../contracts/layers.ts';
import { loadDataFile } from '../data-files.ts';
import type { LayerDownload } from '../../contracts/download.ts';

/** A layer's file under data/. */
export const layerFile = (name: DataLayerName) => `layers/${name}.geojson`;

export const loadLayer = (name: DataLayerName): Promise<LayerDownload> =>
  loadDataFile(layerFile(name), () => import('../../contracts/download.ts').then((m) => m.LayerDownloadSchema));
