/**
 * The plan's English (geodata/plan/en.json): task titles, a summary of each task paragraph,
 * each target's sentence, the plan's words quoted on cards and in tours, the industries the
 * plan names. One home for them; the build lays them onto the plan, the features and the
 * tours, and fails when one is missing or when an entry is no longer used.
 */
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { locate, dotted } from '../../src/contracts/issues.ts';
import type { Plan, Target } from '../../src/contracts/plan.ts';
import type { PlanRef } from '../../src/contracts/feature.ts';
import type { Tour } from '../../src/contracts/tour.ts';
import type { Problem } from './lib/validate.ts';

export const ENGLISH_FILE = 'geodata/plan/en.json';

const text = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));
const EnglishSchema = v.object({
  about: text,
  translator: text,
  tasks: v.record(v.string(), v.object({ title: text, paragraphs: v.record(v.string(), text) })),
  targets: v.record(v.string(), v.object({ sentence: text, value: v.optional(text), unit: v.optional(v.string()) })),
  units: v.record(v.string(), v.string()),
  quotes: v.record(v.string(), text),
  industries: v.record(v.string(), text),
});
export type EnglishData = v.InferOutput<typeof EnglishSchema>;

/** Reads en.json; a malformed file fails with its field. */
export function readEnglish(path = ENGLISH_FILE): English {
  const parsed = v.safeParse(EnglishSchema, JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const [first] = locate(parsed.issues);
    throw new Error(`${path}: field "${dotted(first.path)}": ${first.message}`);
  }
  return new English(parsed.output);
}

/** Lookups that remember what was asked for and what was missing. */
export class English {
  readonly missing: Problem[] = [];
  private readonly used = new Set<string>();
  constructor(readonly data: EnglishData) {}

  private miss(where: string, what: string) {
    this.missing.push({ file: ENGLISH_FILE, feature: where, reason: `no English for ${what}` });
  }

  taskTitle(n: number): string {
    const t = this.data.tasks[n];
    this.used.add(`tasks.${n}`);
    if (!t) {
      this.miss(`task ${n}`, `the task (tasks.${n}.title)`);
      return '';
    }
    return t.title;
  }

  paragraph(task: number, id: string): string {
    const s = this.data.tasks[task]?.paragraphs[id];
    this.used.add(`tasks.${task}.paragraphs.${id}`);
    if (!s) this.miss(id, `paragraph ${id} (tasks.${task}.paragraphs.${id})`);
    return s ?? '';
  }

  quote(zh: string, where: string): string {
    const en = this.data.quotes[zh];
    this.used.add(`quotes.${zh}`);
    if (!en) this.miss(where, `the quote "${zh}" (quotes)`);
    return en ?? '';
  }

  target(t: Target): Pick<Target, 'sentence_en' | 'value_en' | 'unit_en'> {
    const e = this.data.targets[t.id];
    this.used.add(`targets.${t.id}`);
    if (!e) {
      this.miss(`target ${t.id}`, `the target (targets.${t.id})`);
      return { sentence_en: '', value_en: null, unit_en: '' };
    }
    if (typeof t.value === 'string' && !e.value)
      this.miss(`target ${t.id}`, `its value "${t.value}" (targets.${t.id}.value)`);
    const unit = e.unit ?? this.data.units[t.unit];
    if (unit === undefined) this.miss(`target ${t.id}`, `the unit "${t.unit}" (units)`);
    else this.used.add(`units.${t.unit}`);
    return { sentence_en: e.sentence, value_en: e.value ?? null, unit_en: unit ?? '' };
  }

  industries(list: string, where: string): string {
    return list
      .split('、')
      .map((zh) => {
        this.used.add(`industries.${zh}`);
        const en = this.data.industries[zh];
        if (!en) this.miss(where, `the industry "${zh}" (industries)`);
        return en ?? zh;
      })
      .join(', ');
  }

  /** Lays the English onto the plan: paragraph summaries, target wording (parsePlan asks for the titles). */
  plan(plan: Plan): void {
    for (const t of plan.tasks) for (const p of t.paragraphs) p.summary_en = this.paragraph(t.number, p.id);
    plan.targets = plan.targets.map((t) => ({ ...t, ...this.target(t) }));
  }

  /** Lays the English onto features' properties: quotes and industries. */
  features(features: { properties: Record<string, unknown> & { id: string } }[]): void {
    for (const f of features) {
      const p = f.properties;
      for (const r of (p.plan_ref as PlanRef[] | undefined) ?? []) r.quote_en = this.quote(r.quote, p.id);
      if (typeof p.industries === 'string' && p.industries) p.industries_en = this.industries(p.industries, p.id);
    }
  }

  tours(tours: Tour[]): void {
    for (const tour of tours)
      tour.steps.forEach((s, i) => {
        for (const r of s.plan_ref ?? []) r.quote_en = this.quote(r.quote, `${tour.id} step ${i + 1} (${s.id})`);
      });
  }

  /** What is missing, and entries nothing uses (stale after an edit of the plan or the data). */
  problems(): Problem[] {
    const keys = [
      ...Object.entries(this.data.tasks).flatMap(([n, t]) => [
        `tasks.${n}`,
        ...Object.keys(t.paragraphs).map((id) => `tasks.${n}.paragraphs.${id}`),
      ]),
      ...Object.keys(this.data.targets).map((id) => `targets.${id}`),
      ...Object.keys(this.data.units).map((u) => `units.${u}`),
      ...Object.keys(this.data.quotes).map((q) => `quotes.${q}`),
      ...Object.keys(this.data.industries).map((i) => `industries.${i}`),
    ];
    const unused = keys
      .filter((k) => !this.used.has(k))
      .map((k) => ({
        file: ENGLISH_FILE,
        feature: k,
        reason: 'not used by the plan, the features or the tours (stale entry)',
      }));
    return [...this.missing, ...unused];
  }
}
