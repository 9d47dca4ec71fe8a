/**
 * A tour checked against the data: the contract first (src/contracts/tour.ts), then what only the
 * data can tell — layer and feature ids exist, step ids are unique, each plan quote stands in the
 * plan. One home for the build (geodata/stories/) and the browser (a tour file a presenter
 * imports); each problem names the step (number and id) and the field.
 */
import * as v from 'valibot';
import { TOUR_WORDS_ZH, TourSchema, type Tour, type TourStep } from '../../contracts/tour.ts';
import { dotted, locate } from '../../contracts/issues.ts';

export interface TourContext {
  layerIds: ReadonlySet<string>;
  featureIds: ReadonlySet<string>;
  /** the plan's text (paragraphs apart by a line break) */
  planText: string;
}

export interface TourProblem {
  /** "step 3 (poles)", or "-" for the tour itself */
  where: string;
  /** the field, as `camera.zoom` or `plan_ref[0].quote` (none: the file, the tour or the step as a whole) */
  field?: string;
  /** in English, with the field (the build prints it) */
  reason: string;
  /** the same in Chinese */
  zh: string;
}

/** The schema's words, and valibot's ("Invalid type: Expected number but received "x""), in Chinese. */
function zhMessage(message: string): string {
  if (TOUR_WORDS_ZH[message]) return TOUR_WORDS_ZH[message];
  const range = /^a number (.+)$/.exec(message)?.[1];
  if (range) return `应为 ${range} 的数`;
  const m = /^Invalid (\w+): Expected (.+) but received (.+)$/.exec(message);
  const what: Record<string, string> = { type: '类型', length: '长度', value: '取值', key: '键', format: '格式' };
  return m ? `${what[m[1]] ?? m[1]}不对：应为 ${m[2]}，实为 ${m[3]}` : message;
}

/** The plan's words compared without white space (the capture's line breaks and spaces vary). */
export function normaliseForQuote(s: string): string {
  return s.replace(/\s+/g, '');
}

/** A quote is the plan's words when it stands in the plan's text (white space aside). */
export function quoteChecker(planText: string): (quote: string) => boolean {
  // paragraphs stay apart: a quote does not run from one into the next
  const paragraphs = planText.split('\n').map(normaliseForQuote);
  return (quote) => {
    const q = normaliseForQuote(quote);
    return q.length >= 2 && paragraphs.some((p) => p.includes(q));
  };
}

/** "step 3 (poles)" for a step index, from the raw data (which may be malformed). */
function stepName(data: unknown, i: number): string {
  const s = (data as { steps?: { id?: unknown }[] })?.steps?.[i];
  return `step ${i + 1}${s && typeof s.id === 'string' ? ` (${s.id})` : ''}`;
}

export function checkTour(data: unknown, ctx: TourContext): TourProblem[] {
  const problems: TourProblem[] = [];
  // a field's problem in both languages; without a field, the whole (a step, the tour)
  const add = (where: string, field: string | undefined, en: string, zh: string) =>
    problems.push({
      where,
      ...(field ? { field } : {}),
      reason: field ? `field "${field}": ${en}` : en,
      zh: field ? `字段“${field}”：${zh}` : zh,
    });
  const parsed = v.safeParse(TourSchema, data);
  if (!parsed.success) {
    for (const { path, message } of locate(parsed.issues)) {
      const zh = zhMessage(message);
      if (path[0] === 'steps' && typeof path[1] === 'number' && path.length > 2)
        add(stepName(data, path[1]), dotted(path.slice(2)), message, zh);
      else if (path[0] === 'steps' && typeof path[1] === 'number')
        add(stepName(data, path[1]), undefined, `not a step: ${message}`, `不是一步：${zh}`);
      else if (path.length) add('-', dotted(path), message, zh);
      else add('-', undefined, `not a tour: ${message}`, `不是导览：${zh}`);
    }
    return problems;
  }
  const tour: Tour = parsed.output;
  const stepIds = new Set<string>();
  const quoted = quoteChecker(ctx.planText);
  tour.steps.forEach((s, i) => {
    const where = stepName(tour, i);
    if (stepIds.has(s.id)) add(where, 'id', `"${s.id}" is used by an earlier step`, `“${s.id}”已用于前面的一步`);
    stepIds.add(s.id);
    const layers = (name: string, ids: string[]) => {
      for (const id of ids)
        if (!ctx.layerIds.has(id))
          add(
            where,
            name,
            `no layer "${id}" (known: ${[...ctx.layerIds].join(', ')})`,
            `没有图层“${id}”（已有：${[...ctx.layerIds].join('、')}）`,
          );
    };
    const features = (name: string, ids: string[]) => {
      for (const id of ids) if (!ctx.featureIds.has(id)) add(where, name, `no feature "${id}"`, `没有要素“${id}”`);
    };
    layers('layers', s.layers);
    if (s.swipe) {
      layers('swipe.left', s.swipe.left);
      layers('swipe.right', s.swipe.right);
    }
    features('highlight', s.highlight);
    if ('fit' in s.camera) features('camera.fit', s.camera.fit);
    for (const k of unquoted(s, quoted))
      add(where, `plan_ref[${k}].quote`, 'not found in the plan', '方案原文中没有这段文字');
  });
  return problems;
}

/** The indexes of a step's plan quotes that are not the plan's words (edited, or never were). */
export function unquoted(step: Pick<TourStep, 'plan_ref'>, quoted: (quote: string) => boolean): number[] {
  return (step.plan_ref ?? []).flatMap((r, k) => (quoted(r.quote) ? [] : [k]));
}

/** A tour file's text read: the tour, or why not (not JSON; each problem with its step and field). */
export function readTourFile(text: string, ctx: TourContext): { tour: Tour } | { problems: TourProblem[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const why = (e as Error).message;
    return { problems: [{ where: '-', reason: `not JSON (${why})`, zh: `不是 JSON 文件（${why}）` }] };
  }
  const problems = checkTour(data, ctx);
  return problems.length ? { problems } : { tour: data as Tour };
}
