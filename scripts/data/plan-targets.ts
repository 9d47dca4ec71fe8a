/**
 * The plan's quantified targets (geodata/sources/plan-targets.json), each with the sentence
 * it comes from (checked verbatim against the plan text by the build). No baselines: only
 * what the plan states. Read against the plan contract, so a malformed row fails the build.
 */
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { TargetSchema, type Target } from '../../src/contracts/plan.ts';
import { parseOrThrow } from '../../src/contracts/issues.ts';

export const TARGETS_FILE = 'geodata/sources/plan-targets.json';

export function loadTargets(file = TARGETS_FILE): Target[] {
  return parseOrThrow(v.array(TargetSchema), JSON.parse(readFileSync(file, 'utf8')), file);
}
