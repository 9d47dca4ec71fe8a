/** Layer `zone_labels`. */
import * as turf from '@turf/turf';
import polylabel from 'polylabel';
import { ZONES } from '../units.ts';
import { type Builder, type Poly, feature, roughKm2, roundPos } from './common.ts';

/** One label anchor per zone: the pole of inaccessibility of its largest part (polylabel). */
export const zoneLabels: Builder = (ctx) => {
  const zones = ctx.layer<Poly>('zones');
  return zones.map((z) => {
    const parts = z.geometry.type === 'Polygon' ? [z.geometry.coordinates] : z.geometry.coordinates;
    const largest = parts.reduce((a, b) =>
      roughKm2({ type: 'Polygon', coordinates: b }) > roughKm2({ type: 'Polygon', coordinates: a }) ? b : a,
    );
    const chosen = ZONES.find((d) => d.id === z.properties.id)?.label_at;
    const at = chosen ?? polylabel(largest, 0.01);
    if (!turf.booleanPointInPolygon([at[0], at[1]], z))
      throw new Error(`zone ${z.properties.id}: label anchor ${at.join(',')} lies outside the zone`);
    return feature(
      { type: 'Point', coordinates: roundPos([at[0], at[1]]) },
      {
        id: `label-${z.properties.id}`,
        zone_id: z.properties.id,
        name_zh: z.properties.name_zh,
        name_en: z.properties.name_en,
        named_in_plan: z.properties.named_in_plan,
        source: chosen
          ? 'label anchor chosen by hand (scripts/data/units.ts) clear of other labels'
          : 'label anchor computed by the build (polylabel: the point of the zone farthest from its edges)',
        confidence: 'high',
        approximate: true,
      },
    );
  });
};
