/**
 * The units' and the city's names in traditional Mongolian script, from
 * reference/mongolian-names.csv: each with its Latin transliteration, the page it was found on,
 * what was checked and a confidence — or left out with the reason (no source settled it). The
 * build refuses a name that is not in the Mongolian block or that no source supports.
 */
import { CONFIDENCES, type Confidence } from '../../src/contracts/vocab.ts';
import { isMongolianName } from '../../src/contracts/mongolian.ts';
import { parseCsv } from './lib/csv.ts';
import type { BuildContext } from './layers/common.ts';

export const MONGOLIAN_FILE = 'reference/mongolian-names.csv';

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
  for (const [n, r] of parseCsv(text, MONGOLIAN_FILE).entries()) {
    const at = `${MONGOLIAN_FILE} row ${n + 2} (${r.admin_code} ${r.name_zh})`;
    if (!(r.admin_code in names)) throw new Error(`${at}: no unit or city has this admin code`);
    if (names[r.admin_code] !== r.name_zh)
      throw new Error(`${at}: the Chinese name of record is ${names[r.admin_code]}`);
    if (out.has(r.admin_code)) throw new Error(`${at}: a second row for this admin code`);
    if (r.omit_reason.trim()) {
      if (r.name_mn.trim()) throw new Error(`${at}: left out (${r.omit_reason}) yet a name is given`);
      continue;
    }
    if (!isMongolianName(r.name_mn))
      throw new Error(
        `${at}: "${r.name_mn}" is not traditional Mongolian script (U+1800–U+18AF): ${codePoints(r.name_mn).join(' ')}`,
      );
    if (!/^https?:\/\/\S+$/.test(r.source_url.trim()) || !r.source.trim() || !r.checked.trim())
      throw new Error(`${at}: a name needs the page it was found on (source_url), the source and what was checked`);
    if (!CONFIDENCES.includes(r.confidence as Confidence))
      throw new Error(`${at}: confidence "${r.confidence}" is not one of ${CONFIDENCES.join(', ')}`);
    if (!r.name_mn_latin.trim()) throw new Error(`${at}: a name needs its Latin transliteration`);
    out.set(r.admin_code, {
      name_mn: r.name_mn,
      name_mn_latin: r.name_mn_latin.trim(),
      name_mn_source: `${r.source.trim()} <${r.source_url.trim()}>; checked: ${r.checked.trim()}`,
      name_mn_confidence: r.confidence as Confidence,
    });
  }
  return out;
}

/** The city's admin code and name: the one row that is not a unit. */
const CITY = { admin_code: '150700', name_zh: '呼伦贝尔市' };

/** The names, read once per build from the sources (units' names from reference/places.csv). */
export function mongolianNames(ctx: BuildContext): Map<string, MongolianName> {
  return ctx.once('mongolian-names', () => {
    const names: Record<string, string> = { [CITY.admin_code]: CITY.name_zh };
    for (const p of ctx.places) if (p.admin_code) names[p.admin_code] = p.name_zh;
    return readMongolianNames(ctx.inp.read(MONGOLIAN_FILE), names);
  });
}
