/**
 * What users do, in one place: select a place, open a task or a target, open the matrix,
 * follow a search result. Each changes the app state and tells the map; the URL follows the
 * state (boot.svelte.ts).
 */
import { loadDetails } from '../details.ts';
import type { AppState, Tab } from './app.svelte.ts';
import type { MapServices } from '../map/services.ts';
import { loadPlan, taskFeatureIds } from '../plan/data.ts';
import type { SearchEntry } from '../search.ts';
import type { Plan } from '../../contracts/plan.ts';
import { isPhone, roomySheetSize } from '../ui/layout.ts';
import { must } from '../must.ts';
import type { ToolId } from '../tools/registry.ts';

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
    if (id) {
      app.cardInFront(); // chosen again, its card comes back in front of the sheet or a tool
      void this.ensurePlan();
    }
    try {
      // Without a map (no WebGL) the card still opens, over the overview.
      const d = this.#map.core.map
        ? await this.#map.selection.select(id, fit)
        : id
          ? ((await loadDetails())[id] ?? null)
          : null;
      if (app.selected === id) app.details = d;
    } catch {
      app.reportLoadError('features.json');
    }
  }

  /** Opens a task (1–22) on the Plan tab and lights the places it concerns; null closes it. */
  async openTask(n: number | null, fit = true) {
    this.#app.task = n;
    this.#app.target = null;
    // on a phone the sheet rises, to half the screen where that leaves the places room above it
    if (n !== null && isPhone())
      this.#app.toggleSheet(true, roomySheetSize(this.#map.core.map?.getContainer() ?? null));
    await this.#light(
      n === null ? null : 'plan',
      (plan) => {
        const task = plan.tasks.find((t) => t.number === n);
        return task && this.#app.task === n ? taskFeatureIds(task) : null;
      },
      fit,
    );
  }

  /** Opens a target on the Targets tab and lights the places it belongs to; null closes it. */
  async openTarget(id: string | null, fit = true) {
    this.#app.target = id;
    this.#app.task = null;
    await this.#light(
      id === null ? null : 'targets',
      (plan) => {
        const target = plan.targets.find((t) => t.id === id);
        return target && this.#app.target === id ? target.feature_ids : null;
      },
      fit,
    );
  }

  /** Shows a tab and highlights what `ids` picks from the plan (null: nothing, or no longer current). */
  async #light(tab: Tab | null, ids: (plan: Plan) => readonly string[] | null, fit: boolean) {
    if (tab === null) {
      await this.#map.selection.highlight([]);
      return;
    }
    this.#app.tab = tab;
    const plan = await this.ensurePlan();
    const found = plan ? ids(plan) : null;
    if (found) await this.#map.selection.highlight(found, fit && found.length > 0);
  }

  showTab(tab: Tab) {
    this.#app.tab = tab;
    if (tab !== 'layers') void this.ensurePlan();
  }

  toggleMatrix(open = !this.#app.matrixOpen) {
    this.#app.setMatrix(open);
    if (open) void this.ensurePlan();
  }

  /**
   * Opens a planner tool, or closes it (null, or the open one again). What a tool leaves on
   * the map (a measurement, a query and its lit places) goes with it.
   */
  openTool(id: ToolId | null) {
    const app = this.#app;
    const was = app.tool;
    const next = id === was ? null : id;
    if (was !== next) {
      if (app.measure) app.setMeasure(null);
      if (app.near) {
        app.setNear(null);
        void this.#map.selection.highlight([]);
      }
    }
    app.setTool(next);
    if (next && isPhone()) app.toggleSheet(false);
    if (next === 'stats' || next === 'table' || next === 'compare' || next === 'print') app.setMatrix(false);
    // Compare opens framed on what is being read: the open task's places, else the city.
    if (next === 'compare' && was !== 'compare') {
      if (app.task !== null) {
        void this.openTask(app.task);
        if (isPhone()) app.toggleSheet(false); // openTask raises the sheet on a phone: the swipe needs the map
      } else this.#map.core.camera.resetView();
    }
  }

  #pinned = false;

  /** Goes to a typed coordinate: a pin there, the map fitted to it, the card of what was selected closed. */
  async goToPoint(lonlat: [number, number], label: string) {
    if (this.#app.selected) await this.selectFeature(null, false);
    const { setPin } = await import('../map/pin.ts');
    this.#pinned = true;
    setPin(this.#map.core.map, lonlat, label);
    this.#map.core.camera.fitTo([lonlat[0], lonlat[1], lonlat[0], lonlat[1]], false);
  }

  /** Takes the pin away (the search cleared or another result chosen, Esc, a tour). */
  clearPin() {
    if (!this.#pinned) return;
    this.#pinned = false;
    void import('../map/pin.ts').then((m) => m.setPin(null, null));
  }

  async followSearch(e: SearchEntry) {
    if (e.kind === 'place') await this.selectFeature(e.ref, true);
    else if (e.kind === 'task') await this.openTask(Number(e.ref.replace('task-', '')));
    else if (e.kind === 'paragraph') {
      this.#app.focusParagraph = e.ref;
      await this.openTask(Number(must(/^t(\d+)-/.exec(e.ref), `a task paragraph id, not "${e.ref}"`)[1]));
    } else await this.openTarget(e.ref);
  }
}
