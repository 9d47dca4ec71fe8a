/**
 * One export: layers (WGS84 longitude/latitude, as the map holds them) written in a format and a
 * coordinate system the planner picked, with a README saying what was chosen. Run in the export
 * worker (export.worker.ts) so that the page never waits on it; pure, so tests run it in Node.
 */
import { strToU8, zipSync } from 'fflate';
import type { Feature, Geometry } from 'geojson';
import type { SqlJsStatic } from 'sql.js';
import type { Lang, Text } from '../../contracts/vocab.ts';
import { writeDxf } from './dxf.ts';
import type { Encoding } from './encoding.ts';
import { cellText, fieldsOf } from './fields.ts';
import { writeGeoPackage } from './geopackage.ts';
import { type ExportLayer, extent, kindOf, pointsOf, projectGeometry } from './geometry.ts';
import { writeKml } from './kml.ts';
import { writeShapefile } from './shapefile.ts';
import { CSV_NOTE } from '../tools/readme.ts';
import { csvText } from '../ui/csv.ts';
import { type ExportSystem, projector, proposeZone, systemOf, WGS84, zoneProblem } from './systems.ts';
import { type Format, PROJECTED_ONLY, type SystemChoice, WGS84_ONLY } from './formats.ts';

export { FORMAT_NAME, FORMATS, type Format, PROJECTED_ONLY, type SystemChoice, WGS84_ONLY } from './formats.ts';

export interface ExportRequest {
  layers: ExportLayer[];
  format: Format;
  system: SystemChoice;
  encoding: Encoding;
  lang: Lang;
  /** the file names' middle: 'units', 'all' */
  what: string;
  /** the README's opening (title, plan, licences, sources), written by the page */
  readme: string;
}
export type ExportResult =
  | { ok: true; bytes: Uint8Array; filename: string; mime: string; epsg: number }
  | { ok: false; problem: Text };

/** The system an export is written in, or why it cannot be. */
export function resolveSystem(
  format: Format,
  choice: SystemChoice,
  layers: ExportLayer[],
): { system: ExportSystem } | { problem: Text } {
  if (WGS84_ONLY.includes(format)) return { system: WGS84 };
  const box = extent(layers.flatMap((l) => l.features));
  if (!box) return { problem: { zh: '没有可导出的要素', en: 'there are no features to export' } };
  let system: ExportSystem;
  if (choice === 'auto') {
    const z = proposeZone(box[0], box[2]);
    if (!z) {
      const f = (x: number) => `${x.toFixed(2)}°E`;
      return {
        problem: {
          zh: `数据经度 ${f(box[0])}–${f(box[2])} 跨越多个高斯–克吕格带，无一带能容纳：请分图层导出，或选经纬度坐标系`,
          en: `the data spans ${f(box[0])}–${f(box[2])}, more than any one Gauss–Krüger zone holds: export layer by layer, or pick a lon/lat system`,
        },
      };
    }
    system = z;
  } else system = systemOf(choice);
  if (PROJECTED_ONLY.includes(format) && !system.projected)
    return {
      problem: {
        zh: 'DXF 以米为单位：请选投影坐标系（高斯–克吕格或 Web 墨卡托）',
        en: 'DXF is drawn in metres: pick a projected system (Gauss–Krüger or Web Mercator)',
      },
    };
  const problem = zoneProblem(system, box[0], box[2]);
  return problem ? { problem } : { system };
}

const ZIP = 'application/zip';

export async function runExport(req: ExportRequest, sql: () => Promise<SqlJsStatic>): Promise<ExportResult> {
  const r = resolveSystem(req.format, req.system, req.layers);
  if ('problem' in r) return { ok: false, problem: r.problem };
  const { system } = r;
  const zh = req.lang === 'zh';
  const to = await projector(system);
  const layers: ExportLayer[] = req.layers.map((l) => ({
    ...l,
    features: l.features.map((f) => ({ ...f, geometry: projectGeometry(f.geometry, to) }) as Feature<Geometry | null>),
  }));
  const base = `hulunbuir-${req.what}-${system.slug}`;
  const notes: string[] = [
    `${zh ? '坐标系' : 'Coordinate system'}: ${system.name[req.lang]}${req.system === 'auto' && system.lonRange ? (zh ? '（按数据范围选定）' : ' (chosen from the data’s extent)') : ''}`,
  ];
  if (system.projected && system.lonRange)
    notes.push(zh ? 'X 为东坐标（米），Y 为北坐标（米）。' : 'X is the easting (metres), Y the northing (metres).');
  if (system.epsg === 4490 || (system.lonRange && system.esri.includes('China')))
    notes.push(
      zh
        ? '底图数据为 WGS84；CGCS2000 与 WGS84 相差厘米级，远小于数据精度，坐标按同一基准换算。'
        : 'The data of record is in WGS84; CGCS2000 differs from it by centimetres, far below the data’s accuracy, and is taken as the same datum.',
    );
  const readme = (extra: string[]) => `${[req.readme, '', ...notes, ...extra].join('\r\n')}\r\n`;
  const zip = (files: Record<string, Uint8Array>) => zipSync(files, { level: 6 });

  switch (req.format) {
    case 'geojson': {
      const files: Record<string, Uint8Array> = {};
      for (const l of layers)
        files[`${base.replace(req.what, l.name)}.geojson`] = strToU8(
          JSON.stringify({ type: 'FeatureCollection', features: l.features }),
        );
      files['README.txt'] = strToU8(readme([]));
      return { ok: true, bytes: zip(files), filename: `${base}-geojson.zip`, mime: ZIP, epsg: system.epsg };
    }
    case 'shapefile': {
      const files: Record<string, Uint8Array> = {};
      const extra: string[] = [
        zh
          ? `属性表（.dbf）编码：${req.encoding === 'gbk' ? 'GBK（代码页 936，旧版 ArcGIS）' : 'UTF-8'}，见 .cpg。字段名限 10 字节，原名与缩写的对照见 *_fields.csv。`
          : `Attribute table (.dbf) encoding: ${req.encoding === 'gbk' ? 'GBK (code page 936, older ArcGIS)' : 'UTF-8'}, as the .cpg says. Field names are fitted to 10 bytes; each *_fields.csv lists the original names.`,
      ];
      for (const l of layers) {
        const s = writeShapefile(l.name, l.features, system.esri, req.encoding, l.style);
        Object.assign(files, s.files);
        const rows = [
          ['field', 'shapefile_field', 'type', 'values_cut_to_254_bytes'],
          ...s.names.map((n) => [n.name, n.dbf, n.type, String(n.cut)]),
        ];
        files[`${l.name}_fields.csv`] = strToU8(csvText(rows));
        if (s.missing.length)
          extra.push(
            zh
              ? `${l.name}：GBK 无法表示的字符以 ? 代替：${s.missing.join(' ')}`
              : `${l.name}: characters GBK cannot hold are written as ?: ${s.missing.join(' ')}`,
          );
      }
      files['README.txt'] = strToU8(readme(extra));
      return { ok: true, bytes: zip(files), filename: `${base}-shp.zip`, mime: ZIP, epsg: system.epsg };
    }
    case 'gpkg': {
      const bytes = writeGeoPackage(await sql(), layers, system, readme([]));
      return { ok: true, bytes, filename: `${base}.gpkg`, mime: 'application/geopackage+sqlite3', epsg: system.epsg };
    }
    case 'kml': {
      const text = writeKml(layers, req.readme.split(/\r?\n/)[0] || 'Hulunbuir', readme([]));
      return {
        ok: true,
        bytes: strToU8(text),
        filename: `${base}.kml`,
        mime: 'application/vnd.google-earth.kml+xml',
        epsg: system.epsg,
      };
    }
    case 'dxf': {
      const files = {
        [`${base}.dxf`]: strToU8(writeDxf(layers)),
        'README.txt': strToU8(
          readme([
            zh
              ? 'DXF（AutoCAD 2007，UTF-8）：每个图层一个 CAD 图层，单位米；地名为 TEXT（宋体）。属性请用 Shapefile 或 GeoPackage。'
              : 'DXF (AutoCAD 2007, UTF-8): a CAD layer per map layer, in metres; names as TEXT (SimSun). For attributes use the Shapefile or GeoPackage.',
          ]),
        ),
      };
      return { ok: true, bytes: zip(files), filename: `${base}-dxf.zip`, mime: ZIP, epsg: system.epsg };
    }
    case 'csv': {
      const files: Record<string, Uint8Array> = {};
      for (const l of layers) {
        const points = l.features.filter((f) => kindOf(f.geometry) === 'point');
        if (!points.length) continue;
        // as the files of record are written (downloads.ts layerCsv): id and names, the
        // coordinates, then every other attribute
        const all = fieldsOf(points).map((f) => f.name);
        const first = ['id', 'name_zh', 'name_en'].filter((k) => all.includes(k));
        const rest = all.filter((k) => !first.includes(k));
        const [x, y] = system.projected ? ['x', 'y'] : ['lon', 'lat'];
        const rows = [
          [...first, x, y, ...rest],
          ...points.map((f) => {
            const p = f.geometry ? pointsOf(f.geometry)[0] : [];
            const text = (k: string) => cellText(f.properties?.[k]);
            return [...first.map(text), fix(p[0], system), fix(p[1], system), ...rest.map(text)];
          }),
        ];
        files[`${l.name}.csv`] = strToU8(csvText(rows));
      }
      if (!Object.keys(files).length)
        return {
          ok: false,
          problem: {
            zh: 'CSV 只导出点图层：所选图层没有点',
            en: 'CSV holds point layers only: the layers chosen have no points',
          },
        };
      files['README.txt'] = strToU8(readme([CSV_NOTE[req.lang]]));
      return { ok: true, bytes: zip(files), filename: `${base}-csv.zip`, mime: ZIP, epsg: system.epsg };
    }
  }
}

const fix = (v: number | undefined, s: ExportSystem) => (v === undefined ? '' : v.toFixed(s.projected ? 3 : 7));
