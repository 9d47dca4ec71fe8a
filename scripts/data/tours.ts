/**
 * Tours (geodata/stories/*.json) are validated at build time: each problem names the file,
 * the step (number and id) and the field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Tour } from '../../src/lib/tour/types.ts';
import type { Problem } from './lib/validate.ts';
import { normaliseForQuote, SPAM } from './lib/plan-text.ts';

export interface TourContext {
  layerIds: ReadonlySet<string>;
  featureIds: ReadonlySet<string>;
  planText: string;
}

const isText = (v: unknown): v is { zh: string; en: string } =>
  !!v && typeof v === 'object' && typeof (v as { zh?: unknown }).zh === 'string' && (v as { zh: string }).zh.trim() !== '' &&
  typeof (v as { en?: unknown }).en === 'string' && (v as { en: string }).en.trim() !== '';

export function validateTour(file: string, data: unknown, ctx: TourContext): Problem[] {
  const problems: Problem[] = [];
  const add = (where: string, reason: string) => problems.push({ file, feature: where, reason });
  const t = data as Partial<Tour>;
  if (!t || typeof t !== 'object') return [{ file, feature: '-', reason: 'not a JSON object' }];
  if (typeof t.id !== 'string' || !/^[a-z0-9-]+$/.test(t.id)) add('-', 'field "id": lower-case letters, digits and "-" only');
  if (!isText(t.title)) add('-', 'field "title": needs non-empty "zh" and "en"');
  if (!Array.isArray(t.steps) || t.steps.length === 0) { add('-', 'field "steps": needs at least one step'); return problems; }
  const stepIds = new Set<string>();
  t.steps.forEach((s, i) => {
    const where = `step ${i + 1}${s && typeof s.id === 'string' ? ` (${s.id})` : ''}`;
    if (!s || typeof s !== 'object') { add(where, 'not an object'); return; }
    if (typeof s.id !== 'string' || !/^[a-z0-9-]+$/.test(s.id)) add(where, 'field "id": lower-case letters, digits and "-" only');
    else if (stepIds.has(s.id)) add(where, `field "id": "${s.id}" is used by an earlier step`);
    else stepIds.add(s.id);
    for (const f of ['title', 'caption', 'notes'] as const) if (!isText(s[f])) add(where, `field "${f}": needs non-empty "zh" and "en"`);
    const cam = s.camera as Record<string, unknown> | undefined;
    if (!cam || typeof cam !== 'object') add(where, 'field "camera": missing');
    else if ('fit' in cam) {
      if (!Array.isArray(cam.fit) || cam.fit.length === 0) add(where, 'field "camera.fit": a list of feature ids');
      else for (const id of cam.fit) if (!ctx.featureIds.has(id)) add(where, `field "camera.fit": no feature "${id}"`);
      if (cam.padding !== undefined && !(typeof cam.padding === 'number' && cam.padding >= 0 && cam.padding <= 400)) add(where, 'field "camera.padding": a number 0–400');
    } else {
      const c = cam.center as unknown;
      if (!Array.isArray(c) || c.length !== 2 || !c.every((n) => typeof n === 'number' && Number.isFinite(n)) || Math.abs(c[0]) > 180 || Math.abs(c[1]) > 85) add(where, 'field "camera.center": [lon, lat]');
      if (!(typeof cam.zoom === 'number' && cam.zoom >= 0 && cam.zoom <= 22)) add(where, 'field "camera.zoom": a number 0–22');
    }
    if (cam && cam.pitch !== undefined && !(typeof cam.pitch === 'number' && cam.pitch >= 0 && cam.pitch <= 85)) add(where, 'field "camera.pitch": a number 0–85');
    if (cam && cam.bearing !== undefined && !(typeof cam.bearing === 'number' && Math.abs(cam.bearing) <= 360)) add(where, 'field "camera.bearing": a number −360–360');
    const layerList = (name: string, v: unknown) => {
      if (!Array.isArray(v)) { add(where, `field "${name}": a list of layer ids`); return; }
      for (const id of v) if (!ctx.layerIds.has(id)) add(where, `field "${name}": no layer "${id}" (known: ${[...ctx.layerIds].join(', ')})`);
    };
    layerList('layers', s.layers);
    if (!Array.isArray(s.highlight)) add(where, 'field "highlight": a list of feature ids');
    else for (const id of s.highlight) if (!ctx.featureIds.has(id)) add(where, `field "highlight": no feature "${id}"`);
    if (s.swipe !== undefined) {
      layerList('swipe.left', s.swipe?.left);
      layerList('swipe.right', s.swipe?.right);
      if (!isText(s.swipe?.label_left) || !isText(s.swipe?.label_right)) add(where, 'field "swipe.label_left/right": needs "zh" and "en"');
    }
    if (s.plan_ref !== undefined) {
      if (!Array.isArray(s.plan_ref)) add(where, 'field "plan_ref": a list');
      else s.plan_ref.forEach((r, k) => {
        if (!r || typeof r.quote !== 'string' || !normaliseForQuote(ctx.planText).includes(normaliseForQuote(r.quote))) add(where, `field "plan_ref[${k}].quote": not found in the plan`);
        if (r && r.task !== null && !(Number.isInteger(r.task) && r.task >= 1 && r.task <= 22)) add(where, `field "plan_ref[${k}].task": 1–22 or null`);
      });
    }
    if (JSON.stringify(s).includes(SPAM)) add(where, 'text not from any source (injected spam)');
  });
  return problems;
}

/** Reads and validates every tour in a folder. */
export function loadTours(dir: string, ctx: TourContext): { tours: Tour[]; problems: Problem[] } {
  const tours: Tour[] = [];
  const problems: Problem[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const file = `geodata/stories/${name}`;
    let data: unknown;
    try { data = JSON.parse(readFileSync(join(dir, name), 'utf8')); }
    catch (e) { problems.push({ file, feature: '-', reason: `not valid JSON: ${(e as Error).message}` }); continue; }
    const p = validateTour(file, data, ctx);
    problems.push(...p);
    if (!p.length) tours.push(data as Tour);
  }
  return { tours, problems };
}
