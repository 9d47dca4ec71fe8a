/** Layer `ports`: land ports, airports and the trade zones, from reference/ports_airports.csv. */
import type { Point } from 'geojson';
import { parseCsv } from '../lib/csv.ts';
import type { PlanRef, RecordFeature } from '../lib/types.ts';
import { REFS } from '../plan-refs.ts';
import { type Builder, type Inputs, conf, feature, num, omitted, positionProps, roundPos } from './common.ts';

export const PORT_IDS: Record<string, string> = {
  满洲里铁路口岸: 'port-manzhouli-rail',
  满洲里公路口岸: 'port-manzhouli-road',
  二卡口岸: 'port-erka',
  黑山头口岸: 'port-heishantou',
  室韦口岸: 'port-shiwei',
  阿日哈沙特口岸: 'port-arihashat',
  额布都格口岸: 'port-ebduge',
  胡列也吐口岸: 'port-huliyetu',
  呼伦贝尔东山国际机场: 'airport-hailar',
  满洲里西郊国际机场: 'airport-manzhouli',
  扎兰屯成吉思汗机场: 'airport-zalantun',
  大兴安岭鄂伦春机场: 'airport-jiagedaqi',
  根河好里堡机场: 'airport-genhe',
  额尔古纳机场: 'airport-ergun',
  莫力达瓦机场: 'airport-morin-dawa',
  '阿尔山伊尔施机场 (兴安盟, context)': 'airport-arxan-yiershi',
  满洲里综合保税区: 'zone-manzhouli-bonded',
  中俄互市贸易区: 'zone-manzhouli-border-trade',
};

/**
 * The kind of a port as the reference gives it, without the attributes no row cites a source
 * for (class I/II, 24 h opening, year-round since 2017): they are not shown as fact.
 */
export function portDetail(kind: string): string {
  return kind
    .replace(/,\s*class I{1,2}\b/g, '')
    .replace(/,\s*24 h\b/g, '')
    .replace(/,\s*year-round since \d{4}( approval)?/g, '')
    .trim();
}

export interface PortsResult {
  ports: RecordFeature<Point>[];
  /** rows without a position: recorded, not drawn */
  unplaced: string[];
}

function buildPorts(inp: Inputs): PortsResult {
  const rows = parseCsv(inp.read('reference/ports_airports.csv'), 'reference/ports_airports.csv');
  const ports: RecordFeature<Point>[] = [];
  const unplaced: string[] = [];
  for (const r of rows) {
    const id = PORT_IDS[r.name_zh];
    if (!id) throw new Error(`reference/ports_airports.csv: no id for "${r.name_zh}"`);
    const why = omitted(r);
    if (why) {
      unplaced.push(`${r.name_zh} (${why})`);
      continue;
    }
    // A row with neither a source for the place nor for its position (a seat point standing in) is not drawn.
    if (/^unsourced estimate/.test(r.source) && /PROXY/.test(r.source)) {
      unplaced.push(`${r.name_zh} (no source for it; the point would be a seat proxy)`);
      continue;
    }
    const kind = id.startsWith('airport') ? 'airport' : id.startsWith('port') ? 'land_port' : 'trade_zone';
    const inManzhouli = r.county.startsWith('满洲里');
    const lingxi = r.county === '新巴尔虎右旗' || r.county === '新巴尔虎左旗';
    const plan_ref: PlanRef[] =
      kind === 'trade_zone' || (kind === 'land_port' && inManzhouli)
        ? [REFS.manzhouliPolicies, REFS.logistics]
        : kind === 'land_port' && lingxi
          ? [REFS.lingxiIndustries]
          : [];
    const proxy = /PROXY/.test(r.source);
    ports.push(
      feature(
        { type: 'Point', coordinates: roundPos([num(r.lon, `${r.name_zh} lon`), num(r.lat, `${r.name_zh} lat`)]) },
        {
          id,
          name_zh: r.name_zh.replace(' (兴安盟, context)', '（兴安盟）'),
          // The reference appends the Chinese name in parentheses to one English name.
          name_en: r.name_en.replace(/\s*\([^)]*[\u3400-\u9fff][^)]*\)/, ''),
          kind,
          kind_detail: portDetail(r.kind),
          unit_zh: r.county,
          partner: r.partner || null,
          outside_city: id === 'airport-arxan-yiershi' || id === 'airport-jiagedaqi',
          source: r.source,
          confidence: conf(r.confidence, r.name_zh),
          approximate: r.confidence !== 'high' || proxy || !r.precision_m.trim(),
          ...positionProps(r, `reference/ports_airports.csv ${r.name_zh}`),
          note: r.note || null,
          ...(plan_ref.length ? { plan_ref } : {}),
        },
      ),
    );
  }
  return { ports, unplaced };
}

export const ports: Builder = (ctx) => {
  const r = buildPorts(ctx.inp);
  ctx.report.unplaced.push(...r.unplaced);
  return r.ports;
};
