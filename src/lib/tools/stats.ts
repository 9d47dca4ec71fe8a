/**
 * The zone statistics table: its columns (one list, for the table and its CSV), with the
 * shares of the city and densities derived here from data/stats.json.
 */
import type { Lang, Text } from '../../contracts/vocab.ts';
import { RAIL_STATUS_LABELS, RAIL_STATUSES } from '../../contracts/vocab.ts';
import type { StatsFile, StatsRow } from '../../contracts/stats.ts';
import { loadDataFile } from '../data-files.ts';
import { csvText } from '../ui/csv.ts';

export const loadStats = () =>
  loadDataFile('stats.json', () => import('../../contracts/stats.ts').then((m) => m.StatsFileSchema));

export interface Column {
  id: string;
  title: Text;
  /** the figure (null: none), for sorting, the table and the CSV */
  value: (r: StatsRow, city: StatsRow) => number | null;
  /** decimals shown */
  digits: number;
  /** a percentage */
  percent?: boolean;
  /** what the figure is, for the column's heading (its title) */
  hint?: (city: StatsRow) => Text;
}

const share = (a: number | null, b: number | null) => (a !== null && b ? (100 * a) / b : null);
const area = (r: StatsRow) => r.area_official_km2 ?? null;
const km2 = (v: number | null, lang: Lang) =>
  v === null ? '—' : v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: 2 });

export const COLUMNS: Column[] = [
  {
    id: 'area_official',
    title: { zh: '面积（官方，平方公里）', en: 'Area, official (km²)' },
    value: (r) => r.area_official_km2,
    digits: 0,
    hint: (c) => ({
      zh: `单位：公布数；全市：公布数${km2(c.area_official_km2, 'zh')}（各单位之和${km2(c.area_sum_km2 ?? null, 'zh')}）；分区与一核两极：成员之和`,
      en: `Units: published figures; the city: its published ${km2(c.area_official_km2, 'en')} (its units add up to ${km2(c.area_sum_km2 ?? null, 'en')}); zones, core and poles: sums of members`,
    }),
  },
  {
    id: 'area_drawn',
    title: { zh: '面积（按图，平方公里）', en: 'Area as drawn (km²)' },
    value: (r) => r.area_drawn_km2,
    digits: 0,
  },
  {
    id: 'area_share',
    title: { zh: '占全市面积（官方）', en: "Share of the city's official area" },
    value: (r, c) => share(area(r) ?? r.area_drawn_km2, area(c) ?? c.area_drawn_km2),
    digits: 1,
    percent: true,
    hint: (c) => ({
      zh: `本行官方面积 ÷ 全市官方面积${km2(c.area_official_km2, 'zh')}平方公里`,
      en: `The row's official area ÷ the city's official ${km2(c.area_official_km2, 'en')} km²`,
    }),
  },
  { id: 'pop', title: { zh: '常住人口（2020）', en: 'Population (2020)' }, value: (r) => r.pop_2020, digits: 0 },
  {
    id: 'pop_share',
    title: { zh: '占全市人口', en: 'Share of city population' },
    value: (r, c) => share(r.pop_2020, c.pop_2020),
    digits: 1,
    percent: true,
  },
  {
    id: 'density',
    title: { zh: '人口密度（人/平方公里）', en: 'Density (per km²)' },
    value: (r) => (r.pop_2020 !== null ? r.pop_2020 / (area(r) ?? r.area_drawn_km2) : null),
    digits: 1,
  },
  { id: 'seats', title: { zh: '驻地', en: 'Seats' }, value: (r) => r.seats, digits: 0 },
  ...RAIL_STATUSES.map(
    (s): Column => ({
      id: `stations_${s}`,
      title: { zh: `车站：${RAIL_STATUS_LABELS[s].zh}`, en: `Stations: ${RAIL_STATUS_LABELS[s].en}` },
      value: (r) => r.stations[s],
      digits: 0,
    }),
  ),
  { id: 'heritage', title: { zh: '历史文化街区/名镇', en: 'Heritage sites' }, value: (r) => r.heritage, digits: 0 },
  { id: 'ports', title: { zh: '口岸', en: 'Land ports' }, value: (r) => r.ports, digits: 0 },
  { id: 'airports', title: { zh: '机场', en: 'Airports' }, value: (r) => r.airports, digits: 0 },
];

export const KIND_LABELS: Record<StatsRow['kind'], Text> = {
  city: { zh: '全市', en: 'City' },
  zone: { zh: '分区', en: 'Zone' },
  structure: { zh: '一核两极', en: 'Core / pole' },
  unit: { zh: '旗市区', en: 'Unit' },
};

export const BASIS_NOTE: Record<StatsRow['pop_basis'], Text> = {
  source: { zh: '来源数据', en: 'from its source' },
  sum: { zh: '成员之和（推算）', en: 'sum of members (derived)' },
  partial: { zh: '部分成员缺数，不给合计', en: 'some members missing: no sum' },
  missing: { zh: '缺数', en: 'missing' },
};

export function formatValue(c: Column, v: number | null, lang: Lang): string {
  if (v === null) return '—';
  const s = v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    maximumFractionDigits: c.digits,
    minimumFractionDigits: c.percent ? c.digits : 0,
  });
  return c.percent ? `${s}%` : s;
}

/** The table as CSV (UTF-8 with BOM), in the language asked, with how each figure was arrived at. */
export function statsCsv(stats: StatsFile, lang: Lang): string {
  const { head, rows } = statsTable(stats, lang);
  return csvText([head, ...rows]);
}

/** The table's heading and rows (the CSV's, and the attributes of its export with geometries). */
export function statsTable(stats: StatsFile, lang: Lang): { head: string[]; rows: (string | number | null)[][] } {
  const city = stats.rows.find((r) => r.kind === 'city') ?? stats.rows[0];
  const head = [
    lang === 'zh' ? '编号' : 'id',
    lang === 'zh' ? '类别' : 'kind',
    lang === 'zh' ? '名称' : 'name',
    lang === 'zh' ? '组成单位' : 'members',
    ...COLUMNS.map((c) => c.title[lang]),
    lang === 'zh' ? '官方面积依据' : 'official area basis',
    lang === 'zh' ? '成员官方面积之和（平方公里）' : "members' official areas, sum (km²)",
    lang === 'zh' ? '人口依据' : 'population basis',
    lang === 'zh' ? '说明' : 'note',
    lang === 'zh' ? '面积来源' : 'area sources',
    lang === 'zh' ? '人口来源' : 'population sources',
  ];
  const names = new Map(stats.rows.map((r) => [r.id, r.name[lang]]));
  const rows = stats.rows.map((r) => [
    r.id,
    KIND_LABELS[r.kind][lang],
    r.name[lang],
    r.member_ids.map((id) => names.get(id) ?? id).join(lang === 'zh' ? '、' : '; '),
    ...COLUMNS.map((c) => {
      const v = c.value(r, city);
      return v === null ? '' : Number(v.toFixed(c.digits));
    }),
    BASIS_NOTE[r.area_official_basis][lang],
    r.area_sum_km2 ?? (r.area_official_basis === 'sum' ? r.area_official_km2 : ''),
    BASIS_NOTE[r.pop_basis][lang],
    r.note?.[lang] ?? '',
    r.area_official_sources.join(' | '),
    r.pop_sources.join(' | '),
  ]);
  return { head, rows };
}
