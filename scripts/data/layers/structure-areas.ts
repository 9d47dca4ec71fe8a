/** Layer `structure_areas`. */
import { REFS } from '../plan-refs.ts';
import { SPLIT_UNITS } from '../units.ts';
import { coreTown } from './core-town.ts';
import { type Builder, type Poly, dissolve, feature, km2 } from './common.ts';

/**
 * Layer `structure_areas`: the core and the two poles (一核两极), dissolved from their member
 * units. The core is 海拉尔区 (with the development zone) and the Evenk banner's seat town
 * 巴彦托海镇, whose boundary is not published: drawn as a schematic area of its published area
 * (core-town.ts), and the feature says so.
 */
export const structureAreas: Builder = (ctx) => {
  const units = ctx.layer<Poly>('units');
  const town = coreTown(ctx);
  const defs = [
    {
      id: 'core',
      name_zh: '一核：呼伦贝尔中心城区',
      name_en: 'Core: Hulunbuir central city',
      role: 'core',
      members: '海拉尔区（含呼伦贝尔经济技术开发区）、鄂温克族自治旗巴彦托海镇',
      members_en:
        'Hailar District (incl. the Hulunbuir Economic and Technological Development Zone) and Bayantuohai Town (the Evenk Autonomous Banner seat)',
      plan_ref: [REFS.pattern, REFS.coreGoal, REFS.coreTask, REFS.coreIndustries],
    },
    {
      id: 'pole-manzhouli',
      name_zh: '一极：满洲里市',
      name_en: 'Pole: Manzhouli',
      role: 'pole',
      members: '满洲里市、扎赉诺尔区',
      members_en: 'Manzhouli City, Jalainur District',
      plan_ref: [REFS.pattern, REFS.manzhouliGoal, REFS.manzhouliPole],
    },
    {
      id: 'pole-zalantun-arun',
      name_zh: '一极：扎兰屯市—阿荣旗',
      name_en: 'Pole: Zalantun–Arun',
      role: 'pole',
      members: '扎兰屯市、阿荣旗（带动莫力达瓦达斡尔族自治旗城镇带）',
      members_en: 'Zalantun City, Arun Banner (driving the Morin Dawa Daur Autonomous Banner town belt)',
      plan_ref: [REFS.pattern, REFS.eastPole, REFS.eastIndustries],
    },
  ] as const;
  return defs.map((d) => {
    const parts = units.filter((u) => u.properties.structure === d.id);
    if (!parts.length) throw new Error(`structure ${d.id}: no member units`);
    // A unit the plan splits gives the structure its seat town only.
    const whole = parts.filter((p) => !SPLIT_UNITS[p.properties.admin_code as string]);
    const split = parts.length > whole.length;
    const geometry = dissolve([...whole.map((p) => p.geometry), ...(split ? [town.geometry] : [])]);
    return feature(geometry, {
      id: `structure-${d.id}`,
      name_zh: d.name_zh,
      name_en: d.name_en,
      role: d.role,
      members: d.members,
      members_en: d.members_en,
      member_ids: parts.map((p) => p.properties.id).join(','),
      area_drawn_km2: Math.round(km2(geometry) * 10) / 10,
      ...(split ? { schematic: true, note: `${town.note_zh} / ${town.note_en}` } : {}),
      source: `dissolved by the build from the member units${split ? ` and the schematic area of ${town.town.name_zh} (area: ${town.town.area_source})` : ''}; membership from the plan (tasks 1–2)`,
      confidence: 'medium',
      plan_ref: [...d.plan_ref],
    });
  });
};
