// Printed text breaks as Chinese typesetting expects (no line starts with ，、。), Latin at spaces.
import { describe, expect, it } from 'vitest';
import { wrap } from '../../src/lib/print/text.ts';

const mono = (s: string) => [...s].length; // one unit per character

describe('print line breaking', () => {
  it('never starts a line with closing punctuation, never ends one with an opening mark', () => {
    const text = '以呼伦贝尔中心城区为核心，以满洲里市、扎兰屯市—阿荣旗为两极，以旗市区中心城镇、地方特色城镇为多点（一核两极多点）。';
    for (let width = 4; width <= 20; width++) {
      const lines = wrap(text, width, mono);
      expect(lines.join('')).toBe(text);
      for (const l of lines.slice(1)) expect(l[0], `width ${width}: "${l}"`).not.toMatch(/[，、。；：！？）》」]/);
      for (const l of lines.slice(0, -1)) expect(l[l.length - 1], `width ${width}: "${l}"`).not.toMatch(/[（《「]/);
    }
  });

  it('breaks Latin text at spaces and keeps words whole', () => {
    const lines = wrap('Hulunbuir plan for accelerating new urbanization', 16, mono);
    expect(lines).toEqual(['Hulunbuir plan', 'for accelerating', 'new urbanization']);
  });
});
