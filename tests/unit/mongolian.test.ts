// The units' and the city's names in traditional Mongolian script: every name of record in the
// Mongolian block with its source, the build refusing what is not, the font cut to them with
// their joining forms, and search finding a place by its Mongolian name or its transliteration.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MONGOLIAN_FILE, readMongolianNames } from '../../scripts/data/mongolian.ts';
import { isMongolianName } from '../../src/contracts/mongolian.ts';
import { SearchIndexSchema } from '../../src/contracts/search.ts';
import { parseOrThrow } from '../../src/contracts/issues.ts';
import { search } from '../../src/lib/search.ts';

const csv = readFileSync(`geodata/sources/${MONGOLIAN_FILE}`, 'utf8');
const NAMES: Record<string, string> = { '150700': '呼伦贝尔市', '150781': '满洲里市', '150702': '海拉尔区' };
const HEADER = 'admin_code,name_zh,name_mn,name_mn_latin,source_url,source,checked,confidence,omit_reason';
const row = (over: Partial<Record<string, string>> = {}) => {
  const r = {
    admin_code: '150781',
    name_zh: '满洲里市',
    name_mn: 'ᠮᠠᠨᠵᠤᠤᠷ ᠬᠣᠲᠠ',
    name_mn_latin: 'Manjuur qota',
    source_url: 'https://example.org/manzhouli',
    source: 'a page',
    checked: 'letter by letter',
    confidence: 'medium',
    omit_reason: '',
    ...over,
  };
  return `${HEADER}\n${Object.values(r).join(',')}\n`;
};

describe('the names of record', () => {
  const units = JSON.parse(readFileSync('geodata/units.geojson', 'utf8')) as {
    features: { properties: Record<string, unknown> }[];
  };
  const city = JSON.parse(readFileSync('geodata/city.geojson', 'utf8')) as typeof units;
  const all = [...city.features, ...units.features].map((f) => f.properties);
  const named = all.filter((p) => p.name_mn);

  it('each name is Mongolian script with its transliteration, source and confidence; the rest are left out with a reason', () => {
    expect(named.length).toBeGreaterThan(0);
    for (const p of named) {
      expect(isMongolianName(String(p.name_mn)), String(p.name_zh)).toBe(true);
      expect(String(p.name_mn_source)).toMatch(/^\S.* <https?:\/\/\S+>$/);
      expect(['high', 'medium', 'low']).toContain(p.name_mn_confidence);
      expect(String(p.name_mn_latin)).toMatch(/^[\p{Script=Latin} ]+$/u);
    }
    // every unit and the city has a row: a name, or the reason it has none
    const rows = csv.trim().split('\n').slice(1);
    expect(rows).toHaveLength(15);
    expect(readMongolianNames(csv, Object.fromEntries(all.map((p) => [p.admin_code, p.name_zh]))).size).toBe(
      named.length,
    );
  });

  it('the build refuses a name not in the Mongolian block, one without a source, one left out that has a name', () => {
    expect(() => readMongolianNames(row({ name_mn: 'Манжуур хот' }), NAMES)).toThrow(
      /not traditional Mongolian script.*U\+041C/,
    );
    expect(() => readMongolianNames(row({ name_mn: 'ᠮᠠᠨᠵᠤᠤᠷ 满洲里' }), NAMES)).toThrow(
      /not traditional Mongolian script/,
    );
    expect(() => readMongolianNames(row({ source_url: '' }), NAMES)).toThrow(/needs the page it was found on/);
    expect(() => readMongolianNames(row({ checked: '' }), NAMES)).toThrow(/needs the page it was found on/);
    expect(() => readMongolianNames(row({ confidence: 'sure' }), NAMES)).toThrow(/confidence "sure"/);
    expect(() => readMongolianNames(row({ omit_reason: 'no source' }), NAMES)).toThrow(
      /left out \(no source\) yet a name is given/,
    );
    expect(() => readMongolianNames(row({ name_zh: '满洲里' }), NAMES)).toThrow(
      /the Chinese name of record is 满洲里市/,
    );
    expect(readMongolianNames(row({ name_mn: '', omit_reason: 'no source settles it' }), NAMES).size).toBe(0);
    expect(() => readMongolianNames(row({ name_mn: '' }), NAMES)).toThrow(/no name, and no omit_reason/);
    expect(() => readMongolianNames(row({ name_mn: 'ᠮᠠᠨᠵᠤᠤᠷ  ᠬᠣᠲᠠ' }), NAMES)).toThrow(/single spaces/);
    expect(() => readMongolianNames(`admin_code,name_zh,name_mn\n150781,满洲里市,x\n`, NAMES)).toThrow(
      /no column name_mn_latin/,
    );
    expect(readMongolianNames(row(), NAMES).get('150781')?.name_mn_confidence).toBe('medium');
  });

  it('the font holds every letter of the names, and its shaping joins them (each letter’s joined form differs from its alone form)', async () => {
    const font = readFileSync('public/data/fonts/mongolian.ttf');
    const hb = await import('harfbuzzjs');
    const hbFont = new hb.Font(new hb.Face(new hb.Blob(new Uint8Array(font)), 0));
    const glyphs = (text: string) => {
      const buf = new hb.Buffer();
      buf.addText(text);
      buf.guessSegmentProperties();
      hb.shape(hbFont, buf);
      return buf.getGlyphInfos().map((g) => g.codepoint);
    };
    for (const p of named) {
      const name = String(p.name_mn);
      expect(
        glyphs(name).every((g) => g !== 0),
        `${name}: no missing glyph`,
      ).toBe(true);
      // each word shaped takes other glyphs than its letters alone (initial, medial, final forms, ligatures)
      for (const word of name.split(' ')) {
        const shaped = glyphs(word);
        const alone = [...word].flatMap((c) => glyphs(c));
        // (without the font's layout tables the two would be the same glyphs, one for one)
        expect(shaped, word).not.toEqual(alone);
      }
    }
  });
});

describe('search by a Mongolian name', () => {
  const index = parseOrThrow(
    SearchIndexSchema,
    JSON.parse(readFileSync('public/data/search.json', 'utf8')),
    'search.json',
  );
  it('finds 满洲里 by its Mongolian name, written with or without spaces, and by its transliteration', () => {
    expect(search(index, 'ᠮᠠᠨᠵᠤᠤᠷ ᠬᠣᠲᠠ')[0]?.entry.zh).toBe('满洲里市');
    expect(search(index, 'ᠮᠠᠨᠵᠤᠤᠷ')[0]?.entry.zh).toBe('满洲里市');
    expect(search(index, 'Manjuur')[0]?.entry.zh).toBe('满洲里市');
    expect(search(index, 'kolon buyir')[0]?.entry.zh).toBe('呼伦贝尔市');
    expect(search(index, 'Kölön')[0]?.entry.zh).toBe('呼伦贝尔市');
    // typed as it looks: ᠤ for ᠣ in ᠬᠣᠲᠠ
    expect(search(index, 'ᠮᠠᠨᠵᠤᠤᠷ ᠬᠤᠲᠠ')[0]?.entry.zh).toBe('满洲里市');
  });
});
