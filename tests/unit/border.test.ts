// The national border along the city is the city outline, chosen and checked by the published
// positions of reference/border_check_points.csv; GSHHG, which puts Chinese positions in Russia,
// is kept only beyond the city (issue 24, item 3).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import type { LineString, MultiPolygon, Polygon } from 'geojson';
import { borderCheckProblems, readCheckPoints } from '../../scripts/data/border.ts';
import { parseCsv } from '../../scripts/data/lib/csv.ts';
import type { RecordFeature } from '../../scripts/data/lib/types.ts';
import { readGeojson } from './helpers.ts';
import { must } from '../../src/lib/must.ts';

const checkPoints = readCheckPoints(
  parseCsv(readFileSync('geodata/sources/reference/border_check_points.csv', 'utf8'), 'border_check_points.csv'),
);
const city = (readGeojson('city').features[0] as RecordFeature<Polygon | MultiPolygon>).geometry;
const borders = readGeojson('borders').features as RecordFeature<LineString>[];
const hailar = must(
  readGeojson('structure_points').features.find((f: RecordFeature) => f.properties.id === 'seat-150702'),
  'the Hailar seat',
).geometry.coordinates;
const gshhg = JSON.parse(readFileSync('geodata/sources/gshhg/borders.geojson', 'utf8')).features;
const byId = (id: string) =>
  must(
    borders.find((b) => b.properties.id === id),
    id,
  );

describe('the national border', () => {
  it('puts every published position on its side and passes within 250 m of the tripoint', () => {
    expect(checkPoints.length).toBeGreaterThanOrEqual(8);
    expect(checkPoints.map((c) => c.must_be)).toEqual(expect.arrayContaining(['CN', 'RU', 'on the line']));
    expect(borderCheckProblems('borders', checkPoints, city, borders, hailar)).toEqual([]);
  });

  it('GSHHG fails the same check: 室韦 village (two sources) and the Manzhouli road port in Russia, the tripoint 817 m off', () => {
    const problems = borderCheckProblems('borders', checkPoints, city, gshhg, hailar).map(
      (p) => `${p.feature}: ${p.reason}`,
    );
    expect(problems).toHaveLength(4);
    expect(
      problems.filter((p) => /^蒙兀室韦 village.*: must be in China, but the border as drawn \(GSHHG/.test(p)),
    ).toHaveLength(2);
    expect(problems.some((p) => /^满洲里公路口岸.*: must be in China/.test(p))).toBe(true);
    expect(problems.some((p) => /tripoint.*: 8\d\d m from the border as drawn \(GSHHG.*more than 250 m/.test(p))).toBe(
      true,
    );
  });

  it('along the city is the city outline, split at the tripoint; GSHHG only beyond it, joined to it', () => {
    const russia = byId('border-china-russia').geometry.coordinates;
    const mongolia = byId('border-china-mongolia').geometry.coordinates;
    expect(russia.at(-1)).toEqual(mongolia[0]);
    const tripoint = must(
      checkPoints.find((c) => c.must_be === 'on the line'),
      'the tripoint',
    ).at;
    expect(turf.distance(mongolia[0], tripoint) * 1000).toBeLessThan(250);
    // lengths along the outline: China–Russia ≈ 1,080 km, China–Mongolia ≈ 690 km
    expect(turf.length(turf.lineString(russia))).toBeGreaterThan(1000);
    expect(turf.length(turf.lineString(mongolia))).toBeGreaterThan(650);
    // every vertex of the two lines is a vertex of the city outline
    const ring = new Set((city.type === 'Polygon' ? city.coordinates[0] : city.coordinates[0][0]).map((p) => p.join()));
    expect([...russia, ...mongolia].filter((p) => !ring.has(p.join()))).toEqual([]);
    for (const id of ['border-china-russia', 'border-china-mongolia'])
      expect(byId(id).properties.source).toMatch(/^the run of the city outline/);
    // GSHHG beyond the city: no vertex inside the city, each piece joined to an end of the city's run
    const beyond = borders.filter((b) => b.properties.id.startsWith('border-gshhg-'));
    expect(beyond).toHaveLength(3);
    const ends = [russia[0], mongolia[0], mongolia.at(-1)].map((p) => p?.join());
    for (const b of beyond) {
      const c = b.geometry.coordinates;
      expect(ends.includes(c[0].join()) || ends.includes(c.at(-1)?.join()), b.properties.id).toBe(true);
      expect(c.slice(1, -1).filter((p) => turf.booleanPointInPolygon(p, city)).length, b.properties.id).toBeLessThan(
        c.length / 50,
      );
      expect(b.properties.source).toMatch(/^GSHHG 2\.3\.7.*beyond the city only/);
    }
  });
});
