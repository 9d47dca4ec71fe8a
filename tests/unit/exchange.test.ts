// Exports in the forms of the trade, read back with GDAL (ogrinfo, Debian's gdal-bin): every
// format × system for a point, a line and a polygon layer of record and a planner's own layer —
// the count, the SRS's EPSG code, Chinese values intact, coordinates within 1 cm of proj4's
// conversion of the data of record; DXF's CAD layers and TEXT; and the bad input said.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import { buffer as turfBuffer } from '@turf/buffer';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon } from 'geojson';
import proj4 from 'proj4';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ExportRequest, runExport } from '../../src/lib/exchange/export.ts';
import { encoder } from '../../src/lib/exchange/encoding.ts';
import { must } from '../../src/lib/must.ts';
import { clipLine, clipNear, clipTo } from '../../src/lib/exchange/clip.ts';
import { qml } from '../../src/lib/exchange/style.ts';
import { type ExportLayer, extent, kindOf, positions, wkb } from '../../src/lib/exchange/geometry.ts';
import { fitNames, writeShapefile } from '../../src/lib/exchange/shapefile.ts';
import { EXPORT_SYSTEMS, proposeZone, systemOf } from '../../src/lib/exchange/systems.ts';
import { parseKml, parseShapefileZip } from '../../src/lib/import/formats.ts';

const layer = (name: string): ExportLayer => {
  const fc = JSON.parse(readFileSync(`public/data/layers/${name}.geojson`, 'utf8')) as FeatureCollection;
  return { name, title: name, features: fc.features };
};
const stations = layer('rail_stations');
const lines = layer('rail_lines');
const units = layer('units');
const own: ExportLayer = {
  name: '学校',
  title: '学校',
  features: [
    {
      type: 'Feature',
      properties: { 名称: '海拉尔第一中学', 学生人数: 2100, 公办: true, 备注说明文字很长的字段: 'x' },
      geometry: { type: 'Point', coordinates: [119.7656, 49.2126] },
    },
    {
      type: 'Feature',
      properties: { 名称: '满洲里市第一中学', 学生人数: 1800, 公办: false, 备注说明文字很长的字段2: 'y' },
      geometry: { type: 'Point', coordinates: [117.4503, 49.5908] },
    },
  ],
};

const sql = () => initSqlJs();
const dir = mkdtempSync(join(tmpdir(), 'exchange-'));
// GDAL reads the exports back: without it these tests fail with the reason, never skip
beforeAll(() => {
  try {
    execFileSync('ogrinfo', ['--version']);
  } catch {
    throw new Error('ogrinfo not found: install Debian gdal-bin (scripts/ensure-chromium.sh does, as root)');
  }
});

async function exported(req: Partial<ExportRequest> & Pick<ExportRequest, 'layers' | 'format'>) {
  const r = await runExport(
    { system: 4326, encoding: 'utf-8', lang: 'zh', what: 'test', readme: 'README', ...req },
    sql,
  );
  if (!r.ok) throw new Error(r.problem.en);
  const at = join(dir, `${Math.random().toString(36).slice(2)}`);
  execFileSync('mkdir', ['-p', at]);
  if (r.filename.endsWith('.zip')) {
    for (const [name, bytes] of Object.entries(unzipSync(r.bytes))) writeFileSync(join(at, name), bytes);
  } else writeFileSync(join(at, r.filename), r.bytes);
  return { dir: at, r };
}

interface OgrLayer {
  featureCount: number;
  epsg: number | undefined;
  features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } | null }[];
}
/** A layer as GDAL reads it: `ogrinfo -so` (count, the SRS's EPSG code), ogr2ogr to GeoJSON (features, as stored). */
function ogr(path: string, layer?: string): OgrLayer {
  const info = execFileSync('ogrinfo', ['-so', '-ro', path, ...(layer ? [layer] : ['-al'])], { encoding: 'utf8' });
  const srs = info.slice(info.indexOf('SRS WKT'), info.indexOf('Data axis'));
  const ids = [...srs.matchAll(/ID\["EPSG",(\d+)\]/g)];
  const json = execFileSync(
    'ogr2ogr',
    [
      '-f',
      'GeoJSON',
      '-lco',
      'RFC7946=NO',
      '-lco',
      'COORDINATE_PRECISION=10',
      '/vsistdout/',
      path,
      ...(layer ? [layer] : []),
    ],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    },
  );
  return {
    featureCount: Number(/Feature Count: (\d+)/.exec(info)?.[1]),
    epsg: ids.length ? Number(ids[ids.length - 1][1]) : undefined,
    features: (JSON.parse(json) as OgrLayer).features,
  };
}

/** How far the nearest of a geometry's positions (as GDAL gives them) lies from [x, y], per axis. */
const nearest = (g: OgrLayer['features'][number]['geometry'], [x, y]: number[]): [number, number] => {
  let best: [number, number] = [Infinity, Infinity];
  for (const p of positions(g as Geometry)) {
    const d: [number, number] = [Math.abs(p[0] - x), Math.abs(p[1] - y)];
    if (Math.max(...d) < Math.max(...best)) best = d;
  }
  return best;
};
const firstOf = (f: Feature<Geometry | null>): number[] => {
  let c = (f.geometry as Point).coordinates as unknown;
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
  return c as number[];
};

describe('coordinate systems', () => {
  it('proposes the 3° zone that holds the data, else the 6°, else none', () => {
    expect(proposeZone(119.5, 120.5)?.epsg).toBe(4528);
    expect(proposeZone(119.5, 120.5, false)?.epsg).toBe(4549);
    expect(proposeZone(117.3, 117.6)?.epsg).toBe(4527);
    expect(proposeZone(118.2, 119.8)?.epsg).toBe(4498); // 6° zone 20 (114°–120°)
    expect(proposeZone(115.5, 126.1)).toBeNull();
  });
  it('every system names its EPSG code as GDAL knows it', () => {
    for (const s of EXPORT_SYSTEMS) {
      const out = execFileSync('gdalsrsinfo', ['-e', '-o', 'epsg', s.esri], { encoding: 'utf8' });
      expect(out, s.slug).toContain(`EPSG:${s.epsg}`);
      const ogc = execFileSync('gdalsrsinfo', ['-e', '-o', 'epsg', s.ogc], { encoding: 'utf8' });
      expect(ogc, s.slug).toContain(`EPSG:${s.epsg}`);
    }
  });
});

describe('polygon rings', () => {
  /** Twice the area by the shoelace formula: positive when clockwise (y up). */
  const clockwise = (ring: number[][]) =>
    ring.slice(1).reduce((s, p, i) => s + (p[0] - ring[i][0]) * (p[1] + ring[i][1]), 0) > 0;
  it('a .shp has its outer rings clockwise and holes counter-clockwise; WKB the other way round', () => {
    const ccwOuter = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ];
    const cwHole = [
      [2, 2],
      [2, 4],
      [4, 4],
      [4, 2],
      [2, 2],
    ];
    const f: Feature<Geometry | null> = {
      type: 'Feature',
      properties: { id: 'a' },
      geometry: { type: 'Polygon', coordinates: [ccwOuter, [...cwHole].reverse()] },
    };
    const shp = writeShapefile('p', [f], systemOf(4490).esri, 'utf-8').files['p.shp'];
    const v = new DataView(shp.buffer, shp.byteOffset);
    // record 1 at 100: header 8, type 4, box 32, parts 4, points 4, part starts
    const parts = v.getInt32(100 + 8 + 36, true);
    const count = v.getInt32(100 + 8 + 40, true);
    const start = 100 + 8 + 44 + 4 * parts;
    const pts = Array.from({ length: count }, (_, i) => [
      v.getFloat64(start + 16 * i, true),
      v.getFloat64(start + 16 * i + 8, true),
    ]);
    const second = v.getInt32(100 + 8 + 48, true);
    expect(clockwise(pts.slice(0, second))).toBe(true);
    expect(clockwise(pts.slice(second))).toBe(false);
    const w = wkb(f.geometry as Geometry);
    const wv = new DataView(w.buffer);
    // polygon: order 1, type 4, rings 4, ring 1 count 4, points
    const n = wv.getUint32(9, true);
    const ring = Array.from({ length: n }, (_, i) => [
      wv.getFloat64(13 + 16 * i, true),
      wv.getFloat64(21 + 16 * i, true),
    ]);
    expect(clockwise(ring)).toBe(false);
  });
});

describe('Shapefile field names', () => {
  it('fit to 10 bytes in the encoding, a clash numbered', () => {
    const names = fitNames(
      ['备注说明文字很长的字段', '备注说明文字很长的字段2', 'population_2020', 'population_2021'],
      encoder('utf-8'),
    );
    expect(names).toEqual(['备注说', '备注_1', 'population', 'populati_1']);
    expect(fitNames(['备注说明文字很长的字段'], encoder('gbk'))).toEqual(['备注说明文']);
    // what GBK cannot hold is '_', and names are unique as written
    expect(fitNames(['ᠨᠡᠷ', 'ᠨᠡᠷᠡ', 'Name', 'name'], encoder('gbk'))).toEqual(['___', '____', 'Name', 'name_1']);
  });
});

describe('exports read back with GDAL', () => {
  const cases: [string, ExportLayer][] = [
    ['points', stations],
    ['lines', lines],
    ['polygons', units],
    ['own layer', own],
  ];
  const systems = [4326, 4490, 4528, 4549, 4498, 4509, 3857];
  const within = (f: Feature<Geometry | null>, [a, b]: [number, number]) =>
    positions(f.geometry).every((p) => p[0] >= a && p[0] <= b);
  for (const [what, whole] of cases)
    for (const epsg of systems) {
      const system = systemOf(epsg);
      it(`${what} in EPSG:${epsg}: Shapefile and GeoPackage`, async () => {
        let l = whole;
        if (system.lonRange) {
          // the whole layer spans more than the zone: refused with the zone's range …
          const res = await runExport(
            { layers: [whole], format: 'gpkg', system: epsg, encoding: 'utf-8', lang: 'zh', what: 'test', readme: '' },
            sql,
          );
          const range = system.lonRange;
          if (!whole.features.every((f) => within(f, range))) {
            expect(res.ok).toBe(false);
            if (!res.ok) expect(res.problem.zh).toMatch(/超出该带范围 \d+\.\d\d°E–\d+\.\d\d°E/);
          }
          // … and the part of it inside the zone is written
          l = { ...whole, features: whole.features.filter((f) => within(f, range)) };
          if (!l.features.length) return;
        }
        const want = system.def ? proj4('EPSG:4326', system.def) : null;
        const at = (f: Feature<Geometry | null>) => (want ? want.forward(firstOf(f).slice(0, 2)) : firstOf(f));
        for (const format of ['shapefile', 'gpkg'] as const) {
          const { dir: d } = await exported({ layers: [l], format, system: epsg });
          // a Shapefile holds one kind of geometry: a layer of several is written as one file a kind
          const kinds = [...new Set(l.features.map((f) => kindOf(f.geometry)))];
          const parts =
            format === 'gpkg'
              ? [{ path: join(d, `hulunbuir-test-${system.slug}.gpkg`), layer: l.name, features: l.features }]
              : kinds.map((k) => ({
                  path: join(d, kinds.length > 1 ? `${l.name}_${k}.shp` : `${l.name}.shp`),
                  layer: undefined,
                  features: l.features.filter((f) => kindOf(f.geometry) === k),
                }));
          for (const part of parts) {
            const got = ogr(part.path, part.layer);
            expect(got.featureCount).toBe(part.features.length);
            expect(got.epsg).toBe(epsg);
            for (const [i, f] of part.features.entries()) {
              const g = got.features[i];
              // its first position of record is there, as proj4 converts it (GDAL may order a
              // multipolygon's parts otherwise)
              const [dx, dy] = nearest(g.geometry, at(f));
              const tol = system.projected ? 0.01 : 1e-7;
              expect(dx, `${format} ${what} #${i} x`).toBeLessThan(tol);
              expect(dy, `${format} ${what} #${i} y`).toBeLessThan(tol);
              const zh = f.properties?.name_zh ?? f.properties?.名称;
              if (typeof zh === 'string') expect(Object.values(g.properties)).toContain(zh);
            }
          }
        }
      });
    }
});

describe('the other forms', () => {
  it('a Shapefile in GBK: GDAL reads the Chinese back through the .cpg; names fitted and listed', async () => {
    const { dir: d } = await exported({ layers: [own], format: 'shapefile', system: 4490, encoding: 'gbk' });
    expect(readFileSync(join(d, '学校.cpg'), 'utf8')).toBe('GBK');
    const dbf = readFileSync(join(d, '学校.dbf'));
    expect(dbf.includes(Buffer.from('海拉尔第一中学', 'utf8'))).toBe(false);
    const got = ogr(join(d, '学校.shp'));
    expect(got.epsg).toBe(4490);
    expect(got.features.map((f) => f.properties.名称)).toEqual(['海拉尔第一中学', '满洲里市第一中学']);
    expect(got.features[0].properties.学生人数).toBe(2100);
    const map = readFileSync(join(d, '学校_fields.csv'), 'utf8');
    expect(map).toContain('备注说明文字很长的字段,备注说明文');
    expect(map).toContain('备注说明文字很长的字段2,备注说明_1');
  });

  it('the zone proposed from the extent, said in the file name and README', async () => {
    const hailar = { ...own, features: own.features.slice(0, 1) };
    const { dir: d, r } = await exported({ layers: [hailar], format: 'shapefile', system: 'auto' });
    expect(r.ok && r.epsg).toBe(4528);
    expect(r.ok && r.filename).toBe('hulunbuir-test-epsg4528-gk3-z40-shp.zip');
    expect(readFileSync(join(d, 'README.txt'), 'utf8')).toContain(
      'CGCS2000 3°带 第 40 带（EPSG:4528）（按数据范围选定）',
    );
    const [x, y] = (ogr(join(d, '学校.shp')).features[0].geometry?.coordinates ?? []) as number[];
    const [ex, ey] = proj4('EPSG:4326', systemOf(4528).def as string, [119.7656, 49.2126]);
    expect(Math.abs(x - ex)).toBeLessThan(0.01);
    expect(Math.abs(y - ey)).toBeLessThan(0.01);
    expect(x).toBeGreaterThan(40_000_000);
    // both seats: no 3° zone holds 117.45°–119.77°E; the 6° zone 20 does
    const both = await runExport(
      { layers: [own], format: 'gpkg', system: 'auto', encoding: 'utf-8', lang: 'en', what: 't', readme: '' },
      sql,
    );
    expect(both.ok && both.epsg).toBe(4498);
    // the whole city: none does, and the export says what to do
    const city = await runExport(
      { layers: [units], format: 'dxf', system: 'auto', encoding: 'utf-8', lang: 'en', what: 't', readme: '' },
      sql,
    );
    expect(city.ok).toBe(false);
    if (!city.ok) expect(city.problem.en).toMatch(/more than any one Gauss–Krüger zone holds/);
  });

  it('KML: WGS84, a folder per layer, places named in Chinese', async () => {
    const { dir: d, r } = await exported({ layers: [stations, own], format: 'kml', system: 4528 });
    expect(r.ok && r.epsg).toBe(4326);
    const path = join(d, 'hulunbuir-test-epsg4326.kml');
    const st = ogr(path, 'rail_stations');
    expect(st.featureCount).toBe(stations.features.length);
    expect(st.epsg).toBe(4326);
    const name = stations.features[0].properties?.name_zh as string;
    expect(String(st.features[0].properties.Name)).toContain(name);
    const [dx, dy] = nearest(st.features[0].geometry, firstOf(stations.features[0]));
    expect(Math.max(dx, dy)).toBeLessThan(1e-7);
    expect(ogr(path, '学校').features.map((f) => f.properties.Name)).toEqual(['海拉尔第一中学', '满洲里市第一中学']);
  });

  it('DXF: a CAD layer per map layer, names as TEXT, metres in the zone chosen', async () => {
    const hailar = { ...own, features: own.features.slice(0, 1) };
    const { dir: d } = await exported({ layers: [hailar], format: 'dxf', system: 4528 });
    const text = readFileSync(join(d, 'hulunbuir-test-epsg4528-gk3-z40.dxf'), 'utf8');
    expect(text).toContain('simsun.ttc');
    // the name's text height (group 40 after the TEXT's value): 5 m for a lone point, not a speck
    expect(/AcDbText\s+8\s+\S+\s+10\s+[\d.]+\s+20\s+[\d.]+\s+30\s+[\d.]+\s+40\s+([\d.]+)/.exec(text)?.[1]).toBe('5');
    const got = ogr(join(d, 'hulunbuir-test-epsg4528-gk3-z40.dxf'));
    const labels = got.features.filter((f) => String(f.properties.SubClasses).includes('AcDbText'));
    expect(labels.map((f) => [f.properties.Layer, f.properties.Text])).toEqual([['学校', '海拉尔第一中学']]);
    const point = got.features.find(
      (f) => f.geometry?.type === 'Point' && f.properties.SubClasses === 'AcDbEntity:AcDbPoint',
    );
    const [ex, ey] = proj4('EPSG:4326', systemOf(4528).def as string, [119.7656, 49.2126]);
    const [x, y] = (point?.geometry?.coordinates ?? []) as number[];
    expect(Math.abs(x - ex)).toBeLessThan(0.01);
    expect(Math.abs(y - ey)).toBeLessThan(0.01);
    // a geographic system is refused: DXF is drawn in metres
    const r = await runExport(
      { layers: [hailar], format: 'dxf', system: 4490, encoding: 'utf-8', lang: 'zh', what: 't', readme: '' },
      sql,
    );
    expect(r.ok).toBe(false);
  });

  it('CSV: point layers with x/y in the system; a layer of no points is said', async () => {
    const { dir: d } = await exported({ layers: [own], format: 'csv', system: 4490 });
    const csv = readFileSync(join(d, '学校.csv'), 'utf8').split('\r\n');
    expect(csv[0]).toBe('\ufefflon,lat,名称,学生人数,公办,备注说明文字很长的字段,备注说明文字很长的字段2');
    expect(csv[1]).toBe('119.7656000,49.2126000,海拉尔第一中学,2100,true,x,');
    // a layer of record: id and names first, as its file of record has them
    const st = (await exported({ layers: [stations], format: 'csv', system: 4490 })).dir;
    expect(readFileSync(join(st, 'rail_stations.csv'), 'utf8').split('\r\n')[0]).toMatch(
      /^\ufeffid,name_zh,name_en,lon,lat,/,
    );
    const hailar = { ...own, features: own.features.slice(0, 1) };
    const gk = (await exported({ layers: [hailar], format: 'csv', system: 4549 })).dir;
    const [x, y] = readFileSync(join(gk, '学校.csv'), 'utf8').split('\r\n')[1].split(',').slice(0, 2).map(Number);
    const [ex, ey] = proj4('EPSG:4326', systemOf(4549).def as string, [119.7656, 49.2126]);
    expect(Math.abs(x - ex)).toBeLessThan(0.01);
    expect(Math.abs(y - ey)).toBeLessThan(0.01);
    const r = await runExport(
      { layers: [units], format: 'csv', system: 4326, encoding: 'utf-8', lang: 'zh', what: 't', readme: '' },
      sql,
    );
    expect(r.ok).toBe(false);
  });
});

describe("a planner's layer's look, as the formats' own styles", () => {
  // two categories and a point with no class (the layer's own colour), sized and labelled
  const look = {
    colour: '#3366cc',
    none: '无值',
    title: '公办',
    entries: [
      { colour: '#e69f00', label: '是' },
      { colour: '#56b4e9', label: '否' },
    ],
    sized: true,
    labelBy: '名称',
  };
  const styled: ExportLayer = {
    ...own,
    features: [
      ...own.features.map((f, i) => ({
        ...f,
        properties: {
          ...f.properties,
          style_colour: look.entries[i].colour,
          style_class: look.entries[i].label,
          style_size: 4 + 4 * i,
        },
      })),
      {
        type: 'Feature',
        properties: { 名称: '无', style_colour: null, style_class: null, style_size: 6 },
        geometry: { type: 'Point', coordinates: [120, 49] },
      },
    ],
    style: look,
  };
  /** A QML document as XML: well formed, its renderer's categories and symbols' colours. */
  const readQml = (text: string) => {
    const doc = new DOMParser().parseFromString(text, 'text/xml');
    expect(doc.getElementsByTagName('parsererror').length).toBe(0);
    const renderer = doc.getElementsByTagName('renderer-v2')[0];
    const colours = [...doc.getElementsByTagName('Option')]
      .filter((o) => o.getAttribute('name') === 'color')
      .map((o) => o.getAttribute('value'));
    return {
      type: renderer.getAttribute('type'),
      attr: renderer.getAttribute('attr'),
      categories: [...doc.getElementsByTagName('category')].map((c) => c.getAttribute('value')),
      labels: [...doc.getElementsByTagName('category')].map((c) => c.getAttribute('label')),
      // written for QGIS before 3.26 too
      props: [...doc.getElementsByTagName('prop')]
        .filter((o) => o.getAttribute('k') === 'color')
        .map((o) => o.getAttribute('v')),
      colours,
      size: [...doc.getElementsByTagName('Option')]
        .find((o) => o.getAttribute('name') === 'expression')
        ?.getAttribute('value'),
      label: doc.getElementsByTagName('text-style')[0]?.getAttribute('fieldName'),
      labelsEnabled: doc.documentElement?.getAttribute('labelsEnabled'),
    };
  };

  it("GeoPackage: QGIS's layer_styles holds the table's default style, GDAL lists it", async () => {
    const { dir: d, r } = await exported({ layers: [styled, units], format: 'gpkg', system: 4490 });
    const path = join(d, r.ok ? r.filename : '');
    const rows = ogr(path, 'layer_styles').features.map((f) => f.properties);
    // one row: the styled layer (the layer of record has no style of its own here)
    expect(rows.map((x) => [x.f_table_name, x.f_geometry_column, x.useAsDefault])).toEqual([['学校', 'geom', true]]);
    const q = readQml(String(rows[0].styleQML));
    expect(q).toMatchObject({
      type: 'categorizedSymbol',
      attr: 'style_colour',
      categories: ['#e69f00', '#56b4e9', ''],
      labels: ['是', '否', '无值'],
      label: '名称',
      labelsEnabled: '1',
    });
    expect(q.colours).toEqual(['230,159,0,255', '86,180,233,255', '51,102,204,255']);
    expect(q.props).toEqual(q.colours);
    expect(q.size).toContain('"style_size"');
    // the features are all there, with their style as attributes too
    expect(ogr(path, '学校').featureCount).toBe(3);
  });

  it('Shapefile: <name>.qml beside the .shp reads the fields by their .dbf names', async () => {
    const { dir: d } = await exported({ layers: [styled], format: 'shapefile', system: 4490, encoding: 'gbk' });
    const q = readQml(readFileSync(join(d, '学校.qml'), 'utf8'));
    const names = readFileSync(join(d, '学校_fields.csv'), 'utf8');
    expect(names).toContain('style_colour,style_colo');
    expect(q.attr).toBe('style_colo');
    expect(q.size).toContain('"style_size"');
    expect(q.colours.slice(0, 2)).toEqual(['230,159,0,255', '86,180,233,255']);
    expect(ogr(join(d, '学校.shp')).features.map((f) => f.properties.style_clas)).toEqual(['是', '否', null]);
  });

  it('a layer of one colour: one symbol in it; a layer of record: no style', async () => {
    const plain: ExportLayer = { ...own, style: { colour: '#117733', entries: [] } };
    const { dir: d } = await exported({ layers: [plain, stations], format: 'shapefile', system: 4490 });
    const q = readQml(readFileSync(join(d, '学校.qml'), 'utf8'));
    expect(q).toMatchObject({ type: 'singleSymbol', categories: [], colours: ['17,119,51,255'], labelsEnabled: '0' });
    expect(q.size).toBeUndefined();
    expect(existsSync(join(d, 'rail_stations.qml'))).toBe(false);
  });

  it('categories by colour: a value "其他" beside the rest keeps its own colour in QGIS', () => {
    const q = readQml(
      qml(
        {
          colour: '#3366cc',
          entries: [
            { colour: '#e69f00', label: '其他' },
            { colour: '#bbbbbb', label: '其他' },
          ],
        },
        'polygon',
        { colour: 'style_colour', size: 'style_size' },
      ),
    );
    expect(q.categories).toEqual(['#e69f00', '#bbbbbb', '']);
    expect(q.labels).toEqual(['其他', '其他', '—']);
  });

  it("a planner's layer called layer_styles is written beside QGIS's table, not into it", async () => {
    const { dir: d, r } = await exported({
      layers: [{ ...styled, name: 'layer_styles' }],
      format: 'gpkg',
      system: 4490,
    });
    const path = join(d, r.ok ? r.filename : '');
    expect(ogr(path, 'layer_styles_1').featureCount).toBe(3);
    expect(ogr(path, 'layer_styles').features.map((f) => f.properties.f_table_name)).toEqual(['layer_styles_1']);
  });

  it('KML: a <Style> per colour and size, each place pointing to its own; LIBKML reads them', async () => {
    const { dir: d, r } = await exported({ layers: [styled, stations], format: 'kml', system: 4490 });
    const path = join(d, r.ok ? r.filename : '');
    const kml = readFileSync(path, 'utf8');
    expect((await parseKml(kml)).features.length).toBe(3 + stations.features.length);
    expect(new DOMParser().parseFromString(kml, 'text/xml').getElementsByTagName('parsererror').length).toBe(0);
    expect(kml.match(/<Style id=/g)?.length).toBe(3);
    expect(kml.match(/<styleUrl>/g)?.length).toBe(3);
    expect(kml).not.toContain('__kml_style');
    // GDAL's LIBKML driver gives each feature its style as OGR's style string
    const styles = execFileSync(
      'ogrinfo',
      ['--config', 'OGR_SKIP', 'KML', '--config', 'LIBKML_RESOLVE_STYLE', 'YES', '-ro', '-q', path, '学校'],
      { encoding: 'utf8' },
    );
    const symbols = [...styles.matchAll(/SYMBOL\(s:([\d.]+)\);LABEL\(c:(#[0-9A-F]{6})FF\)/g)].map((m) => [
      m[2].toLowerCase(),
      Number(m[1]),
    ]);
    // the colours drawn (a point's in its name), each point's size over the map's 6 px
    expect(symbols).toEqual([
      ['#e69f00', 0.7],
      ['#56b4e9', 1.3],
      ['#3366cc', 1],
    ]);
  });
});

describe('a within-distance result cut to its buffer', () => {
  const square: Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [2, 0],
        [2, 2],
        [0, 2],
        [0, 0],
      ],
    ],
  };
  it('a line is split exactly where it crosses the edge; what is outside goes; a point outside goes', () => {
    // in at x=0, out at x=2, back in through the top and out through the left
    expect(
      clipLine(
        [
          [-1, 1],
          [3, 1],
          [1, 3],
          [1, 1.5],
          [-1, 1.5],
        ],
        square,
      ),
    ).toEqual([
      [
        [0, 1],
        [2, 1],
      ],
      [
        [1, 2],
        [1, 1.5],
        [0, 1.5],
      ],
    ]);
    expect(clipTo({ type: 'Point', coordinates: [3, 3] }, square)).toBeNull();
    expect(
      clipTo(
        {
          type: 'LineString',
          coordinates: [
            [3, 0],
            [3, 3],
          ],
        },
        square,
      ),
    ).toBeNull();
    const cut = clipTo(
      {
        type: 'Polygon',
        coordinates: [
          [
            [1, 1],
            [3, 1],
            [3, 3],
            [1, 3],
            [1, 1],
          ],
        ],
      },
      square,
    );
    expect(cut?.type).toBe('Polygon');
    expect(extent([{ geometry: cut }])).toEqual([1, 1, 2, 2]);
  });
  it('an area with a hole and of two parts: what lies in the hole or between the parts goes', () => {
    const holed: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [4, 0],
          [4, 4],
          [0, 4],
          [0, 0],
        ],
        [
          [1, 1],
          [1, 3],
          [3, 3],
          [3, 1],
          [1, 1],
        ],
      ],
    };
    expect(
      clipLine(
        [
          [-1, 2],
          [5, 2],
        ],
        holed,
      ),
    ).toEqual([
      [
        [0, 2],
        [1, 2],
      ],
      [
        [3, 2],
        [4, 2],
      ],
    ]);
    const two: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
            [0, 0],
          ],
        ],
        [
          [
            [2, 0],
            [3, 0],
            [3, 1],
            [2, 1],
            [2, 0],
          ],
        ],
      ],
    };
    expect(
      clipLine(
        [
          [-1, 0.5],
          [4, 0.5],
        ],
        two,
      ),
    ).toEqual([
      [
        [0, 0.5],
        [1, 0.5],
      ],
      [
        [2, 0.5],
        [3, 0.5],
      ],
    ]);
    // along the edge: on it is in
    expect(
      clipLine(
        [
          [-1, 0],
          [3, 0],
        ],
        square,
      ),
    ).toEqual([
      [
        [0, 0],
        [2, 0],
      ],
    ]);
  });
  it('a place that only grazes the buffer is cut to its box widened, never kept whole; else it has no geometry', () => {
    const far: Geometry = {
      type: 'LineString',
      coordinates: [
        [2.1, -5],
        [2.1, 10],
      ],
    };
    expect(clipTo(far, square)).toBeNull();
    const near = clipNear(far, square);
    expect(near?.type).toBe('LineString');
    must(extent([{ geometry: near }]), 'the cut').forEach((v, i) => {
      expect(v).toBeCloseTo([2.1, -0.2, 2.1, 2.2][i], 9);
    });
    expect(clipNear({ type: 'Point', coordinates: [9, 9] }, square)).toBeNull();
  });
  it('a railway within 50 km of Hailar: its stretch fits the 3° zone the whole line spans past', async () => {
    const buffer = turfBuffer(
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [119.7656, 49.2126] } },
      50,
      {
        units: 'kilometers',
      },
    )?.geometry as Polygon;
    const cut = lines.features.map((f) => ({ ...f, geometry: clipTo(f.geometry, buffer) })).filter((f) => f.geometry);
    expect(cut.length).toBeGreaterThan(0);
    const whole = await runExport(
      { layers: [lines], format: 'gpkg', system: 'auto', encoding: 'utf-8', lang: 'en', what: 't', readme: '' },
      sql,
    );
    expect(whole.ok).toBe(false);
    const { dir: d, r } = await exported({ layers: [{ ...lines, features: cut }], format: 'gpkg', system: 'auto' });
    expect(r.ok && r.epsg).toBe(4528);
    const back = ogr(join(d, r.ok ? r.filename : ''), 'rail_lines');
    expect(back.featureCount).toBe(cut.length);
    // every position within the buffer's box, in zone 40's metres (50 m for the ring's straight edges)
    const ring = buffer.coordinates[0].map((p) => proj4('EPSG:4326', systemOf(4528).def as string, p));
    const [x0, y0, x1, y1] = must(extent([{ geometry: { type: 'LineString', coordinates: ring } }]), 'the ring');
    for (const f of back.features)
      for (const [x, y] of positions(f.geometry as Geometry)) {
        expect(x).toBeGreaterThan(x0 - 50);
        expect(x).toBeLessThan(x1 + 50);
        expect(y).toBeGreaterThan(y0 - 50);
        expect(y).toBeLessThan(y1 + 50);
      }
  });
});

describe('GeoPackage edge cases', () => {
  it('names that differ by case, fid and a layer called readme: all kept; WGS84 registered beside the system', async () => {
    const odd: ExportLayer = {
      name: 'readme',
      title: 'odd',
      features: [
        {
          type: 'Feature',
          properties: { Name: 'a', name: 'b', fid: 3 },
          geometry: { type: 'Point', coordinates: [119.7, 49.2] },
        },
      ],
    };
    const { dir: d } = await exported({ layers: [odd], format: 'gpkg', system: 4528 });
    const path = join(d, 'hulunbuir-test-epsg4528-gk3-z40.gpkg');
    const got = ogr(path, 'readme_1');
    expect(got.featureCount).toBe(1);
    expect(got.features[0].properties).toMatchObject({ Name: 'a', name_1: 'b', fid_1: 3 });
    const srs = execFileSync(
      'ogrinfo',
      ['-ro', '-q', path, '-sql', 'SELECT srs_id FROM gpkg_spatial_ref_sys ORDER BY srs_id'],
      { encoding: 'utf8' },
    );
    expect([...srs.matchAll(/srs_id \(Integer(?:64)?\) = (-?\d+)/g)].map((m) => Number(m[1]))).toEqual([
      -1, 0, 4326, 4528,
    ]);
  });
});

describe('round trip: what the app exports, its import reads back', () => {
  const hailar: ExportLayer = { ...own, features: own.features.slice(0, 1) };
  const cases: [string, ExportLayer, number][] = [
    ['the stations in CGCS2000', stations, 4490],
    ['the units in Web Mercator', units, 3857],
    ['a planner’s school in the 3° zone 40', hailar, 4528],
    ['a planner’s school in the 6° zone CM 117°E (GBK)', hailar, 4509],
  ];
  for (const [what, l, epsg] of cases)
    it(`Shapefile: ${what}`, async () => {
      const r = await runExport(
        {
          layers: [l],
          format: 'shapefile',
          system: epsg,
          encoding: epsg === 4509 ? 'gbk' : 'utf-8',
          lang: 'zh',
          what: 't',
          readme: '',
        },
        sql,
      );
      if (!r.ok) throw new Error(r.problem.en);
      const back = await parseShapefileZip(r.bytes);
      expect(back.features).toHaveLength(l.features.length);
      for (const [i, f] of l.features.entries()) {
        const [dx, dy] = nearest(back.features[i].geometry as OgrLayer['features'][number]['geometry'], firstOf(f));
        expect(Math.max(dx, dy), `#${i}`).toBeLessThan(1e-7);
        const name = f.properties?.name_zh ?? f.properties?.名称;
        if (typeof name === 'string') expect(Object.values(back.features[i].properties ?? {})).toContain(name);
      }
    });
  it('KML: names and places back', async () => {
    const r = await runExport(
      { layers: [stations], format: 'kml', system: 4326, encoding: 'utf-8', lang: 'zh', what: 't', readme: '' },
      sql,
    );
    if (!r.ok) throw new Error(r.problem.en);
    const back = await parseKml(new TextDecoder().decode(r.bytes));
    expect(back.features).toHaveLength(stations.features.length);
    expect(String(back.features[0].properties?.name)).toContain(String(stations.features[0].properties?.name_zh));
    const [dx, dy] = nearest(
      back.features[0].geometry as OgrLayer['features'][number]['geometry'],
      firstOf(stations.features[0]),
    );
    expect(Math.max(dx, dy)).toBeLessThan(1e-7);
  });
});
