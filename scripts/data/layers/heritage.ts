/** Layer `heritage`. */
import { must } from '../../../src/lib/must.ts';
import { parseCsv } from '../lib/csv.ts';
import { REFS } from '../plan-refs.ts';
import type { Point } from 'geojson';
import type { RecordFeature } from '../lib/types.ts';
import { type Builder, conf, feature, num, omitted, positionProps, roundPos } from './common.ts';

export const HERITAGE_IDS: Record<string, string> = {
  呼伦贝尔盟署历史文化街区: 'heritage-hulunbuir-league-office',
  满洲里市中东铁路第一站历史文化街区: 'heritage-manzhouli-first-station',
  '满洲里市中东铁路第一站历史文化街区(北区)': 'heritage-manzhouli-first-station-north',
  扎兰屯市中东铁路风情历史文化街区: 'heritage-zalantun-cer-style',
  扎兰屯市中东铁路工业遗产历史文化街区: 'heritage-zalantun-cer-industrial',
  博克图镇: 'heritage-bugt',
  呼和诺尔镇: 'heritage-hohnuur',
  奇乾: 'heritage-qiqian',
};

/** Layer `heritage`: the plan's historic districts and towns, and 扎兰屯's application as a historic city. */
export const heritage: Builder = ({ inp, places, report }) => {
  const rows = parseCsv(inp.read('reference/heritage.csv'), 'reference/heritage.csv');
  const out: RecordFeature<Point>[] = [];
  rows.forEach((r, i) => {
    const id = HERITAGE_IDS[r.name_zh];
    if (!id) throw new Error(`reference/heritage.csv: no id for "${r.name_zh}"`);
    const why = omitted(r);
    if (why) {
      report.unplaced.push(`${r.name_zh} (${why})`);
      return;
    }
    // The source names the north sector "idem, north sector": spell it out.
    const nameEn = /^idem\b/i.test(r.name_en) && i > 0 ? `${rows[i - 1].name_en} (north sector)` : r.name_en;
    const district = r.kind.startsWith('historic district');
    // The plan names the north sector "满洲里市中东铁路第一站北区历史文化街区".
    const planName =
      r.name_zh === '满洲里市中东铁路第一站历史文化街区(北区)' ? '满洲里市中东铁路第一站北区历史文化街区' : r.name_zh;
    out.push(
      feature(
        { type: 'Point', coordinates: roundPos([num(r.lon, `${r.name_zh} lon`), num(r.lat, `${r.name_zh} lat`)]) },
        {
          id,
          name_zh: planName,
          name_en: nameEn,
          kind: district ? 'historic_district' : 'historic_town',
          kind_zh: district ? '历史文化街区' : '历史文化名镇名村',
          unit_zh: r.county,
          source: r.source,
          confidence: conf(r.confidence, r.name_zh),
          approximate: r.confidence !== 'high' || !r.precision_m.trim(),
          ...positionProps(r, `reference/heritage.csv ${r.name_zh}`),
          note: r.note || null,
          plan_ref: [district ? REFS.historicDistrict(planName) : REFS.historicTowns],
        },
      ),
    );
  });
  const zlt = must(
    places.find((p) => p.admin_code === '150783'),
    'reference/places.csv: a row for 150783 (扎兰屯市)',
  );
  out.push(
    feature(
      { type: 'Point', coordinates: roundPos([num(zlt.lon, 'zlt'), num(zlt.lat, 'zlt')]) },
      {
        id: 'heritage-zalantun-historic-city',
        name_zh: '扎兰屯市（申报历史文化名城）',
        name_en: 'Zalantun (applying to be a historic and cultural city)',
        kind: 'historic_city_candidate',
        kind_zh: '申报历史文化名城',
        unit_zh: '扎兰屯市',
        source: `position: seat of 扎兰屯市 (reference/places.csv: ${zlt.source})`,
        confidence: 'medium',
        plan_ref: [REFS.historicCity],
      },
    ),
  );
  return out;
};
