/** Layer `city`: the city's outline, dissolved from the units. */
import { REFS } from '../plan-refs.ts';
import { type Builder, type Poly, dissolve, feature, km2 } from './common.ts';
import { BOUNDARY_SOURCE } from './units.ts';

export const city: Builder = (ctx) => {
  const units = ctx.layer<Poly>('units');
  const outlineGeom = dissolve(units.map((u) => u.geometry));
  const outline = feature(outlineGeom, {
    id: 'city-hulunbuir',
    name_zh: '呼伦贝尔市',
    name_en: 'Hulunbuir City',
    admin_code: '150700',
    pop_2020: units.every((u) => u.properties.pop_2020 !== null)
      ? units.reduce((s, u) => s + (u.properties.pop_2020 as number), 0)
      : null,
    pop_source: "sum of the 14 units' 2020 census figures (each unit's card names its source)",
    area_drawn_km2: Math.round(km2(outlineGeom) * 10) / 10,
    source: `dissolved by the build from the 14 units (${BOUNDARY_SOURCE})`,
    confidence: 'medium',
    plan_ref: [REFS.pattern],
  });
  return [outline];
};
