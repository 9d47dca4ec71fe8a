/**
 * The one rule for names in English (SOURCES.md): Hanyu Pinyin of the Chinese name (no tones,
 * syllables joined), with the generic part translated. A unit (district, banner, city) may
 * instead have an established form from Mongolian, Evenki, Daur, Manchu or Oroqen, listed
 * here with the reason it is used; a seat (town, subdistrict) is always pinyin, whatever the
 * name's origin, since such forms are attested for some seats and not for others.
 */
import { pinyin } from 'pinyin-pro';
import type { RecordFeature } from './lib/types.ts';
import type { Problem } from './lib/validate.ts';

/** Established forms of units' names (the name's own language, or long use), by the Chinese stem. */
export const ESTABLISHED: Record<string, string> = {
  海拉尔: 'Hailar', // Mongolian Khailaar
  扎赉诺尔: 'Jalainur', // Mongolian Jalain nuur
  阿荣: 'Arun', // Daur
  莫力达瓦达斡尔族: 'Morin Dawa Daur', // Daur
  鄂温克族: 'Evenk', // Evenki
  鄂伦春: 'Oroqen',
  陈巴尔虎: 'Chen Barag', // Mongolian Barga
  新巴尔虎右: 'New Barag Right',
  新巴尔虎左: 'New Barag Left',
  扎兰屯: 'Zalantun', // Manchu/Mongolian Jalan
  额尔古纳: 'Ergun', // Mongolian Ergüne
};

/** A unit may use an established form; a seat is pinyin. */
export type NameKind = 'unit' | 'seat';

/** Generic parts of a name, longest first, and their English. */
const GENERIC: [string, string][] = [
  ['自治旗', 'Autonomous Banner'],
  ['街道', 'Subdistrict'],
  ['区', 'District'],
  ['旗', 'Banner'],
  ['市', 'City'],
  ['镇', 'Town'],
];

const plain = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

/** Why `en` breaks the rule for `zh` (a unit's name or a seat's), or null when it follows it. */
export function nameProblem(zh: string, en: string, kind: NameKind = 'unit'): string | null {
  const bare = zh.replace(/[(（].*$/, '');
  const generic = GENERIC.find(([z]) => bare.endsWith(z));
  if (!generic) return null; // not a name with a generic part: not checked here
  const stem = bare.slice(0, -generic[0].length);
  const main = en.replace(/\s*\(.*\)\s*/, ' ').trim();
  if (!main.endsWith(generic[1])) return `"${en}" should end in "${generic[1]}" (${generic[0]})`;
  const given = main.slice(0, -generic[1].length).trim();
  const py = pinyin(stem, { toneType: 'none', type: 'array' }).join('');
  if (plain(given) === plain(py)) return null;
  if (kind === 'unit') {
    if (given === ESTABLISHED[stem]) return null;
    return `"${given}" is neither the pinyin "${py}" nor an established form of ${stem}`;
  }
  return `"${given}" is not the pinyin "${py}" (a seat's name is pinyin)`;
}

/** The build's check over the units: their names and their seats' names. */
export function unitNameProblems(file: string, units: RecordFeature[]): Problem[] {
  const out: Problem[] = [];
  for (const u of units) {
    const p = u.properties;
    for (const [zh, en, kind] of [
      [p.name_zh, p.name_en, 'unit'],
      [p.seat_zh, p.seat_en, 'seat'],
    ] as [unknown, unknown, NameKind][]) {
      if (typeof zh !== 'string' || typeof en !== 'string' || zh.startsWith('市区')) continue;
      const why = nameProblem(zh, en, kind);
      if (why) out.push({ file, feature: p.id, reason: `name in English: ${why}` });
    }
  }
  return out;
}
