/** Reads a source CSV (RFC 4180, via d3-dsv) into header-keyed rows, refusing malformed ones. */
import { csvParseRows } from 'd3-dsv';

export function parseCsv(text: string, file = 'csv'): Record<string, string>[] {
  // An odd number of quotes can only mean a quoted field that never ends.
  if ((text.match(/"/g)?.length ?? 0) % 2) throw new Error(`${file}: unterminated quoted field`);
  const rows = csvParseRows(text.replace(/^\ufeff/, '')).filter((r) => !(r.length === 1 && r[0] === ''));
  const [header, ...body] = rows;
  if (!header) return [];
  return body.map((r, n) => {
    if (r.length !== header.length)
      throw new Error(`${file}: row ${n + 2} has ${r.length} fields, header has ${header.length}`);
    return Object.fromEntries(header.map((h, i) => [h, r[i]]));
  });
}
