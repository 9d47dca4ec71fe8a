/**
 * The export worker: fetches the layers of record itself (or parses a planner's layer from its
 * text), projects and writes them (export.ts), and hands the file back — the page stays free
 * however large the layers. SQLite (sql.js) loads only for a GeoPackage.
 */
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import type { LayerMetadata } from '../../contracts/download.ts';
import type { Text } from '../../contracts/vocab.ts';
import { CLIP_NOTE, layerSection } from '../tools/readme.ts';
import { type ExportRequest, type ExportResult, runExport } from './export.ts';
import { clipNear } from './clip.ts';
import type { ExportLayer } from './geometry.ts';
import type { ExportStyle } from './style.ts';

/**
 * A layer as the page names it: a file of record by address, a planner's own layer's GeoJSON
 * text, a tool's result as features, or rows of figures (zone statistics) drawn with the
 * geometry of the feature whose id they name in the files given — else the union of their
 * member units' (a MultiPolygon of the members, not dissolved), cut to `clip` when given; `style`:
 * a planner's layer's look.
 */
export type LayerSource = { name: string; title: string; style?: ExportStyle } & (
  | { url: string }
  | { text: string }
  | { features: Feature<Geometry | null>[] }
  | {
      rows: { lookup: string; members: string[]; properties: Record<string, unknown> }[];
      geometries: string[];
      units: string;
      /** each geometry cut to this area (a within-distance result's buffer) */
      clip?: Polygon | MultiPolygon;
    }
);
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

async function json(url: string): Promise<FeatureCollection<Geometry | null>> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return (await r.json()) as FeatureCollection<Geometry | null>;
}

/** Rows of figures with the geometry of the feature each names, else of its member units. */
async function joined(
  rows: Extract<LayerSource, { rows: unknown }>['rows'],
  geometries: string[],
  units: string,
  clip?: Polygon | MultiPolygon,
): Promise<FeatureCollection<Geometry | null>> {
  const [unitFc, ...others] = await Promise.all([json(units), ...geometries.map(json)]);
  const byId = new Map<string, Geometry>();
  for (const fc of [unitFc, ...others])
    for (const f of fc.features) if (f.geometry) byId.set(String(f.properties?.id), f.geometry);
  const polygons = (g: Geometry | undefined) =>
    g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? g.coordinates : [];
  return {
    type: 'FeatureCollection',
    features: rows.map((r) => {
      const own = byId.get(r.lookup);
      const geometry: Geometry | null =
        own ??
        (r.members.length
          ? { type: 'MultiPolygon', coordinates: r.members.flatMap((m) => polygons(byId.get(m))) }
          : null);
      return { type: 'Feature', properties: r.properties, geometry: clip ? clipNear(geometry, clip) : geometry };
    }),
  };
}

self.onmessage = async (e: MessageEvent<ToExportWorker>) => {
  const { layers: sources, ...rest } = e.data;
  const sections: string[] = [];
  try {
    post({ type: 'phase', phase: 'reading' });
    const read = await Promise.all(
      sources.map(async (s) => {
        let fc: FeatureCollection<Geometry | null>;
        if ('url' in s) fc = await json(s.url);
        else if ('text' in s) fc = JSON.parse(s.text) as FeatureCollection<Geometry | null>;
        else if ('features' in s) fc = { type: 'FeatureCollection', features: s.features };
        else {
          fc = await joined(s.rows, s.geometries, s.units, s.clip);
          if (s.clip) sections.push(CLIP_NOTE(s.title)[rest.lang]);
        }
        const layer: ExportLayer = { name: s.name, title: s.title, features: fc.features, style: s.style };
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
