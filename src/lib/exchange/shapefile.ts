/**
 * ESRI Shapefile, written by hand (ESRI Shapefile Technical Description, 1998; dBASE III
 * tables): .shp .shx .dbf .prj .cpg for each kind of geometry in a layer (a Shapefile holds one:
 * `<name>.shp` when the layer is of one kind, else `<name>_point`, `_line`, `_polygon`).
 * Written here because the registry's writer (@mapbox/shp-write 0.4, through `dbf` 0.2) puts one
 * byte per UTF-16 unit into the .dbf — Chinese is lost — and chooses neither encoding nor names.
 *
 * - Attribute names are fitted to the .dbf's 10 bytes in the encoding chosen (a Chinese name
 *   keeps its first 3 characters in UTF-8, 5 in GBK); a clash after fitting takes a number
 *   (`name_1`); every name's fitting is listed in `<name>_fields.csv`.
 * - Text longer than a .dbf field's 254 bytes is cut at a character and said in that list.
 * - Polygons: outer rings clockwise, holes counter-clockwise (the format's rule).
 * - A planner's layer's look on the map goes beside it as `<name>.qml` (style.ts), which QGIS
 *   opens with the .shp.
 */
import type { Feature, Geometry, Position } from 'geojson';
import { type Encoder, type Encoding, encoder, fitBytes } from './encoding.ts';
import { cellText, type Field, fieldsOf } from './fields.ts';
import { type Kind, kindOf, linesOf, pointsOf, polygonsOf, wound } from './geometry.ts';
import { type ExportStyle, qml } from './style.ts';

export interface FieldName {
  name: string;
  dbf: string;
  type: Field['type'];
  cut: number;
}

const SHAPE: Record<Kind, number> = { point: 1, line: 3, polygon: 5 };
const MULTIPOINT = 8;

/** The .dbf column names for the given names: at most 10 bytes, unique (case-blind). */
export function fitNames(names: string[], e: Encoder): string[] {
  const taken = new Set<string>();
  return names.map((n) => {
    // a character the encoding cannot hold would be a '?' in the .dbf: '_' instead, so that the
    // names compared for clashes are the names written
    const clean =
      [...n.replace(/[\s\p{Cc}]+/gu, '_')]
        .map((ch) => (ch !== '?' && e.encode(ch).length === 1 && e.encode(ch)[0] === 0x3f ? '_' : ch))
        .join('') || 'field';
    const fitted = (s: string, room: number) => {
      let out = '';
      let bytes = 0;
      for (const ch of s) {
        const b = e.encode(ch).length;
        if (bytes + b > room) break;
        out += ch;
        bytes += b;
      }
      return out;
    };
    let name = fitted(clean, 10);
    for (let i = 1; taken.has(name.toLowerCase()); i++) name = `${fitted(clean, 10 - String(i).length - 1)}_${i}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

interface Column {
  field: Field;
  dbf: string;
  kind: 'C' | 'N' | 'L';
  width: number;
  decimals: number;
  cut: number;
}

function columnsOf(features: Feature<Geometry | null>[], e: Encoder): Column[] {
  const fields = fieldsOf(features);
  const names = fitNames(
    fields.map((f) => f.name),
    e,
  );
  return fields.map((field, i) => {
    const values = features.map((f) => f.properties?.[field.name]);
    if (field.type === 'bool') return { field, dbf: names[i], kind: 'L', width: 1, decimals: 0, cut: 0 };
    if (field.type === 'int' || field.type === 'real') {
      const nums = values.filter((v): v is number => typeof v === 'number');
      const digits = Math.max(1, ...nums.map((v) => String(Math.trunc(Math.abs(v))).length + (v < 0 ? 1 : 0)));
      if (field.type === 'int' && digits <= 18)
        return { field, dbf: names[i], kind: 'N', width: Math.max(digits, 1), decimals: 0, cut: 0 };
      const decimals = Math.max(0, Math.min(15, 24 - digits - 2));
      if (digits <= 22) return { field, dbf: names[i], kind: 'N', width: 24, decimals, cut: 0 };
    }
    let width = 1;
    let cut = 0;
    for (const v of values) {
      const n = e.encode(cellText(v)).length;
      if (n > 254) cut++;
      width = Math.max(width, Math.min(n, 254));
    }
    return { field, dbf: names[i], kind: 'C', width, decimals: 0, cut };
  });
}

/** The .dbf of the features (dBASE III, the encoding's language driver byte). */
function dbf(features: Feature<Geometry | null>[], cols: Column[], e: Encoder, enc: Encoding): Uint8Array {
  const recordLength = 1 + cols.reduce((n, c) => n + c.width, 0);
  const headerLength = 32 + 32 * cols.length + 1;
  const out = new Uint8Array(headerLength + recordLength * features.length + 1);
  const v = new DataView(out.buffer);
  const now = new Date();
  v.setUint8(0, 0x03);
  v.setUint8(1, now.getUTCFullYear() - 1900);
  v.setUint8(2, now.getUTCMonth() + 1);
  v.setUint8(3, now.getUTCDate());
  v.setUint32(4, features.length, true);
  v.setUint16(8, headerLength, true);
  v.setUint16(10, recordLength, true);
  // language driver: 0x4D is GB2312/GBK (936) to ArcGIS; UTF-8 has none (the .cpg says it)
  v.setUint8(29, enc === 'gbk' ? 0x4d : 0);
  cols.forEach((c, i) => {
    const at = 32 + 32 * i;
    out.set(e.encode(c.dbf).slice(0, 10), at);
    out[at + 11] = c.kind.charCodeAt(0);
    out[at + 16] = c.width;
    out[at + 17] = c.decimals;
  });
  out[headerLength - 1] = 0x0d;
  let o = headerLength;
  for (const f of features) {
    out[o++] = 0x20;
    for (const c of cols) {
      const value = f.properties?.[c.field.name];
      out.fill(0x20, o, o + c.width);
      if (c.kind === 'L') out[o] = value === true ? 0x54 : value === false ? 0x46 : 0x3f;
      else if (c.kind === 'N') {
        if (typeof value === 'number' && Number.isFinite(value)) {
          const s = c.decimals ? value.toFixed(c.decimals) : String(Math.round(value));
          const b = new TextEncoder().encode(s.slice(0, c.width));
          out.set(b, o + c.width - b.length);
        }
      } else out.set(fitBytes(e, cellText(value), c.width), o);
      o += c.width;
    }
  }
  out[o] = 0x1a;
  return out;
}

/** One record's content (without the record header), in the layer's shape type. */
function record(type: number, f: Feature<Geometry | null> | null): Uint8Array {
  const g = f?.geometry;
  if (!g || kindOf(g) === null) {
    return new Uint8Array(4); // a null shape: type 0
  }
  if (type === 1) {
    const p = pointsOf(g)[0];
    const b = new DataView(new ArrayBuffer(20));
    b.setInt32(0, 1, true);
    b.setFloat64(4, p[0], true);
    b.setFloat64(12, p[1], true);
    return new Uint8Array(b.buffer);
  }
  let parts: Position[][];
  if (type === MULTIPOINT) parts = [pointsOf(g)];
  else if (type === 3) parts = linesOf(g);
  else parts = polygonsOf(g).flatMap((poly) => poly.map((r, i) => wound(r, i === 0)));
  const points = parts.flat();
  const box = bbox(points);
  const multi = type === MULTIPOINT;
  const size = 4 + 32 + 4 + (multi ? 0 : 4 + 4 * parts.length) + 16 * points.length;
  const v = new DataView(new ArrayBuffer(size));
  v.setInt32(0, type, true);
  for (const [i, x] of box.entries()) v.setFloat64(4 + 8 * i, x, true);
  let o = 36;
  if (multi) {
    v.setInt32(o, points.length, true);
    o += 4;
  } else {
    v.setInt32(o, parts.length, true);
    v.setInt32(o + 4, points.length, true);
    o += 8;
    let start = 0;
    for (const p of parts) {
      v.setInt32(o, start, true);
      o += 4;
      start += p.length;
    }
  }
  for (const p of points) {
    v.setFloat64(o, p[0], true);
    v.setFloat64(o + 8, p[1], true);
    o += 16;
  }
  return new Uint8Array(v.buffer);
}

function bbox(points: Position[]): [number, number, number, number] {
  let [a, b, c, d] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of points) {
    a = Math.min(a, p[0]);
    b = Math.min(b, p[1]);
    c = Math.max(c, p[0]);
    d = Math.max(d, p[1]);
  }
  return a === Infinity ? [0, 0, 0, 0] : [a, b, c, d];
}

function header(v: DataView, lengthBytes: number, type: number, box: number[]) {
  v.setInt32(0, 9994, false);
  v.setInt32(24, lengthBytes / 2, false);
  v.setInt32(28, 1000, true);
  v.setInt32(32, type, true);
  for (const [i, x] of box.entries()) v.setFloat64(36 + 8 * i, x, true);
}

export interface ShapefileResult {
  files: Record<string, Uint8Array>;
  names: FieldName[];
  /** characters the encoding could not hold */
  missing: string[];
}

/**
 * The Shapefile(s) of a layer whose geometries are already in the target system, with the
 * system's ESRI WKT as .prj.
 */
export function writeShapefile(
  name: string,
  features: Feature<Geometry | null>[],
  prj: string,
  enc: Encoding,
  style?: ExportStyle,
): ShapefileResult {
  const e = encoder(enc);
  const byKind = new Map<Kind, Feature<Geometry | null>[]>();
  const none: Feature<Geometry | null>[] = [];
  for (const f of features) {
    const k = kindOf(f.geometry);
    if (!k) none.push(f);
    else byKind.set(k, [...(byKind.get(k) ?? []), f]);
  }
  // a feature with no geometry keeps its attributes: a null shape in the layer's (first) file
  const [firstKind] = byKind.keys();
  if (firstKind && none.length) byKind.set(firstKind, [...(byKind.get(firstKind) ?? []), ...none]);
  const files: Record<string, Uint8Array> = {};
  const names: FieldName[] = [];
  const one = byKind.size <= 1;
  for (const [kind, list] of byKind) {
    const base = one ? name : `${name}_${kind}`;
    const type = kind === 'point' && list.some((f) => f.geometry?.type === 'MultiPoint') ? MULTIPOINT : SHAPE[kind];
    const records = list.map((f) => record(type, f));
    const shpLength = 100 + records.reduce((n, r) => n + 8 + r.length, 0);
    const shp = new Uint8Array(shpLength);
    const shx = new Uint8Array(100 + 8 * records.length);
    const sv = new DataView(shp.buffer);
    const xv = new DataView(shx.buffer);
    const box = bbox(
      list.flatMap((f) =>
        f.geometry ? [...pointsOf(f.geometry), ...linesOf(f.geometry).flat(), ...polygonsOf(f.geometry).flat(2)] : [],
      ),
    );
    header(sv, shpLength, type, box);
    header(xv, shx.length, type, box);
    let o = 100;
    records.forEach((r, i) => {
      sv.setInt32(o, i + 1, false);
      sv.setInt32(o + 4, r.length / 2, false);
      shp.set(r, o + 8);
      xv.setInt32(100 + 8 * i, o / 2, false);
      xv.setInt32(104 + 8 * i, r.length / 2, false);
      o += 8 + r.length;
    });
    const cols = columnsOf(list, e);
    files[`${base}.shp`] = shp;
    files[`${base}.shx`] = shx;
    files[`${base}.dbf`] = dbf(list, cols, e, enc);
    files[`${base}.prj`] = new TextEncoder().encode(prj);
    files[`${base}.cpg`] = new TextEncoder().encode(enc === 'gbk' ? 'GBK' : 'UTF-8');
    if (style) {
      // QGIS opens <name>.qml with the .shp: the style reads the fields by their .dbf names
      const dbfName = (field: string) => cols.find((c) => c.field.name === field)?.dbf ?? field;
      files[`${base}.qml`] = new TextEncoder().encode(
        qml(style, kind, {
          colour: dbfName('style_colour'),
          size: dbfName('style_size'),
          label: style.labelBy ? dbfName(style.labelBy) : undefined,
        }),
      );
    }
    for (const c of cols)
      if (!names.some((n) => n.name === c.field.name && n.dbf === c.dbf))
        names.push({ name: c.field.name, dbf: c.dbf, type: c.field.type, cut: c.cut });
  }
  return { files, names, missing: [...e.missing] };
}
