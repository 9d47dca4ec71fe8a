/** Layer `zones`. */
import * as turf from '@turf/turf';
import { SPLIT_UNITS, ZONES } from '../units.ts';
import { coreTown } from './core-town.ts';
import { type Builder, type Poly, dissolve, feature, km2, repairPolygon } from './common.ts';

/**
 * Layer `zones`: the regional zones (岭西, 岭上 and the rest), dissolved from their member
 * units; a unit the plan splits (SPLIT_UNITS) gives its seat town, drawn schematically, to the
 * rest (where the core is) and keeps its other towns in its zone.
 */
export const zones: Builder = (ctx) => {
  const units = ctx.layer<Poly>('units');
  const town = coreTown(ctx);
  return ZONES.map((z) => {
    const parts = units.filter((u) => u.properties.zone === z.id);
    if (!parts.length) throw new Error(`zone ${z.id}: no member units`);
    const splitHere = parts.filter((p) => SPLIT_UNITS[p.properties.admin_code as string]);
    let geometry = dissolve(parts.map((p) => p.geometry));
    if (splitHere.length) {
      const cut = turf.difference(turf.featureCollection([turf.feature(geometry), turf.feature(town.geometry)]));
      if (!cut) throw new Error(`zone ${z.id}: nothing left once ${town.town.name_zh} is cut out`);
      geometry = repairPolygon(cut.geometry).geometry;
    }
    const gainsTown = z.id === 'zone-rest';
    if (gainsTown) geometry = dissolve([geometry, town.geometry]);
    const name = (p: (typeof parts)[number], lang: 'zh' | 'en') => {
      const split = SPLIT_UNITS[p.properties.admin_code as string];
      if (split) return lang === 'zh' ? split.rest_zh : split.rest_en;
      return lang === 'zh' ? p.properties.name_zh : p.properties.name_en;
    };
    const townOf = Object.values(SPLIT_UNITS);
    return feature(geometry, {
      id: z.id,
      name_zh: z.name_zh,
      name_en: z.name_en,
      named_in_plan: z.named_in_plan,
      ...(z.goal_zh ? { goal_zh: z.goal_zh } : {}),
      member_ids: parts.map((p) => p.properties.id).join(','),
      members: [...parts.map((p) => name(p, 'zh')), ...(gainsTown ? townOf.map((t) => t.town_zh) : [])].join('、'),
      members_en: [...parts.map((p) => name(p, 'en')), ...(gainsTown ? townOf.map((t) => t.town_en) : [])].join(', '),
      area_drawn_km2: Math.round(km2(geometry) * 10) / 10,
      note: z.note ?? null,
      source: `dissolved by the build from the member units; membership from the plan (task 3) or implied by it${splitHere.length || gainsTown ? `; ${town.town.name_zh} is a schematic area (${town.note_en})` : ''}`,
      confidence: 'medium',
      // its edge with the schematic town is schematic too
      ...(splitHere.length || gainsTown ? { schematic: true } : {}),
      plan_ref: z.plan_ref,
    });
  });
};
