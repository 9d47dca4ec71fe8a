/** Layer `structure_points`. */
import type { Point } from 'geojson';
import { must } from '../../../src/lib/must.ts';
import type { RecordFeature } from '../lib/types.ts';
import { REFS } from '../plan-refs.ts';
import { UNIT_PLAN } from '../units.ts';
import { type Builder, type Poly, conf, feature, num, positionProps, roundPos } from './common.ts';
import { seatNames } from './units.ts';

/** Layer `structure_points`: each unit's seat (多点) and the development zone. */
export const structurePoints: Builder = (ctx) => {
  const { places } = ctx;
  const units = ctx.layer<Poly>('units');
  const out: RecordFeature<Point>[] = [];
  for (const u of units) {
    const code = u.properties.admin_code as string;
    const p = must(
      places.find((r) => r.admin_code === code),
      `reference/places.csv: a row for ${code}`,
    );
    const plan = UNIT_PLAN[code];
    out.push(
      feature(
        {
          type: 'Point',
          coordinates: roundPos([
            num(p.lon, `reference/places.csv ${code} lon`),
            num(p.lat, `reference/places.csv ${code} lat`),
          ]),
        },
        {
          id: `seat-${code}`,
          unit_id: u.properties.id,
          admin_code: code,
          name_zh: p.seat_zh.startsWith('(') ? `${p.name_zh}城区` : `${p.seat_zh}`,
          name_en: p.seat_zh.startsWith('(') ? p.seat_en : seatNames(p).seat_en,
          unit_zh: p.name_zh,
          unit_en: p.name_en,
          // the unit's name in Mongolian script, where it has one: the map's Mongolian label
          ...(typeof u.properties.name_mn === 'string' ? { unit_mn: u.properties.name_mn } : {}),
          kind: 'seat',
          role: plan.role,
          industries: plan.industries.join('、'),
          source: p.source,
          confidence: conf(p.confidence, `places.csv ${code}`),
          ...positionProps(p, `reference/places.csv ${code}`),
          plan_ref: plan.plan_ref,
        },
      ),
    );
  }
  const zone = places.find((r) => r.type === 'development_zone');
  if (!zone) throw new Error('reference/places.csv: the development zone row is missing');
  out.push(
    feature(
      {
        type: 'Point',
        coordinates: roundPos([
          num(zone.lon, 'reference/places.csv development zone lon'),
          num(zone.lat, 'reference/places.csv development zone lat'),
        ]),
      },
      {
        id: 'devzone-hulunbuir',
        name_zh: zone.name_zh,
        name_en: zone.name_en,
        kind: 'development_zone',
        role: 'core',
        industries: UNIT_PLAN['150702'].industries.join('、'),
        source: zone.source,
        confidence: conf(zone.confidence, 'dev zone'),
        approximate: true,
        note: zone.note,
        plan_ref: [REFS.coreGoal, REFS.coreResponsible],
      },
    ),
  );
  return out;
};
