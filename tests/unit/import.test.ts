// Reading a planner's files: each file of the corpus (tests/fixtures/import/) gives what
// expected.json says — features, or a clear reason — and the datums convert as gcoord says.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import gcoord from 'gcoord';
import {
  ColumnsQuestion,
  ImportError,
  ProjectionQuestion,
  coordinateKind,
  dbfEncoding,
  guessColumns,
  readFile,
  reinterpret,
  safeProperties,
  toWgs84,
} from '../../src/lib/import/formats.ts';
import { PROJECTIONS } from '../../src/lib/import/options.ts';
import { UnitIndex, joinRows, joinToUnits, rowsWithSplitUnits, unitsFrom } from '../../src/lib/import/join.ts';
import { datumFit, offerOtherDatum, referenceOf } from '../../src/lib/import/datum-hint.ts';
import type { Feature } from 'geojson';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { areaKm2, distanceM } from '../../src/lib/geodesy.ts';
import { must } from '../../src/lib/must.ts';

const DIR = 'tests/fixtures/import';
const EXPECTED = JSON.parse(readFileSync(`${DIR}/expected.json`, 'utf8')) as Record<
  string,
  {
    features?: number;
    skipped?: number;
    error?: string;
    question?: string[];
    projection?: number | null;
    note?: string;
    swapped?: boolean;
  }
>;
const read = (name: string, opts = {}) =>
  readFile(name, new Uint8Array(readFileSync(`${DIR}/${name}`)), { datum: 'wgs84', ...opts });

describe('the import corpus', () => {
  it('has an expected outcome for every file, and a file for every outcome', () => {
    expect(
      readdirSync(DIR)
        .filter((f) => f !== 'expected.json')
        .sort(),
    ).toEqual(
      Object.keys(EXPECTED)
        .filter((k) => k !== '_')
        .sort(),
    );
  });

  for (const [name, want] of Object.entries(EXPECTED)) {
    if (name === '_') continue;
    it(`${name}: ${want.error ? `refused (${want.error})` : want.question ? 'asks for the columns' : want.projection !== undefined ? 'asks for the projected system' : `${want.features} features`}`, async () => {
      if (want.error) {
        await expect(read(name)).rejects.toThrow(ImportError);
        await expect(read(name)).rejects.toThrow(want.error);
        const e = (await read(name).catch((x: unknown) => x)) as ImportError;
        expect(e.text.zh, 'a Chinese reason too').toMatch(/[\u4e00-\u9fff]/);
        return;
      }
      if (want.question) {
        const e = await read(name).catch((x: unknown) => x);
        expect(e).toBeInstanceOf(ColumnsQuestion);
        expect((e as ColumnsQuestion).columns).toEqual(want.question);
        return;
      }
      if (want.projection !== undefined) {
        const e = await read(name).catch((x: unknown) => x);
        expect(e).toBeInstanceOf(ProjectionQuestion);
        expect((e as ProjectionQuestion).guess).toBe(want.projection);
        return;
      }
      const r = await read(name);
      expect(r.features).toHaveLength(want.features ?? 0);
      expect(r.skipped).toHaveLength(want.skipped ?? 0);
      for (const s of r.skipped) {
        expect(s.reason.en.length).toBeGreaterThan(5);
        expect(s.reason.zh).toMatch(/[\u4e00-\u9fff]/);
      }
      if (want.note) expect(r.notes.map((n) => n.en).join(' ')).toContain(want.note);
      expect(!!r.swapped).toBe(!!want.swapped);
      for (const f of r.features) expect(Object.getPrototypeOf(f.properties)).toBe(null);
    });
  }
});

describe('coordinates', () => {
  it('converts GCJ-02 and BD-09 to WGS84 as gcoord does (≈ 0.5–1 km here)', async () => {
    const r = await read('clinics-gcj02.csv', { datum: 'gcj02' });
    const [lon, lat] = (r.features[0].geometry as { coordinates: number[] }).coordinates;
    const w = gcoord.transform([119.746, 49.2127], gcoord.GCJ02, gcoord.WGS84);
    expect(lon).toBeCloseTo(w[0], 6);
    expect(lat).toBeCloseTo(w[1], 6);
    expect(Math.hypot((119.746 - lon) * 72_600, (49.2127 - lat) * 111_200)).toBeGreaterThan(300);
    const bd = toWgs84(
      [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [119.7525, 49.2186] } }],
      'bd09',
    );
    const wb = gcoord.transform([119.7525, 49.2186], gcoord.BD09, gcoord.WGS84);
    expect((bd[0].geometry as { coordinates: number[] }).coordinates[0]).toBeCloseTo(wb[0], 6);
  });

  it('converts metres from the projected system chosen, named by the file, or in the .prj, to within 0.1 m', async () => {
    const seats = [
      [119.7405, 49.216],
      [117.3792, 49.5973],
    ];
    const near = (r: { features: { geometry: unknown }[] }) =>
      r.features.forEach((f, i) => {
        expect(
          distanceM((f.geometry as { coordinates: [number, number] }).coordinates, seats[i] as [number, number]),
        ).toBeLessThan(0.1);
      });
    near(await read('seats-gk-metres.csv', { epsg: 4550 }));
    near(await read('seats-gk-zone40-crs.geojson'));
    near(await read('villages-gk120-shp.zip'));
    const [lon, lat] = (
      (await read('projected-3857.geojson', { epsg: 3857 })).features[0].geometry as { coordinates: number[] }
    ).coordinates;
    expect(lon).toBeCloseTo((13329000 / 6378137) * (180 / Math.PI), 6);
    expect(lat).toBeCloseTo(49.2, 0);
    // the wrong system is refused with that reason, not drawn in the sea
    await expect(read('seats-gk-metres.csv', { epsg: 3857 })).rejects.toThrow(/choose another system/);
  });

  it('names every projected system once, with its EPSG code in both languages', () => {
    expect(new Set(PROJECTIONS.map((p) => p.epsg)).size).toBe(PROJECTIONS.length);
    expect(PROJECTIONS.map((p) => p.epsg)).toEqual(
      expect.arrayContaining([3857, 4548, 4549, 4550, 4551, 4527, 4528, 4529, 4530, 4509, 4510, 4498, 4499]),
    );
    for (const p of PROJECTIONS) {
      expect(p.name.zh).toContain(String(p.epsg));
      expect(p.name.en).toContain(String(p.epsg));
    }
  });

  it('reads a .dbf without .cpg as GBK when it is not UTF-8, and as chosen', async () => {
    const r = await read('schools-gbk-nocpg.zip');
    expect(r.features.map((f) => f.properties?.NAME)).toEqual(['海拉尔第一中学', '满洲里市第五中学']);
    const forced = await read('schools-gbk-nocpg.zip', { dbfEncoding: 'utf-8' });
    expect(String(forced.features[0].properties?.NAME)).toContain('\ufffd');
    expect(dbfEncoding(new Uint8Array(40), 'ANSI 936').encoding).toBe('gbk');
    expect(dbfEncoding(new Uint8Array(40), 'UTF-8').encoding).toBe('utf-8');
    const ldid = new Uint8Array(40);
    ldid[29] = 0x4d;
    expect(dbfEncoding(ldid, undefined).encoding).toBe('gbk');
  });

  it('detects swapped lat/lon around Hulunbuir and swaps them when asked', async () => {
    const r = await read('swapped.geojson', { swap: true });
    expect(r.swapped).toBe(false);
    expect((r.features[0].geometry as { coordinates: number[] }).coordinates).toEqual([119.7405, 49.216]);
  });

  it('tells metres from degrees', () => {
    const f = (c: number[]) => [
      { type: 'Feature' as const, properties: {}, geometry: { type: 'Point' as const, coordinates: c } },
    ];
    expect(coordinateKind(f([13329000, 6320000]))).toBe('projected');
    expect(coordinateKind(f([119.7, 49.2]))).toBe('lonlat');
    expect(coordinateKind(f([49.2, 119.7]))).toBe('swapped');
    expect(coordinateKind(f([190, 49.2]))).toBe('out-of-range');
  });

  it('finds lon/lat columns by their usual names, Chinese too, and asks when unsure', () => {
    expect(guessColumns(['名称', '经度', '纬度'])).toEqual({ lon: '经度', lat: '纬度' });
    expect(guessColumns(['name', 'LNG', 'Lat'])).toEqual({ lon: 'LNG', lat: 'Lat' });
    expect(guessColumns(['x', 'y', 'lon', 'lat'])).toBeNull();
    expect(guessColumns(['a', 'b'])).toBeNull();
  });
});

describe('hostile content', () => {
  it('keeps property values as data and lets no key reach a prototype', async () => {
    const r = await read('hostile.geojson');
    const p = r.features[0].properties as Record<string, unknown>;
    expect(p.name).toBe('<img src=x onerror="window.__pwned=1">');
    expect(Object.keys(p)).not.toContain('__proto__');
    expect(Object.keys(p)).not.toContain('constructor');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(safeProperties(JSON.parse('{"__proto__":{"x":1},"a":2}')))).toEqual(['a']);
  });
});

describe("the join to the plan's units", () => {
  const units = unitsFrom(JSON.parse(readFileSync('public/data/layers/units.geojson', 'utf8')).features);
  const stats = JSON.parse(readFileSync('public/data/stats.json', 'utf8')).rows;

  it("finds a point's unit through its grid exactly as point-in-polygon does", () => {
    const index = new UnitIndex(units);
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    let inside = 0;
    for (let i = 0; i < 20000; i++) {
      const p = [115.5 + rnd() * 10.7, 47 + rnd() * 6.5];
      const want = units.find((u) => booleanPointInPolygon(p, u.geometry))?.id;
      expect(index.at(p)?.id, `${p}`).toBe(want);
      if (want) inside++;
    }
    expect(inside).toBeGreaterThan(5000);
  });

  it('counts points per unit and sums them over zones, the core and the city', async () => {
    const r = await read('schools.geojson');
    const rows = joinRows(joinToUnits(r.features, units), stats);
    const row = (id: string) => rows.find((x) => x.id === id);
    expect(row('unit-150702')?.points).toBe(2);
    expect(row('unit-150781')?.points).toBe(1);
    expect(row('unit-150783')?.points).toBe(1);
    expect(row('structure-core')?.points).toBe(2);
    expect(row('structure-pole-zalantun-arun')?.points).toBe(1);
    expect(row('city')?.points).toBe(4);
  });

  it("counts a split unit's places where they are: the seat town in the core, the banner's other towns in 岭西", () => {
    // 鄂温克族自治旗 is in the core (its seat, 巴彦托海镇) and in 岭西 (its other towns).
    const split = rowsWithSplitUnits(stats);
    expect([...split].sort()).toEqual(['structure-core', 'zone-lingxi']);
    const own = (layer: string) => JSON.parse(readFileSync(`public/data/layers/${layer}.geojson`, 'utf8')).features;
    const areas = unitsFrom([...own('zones'), ...own('structure_areas')].filter((f) => split.has(f.properties.id)));
    const at = (lon: number, lat: number) => ({
      type: 'Feature' as const,
      properties: {},
      geometry: { type: 'Point' as const, coordinates: [lon, lat] },
    });
    // The banner's seat, and a point in the banner's south, far from the seat town.
    const features = [at(119.7479, 49.1447), at(120.0, 48.3)];
    const rows = joinRows(joinToUnits(features, units), stats, joinToUnits(features, areas));
    const row = (id: string) => rows.find((x) => x.id === id);
    expect(row('unit-150724')?.points).toBe(2);
    expect(row('structure-core')?.points).toBe(1);
    expect(row('zone-lingxi')?.points).toBe(1);
    expect(row('city')?.points).toBe(2);
    // Summed over member units (the old way) both would count both.
    expect(joinRows(joinToUnits(features, units), stats).find((x) => x.id === 'structure-core')?.points).toBe(2);
  });

  it("measures lines' length and areas' area inside each unit, on the ellipsoid", () => {
    // A square well inside 海拉尔区, and a line from its seat eastwards over the unit's edge.
    const square = {
      type: 'Feature' as const,
      properties: {},
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [119.7, 49.2],
            [119.75, 49.2],
            [119.75, 49.23],
            [119.7, 49.23],
            [119.7, 49.2],
          ],
        ],
      },
    };
    const line = {
      type: 'Feature' as const,
      properties: {},
      geometry: {
        type: 'LineString' as const,
        coordinates: [
          [119.7288, 49.2103],
          [120.6, 49.2103],
        ],
      },
    };
    const per = joinToUnits([square, line], units);
    expect(per.get('unit-150702')?.area_km2).toBeCloseTo(areaKm2(square.geometry), 3);
    const inHailar = must(per.get('unit-150702'), 'Hailar').length_km;
    const total = [...per.values()].reduce((s, x) => s + x.length_km, 0);
    expect(inHailar).toBeGreaterThan(1);
    expect(inHailar).toBeLessThan(total);
    expect(total).toBeCloseTo(distanceM([119.7288, 49.2103], [120.6, 49.2103]) / 1000, 0);
  });
});

describe('the datum hint', () => {
  const units = unitsFrom(JSON.parse(readFileSync('public/data/layers/units.geojson', 'utf8')).features);
  const places = ['structure_points', 'rail_stations', 'ports', 'heritage'].flatMap((n) =>
    JSON.parse(readFileSync(`public/data/layers/${n}.geojson`, 'utf8')).features.map(
      (f: { geometry: { coordinates: number[] } }) => f.geometry.coordinates,
    ),
  );
  const ref = referenceOf(units, places);
  const hailar = must(
    units.find((u) => u.name.zh === '海拉尔区'),
    '海拉尔区',
  );
  const ring = (
    hailar.geometry.type === 'Polygon' ? hailar.geometry.coordinates[0] : hailar.geometry.coordinates[0][0]
  ) as [number, number][];
  const line = (coords: number[][]): Feature => ({
    type: 'Feature',
    properties: {},
    geometry: { type: 'LineString', coordinates: coords },
  });
  const from = (c: [number, number], to: 'GCJ02' | 'BD09') => gcoord.transform(c, gcoord.WGS84, gcoord[to]) as number[];

  it('says a 高德 (GCJ-02) boundary read as WGS84 is off, and that GCJ-02 fits', () => {
    const amap = [line(ring.map((c) => from(c, 'GCJ02')))];
    const fit = must(datumFit(amap, 'wgs84', ref), 'a fit');
    expect(fit.median.wgs84).toBeGreaterThan(300);
    expect(fit.median.gcj02).toBeLessThan(5);
    expect(offerOtherDatum(fit, 'wgs84')).toBe('gcj02');
    // read as GCJ-02 it fits: nothing to say
    const asChosen = toWgs84(amap, 'gcj02');
    expect(offerOtherDatum(datumFit(asChosen, 'gcj02', ref), 'gcj02')).toBeNull();
  });

  it('says BD-09 for 百度 data, and nothing for WGS84 data of record', () => {
    expect(offerOtherDatum(datumFit([line(ring.map((c) => from(c, 'BD09')))], 'wgs84', ref), 'wgs84')).toBe('bd09');
    expect(offerOtherDatum(datumFit([line(ring)], 'wgs84', ref), 'wgs84')).toBeNull();
  });

  it('raises no alarm for data that are simply not on the boundaries (random points)', () => {
    let seed = 7;
    const rnd = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const pts: Feature[] = Array.from({ length: 3000 }, () => ({
      type: 'Feature',
      properties: {},
      geometry: { type: 'Point', coordinates: [115.5 + rnd() * 10.5, 47.3 + rnd() * 5.8] },
    }));
    expect(offerOtherDatum(datumFit(pts, 'wgs84', ref), 'wgs84')).toBeNull();
  });

  it('re-reads positions in another datum as gcoord does', () => {
    const p: [number, number] = [119.74, 49.21];
    const g = gcoord.transform(p, gcoord.GCJ02, gcoord.WGS84);
    expect(reinterpret(p, 'wgs84', 'gcj02')[0]).toBeCloseTo(g[0], 6);
    expect(reinterpret(reinterpret(p, 'wgs84', 'gcj02'), 'gcj02', 'wgs84')[1]).toBeCloseTo(p[1], 6);
  });
});
