// A presenter's own tour, edited in the browser: the step operations, and the check the browser
// runs on a tour (the build's own), against the plan as the browser has it (plan.json).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/contracts/plan.ts';
import { TOUR_WORDS_ZH, TourSchema, type Tour } from '../../src/contracts/tour.ts';
import { checkTour, quoteChecker, readTourFile } from '../../src/lib/tour/check.ts';
import * as draft from '../../src/lib/tour/draft.ts';

const plan = JSON.parse(readFileSync('public/data/plan.json', 'utf8')) as Plan;
const features = JSON.parse(readFileSync('public/data/features.json', 'utf8')) as Record<string, unknown>;
const ctx = draft.browserContext(plan, Object.keys(features));
const [builtIn] = JSON.parse(readFileSync('public/data/tours.json', 'utf8')) as Tour[];
const now = {
  view: { center: [119.76543219, 49.2123456] as [number, number], zoom: 8.123456, bearing: 0, pitch: 0 },
  visible: ['units', 'rail'],
  highlight: ['city-hulunbuir', 'city-hulunbuir'],
};

describe('a tour made in the browser', () => {
  it('the built-in tour passes the browser check: its quotes stand in plan.json as they do in the plan of record', () => {
    expect(checkTour(builtIn, ctx)).toEqual([]);
  });

  it('a copy has its own id and says it is a copy; the built-in tour is unchanged', () => {
    const before = JSON.stringify(builtIn);
    const copy = draft.copyTour(builtIn, 1_700_000_000_000);
    expect(copy.id).toMatch(/^my-[a-z0-9]+$/);
    expect(copy.title.zh).toContain('副本');
    copy.steps[0].title.zh = 'changed';
    expect(JSON.stringify(builtIn)).toBe(before);
  });

  it('a step from the map keeps the camera (rounded), the layers and each lit place once; update keeps the words', () => {
    const s = draft.stepFromMap([], now);
    expect(s.id).toBe('step-1');
    expect(s.camera).toEqual({ center: [119.76543, 49.21235], zoom: 8.12, bearing: 0, pitch: 0 });
    expect(s.layers).toEqual(['units', 'rail']);
    expect(s.highlight).toEqual(['city-hulunbuir']);
    const worded = { ...s, caption: { zh: '说明', en: 'Caption' } };
    const moved = draft.updateFromMap(worded, { ...now, visible: ['zones'], highlight: [] });
    expect(moved.caption.zh).toBe('说明');
    expect(moved.layers).toEqual(['zones']);
  });

  it('moves, duplicates and deletes steps, ids staying unique', () => {
    let steps = [draft.stepFromMap([], now)];
    steps = [
      ...steps,
      draft.stepFromMap(steps, now),
      draft.stepFromMap([...steps, draft.stepFromMap(steps, now)], now),
    ];
    expect(steps.map((s) => s.id)).toEqual(['step-1', 'step-2', 'step-3']);
    expect(draft.moveStep(steps, 2, 0).map((s) => s.id)).toEqual(['step-3', 'step-1', 'step-2']);
    const dup = draft.duplicateStep(steps, 0);
    expect(dup.map((s) => s.id)).toEqual(['step-1', 'step-4', 'step-2', 'step-3']);
    expect(draft.deleteStep(steps, 1).map((s) => s.id)).toEqual(['step-1', 'step-3']);
  });

  it('a quote picked from a task is the plan’s words; edited, it is not', () => {
    const quoted = quoteChecker(ctx.planText);
    const words = plan.tasks[9].paragraphs[0].text.slice(5, 30);
    const s = draft.insertQuote(draft.stepFromMap([], now), 10, ` ${words} `);
    expect(s.plan_ref).toEqual([{ task: 10, quote: words }]);
    expect(quoted(words)).toBe(true);
    expect(quoted(`${words}（改）`)).toBe(false);
    // across two paragraphs is not one quote
    const [a, b] = plan.tasks[9].paragraphs;
    expect(quoted(a.text.slice(-4) + b.text.slice(0, 4))).toBe(false);
  });

  it('a swipe between two compare sets, named as the compare tool names them', () => {
    const s = draft.withSwipe(draft.stepFromMap([], now), { left: 'today', right: 'plan' });
    expect(s.swipe?.label_left.zh).toContain('现状');
    expect(draft.swipeSet(s.swipe?.left ?? [])).toBe('today');
    expect(draft.withSwipe(s, null).swipe).toBeUndefined();
  });

  it('a bad tour file is refused with its step and field named; a good one read whole', () => {
    const bad = structuredClone(builtIn);
    (bad.steps[1].camera as unknown) = { center: [119, 49], zoom: 'far' };
    bad.steps[2].plan_ref = [{ task: 3, quote: '这不是方案的原文' }];
    const read = readTourFile(JSON.stringify(bad), ctx);
    expect('problems' in read && read.problems.map((p) => p.where)).toEqual([`step 2 (${bad.steps[1].id})`]);
    expect(JSON.stringify(read)).toContain('camera');
    const fixed = structuredClone(builtIn);
    fixed.steps[2].plan_ref = [{ task: 3, quote: '这不是方案的原文' }];
    const r2 = readTourFile(JSON.stringify(fixed), ctx);
    expect('problems' in r2 && r2.problems).toEqual([
      {
        where: `step 3 (${fixed.steps[2].id})`,
        field: 'plan_ref[0].quote',
        reason: 'field "plan_ref[0].quote": not found in the plan',
        zh: '字段“plan_ref[0].quote”：方案原文中没有这段文字',
      },
    ]);
    // valibot's words said in Chinese too
    const zoom = 'problems' in read ? read.problems[0].zh : '';
    expect(zoom).toBe('字段“camera”：应为 { fit: [要素 id] } 或 { center: [经度, 纬度], zoom }');
    expect(readTourFile('{ not json', ctx)).toMatchObject({ problems: [{ where: '-' }] });
    expect(readTourFile(JSON.stringify(builtIn), ctx)).toEqual({ tour: builtIn });
  });
});

describe('the tour schema’s words', () => {
  it('every message the schema defines is said in Chinese too (TOUR_WORDS_ZH), so a refused file reads whole in zh', () => {
    // every `message` in the schema's graph (valibot keeps a custom message on the schema or action)
    const messages = new Set<string>();
    const seen = new Set<unknown>();
    const walk = (node: unknown) => {
      if (!node || typeof node !== 'object' || seen.has(node)) return;
      seen.add(node);
      const n = node as Record<string, unknown>;
      if (typeof n.message === 'string') messages.add(n.message);
      for (const v of Object.values(n)) if (v && typeof v === 'object') walk(v);
    };
    walk(TourSchema);
    expect(messages.size).toBeGreaterThan(5);
    const missing = [...messages].filter((m) => !TOUR_WORDS_ZH[m] && !/^a number /.test(m));
    expect(missing).toEqual([]);
  });
});
