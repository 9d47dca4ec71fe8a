/**
 * What the plan says of each of the 14 county-level units: its zone and its role in
 * 一核两极多点, with the industries the plan names and the plan wording. Keyed by admin code.
 */
import type { PlanRef } from './lib/types.ts';
import type { Role, StructureId, ZoneId } from '../../src/contracts/vocab.ts';
import { REFS } from './plan-refs.ts';

export interface UnitPlan {
  zone: ZoneId;
  role: Role;
  /** the structure area (core / pole) the unit belongs to, if any */
  structure: StructureId | null;
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
  zone: 'zone-lingxi',
  role: 'point',
  structure: null,
  industries: LINGXI_IND,
  plan_ref: [REFS.points, REFS.lingxi, REFS.lingxiIndustries],
});
const lingshang = (): UnitPlan => ({
  zone: 'zone-lingshang',
  role: 'point',
  structure: null,
  industries: LINGSHANG_IND,
  plan_ref: [REFS.points, REFS.lingshang, REFS.lingshangIndustries],
});

/**
 * Units the plan splits: 鄂温克族自治旗's seat town 巴彦托海镇 is in the core (呼伦贝尔中心城区:
 * "海拉尔区(含呼伦贝尔经济技术开发区)与鄂温克族自治旗一体化"), its other towns in 岭西
 * ("岭西地区(鄂温克族自治旗其他镇、…)"). The town is drawn as a schematic area (layers/core-town.ts)
 * from its row in reference/city_and_core.csv.
 */
export const SPLIT_UNITS: Record<
  string,
  { town_id: string; town_zh: string; town_en: string; rest_zh: string; rest_en: string }
> = {
  '150724': {
    town_id: 'town-bayantuohai',
    town_zh: '鄂温克族自治旗巴彦托海镇',
    town_en: 'Bayantuohai Town (Evenk banner seat)',
    rest_zh: '鄂温克族自治旗其他镇',
    rest_en: "the Evenk Autonomous Banner's other towns",
  },
};

export const EVENK_NOTE =
  '方案将“鄂温克族自治旗其他镇”划入岭西，旗府巴彦托海镇属中心城区（一核）。镇界未公布：巴彦托海镇按其公布面积505.49平方公里示意绘出，属一核，岭西不含此范围。' +
  " / The plan puts the Evenk Banner's other towns in Lingxi and its seat, Bayantuohai Town, in the core (the central city). The town's boundary is not published: it is drawn as a schematic area of its published 505.49 km², in the core and outside Lingxi.";

export const UNIT_PLAN: Record<string, UnitPlan> = {
  '150702': {
    zone: 'zone-rest',
    role: 'core',
    structure: 'core',
    industries: CORE_IND,
    plan_ref: [REFS.pattern, REFS.coreGoal, REFS.coreTask, REFS.coreIndustries, REFS.coreResponsible],
  },
  '150724': {
    zone: 'zone-lingxi',
    role: 'core',
    structure: 'core',
    industries: CORE_IND,
    plan_ref: [REFS.coreGoal, REFS.coreTask, REFS.coreIndustries, REFS.lingxi, REFS.lingxiIndustries],
    zone_note: EVENK_NOTE,
  },
  '150781': {
    zone: 'zone-rest',
    role: 'pole',
    structure: 'pole-manzhouli',
    industries: ['泛口岸经济'],
    plan_ref: [REFS.pattern, REFS.manzhouliGoal, REFS.manzhouliPolicies, REFS.manzhouliPole],
  },
  '150703': {
    zone: 'zone-rest',
    role: 'pole_linked',
    structure: 'pole-manzhouli',
    industries: [],
    plan_ref: [REFS.manzhouliPole],
  },
  '150783': {
    zone: 'zone-rest',
    role: 'pole',
    structure: 'pole-zalantun-arun',
    industries: EAST_IND,
    plan_ref: [REFS.pattern, REFS.eastPole, REFS.eastIndustries, REFS.historicCity],
  },
  '150721': {
    zone: 'zone-rest',
    role: 'pole',
    structure: 'pole-zalantun-arun',
    industries: EAST_IND,
    plan_ref: [REFS.pattern, REFS.eastPole, REFS.eastIndustries],
  },
  '150722': {
    zone: 'zone-rest',
    role: 'pole_linked',
    structure: null,
    industries: EAST_IND,
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
  /** the plan's aim for the zone, where it names one */
  goal_zh?: string;
  plan_ref: PlanRef[];
  note?: string;
  /** a label anchor chosen by hand where the computed one sits among other labels */
  label_at?: [number, number];
}

export const ZONES: ZoneDef[] = [
  {
    id: 'zone-lingxi',
    name_zh: '岭西地区',
    name_en: 'Lingxi (west of the Greater Khingan)',
    named_in_plan: true,
    goal_zh: '牧业现代化的示范区',
    plan_ref: [REFS.lingxi, REFS.lingxiIndustries, REFS.lingxiBorder],
    note: EVENK_NOTE,
    label_at: [118.75, 48.62],
  },
  {
    id: 'zone-lingshang',
    name_zh: '岭上地区',
    name_en: 'Lingshang (the Greater Khingan uplands)',
    named_in_plan: true,
    goal_zh: '人与自然和谐共生的典范区',
    plan_ref: [REFS.lingshang, REFS.lingshangIndustries],
  },
  {
    // Not a zone of the plan: the rest of the city, where the core and the poles are. The core
    // and the poles themselves are drawn once, from `structure` above (structure_areas).
    id: 'zone-rest',
    name_zh: '岭西、岭上以外地区',
    name_en: 'Outside Lingxi and Lingshang',
    named_in_plan: false,
    plan_ref: [REFS.pattern],
    note: '方案未单列此分区：海拉尔区、满洲里市、扎赉诺尔区、扎兰屯市、阿荣旗、莫力达瓦达斡尔族自治旗六个旗市区和鄂温克族自治旗巴彦托海镇（属一核）不在岭西或岭上；一核与两极见“一核两极”图层。 / Not a zone of the plan: six units (Hailar, Manzhouli, Jalainur, Zalantun, Arun, Morin Dawa) and Bayantuohai Town of the Evenk banner (in the core) are in neither Lingxi nor Lingshang; the core and the poles are in the "Core and two poles" layer.',
  },
];

/**
 * The zones and the structure agree (checked on every build): a unit in the core or a pole
 * is outside 岭西 and 岭上 — except where the plan itself splits it (SPLIT_UNITS:
 * 鄂温克族自治旗's seat town in the core, its other towns in 岭西), and then it says so
 * (`zone_note`); a unit the plan splits is in both a zone and the structure; every unit
 * outside both zones has a part in the structure (core, pole, or driven by a pole).
 */
export type Membership = Pick<UnitPlan, 'zone' | 'role' | 'structure'> & { zone_note?: string | null };

/** What the units of record say of their zone and structure, by admin code. */
export const membershipOf = (units: { properties: Record<string, unknown> }[]): Record<string, Membership> =>
  Object.fromEntries(units.map((u) => [String(u.properties.admin_code), u.properties as unknown as Membership]));

export function zoneStructureProblems(
  plans: Record<string, Membership> = UNIT_PLAN,
): { feature: string; reason: string }[] {
  const out: { feature: string; reason: string }[] = [];
  for (const [code, p] of Object.entries(plans)) {
    const feature = `unit-${code}`;
    const split = SPLIT_UNITS[code];
    if (p.structure && p.zone !== 'zone-rest' && !split)
      out.push({ feature, reason: `in ${p.structure} but in zone ${p.zone}, and the plan does not split it` });
    if (split && (p.zone === 'zone-rest' || !p.structure))
      out.push({ feature, reason: `split by the plan (${split.town_zh}), yet not in both a zone and the structure` });
    if (split && !p.zone_note) out.push({ feature, reason: 'split by the plan, with no note saying so' });
    if (p.zone === 'zone-lingshang' && p.structure) out.push({ feature, reason: `in 岭上 and in ${p.structure}` });
    if (p.zone === 'zone-rest' && p.role === 'point')
      out.push({ feature, reason: 'outside 岭西 and 岭上, yet neither core nor pole nor driven by one' });
  }
  return out;
}
