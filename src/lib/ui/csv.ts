/** CSV as Excel opens Chinese correctly: UTF-8 with a byte-order mark, CRLF lines (d3-dsv quoting). */
import { csvFormatRow } from 'd3-dsv';

export const csvText = (rows: readonly (readonly (string | number | null | undefined)[])[]): string =>
  `\ufeff${rows.map((r) => csvFormatRow(r.map((c) => (c === null || c === undefined ? '' : String(c))))).join('\r\n')}\r\n`;
