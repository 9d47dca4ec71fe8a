/**
 * The vocabulary shared by the data pipeline and the app: roles in 一核两极多点, zones,
 * rail statuses, confidence, the 14 county-level units, and their zh/en labels. One home:
 * the pipeline validates the data against these lists, the app labels with them.
 */
export type Lang = 'zh' | 'en';
export type Text = { zh: string; en: string };

/** A table of zh/en labels from [zh, en] pairs. */
const labels = <K extends string>(t: Record<K, readonly [string, string]>) =>
  Object.fromEntries(Object.entries<readonly [string, string]>(t).map(([k, [zh, en]]) => [k, { zh, en }])) as Record<
    K,
    Text
  >;

export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** core = 一核; pole = 两极; pole_linked = driven by / belt of a pole; point = 多点 */
export const ROLE_LABELS = labels({
  core: ['一核', 'Core'],
  pole: ['发展极', 'Growth pole'],
  pole_linked: ['发展极带动', 'Linked to a pole'],
  point: ['多点', 'Point'],
});
export type Role = keyof typeof ROLE_LABELS;
export const ROLES = Object.keys(ROLE_LABELS) as Role[];

export const ZONE_LABELS = labels({
  'zone-lingxi': ['岭西地区', 'Lingxi'],
  'zone-lingshang': ['岭上地区', 'Lingshang'],
  'zone-rest': ['岭西、岭上以外', 'Outside Lingxi and Lingshang'],
});
export type ZoneId = keyof typeof ZONE_LABELS;
export const ZONE_IDS = Object.keys(ZONE_LABELS) as ZoneId[];

/** The core and the two poles (structure_areas); a unit's `structure` names one. */
export const STRUCTURE_LABELS = labels({
  core: ['一核：呼伦贝尔中心城区', 'Core: Hulunbuir central city'],
  'pole-manzhouli': ['两极：满洲里市', 'Pole: Manzhouli'],
  'pole-zalantun-arun': ['两极：扎兰屯市—阿荣旗', 'Pole: Zalantun–Arun'],
});
export type StructureId = keyof typeof STRUCTURE_LABELS;

export const RAIL_STATUS_LABELS = labels({
  existing: ['既有', 'existing'],
  upgrade: ['升级改造（规划）', 'upgrade (planned)'],
  planned: ['规划', 'planned'],
  uncertain: ['状态未核实', 'status unverified'],
});
export type RailStatus = keyof typeof RAIL_STATUS_LABELS;
export const RAIL_STATUSES = Object.keys(RAIL_STATUS_LABELS) as RailStatus[];

/** The 14 county-level units, in the order of the plan's structure (core, poles, points). */
export const UNITS = [
  { code: '150702', zh: '海拉尔区', short_en: 'Hailar' },
  { code: '150724', zh: '鄂温克族自治旗', short_en: 'Evenk' },
  { code: '150781', zh: '满洲里市', short_en: 'Manzhouli' },
  { code: '150703', zh: '扎赉诺尔区', short_en: 'Jalainur' },
  { code: '150783', zh: '扎兰屯市', short_en: 'Zalantun' },
  { code: '150721', zh: '阿荣旗', short_en: 'Arun' },
  { code: '150722', zh: '莫力达瓦达斡尔族自治旗', short_en: 'Morin Dawa' },
  { code: '150725', zh: '陈巴尔虎旗', short_en: 'Chen Barag' },
  { code: '150726', zh: '新巴尔虎左旗', short_en: 'New Barag Left' },
  { code: '150727', zh: '新巴尔虎右旗', short_en: 'New Barag Right' },
  { code: '150782', zh: '牙克石市', short_en: 'Yakeshi' },
  { code: '150784', zh: '额尔古纳市', short_en: 'Ergun' },
  { code: '150785', zh: '根河市', short_en: 'Genhe' },
  { code: '150723', zh: '鄂伦春自治旗', short_en: 'Oroqen' },
] as const;
/** The feature id of a unit: one convention, here. */
export const unitId = (code: string) => `unit-${code}`;
/** Unit name (as the plan writes it) → feature id, in order of admin code. */
export const UNIT_ID_BY_NAME: Readonly<Record<string, string>> = Object.fromEntries(
  [...UNITS].sort((a, b) => (a.code < b.code ? -1 : 1)).map((u) => [u.zh, unitId(u.code)]),
);
/** The 14 unit ids, in order of admin code ("各旗市区人民政府"). */
export const ALL_UNIT_IDS: readonly string[] = Object.values(UNIT_ID_BY_NAME);

/** "任务10" / "Task 10"; the parts before the tasks are "方案" / "Plan". */
export function taskLabel(task: number | null, lang: Lang): string {
  if (task === null) return lang === 'zh' ? '方案' : 'Plan';
  return lang === 'zh' ? `任务${task}` : `Task ${task}`;
}
