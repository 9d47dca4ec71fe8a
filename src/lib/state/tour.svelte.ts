/**
 * Presenter mode: which tour and step is shown, blank screens, key help, the annotation tool.
 * The camera, layers and highlights of a step go to a TourStage (the map, in the main
 * window; none in the presenter window); the two windows follow each other over a
 * BroadcastChannel.
 */
import type { Tour, TourCamera, TourStep } from '../../contracts/tour.ts';
import { reportStorage } from './storage.svelte.ts';
import type { AppState } from './app.svelte.ts';
import type { Actions } from './actions.ts';
import { loadDataFile } from '../data-files.ts';
import { withViewerChoice } from '../map/catalog.ts';
import type { BBox } from '../geo.ts';
import type { Annotation, Tool } from '../tour/annotations.ts';
import { cameraBounds, editedQuotes, ownTour } from '../tour/find.ts';
/** The annotations' storage (IndexedDB) loads with the first tour, not the first view. */
const store = () => import('../tour/annotations.ts');

export const loadTours = () =>
  loadDataFile('tours.json', () => import('../../contracts/tour.ts').then((m) => m.ToursFileSchema));

export type TourMessageBody =
  | { type: 'goto'; tour: string; step: number }
  | { type: 'leave' }
  /** the presenter window opened: the main window sends the previews it has */
  | { type: 'hello' }
  /** a step's map as the main window drew it (a small JPEG), for the presenter's previews */
  | { type: 'preview'; tour: string; step: number; image: Blob };
export type TourMessage = TourMessageBody & { from: string };
export const CHANNEL = 'hlbe-plan-map-tour';
const ME = Math.random().toString(36).slice(2);

/** Where a tour is shown: the map's highlight, camera and drawing. */
export interface TourStage {
  highlight(ids: readonly string[]): Promise<unknown>;
  /**
   * `clearLabels`: the step's highlighted labels moved clear of the caption and tools (not for a
   * handout's page); `swipe`: a swipe's step (its divider goes to the middle of its places)
   */
  flyTo(camera: TourCamera, bbox: BBox | null, animate: boolean, clearLabels: boolean, swipe: boolean): Promise<void>;
  setAnnotations(list: Annotation[]): void;
  setDrawing(on: boolean): void;
  /** the map as drawn now, small, once it is complete (null without a map) */
  snapshot(): Promise<Blob | null>;
}

export class TourState {
  tour = $state.raw<Tour | null>(null);
  /** 0-based index of the step shown */
  index = $state(0);
  blank = $state<'none' | 'black' | 'white'>('none');
  help = $state(false);
  tool = $state<Tool | null>(null);
  annotations = $state.raw<Annotation[]>([]);
  /** digits typed before Enter */
  typed = $state('');
  /** "next" was pressed on the last step: the tour says it is over (and how to leave or restart) */
  ended = $state(false);
  /** the other window left the tour (the presenter window says so instead of a stale step) */
  left = $state(false);
  /** a presenter's own tour: its quotes that are not the plan's words ("step id/index"), shown as theirs, not the plan's */
  edited = $state.raw<ReadonlySet<string>>(new Set());
  #channel: BroadcastChannel | null = null;
  /** previews of the steps drawn so far (tour → step index → image), kept while the page lives; made once a presenter window is open */
  #previews = new Map<string, Map<number, Blob>>();
  #presenter = false;
  /** the presenter window's previews: step index → image address */
  previews = $state<Record<number, string>>({});
  #before: string[] | null = null;
  #app: AppState;
  #stage: TourStage | null;
  #actions: Actions | null;

  /** an embedded map's tour: a reader's, with no annotations read or kept (no store opened) */
  readonly #keeps: boolean;

  constructor(app: AppState, stage: TourStage | null, actions: Actions | null, opts: { keeps?: boolean } = {}) {
    this.#app = app;
    this.#stage = stage;
    this.#actions = actions;
    this.#keeps = opts.keeps ?? true;
  }

  get step(): TourStep | null {
    return this.tour?.steps[this.index] ?? null;
  }

  connect(onMessage: (m: TourMessage) => void): void {
    if (this.#channel || typeof BroadcastChannel === 'undefined') return;
    this.#channel = new BroadcastChannel(CHANNEL);
    this.#channel.onmessage = (e: MessageEvent<TourMessage>) => {
      if (e.data.from !== ME) onMessage(e.data);
    };
  }

  broadcast(m: TourMessageBody): void {
    this.#channel?.postMessage({ ...m, from: ME } as TourMessage);
  }

  /** Follows the other window: its step, its tour, or its leaving; keeps the previews it sends. */
  follow(m: TourMessage): void {
    if (m.type === 'hello') {
      this.#presenter = true;
      this.#sendPreviews();
      void this.#preview();
      return;
    }
    if (m.type === 'preview') {
      if (m.tour !== this.tour?.id) return;
      if (this.previews[m.step]) URL.revokeObjectURL(this.previews[m.step]);
      this.previews = { ...this.previews, [m.step]: URL.createObjectURL(m.image) };
      return;
    }
    if (m.type === 'leave') {
      this.leave(false);
      this.left = true;
    } else if (this.tour?.id === m.tour) void this.goto(m.step, { broadcast: false });
    else void this.start(m.tour, m.step, { broadcast: false });
  }

  async start(id: string, step = 0, opts: { animate?: boolean; broadcast?: boolean } = {}): Promise<void> {
    // a presenter's own tour first (a file of it added to the build stays behind it)
    const tour = (await ownTour(id)) ?? (await loadTours()).find((t) => t.id === id);
    if (!tour?.steps.length) {
      const zh = this.#app.lang === 'zh';
      this.#app.flash(zh ? `没有导览“${id}”（或它还没有步骤）` : `No tour "${id}" (or it has no steps yet)`);
      return;
    }
    this.edited = await editedQuotes(tour);
    if (!this.tour) this.#before = [...this.#app.visible];
    this.tour = tour;
    void this.#actions?.selectFeature(null, false);
    this.#app.setMatrix(false);
    await this.goto(step, { animate: opts.animate ?? false, broadcast: opts.broadcast ?? true });
  }

  async goto(i: number, opts: { animate?: boolean; broadcast?: boolean; paper?: boolean } = {}): Promise<void> {
    const tour = this.tour;
    if (!tour) return;
    const index = Math.max(0, Math.min(tour.steps.length - 1, i));
    this.ended = i >= tour.steps.length;
    this.left = false;
    if (this.ended && index === this.index) {
      if (opts.broadcast !== false) this.broadcast({ type: 'goto', tour: tour.id, step: i });
      return;
    }
    this.index = index;
    this.typed = '';
    const step = tour.steps[index];
    if (opts.broadcast !== false) this.broadcast({ type: 'goto', tour: tour.id, step: index });
    void this.#loadAnnotations(tour.id, step.id);
    if (!(await this.show(step, opts))) return;
    void this.#preview();
  }

  /** A step's layers, lit places and camera on the map (a tour's step, or an editor's preview); false without a map. */
  async show(step: TourStep, opts: { animate?: boolean; paper?: boolean } = {}): Promise<boolean> {
    // In a swipe step the main map shows the right-hand set; the compare map the left. The
    // viewer's choice of names (Mongolian) stays as it is.
    this.#app.setVisible(withViewerChoice(step.swipe ? step.swipe.right : step.layers, this.#app.visible));
    if (!this.#stage) return false;
    await this.#stage.highlight(step.highlight);
    await this.#stage.flyTo(step.camera, await cameraBounds(step), opts.animate !== false, !opts.paper, !!step.swipe);
    return true;
  }

  /** The step now drawn, for the presenter window (only once one has said hello). */
  async #preview(): Promise<void> {
    const tour = this.tour;
    const index = this.index;
    if (!this.#presenter || !tour || !this.#stage) return;
    const image = await this.#stage.snapshot();
    if (!image || this.tour !== tour || this.index !== index) return; // moved on meanwhile: that step will send its own
    if (!this.#previews.has(tour.id)) this.#previews.set(tour.id, new Map());
    this.#previews.get(tour.id)?.set(index, image);
    this.broadcast({ type: 'preview', tour: tour.id, step: index, image });
  }

  #sendPreviews(): void {
    const tour = this.tour;
    if (!tour) return;
    for (const [step, image] of this.#previews.get(tour.id) ?? [])
      this.broadcast({ type: 'preview', tour: tour.id, step, image });
  }

  next() {
    void this.goto(this.index + 1);
  }
  /** Back: from the end notice to the last step, else a step back. */
  prev() {
    void this.goto(this.ended ? this.index : this.index - 1);
  }

  leave(broadcast = true): void {
    this.ended = false;
    if (!this.tour) return;
    if (broadcast) this.broadcast({ type: 'leave' });
    this.tour = null;
    this.blank = 'none';
    this.help = false;
    this.tool = null;
    this.annotations = [];
    this.#stage?.setAnnotations([]);
    this.#stage?.setDrawing(false);
    void this.#stage?.highlight([]);
    if (this.#before) this.#app.setVisible(this.#before);
    this.#before = null;
  }

  async #loadAnnotations(tour: string, step: string) {
    if (!this.#keeps) return;
    try {
      const list = await (await store()).loadAnnotations(tour, step);
      if (this.tour?.id === tour && this.step?.id === step) {
        this.annotations = list;
        this.#stage?.setAnnotations(list);
      }
    } catch (e) {
      reportStorage(e);
    } // no IndexedDB (private mode): annotations live for this visit only
  }

  async addAnnotation(a: Annotation) {
    if (!this.#keeps) return;
    this.annotations = [...this.annotations, a];
    this.#stage?.setAnnotations(this.annotations);
    await this.#save(this.annotations);
  }

  async clearAnnotations() {
    if (!this.#keeps) return;
    this.annotations = [];
    this.#stage?.setAnnotations([]);
    await this.#save([]);
  }

  async #save(list: Annotation[]) {
    if (!this.tour || !this.step) return;
    const [tour, step] = [this.tour.id, this.step.id];
    await store()
      .then((m) => m.saveAnnotations(tour, step, list))
      .catch(reportStorage);
  }

  setTool(tool: Tool | null) {
    if (!this.#keeps) return;
    this.tool = this.tool === tool ? null : tool;
    this.#stage?.setDrawing(this.tool !== null);
  }
}
