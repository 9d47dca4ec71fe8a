/**
 * Tours (geodata/stories/*.json) are validated at build time by the check the browser uses
 * for an imported tour (src/lib/tour/check.ts): each problem names the file, the step
 * (number and id) and the field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkTour, type TourContext } from '../../src/lib/tour/check.ts';
import type { Tour } from '../../src/contracts/tour.ts';
import type { Problem } from './lib/validate.ts';
import { SPAM } from './lib/plan-text.ts';

export type { TourContext };

export function validateTour(file: string, data: unknown, ctx: TourContext): Problem[] {
  const problems: Problem[] = checkTour(data, ctx).map((p) => ({ file, feature: p.where, reason: p.reason }));
  // text not from any source (the capture's injected spam) — the build's own check
  (data as Tour | null)?.steps?.forEach?.((s, i) => {
    if (JSON.stringify(s).includes(SPAM))
      problems.push({ file, feature: `step ${i + 1} (${s.id})`, reason: 'text not from any source (injected spam)' });
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
