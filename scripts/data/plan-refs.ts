/**
 * The plan's words behind each planning feature: task number and the verbatim quote.
 * Every quote is checked against geodata/plan/plan.txt by the build (assertQuoted), so a
 * mistyped or invented quote fails the build.
 */
import type { PlanRef } from './lib/types.ts';

const TASKS = '三、重点任务';
const GOALS = '二、发展目标';

const GROUP1 = '三、重点任务 (一)构建城镇化总体格局,促进区域协调发展';

const ref = (task: number | null, quote: string, part = task === null ? GOALS : TASKS): PlanRef => ({
  task,
  part,
  quote,
});

export const REFS = {
  pattern: ref(
    null,
    '着力构建以呼伦贝尔中心城区为核心,以满洲里市、扎兰屯市—阿荣旗为两极,以旗市区中心城镇、地方特色城镇为多点的城镇化总体格局',
    GROUP1,
  ),
  coreGoal: ref(null, '海拉尔区(含呼伦贝尔经济技术开发区)与鄂温克族自治旗一体化发展水平稳步提高'),
  coreTask: ref(1, '呼伦贝尔中心城区一体化发展'),
  coreIndustries: ref(1, '重点发展现代装备制造、数字经济、商贸物流、会展商务、通航产业、生态旅游、冰雪产业等'),
  coreResponsible: ref(1, '责任单位:海拉尔区、鄂温克族自治旗人民政府,呼伦贝尔经济技术开发区管委会'),
  manzhouliPole: ref(2, '大力发展泛口岸经济,带动扎赉诺尔区产业发展,辐射呼伦贝尔全域对俄蒙开放发展'),
  manzhouliGoal: ref(null, '满洲里市发展极向北开放的龙头作用更加凸显'),
  manzhouliPolicies: ref(
    2,
    '落实用好满洲里国家重点开发开放试验区、综合保税区、中俄边民互市贸易区、国家跨境电子商务综合试验区、陆上边境口岸型国家物流枢纽城市',
  ),
  eastPole: ref(2, '以打造新旧动能转换示范区为目标,推动扎兰屯市、阿荣旗、莫力达瓦达斡尔族自治旗城镇带发展'),
  eastIndustries: ref(2, '重点发展生物科技、高端乳业、智慧农业、农畜产品精深加工、临空产业、清洁能源等'),
  points: ref(3, '旗市区中心城镇、特色城镇多点支撑'),
  lingxi: ref(
    3,
    '岭西地区(鄂温克族自治旗其他镇、陈巴尔虎旗、新巴尔虎左旗、新巴尔虎右旗)以打造牧业现代化的示范区为目标',
  ),
  lingxiIndustries: ref(3, '重点发展口岸经济、生态旅游、生态草业、智慧牧业、传统奶制品、农畜产品精深加工、精品乳业等'),
  lingxiBorder: ref(3, '深入实施兴边富民行动,强化边境城镇强边固防作用'),
  lingshang: ref(3, '岭上地区(牙克石市、额尔古纳市、根河市、鄂伦春自治旗)以打造人与自然和谐共生的典范区为目标'),
  lingshangIndustries: ref(3, '重点发展生态林业、中医药(蒙医药)、碳汇经济、森林康养、耐寒测试、冰雪产业等'),
  railQihaiman: ref(10, '全力推进“齐海满”高速铁路建设'),
  railUpgrade: ref(10, '积极推进乌兰浩特—阿尔山—海拉尔铁路升级改造'),
  railYiMan: ref(10, '伊尔施至满洲里铁路建设'),
  logistics: ref(10, '发挥满洲里市陆上边境口岸型国家物流枢纽城市优势'),
  historicCity: ref(13, '推动扎兰屯市申报国家、自治区历史文化名城'),
  historicTowns: ref(13, '加大博克图、呼和诺尔、奇乾等历史文化名镇名村保护力度'),
  historicDistrict: (name: string) => ref(13, name),
} as const;
