/**
 * The units' and the city's names in traditional Mongolian script, from
 * reference/mongolian-names.csv: each with its Latin transliteration, the page it was found on,
 * what was checked and a confidence — or left out with the reason (no source settled it). The
 * build refuses a name that is not in the Mongolian block or that no source supports.
 */
import { CONFIDENCES, type Confidence } from '../../src/contracts/vocab.ts';
import { isMongolianName, NOT_MONGOLIAN } from '../../src/contracts/mongolian.ts';
import { parseCsv } from './lib/csv.ts';
import type { BuildContext } from './layers/common.ts';
import { CITY } from './layers/city.ts';

export const MONGOLIAN_FILE = 'reference/mongolian-names.csv';
const COLUMNS = [
  'admin_code',
  'name_zh',
  'name_mn',
  'name_mn_latin',
  'source_url',
  'source',
  'checked',
  'confidence',
  'omit_reason',
];

export interface MongolianName {
  name_mn: string;
  name_mn_latin: string;
  name_mn_source: string;
  name_mn_confidence: Confidence;
}

const codePoints = (s: string) =>
  [...s].map((c) => `U+${c.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`);

/** The names by admin code (those left out are absent), or the first problem found. */
export function readMongolianNames(text: string, names: Record<string, string>): Map<string, MongolianName> {
  const out = new Map<string, MongolianName>();
  const rows = parseCsv(text, MONGOLIAN_FILE);
  const missing = COLUMNS.filter((c) => rows.length && !(c in rows[0]));
  if (missing.length)
    throw new Error(`${MONGOLIAN_FILE}: no column ${missing.join(', ')} (columns: ${COLUMNS.join(',')})`);
  for (const [n, r] of rows.entries()) {
    const at = `${MONGOLIAN_FILE} row ${n + 2} (${r.admin_code} ${r.name_zh})`;
    if (!(r.admin_code in names)) throw new Error(`${at}: no unit or city has this admin code`);
    if (names[r.admin_code] !== r.name_zh)
      throw new Error(`${at}: the Chinese name of record is ${names[r.admin_code]}`);
    if (out.has(r.admin_code)) throw new Error(`${at}: a second row for this admin code`);
    if (r.omit_reason.trim()) {
      if (r.name_mn.trim()) throw new Error(`${at}: left out (${r.omit_reason}) yet a name is given`);
      continue;
    }
    if (!r.name_mn.trim()) throw new Error(`${at}: no name, and no omit_reason saying why`);
    if (!isMongolianName(r.name_mn))
      throw new Error(`${at}: "${r.name_mn}" is not ${NOT_MONGOLIAN}: ${codePoints(r.name_mn).join(' ')}`);
    if (!/^https?:\/\/\S+$/.test(r.source_url.trim()) || !r.source.trim() || !r.checked.trim())
      throw new Error(`${at}: a name needs the page it was found on (source_url), the source and what was checked`);
    if (!CONFIDENCES.includes(r.confidence as Confidence))
      throw new Error(`${at}: confidence "${r.confidence}" is not one of ${CONFIDENCES.join(', ')}`);
    if (!r.name_mn_latin.trim()) throw new Error(`${at}: a name needs its Latin transliteration`);
    out.set(r.admin_code, {
      name_mn: r.name_mn,
      name_mn_latin: r.name_mn_latin.trim(),
      // what a reader is told: the source and its page (what was checked stays in the CSV and SOURCES.md)
      name_mn_source: `${r.source.trim()} <${r.source_url.trim()}>`,
      name_mn_confidence: r.confidence as Confidence,
    });
  }
  return out;
}

/** The names, read once per build from the sources (units' names from reference/places.csv). */
export function mongolianNames(ctx: BuildContext): Map<string, MongolianName> {
  return ctx.once('mongolian-names', () => {
    const names: Record<string, string> = { [CITY.admin_code]: CITY.name_zh };
    for (const p of ctx.places) if (p.admin_code) names[p.admin_code] = p.name_zh;
    return readMongolianNames(ctx.inp.read(MONGOLIAN_FILE), names);
  });
}
