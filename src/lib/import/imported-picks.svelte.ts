/**
 * A planner's imported features as a person reaches them: the one under a click, one found by
 * search, and the one whose card is open — with all its properties (from the import worker)
 * and a dark ring on the map (feature state `picked`).
 */
import type * as maplibregl from 'maplibre-gl';
import type { ImportHit, ImportedMeta, ToWorker } from './protocol.ts';
import type { Camera } from '../map/camera.ts';
import { importedFeatureAt } from './map-layers.ts';

/** What the picks and the table need of the Imports that own them. */
export interface ImportsHost {
  ask<T>(make: (req: number) => ToWorker): Promise<T>;
  layers(): ImportedMeta[];
  /** a layer's record, as the worker now has it */
  update(meta: ImportedMeta): void;
  camera(): Camera;
  map(): maplibregl.Map | null;
}

export type Hit = { layer: ImportedMeta; index: number };

export class ImportedPicks {
  /** the imported feature clicked last: its layer and full properties */
  picked = $state.raw<{ layer: ImportedMeta; properties: Record<string, unknown>; index: number } | null>(null);
  #host: ImportsHost;

  constructor(host: ImportsHost) {
    this.#host = host;
  }

  /** Imported layers whose file name, and visible imported features whose name, contain the query. */
  async search(q: string, limit = 6): Promise<{ layers: ImportedMeta[]; features: ImportHit[] }> {
    const needle = q.trim().toLowerCase();
    const all = this.#host.layers();
    if (!needle || !all.length) return { layers: [], features: [] };
    const layers = all.filter((l) => l.name.toLowerCase().includes(needle)).slice(0, 3);
    const features = await this.#host.ask<ImportHit[]>((req) => ({ type: 'search', req, q: needle, limit }));
    return { layers, features };
  }

  /** Goes to an imported feature found by search and opens its card. */
  async showHit(hit: ImportHit): Promise<void> {
    const layer = this.#host.layers().find((l) => l.id === hit.layer);
    if (!layer) return;
    this.#host.camera().fitTo(hit.bbox, true);
    await this.pick({ layer, index: hit.index });
  }

  /** The imported feature under a click, if any (its card opens: pick()). */
  featureAt(point: maplibregl.Point): Hit | null {
    const map = this.#host.map();
    return map ? importedFeatureAt(map, this.#host.layers(), point) : null;
  }

  /** Opens the card of an imported feature, with all its properties (from the worker). */
  async pick(hit: Hit | null): Promise<void> {
    this.#mark(hit ? { source: hit.layer.id, id: hit.index } : null);
    if (!hit) {
      this.picked = null;
      return;
    }
    const properties = await this.#host.ask<Record<string, unknown> | null>((req) => ({
      type: 'feature',
      req,
      layer: hit.layer.id,
      index: hit.index,
    }));
    this.picked = { layer: hit.layer, properties: properties ?? {}, index: hit.index };
  }

  /** The feature whose card is open, marked on the map (a dark ring: feature state `picked`). */
  #marked: { source: string; id: number } | null = null;
  #mark(next: { source: string; id: number } | null): void {
    const map = this.#host.map();
    if (!map) return;
    const state = (m: { source: string; id: number }, picked: boolean) => {
      if (map.getSource(m.source))
        map.setFeatureState({ source: m.source, sourceLayer: 'imported', id: m.id }, { picked });
    };
    if (this.#marked) state(this.#marked, false);
    this.#marked = next;
    if (next) state(next, true);
  }
}
