/**
 * The export worker: fetches the layers of record itself (or parses a planner's layer from its
 * text), projects and writes them (export.ts), and hands the file back — the page stays free
 * however large the layers. SQLite (sql.js) loads only for a GeoPackage.
 */
import type { FeatureCollection } from 'geojson';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import type { LayerMetadata } from '../../contracts/download.ts';
import type { Text } from '../../contracts/vocab.ts';
import { layerSection } from '../tools/readme.ts';
import { type ExportRequest, type ExportResult, runExport } from './export.ts';
import type { ExportLayer } from './geometry.ts';

/** A layer as the page names it: a file of record by address, or a planner's own layer's GeoJSON text. */
export type LayerSource = { name: string; title: string } & ({ url: string } | { text: string });
export interface ToExportWorker extends Omit<ExportRequest, 'layers'> {
  layers: LayerSource[];
}
export type FromExportWorker = { type: 'phase'; phase: 'reading' | 'writing' } | { type: 'done'; result: ExportResult };

let SQL: Promise<SqlJsStatic> | null = null;
const sql = () => {
  SQL ??= initSqlJs({ locateFile: () => wasmUrl });
  return SQL;
};
const post = (m: FromExportWorker, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(m, transfer);

self.onmessage = async (e: MessageEvent<ToExportWorker>) => {
  const { layers: sources, ...rest } = e.data;
  const sections: string[] = [];
  try {
    post({ type: 'phase', phase: 'reading' });
    const read = await Promise.all(
      sources.map(async (s) => {
        let fc: FeatureCollection;
        if ('url' in s) {
          const r = await fetch(s.url);
          if (!r.ok) throw new Error(`${s.url}: HTTP ${r.status}`);
          fc = (await r.json()) as FeatureCollection;
        } else fc = JSON.parse(s.text) as FeatureCollection;
        const layer: ExportLayer = { name: s.name, title: s.title, features: fc.features };
        return { layer, meta: (fc as { metadata?: LayerMetadata }).metadata };
      }),
    );
    const layers = read.map((x) => x.layer);
    for (const { meta } of read) if (meta) sections.push(...layerSection(rest.lang, meta));
    post({ type: 'phase', phase: 'writing' });
    const result = await runExport({ ...rest, readme: [rest.readme, ...sections].join('\r\n'), layers }, sql);
    post({ type: 'done', result }, result.ok ? [result.bytes.buffer as ArrayBuffer] : []);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    const problem: Text = { zh: `导出失败：${why}`, en: `the export failed: ${why}` };
    post({ type: 'done', result: { ok: false, problem } });
  }
};
