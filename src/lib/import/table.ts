/**
 * (Read by the import worker: nothing here may import the page's state.)
 *
 * A planner's layer worked with as a table: its columns typed (exchange/fields.ts: a column
 * of mixed kinds is text), rows sorted, searched and filtered (equals / contains / range —
 * numbers written as text too — combined with and), and styled by a field — categories for text (a colour each, up to 12,
 * then "other"), classes for numbers (quantiles, equal intervals, natural breaks; 3–9 classes
 * on colour-blind-safe ramps) — each with its legend. Pure functions over the features, so that
 * the worker runs them on 200,000 rows and the tests in Node.
 */
import type { Feature, Geometry } from 'geojson';
import type { Text } from '../../contracts/vocab.ts';
import { cellText, type Field, fieldsOf } from '../exchange/fields.ts';

export type Condition =
  | { field: string; op: 'equals'; value: string }
  | { field: string; op: 'contains'; value: string }
  | { field: string; op: 'range'; min: number | null; max: number | null };

export type ClassMethod = 'quantile' | 'equal' | 'jenks';
export type StyleSpec =
  | { by: 'category'; field: string }
  | { by: 'classes'; field: string; method: ClassMethod; classes: number; ramp: RampName };

export interface LegendEntry {
  colour: string;
  label: Text;
  count: number;
}
export interface Legend {
  title: Text;
  entries: LegendEntry[];
}

/** Colour-blind-safe: Okabe–Ito's eight, then Paul Tol's muted to twelve (categories). */
export const CATEGORY_COLOURS = [
  '#E69F00',
  '#56B4E9',
  '#009E73',
  '#F0E442',
  '#0072B2',
  '#D55E00',
  '#CC79A7',
  '#000000',
  '#88CCEE',
  '#882255',
  '#999933',
  '#AA4499',
];
export const OTHER_COLOUR = '#BBBBBB';
/** Sequential ramps safe for colour-blind readers (ColorBrewer YlGnBu, Blues, Oranges; viridis), 9 steps each. */
export const RAMPS = {
  viridis: ['#440154', '#472d7b', '#3b528b', '#2c728e', '#21918c', '#28ae80', '#5ec962', '#addc30', '#fde725'],
  ylgnbu: ['#ffffd9', '#edf8b1', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#253494', '#081d58'],
  blues: ['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'],
  oranges: ['#fff5eb', '#fee6ce', '#fdd0a2', '#fdae6b', '#fd8d3c', '#f16913', '#d94801', '#a63603', '#7f2704'],
} as const;
export type RampName = keyof typeof RAMPS;
/** `n` colours spread over a 9-step ramp, light to dark. */
export const rampColours = (ramp: RampName, n: number): string[] =>
  // the palest step only when nine classes need every step (it is faint on the map)
  Array.from({ length: n }, (_, i) => RAMPS[ramp][n >= 9 ? i : Math.round(n === 1 ? 8 : 1 + (i * 7) / (n - 1))]);

export const columnsOf = (features: Feature<Geometry | null>[]): Field[] => fieldsOf(features);

/** A number written as text — "12.5", "1,234", "-3e2" — else NaN (not "0x1A", not "约 8"). */
export function numberInText(s: string): number {
  const t = s.trim().replace(/(\d),(?=\d{3}\b)/g, '$1');
  return /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(t) ? Number(t) : Number.NaN;
}

/** Whether a feature's properties meet every condition. */
export function meets(p: Record<string, unknown> | null, conditions: readonly Condition[]): boolean {
  for (const c of conditions) {
    const v = p?.[c.field];
    if (c.op === 'equals') {
      if (cellText(v) !== c.value) return false;
    } else if (c.op === 'contains') {
      if (!cellText(v).toLowerCase().includes(c.value.toLowerCase())) return false;
    } else {
      // a number, or a number written as text ("12.5": a CSV's or a mixed column's)
      const n = typeof v === 'number' ? v : typeof v === 'string' ? numberInText(v) : Number.NaN;
      if (!Number.isFinite(n)) return false;
      if (c.min !== null && n < c.min) return false;
      if (c.max !== null && n > c.max) return false;
    }
  }
  return true;
}

/** The indexes of the features that meet the conditions (all, when there are none). */
export function matching(features: Feature<Geometry | null>[], conditions: readonly Condition[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < features.length; i++)
    if (!conditions.length || meets(features[i].properties, conditions)) out.push(i);
  return out;
}

export interface RowsQuery {
  conditions: Condition[];
  /** a search over every column (contains, case-blind) */
  q: string;
  sort: string | null;
  desc: boolean;
  offset: number;
  limit: number;
}
export interface RowsPage {
  total: number;
  matched: number;
  rows: { i: number; cells: string[] }[];
  columns: Field[];
}

/** A page of the table: the rows meeting the filter and the search, in the order asked. */
export function rowsOf(
  features: Feature<Geometry | null>[],
  columns: Field[],
  query: RowsQuery,
  order?: number[],
): RowsPage {
  const ids = order ?? orderOf(features, columns, query);
  return {
    total: features.length,
    matched: ids.length,
    columns,
    rows: ids.slice(query.offset, query.offset + query.limit).map((i) => ({
      i,
      cells: columns.map((c) => cellText(features[i].properties?.[c.name]).slice(0, 200)),
    })),
  };
}

/** The rows' order for a query (the worker keeps it while only the page scrolled). */
export function orderOf(
  features: Feature<Geometry | null>[],
  columns: Field[],
  query: Omit<RowsQuery, 'offset' | 'limit'>,
): number[] {
  let ids = matching(features, query.conditions);
  const needle = query.q.trim().toLowerCase();
  if (needle)
    ids = ids.filter((i) =>
      columns.some((c) => cellText(features[i].properties?.[c.name]).toLowerCase().includes(needle)),
    );
  if (query.sort) {
    const col = columns.find((c) => c.name === query.sort);
    const key = query.sort;
    const dir = query.desc ? -1 : 1;
    const numeric = col?.type === 'int' || col?.type === 'real';
    const value = (i: number) => features[i].properties?.[key];
    const coll = new Intl.Collator('zh-CN', { numeric: true });
    const keyed = ids.map((i) => ({ i, v: numeric ? (value(i) as number | null | undefined) : cellText(value(i)) }));
    keyed.sort((a, b) => {
      // no value last, whichever the direction
      const ea = a.v === null || a.v === undefined || a.v === '';
      const eb = b.v === null || b.v === undefined || b.v === '';
      if (ea || eb) return ea === eb ? a.i - b.i : ea ? 1 : -1;
      const d = numeric ? (a.v as number) - (b.v as number) : coll.compare(a.v as string, b.v as string);
      return d ? dir * d : a.i - b.i;
    });
    ids = keyed.map((k) => k.i);
  }
  return ids;
}

/** Point radii (px at zoom 10) by a number field, by the square root (area follows the number): 3–12 px. */
export const SIZE_RANGE = [3, 12] as const;
/** A point's radius on the map (px at zoom 10) when no field sizes it: the map's, the exports' styles'. */
export const POINT_RADIUS = 6;
export function sizesBy(
  features: Feature<Geometry | null>[],
  field: string,
): { sizes: (number | null)[]; min: number; max: number } | null {
  const nums = features
    .map((f) => f.properties?.[field])
    .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (!nums.length) return null;
  let min = Infinity;
  let max = -Infinity;
  for (const v of nums) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const [a, b] = SIZE_RANGE;
  const sizes = features.map((f) => {
    const v = f.properties?.[field];
    if (typeof v !== 'number' || !Number.isFinite(v)) return null;
    return Math.round((a + (b - a) * Math.sqrt(max > min ? (v - min) / (max - min) : 1)) * 10) / 10;
  });
  return { sizes, min, max };
}

/** Class breaks (n + 1 values, lowest to highest) of sorted numbers by the method asked. */
export function breaks(sorted: number[], n: number, method: ClassMethod): number[] {
  const lo = sorted[0];
  const hi = sorted[sorted.length - 1];
  if (method === 'equal') return Array.from({ length: n + 1 }, (_, i) => lo + ((hi - lo) * i) / n);
  if (method === 'quantile')
    return Array.from({ length: n + 1 }, (_, i) => (i === n ? hi : sorted[Math.floor((i * sorted.length) / n)]));
  return jenks(sorted, n);
}

/**
 * Natural breaks (Jenks–Fisher), on at most 1,000 values evenly taken from the sorted list (the
 * exact method is quadratic: 200,000 values would take minutes; the sample's breaks differ
 * by less than a class's width).
 */
function jenks(sorted: number[], n: number): number[] {
  const step = Math.max(1, sorted.length / 1000);
  const data: number[] = [];
  for (let i = 0; i < sorted.length; i += step) data.push(sorted[Math.floor(i)]);
  if (data[data.length - 1] !== sorted[sorted.length - 1]) data.push(sorted[sorted.length - 1]);
  const m = data.length;
  const lower = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0));
  const variance = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  for (let j = 1; j <= n; j++) {
    lower[1][j] = 1;
    variance[1][j] = 0;
  }
  for (let l = 2; l <= m; l++) {
    let s1 = 0;
    let s2 = 0;
    let w = 0;
    let v = 0;
    for (let k = 1; k <= l; k++) {
      const i3 = l - k + 1;
      const val = data[i3 - 1];
      s2 += val * val;
      s1 += val;
      w++;
      v = s2 - (s1 * s1) / w;
      const i4 = i3 - 1;
      if (i4 !== 0)
        for (let j = 2; j <= n; j++)
          if (variance[l][j] >= v + variance[i4][j - 1]) {
            lower[l][j] = i3;
            variance[l][j] = v + variance[i4][j - 1];
          }
    }
    lower[l][1] = 1;
    variance[l][1] = v;
  }
  const out = new Array<number>(n + 1);
  out[n] = data[m - 1];
  out[0] = data[0];
  let k = m;
  for (let j = n; j >= 2; j--) {
    // the lowest value of class j (classes hold [break, next break))
    out[j - 1] = data[lower[k][j] - 1];
    k = lower[k][j] - 1;
  }
  return out;
}

const fmt = (v: number, lang: 'zh' | 'en') =>
  v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: Math.abs(v) >= 100 ? 0 : 2 });

/**
 * Each feature's colour (null: not drawn by this style — no value) and the legend, for a style
 * by a field. A field that is not all numbers is styled as categories, whatever was asked.
 */
export function styleFeatures(
  features: Feature<Geometry | null>[],
  spec: StyleSpec,
  columns: Field[],
): { colours: (string | null)[]; legend: Legend; by: 'category' | 'classes' } {
  const col = columns.find((c) => c.name === spec.field);
  const numeric = col?.type === 'int' || col?.type === 'real';
  const value = (f: Feature<Geometry | null>) => f.properties?.[spec.field];
  if (spec.by === 'classes' && numeric) {
    const nums = features.map(value).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    const sorted = Float64Array.from(nums).sort();
    const asked = Math.max(3, Math.min(9, Math.round(spec.classes) || 5));
    if (sorted.length) {
      // breaks that repeat (many equal values) would make empty classes: one class each
      const b = [...new Set(breaks(Array.from(sorted), asked, spec.method))];
      if (b.length === 1) b.push(b[0]);
      const n = b.length - 1;
      const colours = rampColours(spec.ramp, n);
      const counts = new Array<number>(n).fill(0);
      const classOf = (v: number) => {
        for (let k = 0; k < n - 1; k++) if (v < b[k + 1]) return k;
        return n - 1;
      };
      const out = features.map((f) => {
        const v = value(f);
        if (typeof v !== 'number' || !Number.isFinite(v)) return null;
        const k = classOf(v);
        counts[k]++;
        return colours[k];
      });
      return {
        by: 'classes',
        colours: out,
        legend: {
          title: {
            zh: `${spec.field}（${METHOD_NAME[spec.method].zh}，${n} 级）`,
            en: `${spec.field} (${METHOD_NAME[spec.method].en}, ${n} classes)`,
          },
          entries: colours.map((colour, k) => ({
            colour,
            count: counts[k],
            label: {
              zh: `${fmt(b[k], 'zh')} – ${fmt(b[k + 1], 'zh')}`,
              en: `${fmt(b[k], 'en')} – ${fmt(b[k + 1], 'en')}`,
            },
          })),
        },
      };
    }
  }
  // categories: the 12 commonest values a colour each, then "other"
  const counts = new Map<string, number>();
  for (const f of features) {
    const t = cellText(value(f));
    if (t !== '') counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const coll = new Intl.Collator('zh-CN', { numeric: true });
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || coll.compare(a[0], b[0]));
  const shown = ranked.slice(0, CATEGORY_COLOURS.length);
  const colourOf = new Map(shown.map(([t], k) => [t, CATEGORY_COLOURS[k]]));
  const rest = ranked.slice(CATEGORY_COLOURS.length).reduce((s, [, c]) => s + c, 0);
  return {
    by: 'category',
    colours: features.map((f) => {
      const t = cellText(value(f));
      return t === '' ? null : (colourOf.get(t) ?? OTHER_COLOUR);
    }),
    legend: {
      title: { zh: spec.field, en: spec.field },
      entries: [
        ...shown.map(([t, count], k) => ({ colour: CATEGORY_COLOURS[k], count, label: { zh: t, en: t } })),
        ...(rest ? [{ colour: OTHER_COLOUR, count: rest, label: { zh: '其他', en: 'other' } }] : []),
      ],
    },
  };
}

export const METHOD_NAME: Record<ClassMethod, Text> = {
  quantile: { zh: '分位数', en: 'quantiles' },
  equal: { zh: '等间距', en: 'equal intervals' },
  jenks: { zh: '自然断点', en: 'natural breaks' },
};
