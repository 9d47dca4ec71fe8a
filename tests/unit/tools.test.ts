// The planners' tools' logic: what lies within a distance, the statistics of the structure,
// the downloads and their CSV.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import buffer from '@turf/buffer';
import * as v from 'valibot';
import { geodesicCircle, distanceM } from '../../src/lib/geodesy.ts';
import { distanceBetweenM, distanceToGeometryM, withinDistance } from '../../src/lib/tools/near.ts';
import { buildStats } from '../../scripts/data/stats.ts';
import { StatsFileSchema } from '../../src/contracts/stats.ts';
import { LayerDownloadSchema } from '../../src/contracts/download.ts';
import { COLUMNS, statsCsv } from '../../src/lib/tools/stats.ts';
import { layerCsv, readme } from '../../src/lib/tools/downloads.ts';
import { parseCsv } from '../../scripts/data/lib/csv.ts';
import { csvParseRows } from 'd3-dsv';
import { readGeojson } from './helpers.ts';
import { must } from '../../src/lib/must.ts';
import { nearest, placeName } from '../../src/lib/tools/picks.ts';

type F = { properties: Record<string, unknown>; geometry: import('geojson').Geometry & { coordinates: never } };
const features = (name: string): F[] => readGeojson(name).features;
const points = ['structure_points', 'rail_stations', 'ports', 'heritage'].flatMap(features);
const seats = features('structure_points').filter((f) => f.properties.kind === 'seat');

describe('within distance', () => {
  it('a point is within r of a seat exactly when it lies in the geodesic circle of radius r (away from its edge)', () => {
    let inside = 0;
    for (const s of seats) {
      const ring = geodesicCircle(s.geometry.coordinates, 50_000, 256);
      const circle = { type: 'Polygon' as const, coordinates: [ring] };
      for (const p of points) {
        const m = distanceToGeometryM(s.geometry.coordinates, p.geometry);
        if (Math.abs(m - 50_000) < 100) continue; // within 100 m of the edge: the chord decides
        expect(m <= 50_000, `${s.properties.id} → ${p.properties.id}: ${m} m`).toBe(
          booleanPointInPolygon(p.geometry.coordinates, circle),
        );
        if (m <= 50_000) inside++;
      }
    }
    expect(inside).toBeGreaterThan(50);
  });

  it("a rail corridor holds the points Turf's buffer of the line holds (up to Turf's 0.5 % sphere)", () => {
    const line = must(
      features('rail_lines').find((f) => f.properties.id === 'rail-qihaiman-hsr'),
      'the 齐海满 line',
    );
    const corridor = must(buffer(line as never, 10, { units: 'kilometers', steps: 32 }), 'a buffer');
    let checked = 0;
    for (const p of points) {
      const m = distanceBetweenM(line.geometry, p.geometry);
      if (Math.abs(m - 10_000) < 200) continue;
      expect(m <= 10_000, `${p.properties.id}: ${m} m`).toBe(
        booleanPointInPolygon(p.geometry.coordinates, corridor as never),
      );
      checked++;
    }
    expect(checked).toBeGreaterThan(80);
  });

  it('a point inside a unit is 0 m from it; outside, its distance is to the nearest edge', () => {
    const hailar = must(
      features('units').find((f) => f.properties.id === 'unit-150702'),
      'Hailar',
    );
    const seat = must(
      seats.find((f) => f.properties.id === 'seat-150702'),
      'its seat',
    );
    expect(distanceToGeometryM(seat.geometry.coordinates, hailar.geometry)).toBe(0);
    const manzhouli = must(
      seats.find((f) => f.properties.id === 'seat-150781'),
      'the Manzhouli seat',
    );
    const m = distanceToGeometryM(manzhouli.geometry.coordinates, hailar.geometry);
    // Nearer than Hailar's seat, farther than 100 km (the units do not touch).
    expect(m).toBeLessThan(distanceM(manzhouli.geometry.coordinates, seat.geometry.coordinates));
    expect(m).toBeGreaterThan(100_000);
  });

  it('lists by layer, nearest first, each place once', async () => {
    const seat = must(
      seats.find((f) => f.properties.id === 'seat-150702'),
      'the Hailar seat',
    );
    const candidates = features('rail_stations').map((f) => ({
      layer: 'rail_stations',
      id: String(f.properties.id),
      name: { zh: String(f.properties.name_zh), en: '' },
      geometry: f.geometry,
    }));
    const [g] = await withinDistance(seat.geometry, 50, [{ layer: 'rail_stations', candidates }]);
    expect(g.rows.length).toBeGreaterThan(3);
    expect(g.rows.map((r) => r.m)).toEqual([...g.rows.map((r) => r.m)].sort((a, b) => a - b));
    expect(new Set(g.rows.map((r) => r.name.zh)).size).toBe(g.rows.length);
    expect(g.rows.every((r) => r.m <= 50_000)).toBe(true);
  });
});

describe('zone statistics', () => {
  const layers = (name: string) => readGeojson(name).features;
  const stats = buildStats(layers);
  const row = (id: string) =>
    must(
      stats.rows.find((r) => r.id === id),
      id,
    );
  const places = parseCsv(readFileSync('geodata/sources/reference/places.csv', 'utf8'), 'places.csv').filter(
    (p) => p.type === 'county_seat',
  );

  it('is what the app reads (data/stats.json), and valid', () => {
    expect(v.parse(StatsFileSchema, JSON.parse(readFileSync('public/data/stats.json', 'utf8')))).toEqual(stats);
  });

  it("each unit's population and official area are the reference file's; the city's population is their sum, its area the published 252,777 km² (item 4)", () => {
    expect(places).toHaveLength(14);
    let pop = 0,
      area = 0;
    for (const p of places) {
      const r = row(`unit-${p.admin_code}`);
      expect(r.pop_2020, p.name_zh).toBe(Number(p.pop_2020_census));
      expect(r.area_official_km2, p.name_zh).toBe(Number(p.area_km2_official));
      expect(r.pop_basis).toBe('source');
      pop += Number(p.pop_2020_census);
      area += Number(p.area_km2_official);
    }
    expect(row('city').pop_2020).toBe(pop);
    expect(row('city').pop_basis).toBe('sum');
    // The city's official area is its own published figure, with its source; the units' sum is kept as a sum.
    const city = parseCsv(readFileSync('geodata/sources/reference/city_and_core.csv', 'utf8'), 'city_and_core.csv')[0];
    expect(city.id).toBe('city-hulunbuir');
    expect(row('city').area_official_km2).toBe(252_777);
    expect(row('city').area_official_km2).toBe(Number(city.area_km2_official));
    expect(row('city').area_official_basis).toBe('source');
    expect(row('city').area_official_sources.join()).toContain('chinadaily.com.cn');
    expect(row('city').area_sum_km2).toBeCloseTo(area, 1);
    expect(row('city').note?.en).toContain('add up to 254,207.14 km² (+0.57 %)');
    // Before issue 24 the city row showed the units' sum (256,100 km²) as "official": refused now.
    expect(Math.abs((row('city').area_official_km2 ?? 0) - area)).toBeGreaterThan(1000);
    // The city's feature carries the same figure and its source.
    const feature = readGeojson('city').features[0].properties;
    expect(feature.area_official_km2).toBe(252_777);
    expect(feature.area_official_source).toContain('chinadaily.com.cn');
  });

  it("shares of the city's area divide by its official area, and say so", () => {
    const col = must(
      COLUMNS.find((c) => c.id === 'area_share'),
      'the share column',
    );
    const city = row('city');
    expect(col.value(city, city)).toBe(100);
    const lingxi = row('zone-lingxi');
    expect(col.value(lingxi, city)).toBeCloseTo((100 * (lingxi.area_official_km2 ?? 0)) / 252_777, 6);
    expect(col.hint?.(city).en).toBe("The row's official area ÷ the city's official 252,777 km²");
    const units = stats.rows.filter((r) => r.kind === 'unit');
    expect(units.reduce((s, r) => s + (col.value(r, city) ?? 0), 0)).toBeCloseTo(100.57, 1);
    expect(stats.notes.map((n) => n.en).join(' ')).toMatch(/÷ the city's official 252,777 km²/);
  });

  it('岭西, 岭上, the core and the poles are the sums of their members, as the plan names them', () => {
    expect(row('zone-lingxi').member_ids.sort()).toEqual(['unit-150724', 'unit-150725', 'unit-150726', 'unit-150727']);
    expect(row('structure-core').member_ids.sort()).toEqual(['unit-150702', 'unit-150724']);
    expect(row('structure-pole-zalantun-arun').member_ids.sort()).toEqual(['unit-150721', 'unit-150783']);
    for (const id of ['zone-lingshang', 'structure-pole-manzhouli', 'structure-pole-zalantun-arun']) {
      const r = row(id);
      const members = r.member_ids.map(row);
      expect(r.pop_2020, id).toBe(members.reduce((s, m) => s + (m.pop_2020 ?? 0), 0));
      expect(r.area_official_km2, id).toBeCloseTo(
        members.reduce((s, m) => s + (m.area_official_km2 ?? 0), 0),
        2,
      );
      expect(r.seats, id).toBe(members.length);
      expect(r.heritage, id).toBe(members.reduce((s, m) => s + m.heritage, 0));
    }
  });

  it('the core counts 海拉尔区 and 巴彦托海镇, 岭西 the rest of the Evenk banner; no population sum is made up (item 6)', () => {
    const town = parseCsv(
      readFileSync('geodata/sources/reference/city_and_core.csv', 'utf8'),
      'city_and_core.csv',
    ).find((r) => r.id === 'town-bayantuohai');
    expect(town?.area_km2_official).toBe('505.49');
    const core = row('structure-core');
    // before issue 24: all of the banner, 20,420 km² and 506,114 people
    expect(core.area_official_km2).toBeCloseTo(1308.78 + 505.49, 2);
    expect(core.area_official_basis).toBe('sum');
    expect(core.area_official_sources.join()).toContain('twwiki.net');
    expect(core.pop_2020).toBeNull();
    expect(core.pop_basis).toBe('partial');
    expect(core.note?.zh).toContain('海拉尔区365,012人（2020年普查）');
    expect(core.note?.zh).toContain('2018年末户籍人口25,676人');
    expect(core.seats).toBe(2); // 海拉尔区's and the Evenk banner's, which is in 巴彦托海镇
    const lingxi = row('zone-lingxi');
    const evenk = row('unit-150724');
    const others = ['unit-150725', 'unit-150726', 'unit-150727'].map(row);
    expect(lingxi.area_official_km2).toBeCloseTo(
      (evenk.area_official_km2 ?? 0) - 505.49 + others.reduce((s, m) => s + (m.area_official_km2 ?? 0), 0),
      2,
    );
    expect(lingxi.pop_2020).toBeNull();
    expect(lingxi.pop_basis).toBe('partial');
    expect(lingxi.note?.zh).toContain(
      `合计${others.reduce((s, m) => s + (m.pop_2020 ?? 0), 0).toLocaleString('zh-CN')}人`,
    );
    expect(lingxi.seats).toBe(3);
    // drawn areas are the rows' own polygons
    expect(core.area_drawn_km2).toBeCloseTo(row('unit-150702').area_drawn_km2 + 505.5, -1);
  });

  it('counts each place once in the city', () => {
    // Every seat counted once in the city; stations counted once per name.
    expect(row('city').seats).toBe(14);
    const inCity = layers('rail_stations').filter((f: F) =>
      layers('units').some((u: F) => booleanPointInPolygon(f.geometry.coordinates, u.geometry as never)),
    );
    const stations = row('city').stations;
    expect(Object.values(stations).reduce((s, n) => s + n, 0)).toBe(
      new Set(inCity.map((f: F) => f.properties.name_zh)).size,
    );
  });

  it('its CSV has a header and a row for each, with shares of the city', () => {
    const csv = statsCsv(stats, 'en');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = csvParseRows(csv.slice(1).trim());
    expect(rows).toHaveLength(stats.rows.length + 1);
    const popShare = rows[0].indexOf(
      must(
        COLUMNS.find((c) => c.id === 'pop_share'),
        'the share column',
      ).title.en,
    );
    expect(rows[1][popShare]).toBe('100');
    expect(rows.find((r) => r[0] === 'zone-lingxi')?.[2]).toBe(row('zone-lingxi').name.en);
  });
});

describe('downloads', () => {
  it('every layer file is the data of record with sources, licences and datum', () => {
    for (const name of ['units', 'rail_lines', 'rail_stations', 'ports']) {
      const file = v.parse(LayerDownloadSchema, JSON.parse(readFileSync(`public/data/layers/${name}.geojson`, 'utf8')));
      expect(file.features.map((f) => f.properties.id)).toEqual(features(name).map((f) => f.properties.id));
      expect(file.metadata.sources.length).toBeGreaterThan(0);
      expect(file.metadata.datum.zh).toContain('WGS84');
      if (name === 'rail_lines') expect(file.metadata.schematic).toBeDefined();
      const text = readme('zh', file.metadata.title.zh, [file.metadata]);
      expect(text).toContain('许可');
      for (const s of file.metadata.sources) expect(text).toContain(s);
    }
  });

  it('a point layer as CSV: id, names, lon, lat and every property, plan wording flattened', () => {
    const file = v.parse(LayerDownloadSchema, JSON.parse(readFileSync('public/data/layers/heritage.geojson', 'utf8')));
    const rows = csvParseRows(layerCsv(file).slice(1).trim());
    expect(rows[0].slice(0, 5)).toEqual(['id', 'name_zh', 'name_en', 'lon', 'lat']);
    expect(rows).toHaveLength(file.features.length + 1);
    const refs = rows[0].indexOf('plan_ref');
    expect(rows[1][refs]).toMatch(/^task \d+: /);
  });
});

describe('the pick rule', () => {
  const c = (id: string, px: number, rank: number) => ({ id, px, rank });
  it('takes the nearest place within the radius', () => {
    expect(nearest([c('station', 8, 2), c('seat', 3, 1)], 12)?.id).toBe('seat');
    expect(nearest([c('seat', 9, 1), c('station', 2, 2)], 12)?.id).toBe('station');
    expect(nearest([c('seat', 13, 1)], 12)).toBeNull();
  });
  it('equally near (within a pixel): seats before stations before ports before heritage', () => {
    expect(nearest([c('heritage', 4, 4), c('port', 4.5, 3), c('station', 4.2, 2), c('seat', 4.9, 1)], 12)?.id).toBe(
      'seat',
    );
    expect(nearest([c('heritage', 4, 4), c('port', 4.6, 3)], 12)?.id).toBe('port');
  });
  it('names a seat by its unit, never by the street office it stands in', () => {
    const seat = {
      kind: 'seat',
      name_zh: '正阳街道',
      name_en: 'Zhengyang Subdistrict',
      unit_zh: '海拉尔区',
      unit_en: 'Hailar District',
    };
    expect(placeName(seat)).toEqual({ zh: '海拉尔区 · 驻地', en: 'Hailar District · seat' });
    expect(placeName({ name_zh: '海拉尔站', name_en: 'Hailar station' })).toEqual({
      zh: '海拉尔站',
      en: 'Hailar station',
    });
  });
});
