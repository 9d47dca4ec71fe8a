/**
 * The plan's structure in figures (data/stats.json, built by scripts/data/stats.ts): the
 * city, 岭西, 岭上, the core, the two poles and the 14 units, each with its member units,
 * areas (official, with sources, and as drawn), 2020 census population and counts of
 * places. Shares and densities are derived in the app (lib/tools/stats.ts), not stored.
 */
import * as v from 'valibot';
import { RAIL_STATUSES } from './vocab.ts';

const TextSchema = v.object({ zh: v.string(), en: v.string() });
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const STATS_KINDS = ['city', 'zone', 'structure', 'unit'] as const;

/** How a figure of an aggregate row was arrived at. */
export const FIGURE_BASIS = ['source', 'sum', 'partial', 'missing'] as const;

export const StatsRowSchema = v.object({
  /** a feature id (unit-…, zone-…, structure-…) or "city" */
  id: v.string(),
  kind: v.picklist(STATS_KINDS),
  name: TextSchema,
  /** the unit ids it is made of (one for a unit) */
  member_ids: v.array(v.string()),
  area_official_km2: v.nullable(v.number()),
  /** source: the unit's own figure; sum: the sum of every member's; partial: some members have none (then null) */
  area_official_basis: v.picklist(FIGURE_BASIS),
  area_official_sources: v.array(v.string()),
  /**
   * the sum of the member units' official areas, where the row's own official area is
   * published (the city: 252,777 km², while its units' figures add up to more); shown as a sum
   */
  area_sum_km2: v.optional(v.number()),
  area_drawn_km2: v.number(),
  pop_2020: v.nullable(count),
  pop_basis: v.picklist(FIGURE_BASIS),
  pop_sources: v.array(v.string()),
  seats: count,
  stations: v.object(
    Object.fromEntries(RAIL_STATUSES.map((s) => [s, count])) as Record<(typeof RAIL_STATUSES)[number], typeof count>,
  ),
  heritage: count,
  /** land ports (口岸) */
  ports: count,
  airports: count,
  /** what a reader must know to read the row (e.g. a unit counted in two rows) */
  note: v.optional(TextSchema),
});
export type StatsRow = v.InferOutput<typeof StatsRowSchema>;

export const StatsFileSchema = v.object({
  rows: v.array(StatsRowSchema),
  /** how places were counted, for the table's foot */
  notes: v.array(TextSchema),
});
export type StatsFile = v.InferOutput<typeof StatsFileSchema>;
