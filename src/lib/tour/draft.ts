/**
 * A presenter's own tour, edited in the browser: the operations on its steps as pure functions
 * (the editor's state keeps the history; own-tours.ts keeps the tours). A tour made here is the
 * same object, by the same contract, as geodata/stories/*.json, so it plays, prints and exports
 * like the built-in one. A built-in tour is never changed, only copied.
 */
import type { Tour, TourStep, TourText } from '../../contracts/tour.ts';
import { OWN } from './own.ts';
import type { Plan } from '../../contracts/plan.ts';
import type { View } from '../url.ts';
import { TOGGLABLE } from '../map/catalog.ts';
import { COMPARE_SETS, compareSet } from '../tools/registry.ts';
import type { TourContext } from './check.ts';

const stamp = (now: number) => now.toString(36);
const empty = (): TourText => ({ zh: '', en: '' });

export function newTour(now: number): Tour {
  return { id: `${OWN}${stamp(now)}`, title: { zh: '我的导览', en: 'My tour' }, steps: [] };
}

/** A copy to edit: a new id, "copy" in its title; the steps as they are (their quotes checked as ever). */
export function copyTour(t: Tour, now: number): Tour {
  return {
    ...structuredClone(t),
    id: `${OWN}${stamp(now)}`,
    title: { zh: `${t.title.zh}（副本）`, en: `${t.title.en} (copy)` },
  };
}

/** What the map shows now, as a step takes it. */
export interface MapNow {
  view: View;
  visible: readonly string[];
  /** the selected feature and the highlighted ones (an open task's places) */
  highlight: readonly string[];
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

/** A step id not used in the tour: step-1, step-2… */
function freshId(steps: readonly TourStep[]): string {
  const used = new Set(steps.map((s) => s.id));
  let n = steps.length + 1;
  while (used.has(`step-${n}`)) n++;
  return `step-${n}`;
}

function framing(now: MapNow): Pick<TourStep, 'camera' | 'layers' | 'highlight'> {
  const { view } = now;
  return {
    camera: {
      center: [round(view.center[0], 5), round(view.center[1], 5)],
      zoom: round(view.zoom, 2),
      bearing: round(view.bearing, 1),
      pitch: round(view.pitch, 1),
    },
    layers: [...now.visible],
    highlight: [...new Set(now.highlight)],
  };
}

/** A new step from the map: its camera, layers and lit places; title numbered, caption and notes to write. */
export function stepFromMap(steps: readonly TourStep[], now: MapNow): TourStep {
  const n = steps.length + 1;
  return {
    id: freshId(steps),
    title: { zh: `第 ${n} 步`, en: `Step ${n}` },
    ...framing(now),
    caption: empty(),
    notes: empty(),
    plan_ref: [],
  };
}

/** The step framed as the map is now; its words, quotes and swipe kept. */
export const updateFromMap = (step: TourStep, now: MapNow): TourStep => ({ ...step, ...framing(now) });

export function moveStep(steps: readonly TourStep[], from: number, to: number): TourStep[] {
  const out = [...steps];
  if (from < 0 || from >= out.length || to < 0 || to >= out.length) return out;
  const [s] = out.splice(from, 1);
  out.splice(to, 0, s);
  return out;
}

export function duplicateStep(steps: readonly TourStep[], i: number): TourStep[] {
  const out = [...steps];
  out.splice(i + 1, 0, { ...structuredClone(steps[i]), id: freshId(steps) });
  return out;
}

export const deleteStep = (steps: readonly TourStep[], i: number): TourStep[] => steps.filter((_, k) => k !== i);

/** A quote from the plan, verbatim, with its task number (null: outside the 22 tasks). */
export function insertQuote(step: TourStep, task: number | null, quote: string): TourStep {
  return { ...step, plan_ref: [...(step.plan_ref ?? []), { task, quote: quote.trim() }] };
}

/** A swipe between two of the compare tool's layer sets (null: none). */
export function withSwipe(step: TourStep, sets: { left: string; right: string } | null): TourStep {
  if (!sets) {
    const { swipe: _, ...rest } = step;
    return rest;
  }
  const [l, r] = [compareSet(sets.left), compareSet(sets.right)];
  return {
    ...step,
    swipe: { left: [...l.layers], right: [...r.layers], label_left: { ...l.name }, label_right: { ...r.name } },
  };
}

/** One side of a step's swipe set to a compare set, with its name; the other side as it was. */
export function withSwipeSide(step: TourStep, side: 'left' | 'right', id: string): TourStep {
  if (!step.swipe) return withSwipe(step, side === 'left' ? { left: id, right: 'plan' } : { left: 'today', right: id });
  const set = compareSet(id);
  return { ...step, swipe: { ...step.swipe, [side]: [...set.layers], [`label_${side}`]: { ...set.name } } };
}

/** The compare set a swipe side is, if it is one (a tour file's own list is "custom"). */
export function swipeSet(layers: readonly string[]): string | null {
  const key = [...layers].sort().join();
  return COMPARE_SETS.find((s) => [...s.layers].sort().join() === key)?.id ?? null;
}

/** The plan's text as the browser has it: every paragraph, one a line. */
export function planText(plan: Plan): string {
  return [
    ...plan.parts.flatMap((p) => [...p.paragraphs, ...p.groups.flatMap((g) => g.intro)]),
    ...plan.tasks.flatMap((t) => t.paragraphs),
  ]
    .map((p) => p.text)
    .join('\n');
}

/** What a tour is checked against in the browser (the build checks the same against the plan's text of record). */
export function browserContext(plan: Plan, featureIds: Iterable<string>): TourContext {
  return { layerIds: new Set(TOGGLABLE.map((c) => c.id)), featureIds: new Set(featureIds), planText: planText(plan) };
}

/** An imported tour as one of this browser's: its id kept where it is an own tour's not in use, else a new one. */
export function asOwn(t: Tour, tours: readonly Tour[], now: number): Tour {
  const fresh = t.id.startsWith(OWN) && !tours.some((o) => o.id === t.id);
  return fresh ? t : { ...t, id: newTour(now).id };
}

/** A tour as a file in the format of geodata/stories/: its text, type and name. */
export const tourFile = (t: Tour): [string, string, string] => [
  `${JSON.stringify(t, null, 2)}\n`,
  'application/json',
  `${t.id}.json`,
];
