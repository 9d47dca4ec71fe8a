/**
 * Downloads of the data of record: each layer as RFC 7946 GeoJSON (the file the build
 * wrote, with its `metadata`), point layers and the statistics as CSV (UTF-8 with BOM)
 * zipped with a README of sources, licences and datum (fflate), or every layer at once.
 */
import { strToU8, zipSync } from 'fflate';
import type { Lang } from '../../contracts/vocab.ts';
import type { LayerDownload, LayerMetadata } from '../../contracts/download.ts';
import { CSV_NOTE, layerSection, readmeHead } from './readme.ts';
import { type DataLayerName, layersBy } from '../../contracts/layers.ts';
import { download } from '../ui/download.ts';
import { csvText } from '../ui/csv.ts';
import { cellText } from '../exchange/fields.ts';
import { layerFile, loadLayer } from './layer-files.ts';
import { loadStats, statsCsv } from './stats.ts';

/** The layers offered, in the order of the map's legend (the registry's download rank). */
export const DOWNLOAD_LAYERS = layersBy('download');

/** The README that goes into every zip. */
export function readme(lang: Lang, what: string, metas: LayerMetadata[], csv = false): string {
  const head = [...readmeHead(lang, what), ...(csv ? [CSV_NOTE[lang]] : [])];
  return `${[...head, ...metas.flatMap((m) => layerSection(lang, m))].join('\r\n')}\r\n`;
}

const zip = (files: Record<string, string>) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])), { level: 6 });

/** A point layer as a table: id, names, lon, lat, then every other property. */
export function layerCsv(file: LayerDownload): string {
  const keys = [...new Set(file.features.flatMap((f) => Object.keys(f.properties)))].filter(
    (k) => !['id', 'name_zh', 'name_en'].includes(k),
  );
  const head = ['id', 'name_zh', 'name_en', 'lon', 'lat', ...keys];
  const rows = file.features.map((f) => {
    const c = f.geometry.coordinates as unknown as number[];
    return [
      f.properties.id,
      cellText(f.properties.name_zh),
      cellText(f.properties.name_en),
      c[0],
      c[1],
      ...keys.map((k) => cellText(f.properties[k])),
    ];
  });
  return csvText([head, ...rows]);
}

export const isPointLayer = (file: LayerDownload) => file.features.every((f) => f.geometry.type === 'Point');

/**
 * The file the build wrote, byte for byte (its contract checked by the build and the unit
 * tests): nothing parsed or written again on the page — the first download of a visit, which
 * loaded the validator to check it and wrote it out again, blocked the page 94 ms, 301 ms with a
 * CPU-heavy job beside it.
 */
export async function downloadGeojson(name: DataLayerName): Promise<void> {
  const path = `data/${layerFile(name)}`;
  const r = await fetch(new URL(path, document.baseURI));
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
  download(await r.arrayBuffer(), 'application/geo+json', `hulunbuir-${name}.geojson`);
}

export async function downloadCsv(name: DataLayerName, lang: Lang): Promise<void> {
  const file = await loadLayer(name);
  download(
    zip({
      [`hulunbuir-${name}.csv`]: layerCsv(file),
      'README.txt': readme(lang, file.metadata.title[lang], [file.metadata], true),
    }),
    'application/zip',
    `hulunbuir-${name}-csv.zip`,
  );
}

export async function downloadStats(lang: Lang): Promise<void> {
  const stats = await loadStats();
  const notes = stats.notes.map((n) => n[lang]).join('\r\n');
  download(
    zip({
      'hulunbuir-zone-statistics.csv': statsCsv(stats, lang),
      'README.txt': `${readme(lang, lang === 'zh' ? '分区统计' : 'zone statistics', [], true)}\r\n${notes}\r\n`,
    }),
    'application/zip',
    'hulunbuir-zone-statistics.zip',
  );
}

export async function downloadAll(lang: Lang): Promise<void> {
  const files = await Promise.all(DOWNLOAD_LAYERS.map((n) => loadLayer(n)));
  const entries: Record<string, string> = Object.fromEntries(
    files.map((f) => [`hulunbuir-${f.metadata.layer}.geojson`, JSON.stringify(f)]),
  );
  entries['README.txt'] = readme(
    lang,
    lang === 'zh' ? '全部图层' : 'all layers',
    files.map((f) => f.metadata),
  );
  download(zip(entries), 'application/zip', 'hulunbuir-plan-map-data.zip');
}
