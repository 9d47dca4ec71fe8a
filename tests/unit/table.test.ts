// A planner's layer as a table: filter (equals / contains / range, with and), search, sort
// (no value last), class breaks (quantiles, equal intervals, natural breaks), categories up to
// 12 then "other", and a field of mixed kinds styled as text.
import type { Feature, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  breaks,
  CATEGORY_COLOURS,
  columnsOf,
  matching,
  numberInText,
  OTHER_COLOUR,
  orderOf,
  rampColours,
  rowsOf,
  styleFeatures,
} from '../../src/lib/import/table.ts';

const pt = (p: Record<string, unknown>): Feature<Geometry | null> => ({
  type: 'Feature',
  properties: p,
  geometry: { type: 'Point', coordinates: [120, 49] },
});
const schools = [
  pt({ 名称: '海拉尔一中', 学生: 2100, 类型: '高中' }),
  pt({ 名称: '满洲里一中', 学生: 1800, 类型: '高中' }),
  pt({ 名称: '扎兰屯实验小学', 学生: 950, 类型: '小学' }),
  pt({ 名称: '牙克石二中', 类型: '初中' }),
  pt({ 名称: '根河小学', 学生: 300, 类型: '小学' }),
];

describe('the table', () => {
  const cols = columnsOf(schools);
  it('types its columns', () => {
    expect(cols).toEqual([
      { name: '名称', type: 'text' },
      { name: '学生', type: 'int' },
      { name: '类型', type: 'text' },
    ]);
  });
  it('filters with and: equals, contains, range; nothing matching is an empty list', () => {
    expect(matching(schools, [{ field: '类型', op: 'equals', value: '小学' }])).toEqual([2, 4]);
    expect(
      matching(schools, [
        { field: '名称', op: 'contains', value: '一中' },
        { field: '学生', op: 'range', min: 2000, max: null },
      ]),
    ).toEqual([0]);
    expect(matching(schools, [{ field: '学生', op: 'range', min: 5000, max: null }])).toEqual([]);
  });
  it('a range reads numbers written as text; text that is no number meets no range', () => {
    const plots = [pt({ 面积: '12.5' }), pt({ 面积: ' 3 ' }), pt({ 面积: '约 8' }), pt({ 面积: '' }), pt({ 面积: 20 })];
    expect(columnsOf(plots)[0].type).toBe('text');
    expect(matching(plots, [{ field: '面积', op: 'range', min: 3, max: 15 }])).toEqual([0, 1]);
    expect(matching(plots, [{ field: '面积', op: 'range', min: null, max: null }])).toEqual([0, 1, 4]);
    expect(['1,234', '-3e2', '.5', '0x1A', '1,23', '约 8', ''].map(numberInText)).toEqual([
      1234,
      -300,
      0.5,
      NaN,
      NaN,
      NaN,
      NaN,
    ]);
  });
  it('sorts numbers as numbers, text by pinyin order, no value last either way; searches every column', () => {
    const base = { conditions: [], q: '', desc: false };
    expect(orderOf(schools, cols, { ...base, sort: '学生' })).toEqual([4, 2, 1, 0, 3]);
    expect(orderOf(schools, cols, { ...base, sort: '学生', desc: true })).toEqual([0, 1, 2, 4, 3]);
    expect(orderOf(schools, cols, { ...base, sort: null, q: '小学' })).toEqual([2, 4]);
    const page = rowsOf(schools, cols, { ...base, sort: '学生', offset: 1, limit: 2 });
    expect(page).toMatchObject({ total: 5, matched: 5 });
    expect(page.rows.map((r) => r.cells[0])).toEqual(['扎兰屯实验小学', '满洲里一中']);
  });
});

describe('classes and categories', () => {
  it('breaks by quantiles, equal intervals and natural breaks', () => {
    const v = [1, 2, 3, 10, 11, 12, 20, 21, 22];
    expect(breaks(v, 3, 'equal')).toEqual([1, 8, 15, 22]);
    expect(breaks(v, 3, 'quantile')).toEqual([1, 10, 20, 22]);
    expect(breaks(v, 3, 'jenks')).toEqual([1, 10, 20, 22]);
    const pts = v.map((x) => pt({ v: x }));
    const s = styleFeatures(
      pts,
      { by: 'classes', field: 'v', method: 'jenks', classes: 3, ramp: 'blues' },
      columnsOf(pts),
    );
    expect(s.legend.entries.map((e) => e.count)).toEqual([3, 3, 3]);
    // nine classes, nine colours; many equal values make no empty class
    expect(new Set(rampColours('viridis', 9)).size).toBe(9);
    const flat = [0, 0, 0, 0, 0, 0, 5, 9].map((x) => pt({ v: x }));
    const q = styleFeatures(
      flat,
      { by: 'classes', field: 'v', method: 'quantile', classes: 5, ramp: 'blues' },
      columnsOf(flat),
    );
    expect(q.legend.entries.every((e) => e.count > 0)).toBe(true);
  });
  it('colours numbers by class with a legend of counts; features without a value are not coloured', () => {
    const s = styleFeatures(
      schools,
      { by: 'classes', field: '学生', method: 'equal', classes: 3, ramp: 'blues' },
      columnsOf(schools),
    );
    expect(s.by).toBe('classes');
    expect(s.colours[3]).toBeNull();
    expect(s.legend.entries.map((e) => e.count)).toEqual([1, 1, 2]);
    expect(s.legend.entries[0].label.zh).toBe('300 – 900');
  });
  it('text in 12 colours then "other"; a field of mixed kinds is styled as text', () => {
    const many = Array.from({ length: 15 }, (_, i) => pt({ 村: `村${i}` }));
    const s = styleFeatures(many, { by: 'category', field: '村' }, columnsOf(many));
    expect(s.legend.entries).toHaveLength(13);
    expect(s.legend.entries[12]).toMatchObject({ colour: OTHER_COLOUR, count: 3, label: { zh: '其他' } });
    expect(new Set(s.colours.slice(0, 12))).toEqual(new Set(CATEGORY_COLOURS));
    expect(s.colours.slice(12)).toEqual([OTHER_COLOUR, OTHER_COLOUR, OTHER_COLOUR]);
    const mixed = [pt({ 编码: 12 }), pt({ 编码: 'A7' })];
    expect(
      styleFeatures(
        mixed,
        { by: 'classes', field: '编码', method: 'quantile', classes: 5, ramp: 'viridis' },
        columnsOf(mixed),
      ).by,
    ).toBe('category');
  });
});
