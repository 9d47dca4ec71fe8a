/** UI strings, Chinese first. Feature names come from the data (name_zh / name_en). */
export type Lang = 'zh' | 'en';
export type Text = { zh: string; en: string };

export const UI = {
  title: { zh: '呼伦贝尔市新型城镇化“一核两极多点”规划图', en: 'Hulunbuir urbanization plan: one core, two poles, many points' },
  subtitle: { zh: '呼政办发〔2022〕54号', en: 'Hulunbuir Government Office doc. 〔2022〕 No. 54' },
  layers: { zh: '图层', en: 'Layers' },
  legend: { zh: '图例', en: 'Legend' },
  share: { zh: '分享链接', en: 'Share link' },
  copied: { zh: '链接已复制', en: 'Link copied' },
  copyFailed: { zh: '无法复制，请手动复制地址栏', en: 'Could not copy: copy the address bar' },
  language: { zh: 'English', en: '中文' },
  languageLabel: { zh: '切换到英文', en: 'Switch to Chinese' },
  close: { zh: '关闭', en: 'Close' },
  hidden: { zh: '已隐藏', en: 'hidden' },
  planWording: { zh: '规划原文', en: 'Plan wording' },
  task: { zh: '任务', en: 'Task' },
  source: { zh: '数据来源', en: 'Source' },
  confidence: { zh: '可信度', en: 'Confidence' },
  approximate: { zh: '位置示意（非测绘位置）', en: 'Approximate location (not surveyed)' },
  schematic: { zh: '示意线路（非实际走向）', en: 'Schematic line (not the real alignment)' },
  population: { zh: '常住人口（2020年普查）', en: 'Population (2020 census)' },
  unknown: { zh: '未知', en: 'unknown' },
  area: { zh: '面积', en: 'Area' },
  seat: { zh: '驻地', en: 'Seat' },
  zone: { zh: '分区', en: 'Zone' },
  role: { zh: '定位', en: 'Role' },
  industries: { zh: '重点产业（方案）', en: 'Industries named by the plan' },
  status: { zh: '状态', en: 'Status' },
  members: { zh: '组成', en: 'Members' },
  note: { zh: '说明', en: 'Note' },
  kind: { zh: '类型', en: 'Kind' },
  loadError: { zh: '无法加载数据：', en: 'Could not load data: ' },
  loadErrorRest: { zh: '其余图层照常显示。', en: 'The other layers still work.' },
  resetView: { zh: '全市视图', en: 'Whole city' },
  attribution: { zh: '数据来源', en: 'Data sources' },
  high: { zh: '高', en: 'high' },
  medium: { zh: '中', en: 'medium' },
  low: { zh: '低', en: 'low' },
  km2: { zh: '平方公里', en: 'km²' },
  people: { zh: '人', en: '' },
  derivedLow: { zh: '推算值，可信度低', en: 'derived, low confidence' },
  openPanel: { zh: '图层与规划', en: 'Layers & plan' },
} satisfies Record<string, Text>;

export type UiKey = keyof typeof UI;

export const tr = (t: Text, lang: Lang): string => t[lang];
