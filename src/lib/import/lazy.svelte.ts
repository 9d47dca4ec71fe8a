/**
 * The planner's layers as the first view sees them: a small stand-in for Imports
 * (imports.svelte.ts) that answers what the first view asks (any layers? a picked feature?
 * a click on one?) and loads the import code after the first view — at once when the map
 * has loaded (layers kept from earlier visits come back then), or when a file is dropped or
 * the import panel opens. The import's own panels use the loaded Imports (`it`).
 */
import type * as maplibregl from 'maplibre-gl';
import type { MapCore } from '../map/core.svelte.ts';
import type { Imports } from './imports.svelte.ts';
import type { ImportHit, ImportedMeta } from './protocol.ts';

export class ImportsRef {
  /** the import code, once loaded */
  current = $state.raw<Imports | null>(null);
  #loading: Promise<Imports> | null = null;
  #core: MapCore;

  constructor(core: MapCore) {
    this.#core = core;
  }

  load(): Promise<Imports> {
    this.#loading ??= import('./imports.svelte.ts').then((m) => {
      this.current = new m.Imports(this.#core);
      return this.current;
    });
    return this.#loading;
  }

  /** The loaded Imports, for the components that are only made after load() (the import panel, the layer list, an imported card). */
  get it(): Imports {
    if (!this.current) throw new Error('ImportsRef.it: the import code is not loaded yet (await load())');
    return this.current;
  }

  get layers(): ImportedMeta[] {
    return this.current?.layers ?? [];
  }
  /** The layer whose join colours the units, if any (a print's legend says so). */
  get choropleth(): ImportedMeta | null {
    const id = this.current?.choropleth;
    return (id && this.current?.layers.find((l) => l.id === id)) || null;
  }
  get picked(): Imports['picks']['picked'] {
    return this.current?.picks.picked ?? null;
  }

  /** Loads the import code and restores the layers kept from earlier visits. */
  async attach(): Promise<void> {
    await (await this.load()).attach();
  }

  importFiles(files: Iterable<File>): void {
    const list = [...files];
    void this.load().then((i) => i.importFiles(list));
  }

  featureAt(point: maplibregl.Point): { layer: ImportedMeta; index: number } | null {
    return this.current?.picks.featureAt(point) ?? null;
  }

  async pick(hit: { layer: ImportedMeta; index: number } | null): Promise<void> {
    if (hit || this.current) await (await this.load()).picks.pick(hit);
  }

  search(q: string): Promise<{ layers: ImportedMeta[]; features: ImportHit[] }> {
    return this.current ? this.current.picks.search(q) : Promise.resolve({ layers: [], features: [] });
  }

  zoomTo(id: string): void {
    this.current?.zoomTo(id);
  }
  async showHit(hit: ImportHit): Promise<void> {
    await this.current?.picks.showHit(hit);
  }
  async downloadGeojson(id: string): Promise<void> {
    await this.current?.downloadGeojson(id);
  }
  async geojsonText(id: string, styled?: 'zh' | 'en'): Promise<string | null> {
    return (await this.current?.geojsonText(id, styled)) ?? null;
  }
}
