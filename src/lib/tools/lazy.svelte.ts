/**
 * The planner's tools as the first view sees them: a small stand-in for Tools
 * (tools.svelte.ts) that loads the tools' code when a tool is first opened (or the address
 * asks for a measurement or a within-distance query), connects it to the map and starts its
 * effects (what the tools draw, the snapping positions, the query, its highlight). Until
 * then a click is the map's and the keyboard's Escape closes panels.
 */
import type * as maplibregl from 'maplibre-gl';
import type { AppState } from '../state/app.svelte.ts';
import type { MapServices } from '../map/services.ts';
import type { Tools } from './tools.svelte.ts';

export class ToolsRef {
  /** the tools' code, once loaded */
  current = $state.raw<Tools | null>(null);
  /** a link with a view keeps it; a link without one shows its query whole (set before load) */
  fitNext = false;
  #loading: Promise<Tools> | null = null;
  #map: maplibregl.Map | null = null;
  #stop: (() => void) | null = null;
  #app: AppState;
  #services: MapServices;

  constructor(app: AppState, services: MapServices) {
    this.#app = app;
    this.#services = services;
  }

  /** The map to connect the tools to (when it exists); connects them at once if they are loaded. */
  setMap(map: maplibregl.Map): void {
    this.#map = map;
    this.current?.attach(map);
  }

  load(): Promise<Tools> {
    this.#loading ??= import('./tools.svelte.ts').then((m) => {
      const tools = new m.Tools(this.#app, this.#services);
      tools.fitNext = this.fitNext;
      if (this.#map) tools.attach(this.#map);
      const app = this.#app;
      const map = this.#services;
      this.#stop = $effect.root(() => {
        $effect(() => {
          if (map.core.ready) tools.draw();
        });
        $effect(() => {
          if (tools.measuring) void tools.prepareSnap().catch(() => app.reportLoadError('layers/*.geojson'));
        });
        $effect(() => {
          void app.near;
          void tools.runNear();
        });
        $effect(() => {
          const ids = tools.near ? tools.hitIds() : null;
          if (ids) void map.selection.highlight(ids);
        });
      });
      this.current = tools;
      return tools;
    });
    return this.#loading;
  }

  /** The loaded Tools, for the tool panels (made only after load()). */
  get it(): Tools {
    if (!this.current) throw new Error('ToolsRef.it: the tools are not loaded yet (await load())');
    return this.current;
  }

  get measuring(): boolean {
    return this.current?.measuring ?? false;
  }
  get picking(): boolean {
    return this.current?.picking ?? false;
  }

  /** A click on the map: the tools' (a measuring point, a picked place) when one is on. */
  onClick(point: maplibregl.Point): boolean {
    return this.current?.onClick(point) ?? false;
  }

  stop(): void {
    this.#stop?.();
  }
}
