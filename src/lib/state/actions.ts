/**
 * What users do, in one place: select a place, open a task or a target, open the matrix,
 * follow a search result. Each changes the app state and tells the map; the URL follows the
 * state (boot.svelte.ts).
 */
import type { AppState, Tab } from './app.svelte.ts';
import type { MapServices } from '../map/services.ts';
import { loadPlan, taskFeatureIds } from '../plan/data.ts';
import type { SearchEntry } from '../search.ts';
import { isPhone } from '../ui/layout.ts';

export class Actions {
  #app: AppState;
  #map: MapServices;

  constructor(app: AppState, map: MapServices) {
    this.#app = app;
    this.#map = map;
  }

  async ensurePlan() {
    const app = this.#app;
    if (app.plan) return app.plan;
    try {
      app.plan = await loadPlan();
    } catch {
      app.reportLoadError('plan.json');
    }
    return app.plan;
  }

  async selectFeature(id: string | null, fit: boolean) {
    const app = this.#app;
    app.selected = id;
    app.details = null;
    if (id) void this.ensurePlan();
    try {
      const d = await this.#map.selection.select(id, fit);
      if (app.selected === id) app.details = d;
    } catch {
      app.reportLoadError('features.json');
    }
  }

  async openTask(n: number | null, fit = true) {
    const app = this.#app;
    app.task = n;
    app.target = null;
    if (n === null) { await this.#map.selection.highlight([]); return; }
    app.tab = 'plan';
    if (isPhone()) app.toggleSheet(true);
    const plan = await this.ensurePlan();
    const task = plan?.tasks[n - 1];
    if (task && app.task === n) await this.#map.selection.highlight(taskFeatureIds(task), fit);
  }

  async openTarget(id: string | null, fit = true) {
    const app = this.#app;
    app.target = id;
    app.task = null;
    if (id === null) { await this.#map.selection.highlight([]); return; }
    app.tab = 'targets';
    const plan = await this.ensurePlan();
    const target = plan?.targets.find((t) => t.id === id);
    if (target && app.target === id) await this.#map.selection.highlight(target.feature_ids, fit && target.feature_ids.length > 0);
  }

  showTab(tab: Tab) {
    this.#app.tab = tab;
    if (tab !== 'layers') void this.ensurePlan();
  }

  toggleMatrix(open = !this.#app.matrixOpen) {
    this.#app.setMatrix(open);
    if (open) void this.ensurePlan();
  }

  async followSearch(e: SearchEntry) {
    if (e.kind === 'place') await this.selectFeature(e.ref, true);
    else if (e.kind === 'task') await this.openTask(Number(e.ref.replace('task-', '')));
    else if (e.kind === 'paragraph') {
      this.#app.focusParagraph = e.ref;
      await this.openTask(Number(/^t(\d+)-/.exec(e.ref)![1]));
    } else await this.openTarget(e.ref);
  }
}
