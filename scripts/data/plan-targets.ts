/**
 * The plan's quantified targets, each with the sentence it comes from (checked verbatim
 * against the plan text by the build). No baselines: only what the plan states.
 */
import type { Target } from '../../src/contracts/plan.ts';

type T = Omit<Target, 'feature_ids'> & { feature_ids?: string[] };

const GOALS = { task: null, year: 2025 } as const;
const THEMES = {
  urban: ['城镇化', 'Urbanization'],
  health: ['医疗卫生', 'Health care'],
  social: ['社会保障与就业', 'Social security & jobs'],
  environment: ['环境卫生', 'Environmental sanitation'],
  infrastructure: ['基础设施', 'Infrastructure'],
  education: ['教育', 'Education'],
  housing: ['住房与建筑', 'Housing & buildings'],
  management: ['城市管理', 'Urban management'],
} as const;
const th = (k: keyof typeof THEMES) => ({ theme: THEMES[k][0], theme_en: THEMES[k][1] });

const LIST: T[] = [
  { id: 'urbanization-rate', ...th('urban'), indicator_zh: '常住人口城镇化率', indicator_en: 'Urbanization rate of resident population', comparator: '≥', value: 74, unit: '%', ...GOALS, sentence: '全市常住人口城镇化率达到74%以上' },
  { id: 'residence-permit', ...th('urban'), indicator_zh: '居住证制度覆盖', indicator_en: 'Residence permit system coverage', comparator: '=', value: '全覆盖', unit: '', task: 5, year: 2022, sentence: '到2022年底,全市居住证制度实现全覆盖' },
  { id: 'physicians', ...th('health'), indicator_zh: '每千人口执业(助理)医师', indicator_en: 'Licensed (assistant) physicians per 1,000 people', comparator: '=', value: 3.6, unit: '人', ...GOALS, sentence: '每千人口拥有执业(助理)医师达到3.6人' },
  { id: 'pension-coverage', ...th('social'), indicator_zh: '基本养老保险参保率', indicator_en: 'Basic pension insurance coverage', comparator: '=', value: 90, unit: '%', ...GOALS, sentence: '基本养老保险、基本医疗保险参保率分别达到90%、95%' },
  { id: 'medical-coverage', ...th('social'), indicator_zh: '基本医疗保险参保率', indicator_en: 'Basic medical insurance coverage', comparator: '=', value: 95, unit: '%', ...GOALS, sentence: '基本养老保险、基本医疗保险参保率分别达到90%、95%' },
  { id: 'unemployment', ...th('social'), indicator_zh: '城镇登记失业率', indicator_en: 'Registered urban unemployment rate', comparator: '<', value: 5, unit: '%', ...GOALS, sentence: '城镇登记失业率控制在5%以内' },
  { id: 'sewage', ...th('environment'), indicator_zh: '污水集中处理率', indicator_en: 'Centralized sewage treatment rate', comparator: '=', value: 98, unit: '%', ...GOALS, sentence: '污水集中处理率、垃圾无害化处理率分别达到98%、99.7%' },
  { id: 'garbage', ...th('environment'), indicator_zh: '垃圾无害化处理率', indicator_en: 'Harmless garbage treatment rate', comparator: '=', value: 99.7, unit: '%', ...GOALS, sentence: '污水集中处理率、垃圾无害化处理率分别达到98%、99.7%' },
  { id: 'training-startup', ...th('social'), indicator_zh: '创业培训（“十四五”期间）', indicator_en: 'Entrepreneurship training (2021–2025)', comparator: '≥', value: 5000, unit: '人', task: 7, year: 2025, sentence: '“十四五”期间,创业培训达到5000人以上' },
  { id: 'training-urban', ...th('social'), indicator_zh: '城镇职业技能培训（“十四五”期间）', indicator_en: 'Urban vocational skills training (2021–2025)', comparator: '≈', value: 19000, unit: '人', task: 7, year: 2025, sentence: '城镇职业技能培训1.9万人左右' },
  { id: 'training-rural', ...th('social'), indicator_zh: '农村牧区转移技能培训（“十四五”期间）', indicator_en: 'Skills training for rural migrants (2021–2025)', comparator: '≈', value: 10000, unit: '人', task: 7, year: 2025, sentence: '农村牧区转移技能培训1万人左右' },
  { id: 'preschool-counties', ...th('education'), indicator_zh: '学前教育普及普惠县评估验收', indicator_en: 'Pass the universal, inclusive preschool county assessment', comparator: '=', value: '通过', unit: '', task: 7, year: 2025, sentence: '新巴尔虎右旗和鄂温克族自治旗通过学前教育普及普惠县评估验收', feature_ids: ['unit-150727', 'unit-150724'] },
  { id: 'compulsory-education-counties', ...th('education'), indicator_zh: '全国义务教育优质均衡发展县验收', indicator_en: 'Pass the national high-quality balanced compulsory education county check', comparator: '=', value: '通过', unit: '', task: 7, year: 2025, sentence: '新巴尔虎右旗和新巴尔虎左旗通过全国义务教育优质均衡发展县验收', feature_ids: ['unit-150727', 'unit-150726'] },
  { id: 'hospital-beds', ...th('health'), indicator_zh: '每千人口医疗卫生机构床位数', indicator_en: 'Hospital beds per 1,000 people', comparator: '=', value: 6.58, unit: '张', task: 7, year: 2025, sentence: '每千人口医疗卫生机构床位数达到6.58张' },
  { id: 'general-practitioners', ...th('health'), indicator_zh: '每万人口全科医生数', indicator_en: 'General practitioners per 10,000 people', comparator: '=', value: 2.8, unit: '人', task: 7, year: 2025, sentence: '每万人口全科医生数达到2.8人' },
  { id: 'insured-pension', ...th('social'), indicator_zh: '城镇职工养老保险参保人数（含离退休）', indicator_en: 'Urban employees in pension insurance (incl. retired)', comparator: '≈', value: 775000, unit: '人', task: 7, year: 2025, sentence: '城镇职工养老、失业、工伤保险参保人数力争分别达到77.5万人(含离退休)、27万人、29.9万人左右' },
  { id: 'insured-unemployment', ...th('social'), indicator_zh: '失业保险参保人数', indicator_en: 'People in unemployment insurance', comparator: '≈', value: 270000, unit: '人', task: 7, year: 2025, sentence: '城镇职工养老、失业、工伤保险参保人数力争分别达到77.5万人(含离退休)、27万人、29.9万人左右' },
  { id: 'insured-injury', ...th('social'), indicator_zh: '工伤保险参保人数', indicator_en: 'People in work-injury insurance', comparator: '≈', value: 299000, unit: '人', task: 7, year: 2025, sentence: '城镇职工养老、失业、工伤保险参保人数力争分别达到77.5万人(含离退休)、27万人、29.9万人左右' },
  { id: 'nursing-beds', ...th('health'), indicator_zh: '养老机构护理型床位占比', indicator_en: 'Share of nursing beds in care homes', comparator: '≥', value: 55, unit: '%', task: 7, year: 2025, sentence: '养老机构护理型床位占比不低于55%' },
  { id: 'old-compounds', ...th('housing'), indicator_zh: '2005年前建成的老旧小区改造', indicator_en: 'Renewal of compounds built before 2005', comparator: '=', value: '力争完成', unit: '', task: 9, year: 2025, sentence: '到2025年,力争完成2005年前建成的老旧小区改造' },
  { id: 'highway-length', ...th('infrastructure'), indicator_zh: '公路总里程', indicator_en: 'Total highway length', comparator: '=', value: 30000, unit: '公里', task: 10, year: 2025, sentence: '到2025年,全市公路总里程达到30000公里' },
  { id: 'water-supply', ...th('infrastructure'), indicator_zh: '城镇用水普及率', indicator_en: 'Urban water supply coverage', comparator: '=', value: 99, unit: '%', task: 10, year: null, sentence: '城镇用水普及率达到99%' },
  { id: 'fire-cranes', ...th('infrastructure'), indicator_zh: '火灾高危区域消防水鹤完好率', indicator_en: 'Fire water cranes in working order (high-risk areas)', comparator: '≥', value: 98, unit: '%', task: 10, year: null, sentence: '火灾高危区域消防水鹤完好率不低于98%' },
  { id: 'green-building', ...th('housing'), indicator_zh: '城镇绿色建筑占新建建筑比例', indicator_en: 'Green buildings among new buildings', comparator: '=', value: 80, unit: '%', task: 13, year: 2025, sentence: '到2025年,城镇绿色建筑占新建建筑比例力争达到80%' },
  { id: 'sweeping-core', ...th('management'), indicator_zh: '道路机械化清扫率（中心城区）', indicator_en: 'Mechanized road sweeping (central city)', comparator: '=', value: 90, unit: '%', task: 17, year: 2025, sentence: '呼伦贝尔中心城区道路机械化清扫率达到90%', feature_ids: ['structure-core'] },
  { id: 'sweeping-banners', ...th('management'), indicator_zh: '道路机械化清扫率（旗市）', indicator_en: 'Mechanized road sweeping (banners and cities)', comparator: '=', value: 70, unit: '%', task: 17, year: 2025, sentence: '旗市达到70%' },
  { id: 'toilets-city', ...th('management'), indicator_zh: '市级三类以上水冲式公厕达标率', indicator_en: 'City-level flush public toilets up to class 3', comparator: '≥', value: 80, unit: '%', task: 17, year: 2025, sentence: '实现市级三类以上水冲式公厕达标率达到80%以上' },
  { id: 'toilets-banners', ...th('management'), indicator_zh: '旗市区级三类以上水冲式公厕', indicator_en: 'Banner-level flush public toilets up to class 3', comparator: '≥', value: 60, unit: '%', task: 17, year: 2025, sentence: '旗市区级三类以上水冲式公厕达到60%以上' },
  { id: 'owners-committees', ...th('housing'), indicator_zh: '住宅小区业主委员会组建率', indicator_en: 'Owners\' committees formed in eligible compounds', comparator: '≥', value: 50, unit: '%', task: 17, year: 2025, sentence: '具备条件的住宅小区业主委员会组建率达到50%以上' },
  { id: 'property-existing', ...th('housing'), indicator_zh: '现有住宅小区物业服务覆盖率', indicator_en: 'Property management coverage (existing compounds)', comparator: '≥', value: 82, unit: '%', task: 17, year: 2025, sentence: '现有住宅小区物业服务覆盖率达到82%以上' },
  { id: 'property-new', ...th('housing'), indicator_zh: '新建小区物业服务覆盖率', indicator_en: 'Property management coverage (new compounds)', comparator: '=', value: 100, unit: '%', task: 17, year: 2025, sentence: '新建小区达到100%' },
];

export const TARGETS: Target[] = LIST.map((t) => ({ ...t, feature_ids: t.feature_ids ?? [] }));
