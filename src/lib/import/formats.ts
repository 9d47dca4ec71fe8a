/**
 * Reading a planner's file into WGS84 GeoJSON features, with a reason for everything refused:
 * format sniffing, text decoding (UTF-8, or GB18030 for CSV/KML said out loud), GeoJSON /
 * CSV / KML / zipped Shapefile parsing (the field's libraries), per-feature validation,
 * projected or swapped coordinates, and the Chinese datums (gcoord). Pure functions of bytes
 * and options: the import worker (import.worker.ts) runs them off the main thread; the unit
 * tests run them in Node.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { csvParseRows, tsvParseRows } from 'd3-dsv';
import { IMPORT_UI } from './text.ts';
import gcoord from 'gcoord';
import type { Text } from '../../contracts/vocab.ts';
import { mapPositions, positions } from '../geo.ts';

import { PROJECTIONS, type Datum, type DbfEncoding } from './options.ts';
export type Format = 'geojson' | 'csv' | 'kml' | 'shapefile';

export interface Problem {
  /** 1-based feature (or CSV row) number, where one applies */
  feature?: number;
  reason: Text;
}

/** Thrown for a file that cannot be read at all: the reason, in both languages (message: English). */
export class ImportError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
  }
}

/** What is read, said with every refusal (the import panel's own list). */
const READ = IMPORT_UI.formats;
const EMPTY = { zh: '文件是空的', en: 'the file is empty' };
const OUTSIDE = { zh: '经度超出 ±180° 或纬度超出 ±90°', en: 'longitude beyond ±180° or latitude beyond ±90°' };

export interface ReadOptions {
  datum: Datum;
  /** swap lon/lat (offered when the coordinates look swapped) */
  swap?: boolean;
  /** CSV columns, when the names do not say */
  lon?: string;
  lat?: string;
  /** the projected system metre coordinates are in (one of PROJECTIONS), when chosen */
  epsg?: number;
  /** the encoding of a Shapefile's .dbf without a .cpg */
  dbfEncoding?: DbfEncoding;
}

export interface ReadResult {
  format: Format;
  features: Feature[];
  /** features or rows skipped, with why */
  skipped: Problem[];
  /** things the user should know (encoding converted, datum hint, …) */
  notes: Text[];
  /** set when the coordinates look swapped (lat, lon) and no swap was asked */
  swapped?: boolean;
  /** the encoding the text was read in */
  encoding?: string;
  /** the file says which coordinate system it is in (KML and Shapefile do; a GeoJSON "crs"; a projection) */
  datumNamed: boolean;
}

/** What the bytes are, from their first bytes and the file's name. */
export function detectFormat(name: string, head: Uint8Array): Format {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (head[0] === 0x50 && head[1] === 0x4b) {
    if (ext === 'kmz')
      throw new ImportError({
        zh: '不读取 KMZ：请解压后导入其中的 .kml',
        en: 'KMZ is not read: unzip it and import the .kml inside',
      });
    if (ext !== 'zip')
      throw new ImportError({
        zh: `不读取 .${ext} 文件（另一种压缩包）；${READ.zh}`,
        en: `.${ext} files are not read (a zip archive of another kind); ${READ.en}`,
      });
    return 'shapefile';
  }
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))
    throw new ImportError({
      zh: '不读取 UTF-16 文本：请另存为 UTF-8 后再导入',
      en: 'UTF-16 text is not read: save the file as UTF-8 and import it again',
    });
  // Binary content (NUL bytes in the first kilobyte) is not a text format, whatever its name.
  if (head.subarray(0, 1024).includes(0))
    throw new ImportError({
      zh: `不是文本文件（${ext ? `.${ext} 文件中有` : ''}二进制内容）；${READ.zh}`,
      en: `not a text file (binary content${ext ? ` in a .${ext} file` : ''}); ${READ.en}`,
    });
  const text = new TextDecoder('utf-8')
    .decode(head.subarray(0, 256))
    .replace(/^\ufeff/, '')
    .trimStart();
  if (ext === 'kml' || text.startsWith('<?xml') || text.startsWith('<kml')) return 'kml';
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return 'csv';
  if (ext === 'geojson' || ext === 'json' || text.startsWith('{') || text.startsWith('[')) return 'geojson';
  if (ext === 'shp' || ext === 'dbf' || ext === 'shx')
    throw new ImportError({
      zh: 'Shapefile 由多个文件组成：请把 .shp、.dbf、.shx、.prj（及 .cpg）一起压缩后导入 .zip',
      en: 'a Shapefile is several files: zip the .shp, .dbf, .shx and .prj (and .cpg) together and import the .zip',
    });
  throw new ImportError({
    zh: `不读取 .${ext || '?'} 文件；${READ.zh}`,
    en: `.${ext || '?'} files are not read; ${READ.en}`,
  });
}

/**
 * Text from bytes: UTF-8 when it is; otherwise, for CSV and KML (often GBK from Chinese
 * software), GB18030 with a note; JSON must be UTF-8 (RFC 8259), so it is refused.
 */
export function decodeText(bytes: Uint8Array, format: Format): { text: string; encoding: string; note?: Text } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, ''), encoding: 'UTF-8' };
  } catch {
    if (format === 'geojson')
      throw new ImportError({
        zh: '不是 UTF-8 文本：GeoJSON 必须为 UTF-8 编码（另存为 UTF-8 后再导入）',
        en: 'not UTF-8 text: GeoJSON must be UTF-8 (save it as UTF-8 and import again)',
      });
    const text = new TextDecoder('gb18030').decode(bytes);
    return {
      text,
      encoding: 'GB18030',
      note: {
        zh: '不是 UTF-8：已按 GBK/GB18030（中文 Windows 编码）读取',
        en: 'not UTF-8: read as GBK/GB18030 (Chinese Windows encoding)',
      },
    };
  }
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Properties as plain data: own, null-prototype, no keys that could touch a prototype. */
export function safeProperties(p: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  if (!p || typeof p !== 'object' || Array.isArray(p)) return out;
  for (const [k, v] of Object.entries(p)) {
    if (FORBIDDEN_KEYS.has(k)) continue;
    out[k] = v;
  }
  return out;
}

/** Why a geometry is not valid GeoJSON (RFC 7946), or null. Positions are checked as numbers, not yet for range. */
export function geometryProblem(g: unknown, depth = 0): Text | null {
  if (!g || typeof g !== 'object') return { zh: '没有几何', en: 'no geometry' };
  const geom = g as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  if (typeof geom.type !== 'string' || !GEOMETRY_TYPES.has(geom.type))
    return {
      zh: `未知的几何类型 ${JSON.stringify(String(geom.type)).slice(0, 40)}`,
      en: `unknown geometry type ${JSON.stringify(String(geom.type)).slice(0, 40)}`,
    };
  if (geom.type === 'GeometryCollection') {
    if (!Array.isArray(geom.geometries) || depth > 4)
      return { zh: 'GeometryCollection 没有几何', en: 'a GeometryCollection without geometries' };
    for (const x of geom.geometries) {
      const p = geometryProblem(x, depth + 1);
      if (p) return p;
    }
    return null;
  }
  const levels = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 }[
    geom.type as 'Point'
  ];
  const check = (c: unknown, level: number): Text | null => {
    if (level === 0) {
      if (!Array.isArray(c) || c.length < 2)
        return { zh: '坐标少于两个数', en: 'a position with fewer than two numbers' };
      if (!isNum(c[0]) || !isNum(c[1]))
        return {
          zh: `坐标不是数字（${JSON.stringify(c).slice(0, 40)}）`,
          en: `a coordinate that is not a number (${JSON.stringify(c).slice(0, 40)})`,
        };
      return null;
    }
    if (!Array.isArray(c)) return { zh: '坐标不是数组', en: 'coordinates are not arrays' };
    for (const x of c) {
      const p = check(x, level - 1);
      if (p) return p;
    }
    return null;
  };
  const p = check(geom.coordinates, levels);
  if (p) return p;
  const c = geom.coordinates as Position[] & Position[][] & Position[][][];
  if (geom.type === 'LineString' && c.length < 2)
    return { zh: '线少于两个点', en: 'a line with fewer than two positions' };
  const rings = geom.type === 'Polygon' ? c : geom.type === 'MultiPolygon' ? c.flat() : [];
  for (const r of rings as unknown as Position[][]) {
    if (r.length < 4) return { zh: '多边形环少于四个点', en: 'a polygon ring with fewer than four positions' };
    const [a, b] = [r[0], r[r.length - 1]];
    if (a[0] !== b[0] || a[1] !== b[1])
      return {
        zh: '多边形环未闭合（首尾点不同）',
        en: 'a polygon ring that is not closed (first and last positions differ)',
      };
  }
  return null;
}

/** Features from any GeoJSON object: a FeatureCollection, a Feature, a bare geometry. */
function featuresOf(obj: unknown): { features: unknown[] } {
  if (Array.isArray(obj))
    throw new ImportError({
      zh: 'JSON 不是 GeoJSON：顶层是数组（GeoJSON 是带 "type" 的对象）',
      en: 'JSON that is not GeoJSON: an array at the top (GeoJSON is an object with a "type")',
    });
  if (!obj || typeof obj !== 'object')
    throw new ImportError({
      zh: 'JSON 不是 GeoJSON：顶层不是对象',
      en: 'JSON that is not GeoJSON: no object at the top',
    });
  const o = obj as { type?: unknown; features?: unknown };
  if (o.type === 'Topology')
    throw new ImportError({
      zh: '不读取 TopoJSON：请先转换为 GeoJSON（如 mapshaper、topojson-client）',
      en: 'TopoJSON is not read: convert it to GeoJSON first (e.g. mapshaper, topojson-client)',
    });
  if (o.type === 'FeatureCollection') {
    if (!Array.isArray(o.features))
      throw new ImportError({
        zh: 'FeatureCollection 缺少 "features" 数组',
        en: 'a FeatureCollection without a "features" array',
      });
    return { features: o.features };
  }
  if (o.type === 'Feature') return { features: [o] };
  if (typeof o.type === 'string' && GEOMETRY_TYPES.has(o.type))
    return { features: [{ type: 'Feature', properties: {}, geometry: o }] };
  throw new ImportError({
    zh: `JSON 不是 GeoJSON：${o.type === undefined ? '没有 "type" 成员' : `类型为 ${JSON.stringify(String(o.type)).slice(0, 40)}`}`,
    en: `JSON that is not GeoJSON: ${o.type === undefined ? 'no "type" member' : `type ${JSON.stringify(String(o.type)).slice(0, 40)}`}`,
  });
}

/** The EPSG code a (2008-style) GeoJSON "crs" member names, if any. */
export function crsOf(obj: unknown): number | undefined {
  const name = (obj as { crs?: { properties?: { name?: unknown } } } | null)?.crs?.properties?.name;
  if (typeof name !== 'string') return undefined;
  if (/CRS84$/i.test(name)) return 4326;
  const m = /EPSG:{1,2}(\d{4,6})$/i.exec(name);
  return m ? Number(m[1]) : undefined;
}

export function parseGeojson(text: string): { features: Feature[]; skipped: Problem[]; crs?: number } {
  if (!text.trim()) throw new ImportError(EMPTY);
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch (e) {
    if (e instanceof RangeError)
      throw new ImportError({
        zh: '嵌套层级过深，无法读取（远超任何 GeoJSON 所需）',
        en: 'nested too deeply to read (more levels than any GeoJSON needs)',
      });
    const msg = (e as Error).message;
    throw new ImportError(
      /end of (JSON )?input|Unterminated|Unexpected end/i.test(msg)
        ? { zh: `JSON 被截断（文件不完整）：${msg}`, en: `truncated JSON (it ends before it is complete): ${msg}` }
        : { zh: `不是有效的 JSON：${msg}`, en: `not valid JSON: ${msg}` },
    );
  }
  const { features } = featuresOf(obj);
  const out: Feature[] = [];
  const skipped: Problem[] = [];
  features.forEach((f, i) => {
    const feature = f as { type?: unknown; geometry?: unknown; properties?: unknown; id?: unknown };
    if (feature?.type !== 'Feature') {
      skipped.push({ feature: i + 1, reason: { zh: '不是 Feature', en: 'not a Feature' } });
      return;
    }
    if (feature.geometry === null) {
      skipped.push({ feature: i + 1, reason: { zh: '没有几何（null）', en: 'no geometry (null)' } });
      return;
    }
    const problem = geometryProblem(feature.geometry);
    if (problem) {
      skipped.push({ feature: i + 1, reason: problem });
      return;
    }
    out.push({
      type: 'Feature',
      properties: safeProperties(feature.properties),
      geometry: feature.geometry as Geometry,
    });
  });
  return { features: out, skipped, crs: crsOf(obj) };
}

const LON_NAMES = ['lon', 'lng', 'long', 'longitude', 'x', '经度', 'point_x'];
const LAT_NAMES = ['lat', 'latitude', 'y', '纬度', 'point_y'];

/** The lon/lat columns of a CSV header by their names, or null when unsure. */
export function guessColumns(columns: readonly string[]): { lon: string; lat: string } | null {
  const find = (names: string[]) => columns.filter((c) => names.includes(c.trim().toLowerCase()));
  const lon = find(LON_NAMES),
    lat = find(LAT_NAMES);
  return lon.length === 1 && lat.length === 1 ? { lon: lon[0], lat: lat[0] } : null;
}

/** Columns whose non-empty values are numbers (four in five or more, and at least one). */
export function numericColumns(columns: readonly string[], rows: readonly string[][]): string[] {
  return columns.filter((_, i) => {
    const values = rows.map((r) => (r[i] ?? '').trim()).filter((v) => v !== '');
    const numbers = values.filter((v) => Number.isFinite(Number(v))).length;
    return values.length > 0 && numbers >= 0.8 * values.length;
  });
}

export class ColumnsQuestion extends Error {
  constructor(readonly columns: string[]) {
    super('which columns hold longitude and latitude?');
  }
}

export function parseCsvPoints(
  text: string,
  opts: Pick<ReadOptions, 'lon' | 'lat'>,
): { features: Feature[]; skipped: Problem[] } {
  if (!text.trim()) throw new ImportError(EMPTY);
  // csvParseRows, not csvParse: csvParse compiles a row converter with new Function, which the
  // app's Content-Security-Policy (no 'unsafe-eval') forbids.
  const nl = text.indexOf('\n');
  const firstLine = nl < 0 ? text : text.slice(0, nl); // tab-separated when its header has tabs and no commas
  const [header = [], ...data] = (firstLine.includes('\t') && !firstLine.includes(',') ? tsvParseRows : csvParseRows)(
    text,
  );
  const columns = header;
  const rows = data.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? ''])) as Record<string, string>);
  const cols = opts.lon && opts.lat ? { lon: opts.lon, lat: opts.lat } : guessColumns(columns);
  if (!cols) {
    // Asked only of a table: two columns or more whose values are numbers. Text that is not
    // (notes, prose, random bytes) is refused at once, with what was found.
    const numeric = numericColumns(columns, data);
    if (numeric.length < 2)
      throw new ImportError({
        zh: `不是坐标表格：没有两列数字可作经纬度（读到 ${columns.length} 列、${data.length} 行${numeric.length ? `，数字列只有“${numeric[0]}”` : ''}）；${READ.zh}`,
        en: `not a table of coordinates: no two columns of numbers to be longitude and latitude (${columns.length} column${columns.length === 1 ? '' : 's'}, ${data.length} row${data.length === 1 ? '' : 's'} read${numeric.length ? `; the only numeric column is "${numeric[0]}"` : ''}); ${READ.en}`,
      });
    throw new ColumnsQuestion(numeric);
  }
  if (!columns.includes(cols.lon) || !columns.includes(cols.lat))
    throw new ImportError({
      zh: `表头中没有列“${cols.lon}”或“${cols.lat}”`,
      en: `no column "${cols.lon}" or "${cols.lat}" in the header`,
    });
  const features: Feature[] = [];
  const skipped: Problem[] = [];
  rows.forEach((r, i) => {
    const lon = Number(r[cols.lon]),
      lat = Number(r[cols.lat]);
    if (r[cols.lon]?.trim() === '' || r[cols.lat]?.trim() === '' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
      skipped.push({
        feature: i + 2,
        reason: {
          zh: `第 ${i + 2} 行：“${String(r[cols.lon]).slice(0, 20)}”“${String(r[cols.lat]).slice(0, 20)}”不是数字`,
          en: `row ${i + 2}: "${String(r[cols.lon]).slice(0, 20)}", "${String(r[cols.lat]).slice(0, 20)}" are not numbers`,
        },
      });
      return;
    }
    const props = safeProperties(r);
    features.push({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [lon, lat] } });
  });
  return { features, skipped };
}

export async function parseKml(text: string): Promise<{ features: Feature[]; skipped: Problem[] }> {
  const [{ DOMParser }, { kml }] = await Promise.all([import('@xmldom/xmldom'), import('@tmcw/togeojson')]);
  let doc: Document;
  try {
    doc = new DOMParser({
      onError: (level: string, msg: string) => {
        if (level === 'fatalError')
          throw new ImportError({ zh: `不是有效的 XML：${msg}`, en: `not valid XML: ${msg}` });
      },
    }).parseFromString(text, 'text/xml') as unknown as Document;
  } catch (e) {
    throw e instanceof ImportError
      ? e
      : new ImportError({
          zh: `不是有效的 XML：${(e as Error).message}`,
          en: `not valid XML: ${(e as Error).message}`,
        });
  }
  const fc = kml(doc) as FeatureCollection;
  const features: Feature[] = [];
  const skipped: Problem[] = [];
  fc.features.forEach((f, i) => {
    const p = f.geometry ? geometryProblem(f.geometry) : { zh: '地标没有几何', en: 'a placemark without a geometry' };
    if (p) skipped.push({ feature: i + 1, reason: p });
    else features.push({ type: 'Feature', properties: safeProperties(f.properties), geometry: f.geometry });
  });
  if (!features.length && !skipped.length)
    throw new ImportError({ zh: 'KML 文件中没有地标（Placemark）', en: 'a KML file with no placemarks' });
  return { features, skipped };
}

/**
 * The encoding of a .dbf's text: the user's choice, else its .cpg, else the language id in
 * its header (0x4D/0x7A: GBK), else UTF-8 when its records are valid UTF-8, else GBK — said.
 */
export function dbfEncoding(
  dbf: Uint8Array,
  cpg: string | undefined,
  chosen: DbfEncoding = 'auto',
): { encoding: 'utf-8' | 'gbk'; note?: Text } {
  if (chosen !== 'auto')
    return {
      encoding: chosen,
      note: {
        zh: `.dbf 按所选编码 ${chosen.toUpperCase()} 读取`,
        en: `.dbf read as ${chosen.toUpperCase()}, as chosen`,
      },
    };
  const c = cpg?.trim().toLowerCase() ?? '';
  if (/utf-?8|65001/.test(c)) return { encoding: 'utf-8' };
  if (/936|gbk|gb2312|gb18030/.test(c)) return { encoding: 'gbk' };
  if (dbf[29] === 0x4d || dbf[29] === 0x7a)
    return { encoding: 'gbk', note: { zh: '.dbf 文件头标明为 GBK 编码', en: 'the .dbf header says GBK' } };
  const headerLength = dbf.length > 10 ? dbf[8] | (dbf[9] << 8) : 0;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(dbf.subarray(headerLength));
    return { encoding: 'utf-8' };
  } catch {
    return {
      encoding: 'gbk',
      note: {
        zh: '没有 .cpg 且属性不是 UTF-8：已按 GBK 读取（若文字不对，请在“.dbf 编码”中另选）',
        en: 'no .cpg and the attributes are not UTF-8: read as GBK (if the text looks wrong, choose another .dbf encoding)',
      },
    };
  }
}

export async function parseShapefileZip(
  bytes: Uint8Array,
  chosen: DbfEncoding = 'auto',
): Promise<{ features: Feature[]; skipped: Problem[]; notes: Text[] }> {
  const [{ unzipSync }, shp] = await Promise.all([import('fflate'), import('shpjs')]);
  const unreadable = (why: string) =>
    new ImportError({
      zh: `无法读取的 Shapefile 压缩包（应含 .shp、.dbf、.prj）：${why}`,
      en: `not a readable zipped Shapefile (a .zip with .shp, .dbf and .prj): ${why}`,
    });
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    throw unreadable((e as Error).message);
  }
  // One layer per .shp; its .dbf, .prj and .cpg by the same base name (any case).
  const parts = new Map<string, Partial<Record<'shp' | 'dbf' | 'prj' | 'cpg', Uint8Array>>>();
  for (const [path, data] of Object.entries(files)) {
    const m = /^(.*)\.(shp|dbf|prj|cpg)$/i.exec(path);
    if (!m || path.includes('__MACOSX')) continue;
    const key = m[1].toLowerCase();
    parts.set(key, { ...parts.get(key), [m[2].toLowerCase()]: data });
  }
  const layers = [...parts.values()].filter((p) => p.shp);
  if (!layers.length)
    throw unreadable(
      Object.keys(files).some((k) => /\.(geojson|json|kml|csv)$/i.test(k))
        ? 'no .shp in the zip (unzip it and import the file inside)'
        : 'no .shp in the zip',
    );
  const buf = (u: Uint8Array) => u.slice().buffer;
  const text = (u?: Uint8Array) => (u ? new TextDecoder().decode(u) : undefined);
  const features: Feature[] = [];
  const skipped: Problem[] = [];
  const notes: Text[] = [];
  let n = 0;
  for (const p of layers) {
    let fc: FeatureCollection;
    try {
      const enc = p.dbf ? dbfEncoding(p.dbf, text(p.cpg), chosen) : null;
      if (enc?.note && !notes.some((x) => x.en === enc.note?.en)) notes.push(enc.note);
      fc = shp.combine([
        shp.parseShp(buf(p.shp as Uint8Array), text(p.prj)),
        p.dbf ? shp.parseDbf(buf(p.dbf), enc?.encoding === 'gbk' ? 'gb18030' : 'utf-8') : undefined,
      ]) as FeatureCollection;
    } catch (e) {
      throw unreadable((e as Error).message);
    }
    for (const f of fc.features) {
      n++;
      const problem = f.geometry ? geometryProblem(f.geometry) : { zh: '记录没有图形', en: 'a record without a shape' };
      if (problem) skipped.push({ feature: n, reason: problem });
      else features.push({ type: 'Feature', properties: safeProperties(f.properties), geometry: f.geometry });
    }
  }
  if (layers.length > 1)
    notes.push({
      zh: `压缩包中有 ${layers.length} 个图层，合并读取`,
      en: `${layers.length} layers in the zip, read as one`,
    });
  notes.push(
    layers.every((p) => p.prj)
      ? { zh: 'Shapefile 按其 .prj 转换为 WGS84', en: 'converted to WGS84 from the .prj' }
      : { zh: '缺少 .prj：坐标按原样读取', en: 'no .prj: coordinates read as they are' },
  );
  return { features, skipped, notes };
}

/** Asked when coordinates are in metres and nothing says which system: the likeliest one, if the numbers tell. */
export class ProjectionQuestion extends Error {
  constructor(readonly guess: number | null) {
    super('which projected system are the coordinates in?');
  }
}

/** The projected system metre coordinates look like, when the numbers tell (zone prefix, Mercator range). */
export function guessProjection(features: Feature[]): number | null {
  const xs: number[] = [],
    ys: number[] = [];
  for (const f of features) {
    for (const [x, y] of positions(f.geometry)) {
      xs.push(x);
      ys.push(y);
    }
    if (xs.length > 2000) break;
  }
  const mid = (a: number[]) => a.sort((p, q) => p - q)[a.length >> 1];
  const x = mid(xs),
    y = mid(ys);
  if (x > 1.0e7 && x < 1.6e7 && y > 5.9e6 && y < 7.5e6) return 3857;
  const zone = Math.floor(x / 1e6);
  const prefixed = zone >= 13 ? PROJECTIONS.find((p) => p.def.includes(`+x_0=${zone * 1e6 + 5e5} `)) : undefined;
  return prefixed && y > 4e6 && y < 6.5e6 ? prefixed.epsg : null;
}

/** Metre coordinates to lon/lat from a projected system of PROJECTIONS (proj4). */
export async function unproject(features: Feature[], epsg: number): Promise<Feature[]> {
  const p = PROJECTIONS.find((x) => x.epsg === epsg);
  if (!p)
    throw new ImportError({
      zh: `不转换 EPSG:${epsg}；可转换：${PROJECTIONS.map((x) => x.epsg).join('、')}；或导出为 WGS84 经纬度`,
      en: `EPSG:${epsg} is not converted; converted are ${PROJECTIONS.map((x) => x.epsg).join(', ')}; or export as WGS84 lon/lat`,
    });
  const proj4 = (await import('proj4')).default;
  const t = proj4(p.def, 'EPSG:4326');
  return features.map((f) => ({ ...f, geometry: mapPositions(f.geometry, (q) => t.forward([q[0], q[1]])) }));
}

/** How the coordinates look: lon/lat, lat/lon swapped (around Hulunbuir), or not degrees at all. */
export function coordinateKind(features: Feature[]): 'lonlat' | 'swapped' | 'projected' | 'out-of-range' {
  let n = 0,
    outside = 0,
    big = 0,
    swapped = 0;
  for (const f of features) {
    for (const [x, y] of positions(f.geometry)) {
      n++;
      if (Math.abs(x) > 180 || Math.abs(y) > 90) {
        outside++;
        if (Math.abs(x) > 1000 || Math.abs(y) > 1000) big++;
      }
      if (y >= 100 && y <= 140 && x >= 35 && x <= 60) swapped++;
      if (n > 20000) break;
    }
  }
  if (!n) return 'lonlat';
  if (big / n > 0.5) return 'projected';
  if (swapped / n > 0.8) return 'swapped';
  if (outside) return 'out-of-range';
  return 'lonlat';
}

const GC = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;
const round7 = (v: number) => Math.round(v * 1e7) / 1e7;

/**
 * A position read in datum `chosen` (already converted from it to WGS84) re-read as if it had
 * been in `as` (gcoord; 7 decimals). From WGS84, it is the conversion of an import.
 */
export function reinterpret(p: Position, chosen: Datum, as: Datum): [number, number] {
  if (chosen === as) return [round7(p[0]), round7(p[1])];
  const raw =
    chosen === 'wgs84' ? [p[0], p[1]] : gcoord.transform([p[0], p[1]] as [number, number], GC.wgs84, GC[chosen]);
  const w = as === 'wgs84' ? raw : gcoord.transform(raw as [number, number], GC[as], GC.wgs84);
  return [round7(w[0]), round7(w[1])];
}

/** To WGS84 from the datum the user chose; swapped when asked. */
export function toWgs84(features: Feature[], datum: Datum, swap = false): Feature[] {
  return features.map((feat) => ({
    ...feat,
    geometry: mapPositions(feat.geometry, (p) => reinterpret(swap ? [p[1], p[0]] : p, 'wgs84', datum)),
  }));
}

/** Reads a file's bytes to WGS84 features. Throws ImportError (refused) or ColumnsQuestion (CSV). */
export async function readFile(name: string, bytes: Uint8Array, opts: ReadOptions): Promise<ReadResult> {
  if (!bytes.length) throw new ImportError(EMPTY);
  const format = detectFormat(name, bytes.subarray(0, 1024));
  const notes: Text[] = [];
  let parsed: { features: Feature[]; skipped: Problem[]; crs?: number };
  let encoding: string | undefined;
  if (format === 'shapefile') {
    const r = await parseShapefileZip(bytes, opts.dbfEncoding);
    parsed = r;
    notes.push(...r.notes);
  } else {
    const t = decodeText(bytes, format);
    encoding = t.encoding;
    if (t.note) notes.push(t.note);
    parsed =
      format === 'geojson'
        ? parseGeojson(t.text)
        : format === 'csv'
          ? parseCsvPoints(t.text, opts)
          : await parseKml(t.text);
  }
  if (!parsed.features.length) {
    const why = parsed.skipped[0];
    throw new ImportError(
      parsed.skipped.length
        ? {
            zh: `没有有效要素（跳过 ${parsed.skipped.length} 个；第 ${why.feature} 个：${why.reason.zh}）`,
            en: `no valid feature (${parsed.skipped.length} skipped; #${why.feature}: ${why.reason.en})`,
          }
        : { zh: '文件中没有要素', en: 'no features in the file' },
    );
  }
  let features = parsed.features;
  let kind = coordinateKind(features);
  if (kind === 'projected') {
    // Metres: converted from the system the file names (a GeoJSON "crs") or the user chose.
    const epsg = opts.epsg ?? (parsed.crs && parsed.crs !== 4326 && parsed.crs !== 4490 ? parsed.crs : undefined);
    if (!epsg) throw new ProjectionQuestion(guessProjection(features));
    features = await unproject(features, epsg);
    const name = PROJECTIONS.find((p) => p.epsg === epsg)?.name as Text;
    notes.push({
      zh: `已从 ${name.zh} 转换为 WGS84${opts.epsg ? '' : '（文件的 crs 所标）'}`,
      en: `converted to WGS84 from ${name.en}${opts.epsg ? '' : " (named by the file's crs)"}`,
    });
    kind = coordinateKind(features);
    // Every projected system offered is China's: a wrong choice lands far outside it.
    const inChina = features
      .slice(0, 2000)
      .filter((f) => positions(f.geometry).every(([x, y]) => x > 73 && x < 136 && y > 17 && y < 54)).length;
    if (kind === 'projected' || kind === 'out-of-range' || inChina < Math.min(features.length, 2000) / 2)
      throw new ImportError({
        zh: `按 ${name.zh} 转换后坐标不在中国境内：请选择另一坐标系`,
        en: `converted from ${name.en} the coordinates fall outside China: choose another system`,
      });
  }
  const skipped = [...parsed.skipped];
  if (kind === 'out-of-range') {
    features = features.filter((f, i) => {
      const bad = positions(f.geometry).some(([x, y]) => Math.abs(x) > 180 || Math.abs(y) > 90);
      if (bad) skipped.push({ feature: i + 1, reason: OUTSIDE });
      return !bad;
    });
    if (!features.length)
      throw new ImportError({
        zh: `所有坐标都超出地球范围（${OUTSIDE.zh}）`,
        en: `every coordinate is outside the earth (${OUTSIDE.en})`,
      });
  }
  const swapped = kind === 'swapped' && !opts.swap;
  // The datum the user chose applies to every format: a GCJ-02 Shapefile's .prj says WGS84 too.
  features = toWgs84(features, opts.datum, opts.swap && kind === 'swapped');
  const datumNamed =
    format === 'kml' ||
    format === 'shapefile' ||
    parsed.crs !== undefined ||
    notes.some((n) => n.en.startsWith('converted to WGS84 from'));
  return { format, features, skipped, notes, swapped, encoding, datumNamed };
}
