import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPAM, assertQuoted, readCapture, restorePlan } from '../../scripts/data/lib/plan-text.ts';

const CAPTURE = 'geodata/sources/plan/plan-2022-54-page-capture.txt';
const plan = readFileSync('geodata/plan/plan.txt', 'utf8');

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe('the plan text of record', () => {
  it('is what restorePlan makes of the capture', () => {
    // The capture is the plan's source (geodata/sources/plan/, with its provenance); without it nothing proves the text.
    expect(existsSync(CAPTURE), `${CAPTURE} is missing: the plan text cannot be checked against its source`).toBe(true);
    expect(restorePlan(readCapture(readFileSync(CAPTURE, 'utf8')))).toBe(plan);
  });

  it('restores the words the spam replaced', () => {
    for (const words of [
      '提高我市城镇化水平',
      '以习近平新时代',
      '全市常住人口城镇化率达到74%以上',
      '健全市场一体化发展机制',
      '健全市政消火栓',
    ]) {
      expect(plan).toContain(words);
    }
    expect(plan).not.toContain('扫一扫');
    expect(plan.startsWith('呼伦贝尔市人民政府办公室关于印发')).toBe(true);
  });

  it('fails loudly when the capture changes so that a rule no longer matches', () => {
    expect(() => restorePlan(`x\n发布时间:\n提高${SPAM}城镇化水平\n扫一扫在手机打开当前页`)).toThrow(
      /matched 0 times|matched/,
    );
  });

  it('accepts a real quote and rejects an invented one', () => {
    expect(() => assertQuoted(plan, '全力推进“齐海满”高速铁路建设', 't')).not.toThrow();
    expect(() => assertQuoted(plan, '全力推进满洲里国际机场建设', 't')).toThrow(/quote not found/);
  });

  it('no file under geodata/, public/ or src/ contains the spam string (but the capture it is restored from)', () => {
    const hits = ['geodata', 'public', 'src', 'index.html']
      .flatMap((d) => (existsSync(d) && statSync(d).isFile() ? [d] : files(d)))
      .filter((f) => !/\.(pmtiles|png|jpg)$/.test(f))
      .filter((f) => readFileSync(f, 'utf8').includes(SPAM));
    expect(hits).toEqual([]);
  });
});
