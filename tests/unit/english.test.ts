// The plan's English (geodata/plan/en.json): complete, laid onto every record that shows the
// plan's words, free of Chinese outside brackets, and the build's check names what is missing
// or stale.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { English, readEnglish } from '../../scripts/data/english.ts';
import type { Plan } from '../../src/contracts/plan.ts';
import type { Details } from '../../src/contracts/feature.ts';
import type { Tour } from '../../src/contracts/tour.ts';

const read = <T>(f: string) => JSON.parse(readFileSync(f, 'utf8')) as T;
const plan = read<Plan>('public/data/plan.json');
const features = Object.values(read<Record<string, Details>>('public/data/features.json'));
const tours = read<Tour[]>('public/data/tours.json');
/** Chinese outside (…) or （…） */
const bareChinese = (s: string) => /[\u3400-\u9fff]/.test(s.replace(/[（(][^（()）]*[)）]/g, ''));

describe('the English of the plan', () => {
  it('every task paragraph has a summary, every target its sentence, with words for word values', () => {
    for (const t of plan.tasks) {
      expect(t.title_en, `task ${t.number}`).toMatch(/^[A-Z]/);
      for (const p of t.paragraphs) expect(p.summary_en?.length ?? 0, p.id).toBeGreaterThan(80);
    }
    for (const t of plan.targets) {
      expect(t.sentence_en, t.id).toBeTruthy();
      if (typeof t.value === 'string') expect(t.value_en, t.id).toBeTruthy();
      expect(t.unit_en, t.id).toBeDefined();
    }
  });

  it('every quote on a card or in a tour, and every industry, has its English', () => {
    const refs = [
      ...features.flatMap((f) => f.plan_ref ?? []),
      ...tours.flatMap((t) => t.steps.flatMap((s) => s.plan_ref ?? [])),
    ];
    expect(refs.length).toBeGreaterThan(40);
    for (const r of refs) expect(r.quote_en, r.quote).toBeTruthy();
    const withIndustries = features.filter((f) => f.industries);
    expect(withIndustries.length).toBeGreaterThan(5);
    for (const f of withIndustries)
      expect(f.industries_en?.split(', ').length, f.id).toBe(String(f.industries).split('、').length);
    for (const f of features.filter((x) => x.members)) expect(f.members_en, f.id).toBeTruthy();
  });

  it('the English has no Chinese outside brackets', () => {
    const all = [
      ...plan.tasks.flatMap((t) => [t.title_en, ...t.paragraphs.map((p) => p.summary_en ?? '')]),
      ...plan.targets.flatMap((t) => [t.sentence_en ?? '', t.value_en ?? '', t.unit_en ?? '']),
      ...features.flatMap((f) => [
        ...(f.plan_ref ?? []).map((r) => r.quote_en ?? ''),
        String(f.industries_en ?? ''),
        String(f.members_en ?? ''),
      ]),
    ];
    expect(all.filter(bareChinese)).toEqual([]);
  });

  it('the build names a missing translation and a stale one, in en.json', () => {
    const data = structuredClone(readEnglish().data);
    data.quotes = { 'not in the plan': 'stale' };
    const en = new English(data);
    expect(en.quote('呼伦贝尔盟署历史文化街区', 'heritage-hulunbuir-league-office')).toBe('');
    const problems = en.problems();
    expect(problems).toContainEqual({
      file: 'geodata/plan/en.json',
      feature: 'heritage-hulunbuir-league-office',
      reason: 'no English for the quote "呼伦贝尔盟署历史文化街区" (quotes)',
    });
    expect(problems).toContainEqual({
      file: 'geodata/plan/en.json',
      feature: 'quotes.not in the plan',
      reason: 'not used by the plan, the features or the tours (stale entry)',
    });
  });

  it('says 以上 as "or more"/"or better" and 以内 as "at most", never "up to", "more than" or "<" (issue 24, item 11)', () => {
    const targets = plan.targets.filter((t) => /以上|以内/.test(t.sentence));
    expect(targets.length).toBeGreaterThanOrEqual(7);
    for (const t of targets) {
      const en = `${t.indicator_en} | ${t.sentence_en ?? ''}`;
      expect(en, t.id).not.toMatch(/\bup to\b|\bmore than\b|\bwithin\b|</);
      if (/以内/.test(t.sentence)) {
        expect(t.sentence_en, t.id).toMatch(/\bat most\b/);
        expect(t.comparator, t.id).toBe('≤');
      }
      // a threshold "X以上" is "X or more"; a class "三类以上" is "class III or better"
      if (/\d+(\.\d+)?%?(人)?以上/.test(t.sentence)) expect(t.sentence_en, t.id).toMatch(/ or more\b/);
      if (/三类以上/.test(t.sentence)) {
        expect(t.indicator_en, t.id).toMatch(/class III or better/);
        expect(t.sentence_en, t.id).toMatch(/class III or better/);
      }
    }
    // the wording before issue 24 is refused by the same rules
    expect('City-level flush public toilets up to class 3').toMatch(/\bup to\b/);
    expect(plan.targets.find((t) => t.id === 'unemployment')?.comparator).toBe('≤');
  });

  it("uses one term for each thing: pan-port economy, Yi'ershi, traditional Chinese medicine (Mongolian medicine)", () => {
    const text = JSON.stringify([plan, features, tours]);
    expect(text).not.toMatch(/wide port economy|port-centred economy/);
    expect(text).toMatch(/pan-port economy/);
    expect(text).not.toMatch(/\bYiershi\b/);
    // 中医药（蒙医药）: Mongolian medicine is never given without traditional Chinese medicine
    for (const m of text.matchAll(/.{0,40}Mongolian medicine/g)) expect(m[0]).toMatch(/traditional Chinese medicine/);
  });
});
