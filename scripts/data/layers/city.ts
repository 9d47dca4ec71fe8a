/** Layer `city`: the city's outline, dissolved from the units, with its official area. */
import { REFS } from '../plan-refs.ts';
import { cityAndCoreRow, readCityAndCore } from './city-and-core.ts';
import { type Builder, type Poly, dissolve, feature, km2 } from './common.ts';
import { BOUNDARY_SOURCE } from './units.ts';
import { mongolianNames } from '../mongolian.ts';

/** The city's admin code and name (the one place that is not a unit). */
export const CITY = { admin_code: '150700', name_zh: '呼伦贝尔市' } as const;

const fmt = (v: number, d = 2) => v.toLocaleString('en-GB', { maximumFractionDigits: d });

export const city: Builder = (ctx) => {
  const units = ctx.layer<Poly>('units');
  const official = cityAndCoreRow(readCityAndCore(ctx.inp), 'city-hulunbuir');
  const outlineGeom = dissolve(units.map((u) => u.geometry));
  // The units' official figures add up to more than the city's: they come from different sources and years.
  const sum = units.reduce((s, u) => s + (u.properties.area_official_km2 ?? Number.NaN), 0);
  const diff = 100 * (sum / official.area_km2 - 1);
  const pct = `${diff < 0 ? '−' : '+'}${Math.abs(diff).toFixed(2)}`;
  const outline = feature(outlineGeom, {
    id: 'city-hulunbuir',
    name_zh: CITY.name_zh,
    name_en: 'Hulunbuir City',
    admin_code: CITY.admin_code,
    ...mongolianNames(ctx).get(CITY.admin_code),
    pop_2020: units.every((u) => u.properties.pop_2020 !== null)
      ? units.reduce((s, u) => s + (u.properties.pop_2020 as number), 0)
      : null,
    pop_source: "sum of the 14 units' 2020 census figures (each unit's card names its source)",
    area_drawn_km2: Math.round(km2(outlineGeom) * 10) / 10,
    area_official_km2: official.area_km2,
    area_official_source: official.area_source,
    area_official_confidence: official.area_confidence,
    source: `outline: dissolved by the build from the 14 units (${BOUNDARY_SOURCE}); official area: ${official.area_source}`,
    confidence: 'medium',
    note: Number.isFinite(sum)
      ? `全市官方面积${fmt(official.area_km2)}平方公里。14个旗市区官方面积之和为${fmt(sum)}平方公里（${pct}%），各数来源与年份不一，故不作全市面积。 / The city's official area is ${fmt(official.area_km2)} km². The 14 units' official areas add up to ${fmt(sum)} km² (${pct} %): they come from different sources and years, so their sum is not the city's area.`
      : null,
    plan_ref: [REFS.pattern],
  });
  return [outline];
};
