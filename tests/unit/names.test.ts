// One rule for names in English: pinyin, or an established form listed with its reason.
import { describe, expect, it } from 'vitest';
import { nameProblem, unitNameProblems } from '../../scripts/data/names.ts';
import { readGeojson } from './helpers.ts';

describe('names in English', () => {
  it('every unit and seat of record follows the rule', () => {
    expect(unitNameProblems('units', readGeojson('units').features)).toEqual([]);
  });

  it('accepts pinyin and the established forms, refuses the rest', () => {
    expect(nameProblem('满洲里市', 'Manzhouli City')).toBeNull();
    expect(nameProblem('巴彦库仁镇', 'Bayankuren Town')).toBeNull();
    expect(nameProblem('阿拉坦额莫勒镇', 'Altan Emel Town')).toBeNull();
    expect(nameProblem('扎兰屯市', 'Zalantun (Zhalantun) City')).toBeNull();
    // the reference's form before the fix
    expect(nameProblem('巴彦库仁镇', 'Bayan Huren Town')).toBe(
      '"Bayan Huren" is neither the pinyin "bayankuren" nor an established form of 巴彦库仁',
    );
    expect(nameProblem('牙克石市', 'Yakeshi Town')).toBe('"Yakeshi Town" should end in "City" (市)');
  });
});
