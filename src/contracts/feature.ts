/**
 * The properties of a feature of record (geodata/*.geojson) and of its details in
 * public/data/features.json: one definition, validated by the build (every feature) and
 * typed for the app (cards, selection). Unknown properties are allowed and kept.
 */
import * as v from 'valibot';
import { isMongolianName, NOT_MONGOLIAN } from './mongolian.ts';
import { CONFIDENCES, RAIL_STATUSES, ROLES, STRUCTURE_LABELS, ZONE_IDS, type StructureId } from './vocab.ts';

/** A reference to the plan: its task number (null for the parts before the tasks) and the quoted words. */
export const PlanRefSchema = v.object({
  task: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(22))),
  part: v.string(),
  quote: v.pipe(v.string(), v.minLength(1)),
  /** the quote in English (geodata/plan/en.json: a translation; the build adds it) */
  quote_en: v.optional(v.string()),
});
export type PlanRef = v.InferOutput<typeof PlanRefSchema>;

const text = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));
/** Optional string properties, by name. */
function optionalStrings<const K extends string>(keys: readonly K[]) {
  return Object.fromEntries(keys.map((k) => [k, v.optional(v.string())])) as {
    [P in K]: v.OptionalSchema<v.StringSchema<undefined>, undefined>;
  };
}
const maybe = <T extends v.GenericSchema>(s: T) => v.optional(v.nullable(s));

export const FeaturePropsSchema = v.looseObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,80}$/, 'lower-case letters, digits and "-" only')),
  name_zh: text,
  name_en: text,
  source: text,
  confidence: v.picklist(CONFIDENCES),
  approximate: v.optional(v.boolean()),
  schematic: v.optional(v.boolean()),
  plan_ref: v.optional(v.array(PlanRefSchema)),
  note: maybe(v.string()),
  kind: v.optional(v.string()),
  role: v.optional(v.picklist(ROLES)),
  zone: v.optional(v.picklist(ZONE_IDS)),
  /** the core or pole a unit belongs to, if any */
  structure: maybe(v.picklist(Object.keys(STRUCTURE_LABELS) as StructureId[])),
  status: v.optional(v.picklist(RAIL_STATUSES)),
  admin_code: v.optional(v.pipe(v.string(), v.regex(/^\d{6}$/))),
  pop_2020: maybe(v.pipe(v.number(), v.integer(), v.minValue(0))),
  pop_confidence: maybe(v.picklist(CONFIDENCES)),
  /** the area of the polygon as drawn, on the WGS84 ellipsoid */
  area_drawn_km2: v.optional(v.pipe(v.number(), v.minValue(0))),
  /** the published area, with its source (units) */
  area_official_km2: maybe(v.pipe(v.number(), v.minValue(0))),
  area_official_confidence: v.optional(v.picklist(CONFIDENCES)),
  zone_note: maybe(v.string()),
  /**
   * a point's published position: the precision its source states or implies (m); absent
   * where no position is published (then the point is approximate)
   */
  precision_m: v.optional(v.pipe(v.number(), v.minValue(0))),
  /**
   * the name in traditional Mongolian script (units and the city), its Latin transliteration,
   * where it was found and what was checked (reference/mongolian-names.csv)
   */
  name_mn: v.optional(v.pipe(v.string(), v.check(isMongolianName, NOT_MONGOLIAN))),
  name_mn_latin: v.optional(text),
  name_mn_source: v.optional(text),
  name_mn_confidence: v.optional(v.picklist(CONFIDENCES)),
  /** a seat's unit's name in Mongolian script (the map's Mongolian label) */
  unit_mn: v.optional(v.pipe(v.string(), v.check(isMongolianName, NOT_MONGOLIAN))),
  /**
   * Text properties: seat and unit names; unit_id (a seat stands for its unit); members;
   * industries; kinds; the area's source; boundary_note_* (where the boundary source is known
   * to be wrong); placement_note_* (a point with no published position moved to the right
   * side of a line, and how far); position_source_url and checked (where a point's position
   * was published, and what was checked of it).
   */
  ...optionalStrings([
    'seat_zh',
    'seat_en',
    'unit_id',
    'unit_zh',
    'unit_en',
    'members',
    'members_en',
    'member_ids',
    'industries',
    'industries_en',
    'kind_zh',
    'kind_detail',
    'area_official_source',
    'boundary_note_zh',
    'boundary_note_en',
    'placement_note_zh',
    'placement_note_en',
    'position_source_url',
    'checked',
  ]),
  level: v.optional(v.pipe(v.number(), v.integer())),
  named_in_plan: v.optional(v.boolean()),
  outside_city: v.optional(v.boolean()),
  /** a planned line whose route no source gives: only its ends are kept */
  alignment: v.optional(v.picklist(['unknown'])),
});
export type FeatureProps = v.InferOutput<typeof FeaturePropsSchema>;

/** A feature's details for the app: every property, its source-layer and its bbox (no geometry). */
export type Details = FeatureProps & { layer: string; bbox: [number, number, number, number] };

export const DetailsFileSchema = v.record(
  v.string(),
  v.looseObject({
    ...FeaturePropsSchema.entries,
    layer: v.string(),
    bbox: v.tuple([v.number(), v.number(), v.number(), v.number()]),
  }),
);
