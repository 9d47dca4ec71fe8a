/**
 * The published positions of the reference rows (reference/*.csv with a precision_m), by the
 * id of the feature drawn from each: ports and airports, heritage sites, seats. The build
 * checks that each feature lies within its row's precision of it (placement.ts).
 */
import { parseCsv } from '../lib/csv.ts';
import type { PublishedPosition } from '../placement.ts';
import { type Inputs, num, omitted } from './common.ts';
import { HERITAGE_IDS } from './heritage.ts';
import { PORT_IDS } from './ports.ts';

export function publishedPositions(inp: Inputs): Map<string, PublishedPosition> {
  const out = new Map<string, PublishedPosition>();
  const add = (
    file: string,
    rows: Record<string, string>[],
    idOf: (r: Record<string, string>) => string | undefined,
  ) => {
    for (const r of rows) {
      const id = idOf(r);
      if (!id || omitted(r) || !r.precision_m?.trim()) continue;
      const where = `${file} ${r.name_zh}`;
      out.set(id, {
        at: [num(r.lon, `${where} lon`), num(r.lat, `${where} lat`)],
        precision_m: num(r.precision_m, `${where} precision_m`),
        source: r.source,
      });
    }
  };
  const read = (file: string) => parseCsv(inp.read(file), file);
  add('reference/ports_airports.csv', read('reference/ports_airports.csv'), (r) => PORT_IDS[r.name_zh]);
  add('reference/heritage.csv', read('reference/heritage.csv'), (r) => HERITAGE_IDS[r.name_zh]);
  add('reference/places.csv', read('reference/places.csv'), (r) =>
    r.type === 'county_seat' ? `seat-${r.admin_code}` : undefined,
  );
  return out;
}
