/**
 * What users do, in one place: select a place, open a task or a target, open the matrix,
 * follow a search result. Each changes the app state and tells the map; the URL follows the
 * state (App.svelte).
 */
import { app } from './app.svelte.ts';
import { mapController } from './map.svelte.ts';
import { loadPlan, taskFeatureIds } from '../plan/data.ts';
import type { SearchEntry } from '../search.ts';

export async function ensurePlan() {
  if (app.plan) return app.plan;
  try {
    app.plan = await loadPlan();
  } catch {
    app.reportLoadError('plan.json');
  }
  return app.plan;
}

export async function selectFeature(id: string | null, fit: boolean) {
  app.selected = id;
  app.details = null;
  if (id) void ensurePlan();
  try {
    const d = await mapController.select(id, fit);
    if (app.selected === id) app.details = d;
  } catch {
    app.reportLoadError('features.json');
  }
}

export async function openTask(n: number | null, fit = true) {
  app.task = n;
  app.target = null;
  if (n === null) { await mapController.highlight([]); return; }
  app.tab = 'plan';
  if (app.sheet === 'none' && matchMedia('(max-width: 720px)').matches) app.sheet = 'layers';
  const plan = await ensurePlan();
  const task = plan?.tasks[n - 1];
  if (task && app.task === n) await mapController.highlight(taskFeatureIds(task), fit);
}

export async function openTarget(id: string | null, fit = true) {
  app.target = id;
  app.task = null;
  if (id === null) { await mapController.highlight([]); return; }
  app.tab = 'targets';
  const plan = await ensurePlan();
  const target = plan?.targets.find((t) => t.id === id);
  if (target && app.target === id) await mapController.highlight(target.feature_ids, fit && target.feature_ids.length > 0);
}

export function showTab(tab: 'layers' | 'plan' | 'targets') {
  app.tab = tab;
  if (tab !== 'layers') void ensurePlan();
}

export async function followSearch(e: SearchEntry) {
  if (e.kind === 'place') await selectFeature(e.ref, true);
  else if (e.kind === 'task') await openTask(Number(e.ref.replace('task-', '')));
  else if (e.kind === 'paragraph') {
    app.focusParagraph = e.ref;
    await openTask(Number(/^t(\d+)-/.exec(e.ref)![1]));
  } else await openTarget(e.ref);
}
