/** The plan and the search index, fetched on first use (not needed for the first view). */
import type { Plan, Task } from '../../contracts/plan.ts';
import { loadDataFile } from '../data-files.ts';

export const loadPlan = () =>
  loadDataFile('plan.json', () => import('../../contracts/plan.ts').then((m) => m.PlanSchema));
export const loadSearchIndex = () =>
  loadDataFile('search.json', () => import('../../contracts/search.ts').then((m) => m.SearchIndexSchema));

/** Tasks whose text names the feature, with the words that name it. */
export function tasksNaming(plan: Plan, featureId: string): { task: Task; words: string }[] {
  return plan.tasks.flatMap((task) => {
    const m = task.places.find((p) => p.feature_id === featureId);
    return m ? [{ task, words: m.words }] : [];
  });
}

/** Tasks whose 责任单位 names the feature itself (not only "各旗市区人民政府"). */
export function tasksResponsible(plan: Plan, featureId: string): Task[] {
  return plan.tasks.filter((t) =>
    t.paragraphs.some((p) => p.responsible.some((r) => r.kind !== 'all_units' && r.feature_ids.includes(featureId))),
  );
}

/** Tasks that make all 14 units responsible ("各旗市区人民政府"). */
export function tasksAllUnits(plan: Plan): Task[] {
  return plan.tasks.filter((t) => t.paragraphs.some((p) => p.responsible.some((r) => r.kind === 'all_units')));
}

/** What a task concerns on the map: the places it names and the units it makes responsible by name. */
export function taskFeatureIds(task: Task): string[] {
  const ids = new Set<string>(task.places.map((p) => p.feature_id));
  for (const p of task.paragraphs)
    for (const r of p.responsible) if (r.kind !== 'all_units') for (const id of r.feature_ids) ids.add(id);
  return [...ids];
}
