// Tour files are validated at build time with the tour contract: a bad file names the
// step (number and id) and the field. Each invalid fixture must give its own error.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTours, validateTour, type TourContext } from '../../scripts/data/tours.ts';
import { browserContext } from '../../src/lib/tour/draft.ts';
import type { Plan } from '../../src/contracts/plan.ts';

const dir = 'tests/fixtures/tours';
const features = JSON.parse(readFileSync('public/data/features.json', 'utf8')) as Record<string, unknown>;
// the plan's text as the build and the browser both check quotes against: the plan's paragraphs
const plan = JSON.parse(readFileSync('public/data/plan.json', 'utf8')) as Plan;
const ctx: TourContext = browserContext(plan, Object.keys(features));
const check = (file: string) => validateTour(file, JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')), ctx);

describe('tour validation', () => {
  it('accepts a good tour and the tours of record', () => {
    expect(check('good.json')).toEqual([]);
    const { tours, problems } = loadTours('geodata/stories', ctx);
    expect(problems).toEqual([]);
    expect(tours.length).toBeGreaterThan(0);
  });

  const expected: Record<string, [string, RegExp]> = {
    'invalid-zoom.json': ['step 2 (b)', /field "camera\.zoom": a number 0–22/],
    'invalid-empty-caption.json': ['step 1 (a)', /field "caption\.en": must not be empty/],
    'invalid-unknown-layer.json': ['step 1 (a)', /field "layers": no layer "railways"/],
    'invalid-unknown-feature.json': ['step 1 (a)', /field "highlight": no feature "unit-999999"/],
    'invalid-quote.json': ['step 1 (a)', /field "plan_ref\[0\]\.quote": not found in the plan/],
    'invalid-duplicate-step.json': ['step 2 (a)', /field "id": "a" is used by an earlier step/],
    'invalid-no-steps.json': ['-', /field "steps": needs at least one step/],
    'invalid-task.json': ['step 1 (a)', /field "plan_ref\[0\]\.task": 1–22 or null/],
  };
  for (const [file, [where, reason]] of Object.entries(expected)) {
    it(`refuses ${file}, naming ${where} and the field`, () => {
      const problems = check(file);
      expect(problems.length, JSON.stringify(problems)).toBeGreaterThan(0);
      expect(problems[0]).toMatchObject({ file, feature: where });
      expect(problems.map((p) => p.reason).join('\n')).toMatch(reason);
    });
  }

  it('refuses a file that is not JSON, naming the file', () => {
    const { problems } = loadTours(dir, ctx);
    expect(problems.find((p) => p.file.endsWith('invalid-not-json.json'))?.reason).toMatch(/not valid JSON/);
  });

  it('covers every invalid fixture committed', () => {
    const invalid = readdirSync(dir).filter((f) => f.startsWith('invalid-'));
    expect(invalid.sort()).toEqual([...Object.keys(expected), 'invalid-not-json.json'].sort());
  });
});
