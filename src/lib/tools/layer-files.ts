/** The layers of record as the app downloads them (data/layers/<name>.geojson), loaded on first need. */
import type { DataLayerName } from '../../contracts/layers.ts';
import { loadDataFile } from '../data-files.ts';
import type { LayerDownload } from '../../contracts/download.ts';

export const loadLayer = (name: DataLayerName): Promise<LayerDownload> =>
  loadDataFile(`layers/${name}.geojson`, () =>
    import('../../contracts/download.ts').then((m) => m.LayerDownloadSchema),
  );
