/**
 * Feature details (from public/data/features.json) → what the card shows. Text only: the
 * card renders these strings as text, never as HTML, whatever the data holds.
 */
import { UI, type Lang, type Text } from './i18n.ts';

export interface PlanRef { task: number | null; part: string; quote: string }

export interface Details {
  id: string;
  layer: string;
  name_zh: string;
  name_en: string;
  source: string;
  confidence: 'high' | 'medium' | 'low';
  approximate?: boolean;
  schematic?: boolean;
  plan_ref?: PlanRef[];
  [key: string]: unknown;
}

export interface CardRow { label: string; value: string }
export interface Card {
  id: string;
  title: string;
  subtitle: string;
  kind: string;
  rows: CardRow[];
  plan: { label: string; quote: string }[];
  warnings: string[];
  source: string;
  confidence: string;
}

const KIND: Record<string, Text> = {
  city: { zh: '地级市', en: 'Prefecture-level city' },
  units: { zh: '旗市区（县级行政区）', en: 'County-level unit' },
  zones: { zh: '规划分区', en: 'Plan zone' },
  structure_areas: { zh: '一核两极', en: 'Core / pole' },
  structure_points: { zh: '城镇节点', en: 'Town' },
  rail_lines: { zh: '铁路', en: 'Railway' },
  rail_stations: { zh: '铁路车站', en: 'Railway station' },
  heritage: { zh: '历史文化', en: 'Heritage' },
  ports: { zh: '口岸与开放平台', en: 'Port / opening platform' },
  lakes: { zh: '湖泊', en: 'Lake' },
};

const ROLE: Record<string, Text> = {
  core: { zh: '一核', en: 'Core' },
  pole: { zh: '发展极', en: 'Growth pole' },
  pole_linked: { zh: '发展极带动', en: 'Linked to a pole' },
  point: { zh: '多点', en: 'Point' },
};
const STATUS: Record<string, Text> = {
  existing: { zh: '既有', en: 'existing' },
  upgrade: { zh: '升级改造（规划）', en: 'upgrade (planned)' },
  planned: { zh: '规划', en: 'planned' },
  uncertain: { zh: '状态未核实', en: 'status unverified' },
};
const ZONE: Record<string, Text> = {
  'zone-lingxi': { zh: '岭西地区', en: 'Lingxi' },
  'zone-lingshang': { zh: '岭上地区', en: 'Lingshang' },
  'zone-core': { zh: '中心城区', en: 'Central city' },
  'zone-pole-manzhouli': { zh: '满洲里市发展极', en: 'Manzhouli pole' },
  'zone-pole-east': { zh: '扎兰屯市—阿荣旗发展极', en: 'Zalantun–Arun pole' },
};

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

function numberText(n: number, lang: Lang): string {
  return n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');
}

export function planLabel(r: PlanRef, lang: Lang): string {
  if (r.task === null) {
    if (lang === 'zh') return r.part;
    return r.part.startsWith('二') ? 'Part 2: development goals' : r.part.startsWith('三') ? 'Part 3: key tasks' : r.part;
  }
  return lang === 'zh' ? `任务${r.task}` : `Task ${r.task}`;
}

export function buildCard(d: Details, lang: Lang): Card {
  const t = (x: Text) => x[lang];
  const rows: CardRow[] = [];
  const add = (label: Text, value: string | null | undefined) => { if (value) rows.push({ label: t(label), value }); };

  if (d.layer === 'units' || d.layer === 'city') {
    const pop = d.pop_2020;
    const popText = typeof pop === 'number'
      ? `${numberText(pop, lang)}${lang === 'zh' ? ' 人' : ''}${d.pop_confidence === 'low' ? `（${t(UI.derivedLow)}）` : ''}`
      : t(UI.unknown);
    add(UI.population, popText);
    if (typeof d.area_km2 === 'number') add(UI.area, `${numberText(Math.round(d.area_km2), lang)} ${t(UI.km2)}`);
    add(UI.seat, lang === 'zh' ? str(d.seat_zh) : str(d.seat_en));
    if (typeof d.zone === 'string' && ZONE[d.zone]) add(UI.zone, t(ZONE[d.zone]));
  }
  if (typeof d.role === 'string' && ROLE[d.role] && d.layer !== 'structure_areas') add(UI.role, t(ROLE[d.role]));
  if (d.layer === 'zones' || d.layer === 'structure_areas') {
    add(UI.members, str(d.members));
    if (typeof d.area_km2 === 'number') add(UI.area, `${numberText(Math.round(d.area_km2), lang)} ${t(UI.km2)}`);
  }
  if (d.layer === 'structure_points' && lang === 'zh') add(UI.zone, str(d.unit_zh));
  add(UI.industries, str(d.industries));
  if (typeof d.status === 'string' && STATUS[d.status]) add(UI.status, t(STATUS[d.status]));
  add(UI.kind, str(d.kind_zh) ?? str(d.kind_detail));
  add(UI.note, str(d.zone_note) ?? str(d.note));

  const warnings: string[] = [];
  if (d.approximate) warnings.push(t(UI.approximate));
  if (d.schematic) warnings.push(t(UI.schematic));

  return {
    id: d.id,
    title: lang === 'zh' ? d.name_zh : d.name_en || d.name_zh,
    subtitle: lang === 'zh' ? d.name_en : d.name_zh,
    kind: KIND[d.layer] ? t(KIND[d.layer]) : d.layer,
    rows,
    plan: (d.plan_ref ?? []).map((r) => ({ label: planLabel(r, lang), quote: r.quote })),
    warnings,
    source: d.source,
    confidence: t(UI[d.confidence]),
  };
}
