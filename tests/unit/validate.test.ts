import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateCollection } from '../../scripts/data/lib/validate.ts';

const dir = 'tests/fixtures/geodata';
const planText = readFileSync('geodata/plan/plan.txt', 'utf8');
const load = (name: string) => JSON.parse(readFileSync(`${dir}/${name}`, 'utf8'));
const check = (name: string, planning = false) => validateCollection(name, load(name), { planning, planText });

describe('geodata validation', () => {
  it('accepts the good fixture, as a planning layer with quotes from the plan', () => {
    expect(check('good.geojson', true)).toEqual([]);
  });

  it('refuses an empty layer', () => {
    expect(check('empty.geojson')).toEqual([
      { file: 'empty.geojson', feature: '-', reason: 'empty layer: no features' },
    ]);
  });

  // Each invalid fixture must produce its own named error, naming file and feature.
  const expected: Record<string, [string, RegExp]> = {
    'invalid-self-intersection.geojson': ['bowtie', /self-intersection at 119\.05,49\.05/],
    'invalid-unclosed-ring.geojson': ['open-ring', /unclosed ring/],
    'invalid-outside-region.geojson': ['in-beijing', /outside the region box/],
    'invalid-duplicate-id.geojson': ['twice', /duplicate id/],
    'invalid-missing-property.geojson': ['no-english', /missing required property "name_en"/],
    'invalid-spam-text.geojson': ['spammed', /injected spam/],
    'invalid-precision.geojson': ['too-precise', /more than 6 decimals/],
    'invalid-winding.geojson': ['clockwise', /exterior ring is clockwise/],
    'invalid-structure.geojson': ['bad-point', /invalid GeoJSON/],
    'invalid-zh-english.geojson': ['unit-150782', /property "seat_zh" holds no Chinese/],
    'invalid-en-chinese.geojson': ['zone-manzhouli-border-trade', /property "name_en" holds Chinese/],
    'invalid-fact-no-source.geojson': ['city-hulunbuir', /property "pop_2020" has no source \(needs "pop_source"\)/],
  };
  for (const [file, [feature, reason]] of Object.entries(expected)) {
    it(`refuses ${file}`, () => {
      const problems = check(file);
      expect(problems.length).toBeGreaterThan(0);
      expect(problems[0]).toMatchObject({ file, feature });
      expect(problems.map((p) => p.reason).join('\n')).toMatch(reason);
    });
  }

  it('refuses a plan quote that is not in the plan', () => {
    const problems = check('invalid-plan-quote.geojson', true);
    expect(problems).toHaveLength(1);
    expect(problems[0].reason).toMatch(/quote not found in the plan: "满洲里市建设国际航运中心"/);
  });

  it('refuses a planning feature without plan_ref', () => {
    const problems = check('invalid-outside-region.geojson', true);
    expect(problems.map((p) => p.reason)).toContain('planning feature without plan_ref');
  });

  it('refuses NaN coordinates', () => {
    const fc = load('good.geojson');
    fc.features[1].geometry.coordinates = [Number.NaN, 49];
    const problems = validateCollection('nan.geojson', fc, {});
    expect(problems.map((p) => p.reason).join()).toMatch(/NaN|invalid GeoJSON/);
    expect(problems[0].feature).toBe('good-point');
  });

  it('covers every invalid fixture committed', () => {
    const invalid = readdirSync(dir).filter((f) => f.startsWith('invalid-'));
    expect(invalid.sort()).toEqual([...Object.keys(expected), 'invalid-plan-quote.geojson'].sort());
  });
});

describe('public text holds no working notes (issue 24)', () => {
  it('refuses the notes the public read before: "placeholder; verify before publishing", "…; verify", "核实后…"', async () => {
    const { workingNote } = await import('../../scripts/data/lib/validate.ts');
    // heritage-qiqian's and the north sector's notes before issue 24
    expect(workingNote('placeholder; verify before publishing')).toBe('verify');
    expect(workingNote('so this point is ~1.8 km N of the station; verify')).toBe('verify');
    expect(workingNote('TODO: the exact block')).toBe('TODO');
    expect(workingNote('位置核实后补充')).toBe('核实后');
    // a statement of what was not checked is not a working note
    expect(workingNote('city proper (seat subdistrict not verified)')).toBeNull();
    const good = load('good.geojson');
    good.features[0].properties.note = 'placeholder; verify before publishing';
    expect(validateCollection('heritage.geojson', good).map((p) => p.reason)).toEqual([
      'public text holds a working note ("verify"): placeholder; verify before publishing',
    ]);
  });

  it('finds none in the data of record, the tours or the plan', async () => {
    const { allStrings, workingNote } = await import('../../scripts/data/lib/validate.ts');
    for (const f of ['public/data/features.json', 'public/data/tours.json', 'public/data/plan.json'])
      expect(
        allStrings(JSON.parse(readFileSync(f, 'utf8'))).filter((s) => workingNote(s)),
        f,
      ).toEqual([]);
  });
});
