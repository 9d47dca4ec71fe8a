/**
 * The plan's core takes the Evenk banner's seat town, 巴彦托海镇, and leaves the banner's other
 * towns in 岭西 (SPLIT_UNITS in ../units.ts). The town's area is published (505.49 km²,
 * reference/city_and_core.csv), its boundary is not: it is drawn as a schematic area, a
 * geodesic disc about the banner's seat point clipped to the banner as drawn, its radius
 * solved so that the clipped area is the published one. Built once, shared by `zones` and
 * `structure_areas`.
 */
import * as turf from '@turf/turf';
import { geodesicCircle } from '../../../src/lib/geodesy.ts';
import { EVENK_NOTE, SPLIT_UNITS } from '../units.ts';
import { cityAndCoreRow, readCityAndCore, type PublishedArea } from './city-and-core.ts';
import { type BuildContext, type Poly, km2, num, repairPolygon } from './common.ts';

export interface CoreTown {
  /** the unit it is cut from */
  unit_id: string;
  town: PublishedArea;
  geometry: Poly;
  radius_m: number;
  area_drawn_km2: number;
  note_zh: string;
  note_en: string;
}

/** The drawn area may differ from the published one by this much (km²). */
const TOLERANCE_KM2 = 0.5;

function clippedDisc(center: [number, number], m: number, unit: Poly): Poly | null {
  const disc = turf.polygon([geodesicCircle(center, m, 128)]);
  const cut = turf.intersect(turf.featureCollection([disc, turf.feature(unit)]));
  return cut ? repairPolygon(cut.geometry).geometry : null;
}

export function coreTown(ctx: BuildContext): CoreTown {
  return ctx.once('core-town', () => {
    const entries = Object.entries(SPLIT_UNITS);
    // One split unit is what the plan has (鄂温克族自治旗); a second would need its own town here.
    if (entries.length !== 1)
      throw new Error(`core town: SPLIT_UNITS has ${entries.length} units; the builders handle exactly one`);
    const [code, split] = entries[0];
    const unit = ctx.layer<Poly>('units').find((u) => u.properties.admin_code === code);
    const seat = ctx.places.find((p) => p.admin_code === code);
    if (!unit || !seat) throw new Error(`core town: no unit or seat row for ${code}`);
    const town = cityAndCoreRow(readCityAndCore(ctx.inp), split.town_id);
    // The unit's note states the town's area: it must be the published one.
    if (!EVENK_NOTE.includes(`${town.area_km2}平方公里`) || !EVENK_NOTE.includes(`${town.area_km2} km²`))
      throw new Error(
        `scripts/data/units.ts EVENK_NOTE: does not state ${town.name_zh}'s published ${town.area_km2} km²`,
      );
    const center: [number, number] = [num(seat.lon, `places.csv ${code} lon`), num(seat.lat, `places.csv ${code} lat`)];
    // Bisection on the radius: the clipped area grows with it.
    let lo = 1000,
      hi = 60_000;
    let best: { geometry: Poly; m: number; area: number } | null = null;
    for (let i = 0; i < 40; i++) {
      const m = (lo + hi) / 2;
      const g = clippedDisc(center, m, unit.geometry);
      const area = g ? km2(g) : 0;
      if (g) best = { geometry: g, m, area };
      if (Math.abs(area - town.area_km2) < TOLERANCE_KM2 / 4) break;
      if (area < town.area_km2) lo = m;
      else hi = m;
    }
    if (!best || Math.abs(best.area - town.area_km2) > TOLERANCE_KM2)
      throw new Error(`core town ${town.name_zh}: no disc gives its published ${town.area_km2} km²`);
    const r = Math.round(best.m / 100) / 10;
    return {
      unit_id: unit.properties.id,
      town,
      geometry: best.geometry,
      radius_m: Math.round(best.m),
      area_drawn_km2: Math.round(best.area * 10) / 10,
      note_zh: `${town.name_zh}镇界未公布：按其公布面积${town.area_km2}平方公里示意绘出（以旗府为中心、半径约${r}公里、限于${unit.properties.name_zh}界内）。`,
      note_en: `${town.name_en}'s boundary is not published: it is drawn as a schematic area of its published ${town.area_km2} km² (about ${r} km around the banner seat, within ${unit.properties.name_en}).`,
    };
  });
}
