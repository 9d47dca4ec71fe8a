/**
 * The tour editor's state: the presenter's tours, the one being edited (a draft, saved to this
 * browser at every change), its selected step, its history for undo, and its check against the
 * plan and the data (check.ts, the build's check). The operations are draft.ts's.
 */
import type { Tour, TourStep } from '../../contracts/tour.ts';
import type { AppContext } from '../state/context.ts';
import { loadTours } from '../state/tour.svelte.ts';
import { loadPlan } from '../plan/data.ts';
import { loadDetails } from '../details.ts';
import { reportStorage } from '../state/storage.svelte.ts';
import { download } from '../ui/download.ts';
import { tourFile } from './draft.ts';
import { checkTour, quoteChecker, readTourFile, type TourContext, type TourProblem } from './check.ts';
import * as draft from './draft.ts';
import { mapNow } from './map-now.ts';
import { History } from './history.ts';
import { deleteOwnTour, listOwnTours, saveOwnTour } from './own-tours.ts';

type TextField = 'title' | 'caption' | 'notes';

export class TourEditor {
  builtIn = $state.raw<Tour[]>([]);
  own = $state.raw<Tour[]>([]);
  /** the tour being edited, or null (the list of tours shows) */
  tour = $state.raw<Tour | null>(null);
  /** the selected step's index */
  index = $state(0);
  /** what the check finds in the draft (it exports once there is nothing; null: not checked yet) */
  problems = $state.raw<TourProblem[] | null>(null);
  canUndo = $state(false);
  /** writes to this browser's store under way (the editor says "saving" until they are done) */
  saving = $state(0);
  /** the last write failed (no IndexedDB, storage full): the editor says to export the file */
  saveFailed = $state(false);
  /** a file refused, with its problems; or what an import did */
  notice = $state.raw<{ ok: boolean; text: string; problems?: TourProblem[] } | null>(null);
  #history = new History<{ tour: Tour; index: number }>();
  #ctx: TourContext | null = null;
  #quoted: ((q: string) => boolean) | null = null;
  #app: AppContext;

  constructor(app: AppContext) {
    this.#app = app;
  }

  get step(): TourStep | null {
    return this.tour?.steps[this.index] ?? null;
  }

  /** What keeps the draft from playing: every problem but an edited quote (played as the presenter's wording). */
  get blocking(): TourProblem[] | null {
    return this.problems?.filter((p) => !/^plan_ref\[\d+\]\.quote$/.test(p.field ?? '')) ?? null;
  }

  async load(): Promise<void> {
    const [tours, plan, details] = await Promise.all([loadTours(), loadPlan(), loadDetails()]);
    this.builtIn = tours;
    this.#ctx = draft.browserContext(plan, Object.keys(details));
    this.#quoted = quoteChecker(this.#ctx.planText);
    this.own = await listOwnTours().catch((e) => {
      reportStorage(e);
      return [];
    });
    if (this.tour) this.#check();
  }

  /** Whether a quote is the plan's words (an edited one is no longer shown as them). */
  isQuoted = (quote: string): boolean => this.#quoted?.(quote) ?? true;

  open(t: Tour): void {
    this.tour = t;
    this.index = 0;
    this.#history.clear();
    this.canUndo = false;
    this.notice = null;
    this.#check();
  }

  close = (): void => {
    this.tour = null;
  };

  /** A new tour to edit: a copy of `from` (a built-in tour is never changed), or an empty one. */
  begin(from: Tour | null): Promise<void> {
    return this.#adopt(from ? draft.copyTour(from, Date.now()) : draft.newTour(Date.now()));
  }

  async #adopt(t: Tour): Promise<void> {
    this.open(t);
    await this.#save(t);
  }

  async remove(id: string): Promise<void> {
    await deleteOwnTour(id).catch(reportStorage);
    this.own = this.own.filter((t) => t.id !== id);
    if (this.tour?.id === id) this.tour = null;
  }

  /** A change to the draft: kept for undo (a run of typing in one field is one change), saved, checked. */
  #change(next: Tour, index = this.index, typing = ''): void {
    const t = this.tour;
    if (!t) return;
    this.#history.record({ tour: t, index: this.index }, typing);
    this.canUndo = true;
    this.tour = next;
    this.index = Math.max(0, Math.min(index, next.steps.length - 1));
    this.#check();
    void this.#save(next);
  }

  #steps(steps: TourStep[], index?: number): void {
    if (this.tour) this.#change({ ...this.tour, steps }, index);
  }

  #editStep(f: (s: TourStep) => TourStep, typing = ''): void {
    const t = this.tour;
    const s = this.step;
    if (!t || !s) return;
    this.#change({ ...t, steps: t.steps.map((x, i) => (i === this.index ? f(s) : x)) }, this.index, typing);
  }

  undo(): void {
    const last = this.#history.undo();
    if (!last) return;
    this.canUndo = this.#history.size > 0;
    this.tour = last.tour;
    this.index = last.index;
    this.#check();
    void this.#save(last.tour);
  }

  select(i: number): void {
    this.index = i;
    this.#history.pause();
  }

  setTitle(lang: 'zh' | 'en', text: string): void {
    if (this.tour)
      this.#change({ ...this.tour, title: { ...this.tour.title, [lang]: text } }, this.index, `tour.${lang}`);
  }

  setText(field: TextField, lang: 'zh' | 'en', text: string): void {
    this.#editStep((s) => ({ ...s, [field]: { ...s[field], [lang]: text } }), `${this.step?.id}.${field}.${lang}`);
  }

  setQuote(k: number, text: string): void {
    this.#editStep(
      (s) => ({ ...s, plan_ref: (s.plan_ref ?? []).map((r, i) => (i === k ? { task: r.task, quote: text } : r)) }),
      `${this.step?.id}.quote.${k}`,
    );
  }

  removeQuote(k: number): void {
    this.#editStep((s) => ({ ...s, plan_ref: (s.plan_ref ?? []).filter((_, i) => i !== k) }));
  }

  insertQuote(task: number | null, quote: string): void {
    if (quote.trim()) this.#editStep((s) => draft.insertQuote(s, task, quote));
  }

  setSwipe(on: boolean): void {
    this.#editStep((s) => draft.withSwipe(s, on ? { left: 'today', right: 'plan' } : null));
  }

  /** One side of the swipe to a compare set (the other side, and its name, as they were). */
  setSwipeSide(side: 'left' | 'right', set: string): void {
    this.#editStep((s) => draft.withSwipeSide(s, side, set));
  }

  addFromMap(): void {
    const t = this.tour;
    if (t)
      this.#steps(
        [
          ...t.steps.slice(0, this.index + 1),
          draft.stepFromMap(t.steps, mapNow(this.#app)),
          ...t.steps.slice(this.index + 1),
        ],
        t.steps.length ? this.index + 1 : 0,
      );
  }

  updateFromMap(): void {
    this.#editStep((s) => draft.updateFromMap(s, mapNow(this.#app)));
  }

  duplicate(i: number): void {
    if (this.tour) this.#steps(draft.duplicateStep(this.tour.steps, i), i + 1);
  }

  deleteStep(i: number): void {
    if (this.tour) this.#steps(draft.deleteStep(this.tour.steps, i), Math.min(i, this.tour.steps.length - 2));
  }

  move(from: number, to: number): void {
    if (this.tour && to >= 0 && to < this.tour.steps.length && from !== to)
      this.#steps(draft.moveStep(this.tour.steps, from, to), to);
  }

  #check(): void {
    this.problems = this.tour && this.#ctx ? checkTour(this.tour, this.#ctx) : null;
  }

  async #save(t: Tour): Promise<void> {
    this.saving++;
    try {
      await saveOwnTour(t);
      this.saveFailed = false;
      this.own = [...this.own.filter((o) => o.id !== t.id), t].sort((a, b) => a.id.localeCompare(b.id));
    } catch (e) {
      this.saveFailed = true; // no IndexedDB (private mode), storage full: the tour lives while the page does
      reportStorage(e);
    } finally {
      this.saving--;
    }
  }

  /** Plays the draft from a step, as a built-in tour plays (keys, presenter window, handout). */
  async play(from = 0): Promise<void> {
    const t = this.tour;
    if (!t || this.blocking?.length !== 0) return;
    await this.#save(t);
    await this.#app.tour.start(t.id, from);
  }

  /** The selected step on the map, without presenting. */
  preview(i = this.index): void {
    const s = this.tour?.steps[i];
    if (s) void this.#app.tour.show(s);
  }

  /** The tour as a file in the format of geodata/stories/ (the build validates it the same way). */
  exportFile(): void {
    if (this.tour && this.problems?.length === 0) download(...tourFile(this.tour));
  }

  /** A tour file read in: refused whole with each problem's step and field; else kept as an own tour and opened. */
  async importFile(file: File): Promise<void> {
    if (!this.#ctx) await this.load();
    const read = readTourFile(await file.text(), this.#ctx as TourContext);
    if ('problems' in read) this.notice = { ok: false, text: file.name, problems: read.problems };
    else {
      // a built-in tour's file, or one already here, comes in as a new own tour beside it
      await this.#adopt(draft.asOwn(read.tour, [...this.builtIn, ...this.own], Date.now()));
      this.notice = { ok: true, text: file.name };
    }
  }
}
