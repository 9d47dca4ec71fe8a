/**
 * Tours (geodata/stories/*.json) are validated at build time with the tour contract
 * (src/contracts/tour.ts), then against the data: each problem names the file, the step
 * (number and id) and the field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { TourSchema, type Tour } from '../../src/contracts/tour.ts';
import { dotted, locate } from '../../src/contracts/issues.ts';
import type { Problem } from './lib/validate.ts';
import { normaliseForQuote, SPAM } from './lib/plan-text.ts';

export interface TourContext {
  layerIds: ReadonlySet<string>;
  featureIds: ReadonlySet<string>;
  planText: string;
}

/** "step 3 (poles)" for a step index, from the raw data (which may be malformed). */
function stepName(data: unknown, i: number): string {
  const s = (data as { steps?: { id?: unknown }[] })?.steps?.[i];
  return `step ${i + 1}${s && typeof s.id === 'string' ? ` (${s.id})` : ''}`;
}

export function validateTour(file: string, data: unknown, ctx: TourContext): Problem[] {
  const problems: Problem[] = [];
  const add = (where: string, reason: string) => problems.push({ file, feature: where, reason });
  const parsed = v.safeParse(TourSchema, data);
  if (!parsed.success) {
    for (const { path, message } of locate(parsed.issues)) {
      if (path[0] === 'steps' && typeof path[1] === 'number' && path.length > 2)
        add(stepName(data, path[1]), `field "${dotted(path.slice(2))}": ${message}`);
      else if (path[0] === 'steps' && typeof path[1] === 'number')
        add(stepName(data, path[1]), `not a step: ${message}`);
      else add('-', path.length ? `field "${dotted(path)}": ${message}` : `not a tour: ${message}`);
    }
    return problems;
  }
  const tour: Tour = parsed.output;
  const stepIds = new Set<string>();
  const quotable = normaliseForQuote(ctx.planText);
  tour.steps.forEach((s, i) => {
    const where = stepName(tour, i);
    if (stepIds.has(s.id)) add(where, `field "id": "${s.id}" is used by an earlier step`);
    stepIds.add(s.id);
    const layers = (name: string, ids: string[]) => {
      for (const id of ids)
        if (!ctx.layerIds.has(id))
          add(where, `field "${name}": no layer "${id}" (known: ${[...ctx.layerIds].join(', ')})`);
    };
    const features = (name: string, ids: string[]) => {
      for (const id of ids) if (!ctx.featureIds.has(id)) add(where, `field "${name}": no feature "${id}"`);
    };
    layers('layers', s.layers);
    if (s.swipe) {
      layers('swipe.left', s.swipe.left);
      layers('swipe.right', s.swipe.right);
    }
    features('highlight', s.highlight);
    if ('fit' in s.camera) features('camera.fit', s.camera.fit);
    s.plan_ref?.forEach((r, k) => {
      if (!quotable.includes(normaliseForQuote(r.quote)))
        add(where, `field "plan_ref[${k}].quote": not found in the plan`);
    });
    if (JSON.stringify(s).includes(SPAM)) add(where, 'text not from any source (injected spam)');
  });
  return problems;
}

/** Reads and validates every tour in a folder. */
export function loadTours(dir: string, ctx: TourContext): { tours: Tour[]; problems: Problem[] } {
  const tours: Tour[] = [];
  const problems: Problem[] = [];
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const file = `geodata/stories/${name}`;
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    } catch (e) {
      problems.push({ file, feature: '-', reason: `not valid JSON: ${(e as Error).message}` });
      continue;
    }
    const p = validateTour(file, data, ctx);
    problems.push(...p);
    if (!p.length) tours.push(data as Tour);
  }
  return { tours, problems };
}
