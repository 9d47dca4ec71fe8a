// One rule for names in English: a unit's is pinyin or an established form listed with its
// reason; a seat's is pinyin, whatever the name's origin (issue 24, item 12).
import { describe, expect, it } from 'vitest';
import { nameProblem, unitNameProblems } from '../../scripts/data/names.ts';
import { readGeojson } from './helpers.ts';

describe('names in English', () => {
  it('every unit and seat of record follows the rule', () => {
    expect(unitNameProblems('units', readGeojson('units').features)).toEqual([]);
  });

  it('accepts pinyin and, for units, the established forms; refuses the rest', () => {
    expect(nameProblem('满洲里市', 'Manzhouli City')).toBeNull();
    expect(nameProblem('扎兰屯市', 'Zalantun (Zhalantun) City')).toBeNull();
    expect(nameProblem('鄂温克族自治旗', 'Evenk (Ewenki) Autonomous Banner')).toBeNull();
    for (const [zh, en] of [
      ['巴彦库仁镇', 'Bayankuren Town'],
      ['巴彦托海镇', 'Bayantuohai Town'],
      ['阿拉坦额莫勒镇', "Alatan'emole Town"],
      ['阿木古郎镇', 'Amugulang Town'],
      ['尼尔基镇', 'Nierji Town'],
    ])
      expect(nameProblem(zh, en, 'seat'), zh).toBeNull();
    // the reference's form before the fix
    expect(nameProblem('巴彦库仁镇', 'Bayan Huren Town', 'seat')).toBe(
      '"Bayan Huren" is not the pinyin "bayankuren" (a seat\'s name is pinyin)',
    );
    expect(nameProblem('牙克石市', 'Yakeshi Town')).toBe('"Yakeshi Town" should end in "City" (市)');
  });

  it('refuses the Mongolian forms the seats had before issue 24, so that every seat has one rule', () => {
    for (const [zh, en] of [
      ['巴彦托海镇', 'Bayan Tohoi Town'],
      ['阿拉坦额莫勒镇', 'Altan Emel Town'],
      ['阿木古郎镇', 'Amgalang Town'],
      ['尼尔基镇', 'Nirji Town'],
    ])
      expect(nameProblem(zh, en, 'seat'), zh).toMatch(/is not the pinyin/);
    const seats = readGeojson('units').features.map(
      (u: { properties: Record<string, string> }) => u.properties.seat_en,
    );
    expect(seats).toEqual(
      expect.arrayContaining([
        'Bayantuohai Town',
        'Bayankuren Town',
        'Amugulang Town',
        "Alatan'emole Town",
        'Nierji Town',
      ]),
    );
  });
});
