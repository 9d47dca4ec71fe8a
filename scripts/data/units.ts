/**
 * What the plan says of each of the 14 county-level units: its zone and its role in
 * 一核两极多点, with the industries the plan names and the plan wording. Keyed by admin code.
 */
import type { PlanRef } from './lib/types.ts';
import type { Role, ZoneId } from '../../src/contracts/vocab.ts';
import { REFS } from './plan-refs.ts';

export interface UnitPlan {
  zone: ZoneId;
  role: Role;
  /** the structure area (core / pole) the unit belongs to, if any */
  structure: 'core' | 'pole-manzhouli' | 'pole-zalantun-arun' | null;
  industries: string[];
  plan_ref: PlanRef[];
  /** a note where the plan splits a unit (鄂温克族自治旗) */
  zone_note?: string;
}

const CORE_IND = ['现代装备制造', '数字经济', '商贸物流', '会展商务', '通航产业', '生态旅游', '冰雪产业'];
const EAST_IND = ['生物科技', '高端乳业', '智慧农业', '农畜产品精深加工', '临空产业', '清洁能源'];
const LINGXI_IND = ['口岸经济', '生态旅游', '生态草业', '智慧牧业', '传统奶制品', '农畜产品精深加工', '精品乳业'];
const LINGSHANG_IND = ['生态林业', '中医药(蒙医药)', '碳汇经济', '森林康养', '耐寒测试', '冰雪产业'];

const lingxi = (): UnitPlan => ({
  zone: 'zone-lingxi', role: 'point', structure: null, industries: LINGXI_IND,
  plan_ref: [REFS.points, REFS.lingxi, REFS.lingxiIndustries],
});
const lingshang = (): UnitPlan => ({
  zone: 'zone-lingshang', role: 'point', structure: null, industries: LINGSHANG_IND,
  plan_ref: [REFS.points, REFS.lingshang, REFS.lingshangIndustries],
});

export const EVENK_NOTE =
  '方案将"鄂温克族自治旗其他镇"划入岭西，旗府巴彦托海镇属中心城区（一核）；数据无镇界，故全旗绘入岭西。' +
  ' / The plan puts the banner\'s other towns in Lingxi and its seat (Bayan Tohoi) in the core; without town boundaries the whole banner is drawn in Lingxi.';

export const UNIT_PLAN: Record<string, UnitPlan> = {
  '150702': {
    zone: 'zone-core', role: 'core', structure: 'core', industries: CORE_IND,
    plan_ref: [REFS.pattern, REFS.coreGoal, REFS.coreTask, REFS.coreIndustries, REFS.coreResponsible],
  },
  '150724': {
    zone: 'zone-lingxi', role: 'core', structure: 'core', industries: CORE_IND,
    plan_ref: [REFS.coreGoal, REFS.coreTask, REFS.coreIndustries, REFS.lingxi, REFS.lingxiIndustries],
    zone_note: EVENK_NOTE,
  },
  '150781': {
    zone: 'zone-pole-manzhouli', role: 'pole', structure: 'pole-manzhouli', industries: ['泛口岸经济'],
    plan_ref: [REFS.pattern, REFS.manzhouliGoal, REFS.manzhouliPolicies, REFS.manzhouliPole],
  },
  '150703': {
    zone: 'zone-pole-manzhouli', role: 'pole_linked', structure: 'pole-manzhouli', industries: [],
    plan_ref: [REFS.manzhouliPole],
  },
  '150783': {
    zone: 'zone-pole-east', role: 'pole', structure: 'pole-zalantun-arun', industries: EAST_IND,
    plan_ref: [REFS.pattern, REFS.eastPole, REFS.eastIndustries, REFS.historicCity],
  },
  '150721': {
    zone: 'zone-pole-east', role: 'pole', structure: 'pole-zalantun-arun', industries: EAST_IND,
    plan_ref: [REFS.pattern, REFS.eastPole, REFS.eastIndustries],
  },
  '150722': {
    zone: 'zone-pole-east', role: 'pole_linked', structure: null, industries: EAST_IND,
    plan_ref: [REFS.eastPole, REFS.eastIndustries],
  },
  '150725': lingxi(),
  '150726': lingxi(),
  '150727': lingxi(),
  '150782': lingshang(),
  '150784': lingshang(),
  '150785': lingshang(),
  '150723': lingshang(),
};

export interface ZoneDef {
  id: ZoneId;
  name_zh: string;
  name_en: string;
  /** the plan names this zone; false = implied by the plan (the rest of the city) */
  named_in_plan: boolean;
  goal_zh: string;
  plan_ref: PlanRef[];
  note?: string;
  /** a label anchor chosen by hand where the computed one sits among other labels */
  label_at?: [number, number];
}

export const ZONES: ZoneDef[] = [
  {
    id: 'zone-lingxi', name_zh: '岭西地区', name_en: 'Lingxi (west of the Greater Khingan)', named_in_plan: true,
    goal_zh: '牧业现代化的示范区', plan_ref: [REFS.lingxi, REFS.lingxiIndustries, REFS.lingxiBorder], note: EVENK_NOTE,
    label_at: [118.75, 48.62],
  },
  {
    id: 'zone-lingshang', name_zh: '岭上地区', name_en: 'Lingshang (the Greater Khingan uplands)', named_in_plan: true,
    goal_zh: '人与自然和谐共生的典范区', plan_ref: [REFS.lingshang, REFS.lingshangIndustries],
  },
  {
    id: 'zone-core', name_zh: '中心城区（海拉尔区）', name_en: 'Central city (Hailar District)', named_in_plan: false,
    goal_zh: '呼伦贝尔中心城区一体化发展', plan_ref: [REFS.coreTask, REFS.coreGoal],
    note: '方案未把海拉尔区列入岭西或岭上；它与鄂温克族自治旗共同构成一核。 / Not in Lingxi or Lingshang; with the Evenk banner it forms the core.',
  },
  {
    id: 'zone-pole-manzhouli', name_zh: '满洲里市发展极', name_en: 'Manzhouli growth pole', named_in_plan: false,
    goal_zh: '向北开放的龙头、泛口岸经济', plan_ref: [REFS.manzhouliGoal, REFS.manzhouliPole],
    note: '方案未划分区，此为两极之一（满洲里市、扎赉诺尔区）。 / Implied by the plan: one of the two poles.',
  },
  {
    id: 'zone-pole-east', name_zh: '扎兰屯市—阿荣旗发展极', name_en: 'Zalantun–Arun growth pole', named_in_plan: false,
    goal_zh: '新旧动能转换示范区', plan_ref: [REFS.eastPole, REFS.eastIndustries],
    note: '方案未划分区，此为两极之一，含莫力达瓦达斡尔族自治旗城镇带。 / Implied by the plan: the eastern pole with the Morin Dawa town belt.',
  },
];
