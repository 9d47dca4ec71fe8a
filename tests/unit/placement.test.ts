// Points coarser than the lines they touch are moved to the right side, and the build checks it.
import { describe, expect, it } from 'vitest';
import type { Point } from 'geojson';
import { PLACED_LAYERS, checkPlacement, groundOf } from '../../scripts/data/placement.ts';
import type { RecordFeature } from '../../scripts/data/lib/types.ts';
import { readGeojson } from './helpers.ts';
import { must } from '../../src/lib/must.ts';

const ground = groundOf((name) => readGeojson(name).features);
const points = (name: string) => readGeojson(name).features as RecordFeature<Point>[];

describe('placement of points', () => {
  it('no point of record is on the wrong side of its unit, a lake or the border', () => {
    for (const name of PLACED_LAYERS) expect(checkPlacement(name, points(name), ground), name).toEqual([]);
  });

  it('refuses the source positions the audit found wrong', () => {
    // 额布都格口岸 as the reference places it: 378 m outside the drawn 新巴尔虎左旗
    const ports = points('ports');
    must(
      ports.find((p) => p.properties.id === 'port-ebduge'),
      'port-ebduge',
    ).geometry.coordinates = [118.0751, 48.0214];
    // 满洲里铁路口岸 as the reference places it: on the Russian side of the GSHHG border
    must(
      ports.find((p) => p.properties.id === 'port-manzhouli-rail'),
      'port-manzhouli-rail',
    ).geometry.coordinates = [117.3455, 49.6283];
    const reasons = checkPlacement('ports', ports, ground).map((p) => `${p.feature}: ${p.reason}`);
    expect(reasons).toContain(
      'port-ebduge: on the wrong side of a line: needs to be moved into New Barag Left Banner as drawn',
    );
    expect(reasons).toContain(
      'port-manzhouli-rail: on the wrong side of a line: needs to be moved to the Chinese side of the GSHHG border',
    );
    // 呼和诺尔镇 at the centroid of 呼和诺尔湖
    const heritage = points('heritage');
    const hohnuur = must(
      heritage.find((p) => p.properties.id === 'heritage-hohnuur'),
      'heritage-hohnuur',
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
    expect(checkPlacement('heritage', heritage, ground).map((p) => p.reason)).toContain(
      'on the wrong side of a line: needs to be moved out of the lake',
    );
  });

  it('says in the feature how far and why a point was moved, and the railway follows its station', () => {
    const rail = must(
      points('ports').find((p) => p.properties.id === 'port-manzhouli-rail'),
      'port',
    );
    expect(rail.properties.placement_note_zh).toMatch(/已移至国界（GSHHG）中国一侧，移动\d+米/);
    expect(rail.properties.approximate).toBe(true);
    const station = must(
      points('rail_stations').find((p) => p.properties.id === 'station-binzhou-21'),
      '国境 station',
    );
    const line = must(
      readGeojson('rail_lines').features.find(
        (l: { properties: { id: string } }) => l.properties.id === 'rail-binzhou',
      ),
      'rail-binzhou',
    );
    expect(line.geometry.coordinates).toContainEqual(station.geometry.coordinates);
  });
});
