/** The words of a feature's card (card.ts, FeatureCard.svelte) and of the plan's words in translation (Translated.svelte): loaded with the first card or panel that shows them, not the first view. */
import type { Text } from '../contracts/vocab.ts';
import { SCHEMATIC_AREA_NOTE, SCHEMATIC_NOTE } from '../contracts/sources.ts';

export const CARD_UI = {
  planWording: { zh: '规划原文', en: 'Plan wording' },
  /** marks our English of the plan's words (geodata/plan/en.json); the summary opens the Chinese original */
  translation: { zh: '译文 · 中文原文', en: 'Our translation · show the Chinese original' },
  summaryTranslation: { zh: '英文摘要 · 中文原文', en: 'Our English summary · show the Chinese original' },
  source: { zh: '数据来源', en: 'Source' },
  confidence: { zh: '可信度', en: 'Confidence' },
  approximate: { zh: '位置示意（非测绘位置）', en: 'Approximate location (not surveyed)' },
  schematic: SCHEMATIC_NOTE,
  schematicArea: SCHEMATIC_AREA_NOTE,
  alignmentUnknown: { zh: '走向未知：图上只标出起讫点', en: 'Alignment unknown: only the two ends are shown' },
  population: { zh: '常住人口（2020年普查）', en: 'Population (2020 census)' },
  unknown: { zh: '未知', en: 'unknown' },
  area: { zh: '面积（按边界数据绘制）', en: 'Area as drawn (boundary data)' },
  roughFigure: { zh: '约数，可信度低', en: 'rounded figure, low confidence' },
  areaOfficial: { zh: '面积（官方公布）', en: 'Area (official)' },
  areaDisagrees: {
    zh: '边界数据的面积与官方面积相差',
    en: "The boundary data's area differs from the official one by",
  },
  areaDisagreesRest: { zh: '：图上边界不准确。', en: ': the drawn boundary is not accurate.' },
  seat: { zh: '驻地', en: 'Seat' },
  zone: { zh: '分区', en: 'Zone' },
  structure: { zh: '一核两极', en: 'Core / poles' },
  role: { zh: '定位', en: 'Role' },
  industries: { zh: '重点产业（方案）', en: 'Industries named by the plan' },
  status: { zh: '状态', en: 'Status' },
  members: { zh: '组成', en: 'Members' },
  note: { zh: '说明', en: 'Note' },
  kind: { zh: '类型', en: 'Kind' },
  mongolian: { zh: '蒙古文', en: 'Mongolian' },
  mongolianSource: { zh: '蒙古文名来源', en: 'Mongolian name’s source' },
  high: { zh: '高', en: 'high' },
  medium: { zh: '中', en: 'medium' },
  low: { zh: '低', en: 'low' },
  km2: { zh: '平方公里', en: 'km²' },
  derivedLow: { zh: '推算值，可信度低', en: 'derived, low confidence' },
} satisfies Record<string, Text>;
