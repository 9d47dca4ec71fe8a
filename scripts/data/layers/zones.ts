/** Layer `zones`. */
import { ZONES } from '../units.ts';
import { type Builder, type Poly, dissolve, feature, km2 } from './common.ts';

/** Layer `zones`: the regional zones (岭西, 岭上 and the rest), dissolved from their member units. */
export const zones: Builder = (ctx) => {
  const units = ctx.layer<Poly>('units');
  return ZONES.map((z) => {
    const parts = units.filter((u) => u.properties.zone === z.id);
    if (!parts.length) throw new Error(`zone ${z.id}: no member units`);
    const geometry = dissolve(parts.map((p) => p.geometry));
    return feature(geometry, {
      id: z.id,
      name_zh: z.name_zh,
      name_en: z.name_en,
      named_in_plan: z.named_in_plan,
      ...(z.goal_zh ? { goal_zh: z.goal_zh } : {}),
      member_ids: parts.map((p) => p.properties.id).join(','),
      members: parts.map((p) => p.properties.name_zh).join('、'),
      members_en: parts.map((p) => p.properties.name_en).join(', '),
      area_drawn_km2: Math.round(km2(geometry) * 10) / 10,
      note: z.note ?? null,
      source: 'dissolved by the build from the member units; membership from the plan (task 3) or implied by it',
      confidence: 'medium',
      plan_ref: z.plan_ref,
    });
  });
};
