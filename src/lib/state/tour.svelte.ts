/**
 * Presenter mode: which tour and step is shown, blank screens, key help, the annotation tool.
 * The camera, layers and highlights of a step go through the MapController; the presenter
 * window and this one follow each other over a BroadcastChannel.
 */
import type { Tour, TourStep } from '../tour/types.ts';
import { app } from './app.svelte.ts';
import { mapController } from './map.svelte.ts';
import { loadDetails } from '../details.ts';
import { loadDataFile } from '../data-files.ts';
import { loadAnnotations, saveAnnotations, type Annotation, type Tool } from '../tour/annotations.ts';

export const loadTours = () => loadDataFile<Tour[]>('tours.json');

export type TourMessageBody = { type: 'goto'; tour: string; step: number } | { type: 'leave' };
export type TourMessage = TourMessageBody & { from: string };
export const CHANNEL = 'hlbe-plan-map-tour';
const ME = Math.random().toString(36).slice(2);

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
  #channel: BroadcastChannel | null = null;
  #before: string[] | null = null;

  get step(): TourStep | null {
    return this.tour?.steps[this.index] ?? null;
  }

  connect(onMessage: (m: TourMessage) => void): void {
    if (this.#channel || typeof BroadcastChannel === 'undefined') return;
    this.#channel = new BroadcastChannel(CHANNEL);
    this.#channel.onmessage = (e: MessageEvent<TourMessage>) => { if (e.data.from !== ME) onMessage(e.data); };
  }

  broadcast(m: TourMessageBody): void {
    this.#channel?.postMessage({ ...m, from: ME } as TourMessage);
  }

  async start(id: string, step = 0, opts: { animate?: boolean; broadcast?: boolean } = {}): Promise<void> {
    const tours = await loadTours();
    const tour = tours.find((t) => t.id === id);
    if (!tour) { app.flash(`No tour "${id}"`); return; }
    if (!this.tour) this.#before = [...app.visible];
    this.tour = tour;
    app.selected = null;
    app.details = null;
    app.matrixOpen = false;
    await this.goto(step, { animate: opts.animate ?? false, broadcast: opts.broadcast ?? true });
  }

  async goto(i: number, opts: { animate?: boolean; broadcast?: boolean } = {}): Promise<void> {
    const tour = this.tour;
    if (!tour) return;
    const index = Math.max(0, Math.min(tour.steps.length - 1, i));
    this.index = index;
    this.typed = '';
    const step = tour.steps[index];
    // In a swipe step the main map shows the right-hand set; the compare map the left.
    app.visible = [...(step.swipe ? step.swipe.right : step.layers)];
    if (opts.broadcast !== false) this.broadcast({ type: 'goto', tour: tour.id, step: index });
    void this.#loadAnnotations(tour.id, step.id);
    await mapController.highlight(step.highlight);
    await mapController.flyToStep(step, await cameraBounds(step), opts.animate !== false);
  }

  next() { void this.goto(this.index + 1); }
  prev() { void this.goto(this.index - 1); }

  leave(broadcast = true): void {
    if (!this.tour) return;
    if (broadcast) this.broadcast({ type: 'leave' });
    this.tour = null;
    this.blank = 'none';
    this.help = false;
    this.tool = null;
    this.annotations = [];
    mapController.setAnnotations([]);
    mapController.setDrawing(false);
    void mapController.highlight([]);
    if (this.#before) app.visible = this.#before;
    this.#before = null;
  }

  async #loadAnnotations(tour: string, step: string) {
    try {
      const list = await loadAnnotations(tour, step);
      if (this.tour?.id === tour && this.step?.id === step) {
        this.annotations = list;
        mapController.setAnnotations(list);
      }
    } catch { /* no IndexedDB (private mode): annotations live for the session only */ }
  }

  async addAnnotation(a: Annotation) {
    this.annotations = [...this.annotations, a];
    mapController.setAnnotations(this.annotations);
    if (this.tour && this.step) await saveAnnotations(this.tour.id, this.step.id, this.annotations).catch(() => {});
  }

  async clearAnnotations() {
    this.annotations = [];
    mapController.setAnnotations([]);
    if (this.tour && this.step) await saveAnnotations(this.tour.id, this.step.id, []).catch(() => {});
  }

  setTool(tool: Tool | null) {
    this.tool = this.tool === tool ? null : tool;
    mapController.setDrawing(this.tool !== null);
  }
}

/** The bbox a "fit" camera asks for, from the feature details. */
async function cameraBounds(step: TourStep): Promise<number[] | null> {
  if (!('fit' in step.camera)) return null;
  const all = await loadDetails();
  const boxes = step.camera.fit.map((id) => all[id]?.bbox as number[] | undefined).filter((b): b is number[] => Array.isArray(b));
  if (!boxes.length) return null;
  return [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];
}

export const tour = new TourState();
