// CSV in and out (d3-dsv), and the contracts' runtime validation of the app's data files.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../scripts/data/lib/csv.ts';
import { buildMatrix, matrixCsv } from '../../src/lib/plan/matrix.ts';
import { parseOrThrow } from '../../src/contracts/issues.ts';
import { PlanSchema } from '../../src/contracts/plan.ts';
import { DetailsFileSchema } from '../../src/contracts/feature.ts';
import { ToursFileSchema } from '../../src/contracts/tour.ts';
import { SearchIndexSchema } from '../../src/contracts/search.ts';

describe('parseCsv (source CSVs)', () => {
  it('reads quoted fields, doubled quotes, commas and newlines in quotes, CRLF and a BOM', () => {
    const rows = parseCsv('\ufeffid,name,note\r\n1,"满洲里, 市","he said ""hi"""\r\n2,b,"two\nlines"\n', 't.csv');
    expect(rows).toEqual([
      { id: '1', name: '满洲里, 市', note: 'he said "hi"' },
      { id: '2', name: 'b', note: 'two\nlines' },
    ]);
  });

  it('refuses a row with the wrong number of fields, naming the file and the row', () => {
    expect(() => parseCsv('a,b\n1,2\n3\n', 'places.csv')).toThrow('places.csv: row 3 has 1 fields, header has 2');
  });

  it('refuses an unterminated quoted field', () => {
    expect(() => parseCsv('a,b\n1,"2\n', 'x.csv')).toThrow('x.csv: unterminated quoted field');
  });

  it('reads every source CSV of record', () => {
    for (const f of ['places', 'rail', 'heritage']) {
      expect(parseCsv(readFileSync(`geodata/sources/reference/${f}.csv`, 'utf8'), f).length, f).toBeGreaterThan(3);
    }
  });
});

describe('the matrix CSV', () => {
  const plan = parseOrThrow(PlanSchema, JSON.parse(readFileSync('public/data/plan.json', 'utf8')), 'plan.json');
  it('has a BOM, CRLF lines, a header and 22 task rows, quoting what needs it', () => {
    const csv = matrixCsv(buildMatrix(plan), 'zh');
    expect(csv.startsWith('\ufeff任务,标题,海拉尔区')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.length - 2).toBe(22);
    const back = parseCsv(csv, 'matrix.csv');
    expect(back).toHaveLength(22);
    expect(back[1].任务).toBe('2');
  });
});

describe('the data files meet their contracts', () => {
  const read = (f: string) => JSON.parse(readFileSync(`public/data/${f}`, 'utf8'));
  it('the built files parse', () => {
    expect(Object.keys(parseOrThrow(DetailsFileSchema, read('features.json'), 'features.json')).length).toBeGreaterThan(
      100,
    );
    expect(parseOrThrow(PlanSchema, read('plan.json'), 'plan.json').tasks).toHaveLength(22);
    expect(parseOrThrow(ToursFileSchema, read('tours.json'), 'tours.json').length).toBeGreaterThan(0);
    expect(parseOrThrow(SearchIndexSchema, read('search.json'), 'search.json').length).toBeGreaterThan(100);
  });

  it('a malformed file is refused with the path of what is wrong', () => {
    const plan = read('plan.json');
    plan.tasks[3].number = 'four';
    expect(() => parseOrThrow(PlanSchema, plan, 'data/plan.json')).toThrow(
      /data\/plan\.json is malformed: tasks\[3\]\.number/,
    );
    const details = read('features.json');
    details['unit-150781'].confidence = 'certain';
    expect(() => parseOrThrow(DetailsFileSchema, details, 'data/features.json')).toThrow(/unit-150781\.confidence/);
    expect(() => parseOrThrow(ToursFileSchema, { tours: [] }, 'data/tours.json')).toThrow(
      /data\/tours\.json is malformed/,
    );
  });
});
