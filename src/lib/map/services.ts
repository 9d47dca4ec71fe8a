/** The map's parts, made together and handed to components through the app context. */
import { MapCore } from './core.svelte.ts';
import type { Annotation } from '../tour/annotations.ts';
import type { Drawing, DrawingHost } from './drawing.ts';
import { Selection } from './selection.svelte.ts';

/** Drawing in a tour (drawing.ts): its code loads with the first drawing tool or annotation, not the first view. */
export class LazyDrawing {
  current: Drawing | null = null;
  #loading: Promise<Drawing> | null = null;
  #host: DrawingHost | null = null;
  #core: MapCore;

  constructor(core: MapCore) {
    this.#core = core;
  }

  /** true while a drawing tool is on (clicks then draw, they do not select) */
  get on(): boolean {
    return this.current?.on ?? false;
  }

  attach(host: DrawingHost): void {
    this.#host = host;
    this.current?.attach(host);
  }

  #load(): Promise<Drawing> {
    this.#loading ??= import('./drawing.ts').then((m) => {
      const d = new m.Drawing(this.#core);
      if (this.#host) d.attach(this.#host);
      this.current = d;
      return d;
    });
    return this.#loading;
  }

  setAnnotations(list: Annotation[]): void {
    if (list.length || this.current) void this.#load().then((d) => d.setAnnotations(list));
  }

  setDrawing(on: boolean): void {
    if (on || this.current) void this.#load().then((d) => d.setDrawing(on));
  }
}

export class MapServices {
  readonly core = new MapCore();
  readonly selection = new Selection(this.core);
  readonly drawing = new LazyDrawing(this.core);
}
