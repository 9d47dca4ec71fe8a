/**
 * A planner's own layers in the app: files handed to the import worker (import.worker.ts),
 * its progress and questions, and each imported layer on the map — a vector source whose
 * tiles the worker makes (`imported://<layer>/{z}/{x}/{y}`), drawn by geometry type in a
 * colour the user picks — clickable, zoomable, removable, downloadable, and restored from
 * IndexedDB at start.
 */
import type * as maplibregl from 'maplibre-gl';
import type { Condition, RowsPage, RowsQuery, StyleSpec } from './table.ts';
import { reportStorage } from '../state/storage.svelte.ts';
import { type Datum, type ImportOptions, type Job, OPTIONS_KEY, keptOptions, updateJob } from './options.ts';

export type { Job };
import type { FromWorker, ImportHit, ImportedMeta, ToWorker } from './protocol.ts';
import type { MapCore } from '../map/core.svelte.ts';
import { ImportWorkerClient } from './worker-client.ts';
import { download } from '../ui/download.ts';
import { HEX_COLOUR } from '../exchange/style.ts';
import {
  addImportedLayer,
  importedFeatureAt,
  removeImportedLayer,
  setImportedColour,
  setImportedVisibility,
  showChoropleth,
} from './map-layers.ts';

/** Colours offered for imported layers (none used by the plan's layers). */
export const IMPORT_COLOURS = ['#0891b2', '#16a34a', '#9333ea', '#dc2626', '#ea580c', '#0f172a'];
export class Imports {
  layers = $state<ImportedMeta[]>([]);
  jobs = $state<Job[]>([]);
  /** how the next files are read: the datum and a .dbf's encoding (the panel and a drop on the map share them) */
  options = $state<ImportOptions>(keptOptions());
  /** the imported feature clicked last: its layer and full properties */
  picked = $state.raw<{ layer: ImportedMeta; properties: Record<string, unknown>; index: number } | null>(null);
  #core: MapCore;
  #client = new ImportWorkerClient((m) => this.#onMessage(m));
  #jobSeq = 0;

  constructor(core: MapCore) {
    this.#core = core;
  }

  #send(m: ToWorker): void {
    this.#client.send(m);
  }

  #ask<T>(make: (req: number) => ToWorker): Promise<T> {
    return this.#client.ask<T>(make);
  }

  #onMessage(m: Exclude<FromWorker, { type: 'reply' }>): void {
    if (m.type === 'violation') {
      console.error(`CSP violation in the import worker: ${m.text}`);
      return;
    }
    if (m.type === 'not-kept') {
      reportStorage(m.problem);
      return;
    }
    if (m.type === 'joined') {
      this.layers = this.layers.map((l) => (l.id === m.layer ? { ...l, join: m.join, hint: m.hint } : l));
      if (this.choropleth === m.layer) this.showJoin(m.layer);
      performance.mark('import:joined');
      return;
    }
    const job = this.jobs.find((j) => j.id === m.job);
    if (!job) return;
    if (m.type === 'progress' || m.type === 'question' || m.type === 'failed') updateJob(job, m);
    else if (m.type === 'cancelled') this.jobs = this.jobs.filter((j) => j !== job);
    else if (m.type === 'done') {
      this.jobs = this.jobs.filter((j) => j.id !== m.job);
      // Cancelled too late (the layer was made): it is removed, as asked.
      if (job.cancelling) {
        this.#send({ type: 'remove', layer: m.meta.id });
        return;
      }
      this.layers = [...this.layers, m.meta];
      this.#addToMap(m.meta);
      this.zoomTo(m.meta.id);
      performance.mark('import:done');
    }
  }

  /**
   * Connects to the map: the tile protocol, and the layers kept from earlier visits (the
   * worker starts at once only when there are some).
   */
  async attach(): Promise<void> {
    this.#client.addTileProtocol();
    const restored = await this.#client.restore();
    // A file imported while the kept layers were being read is not lost: the kept ones go
    // before it (they are older), and one already here is not added twice.
    const fresh = restored.filter((r) => !this.layers.some((l) => l.id === r.id));
    this.layers = [...fresh, ...this.layers];
    for (const meta of fresh) this.#addToMap(meta);
  }

  setOptions(o: Partial<ImportOptions>): void {
    this.options = { ...this.options, ...o };
    try {
      localStorage.setItem(OPTIONS_KEY, JSON.stringify(this.options));
    } catch (e) {
      reportStorage(e);
    }
  }

  importFiles(files: Iterable<File>): void {
    const { datum, dbfEncoding } = this.options;
    for (const file of files) {
      const job: Job = { id: ++this.#jobSeq, file, datum, dbfEncoding, phase: 'reading', bytes: 0, total: file.size };
      this.jobs = [...this.jobs, job];
      this.#client.read(job, IMPORT_COLOURS[(this.layers.length + this.jobs.length - 1) % IMPORT_COLOURS.length]);
    }
  }

  /** Answers a job's question (the CSV columns, a swap of lat/lon, a projected system) and reads again; null drops the file. */
  answer(job: Job, a: { lon?: string; lat?: string; swap?: boolean; epsg?: number } | null): void {
    const j = this.jobs.find((x) => x.id === job.id);
    if (!j) return;
    if (!a) {
      this.jobs = this.jobs.filter((x) => x !== j);
      return;
    }
    j.question = undefined;
    j.answers = { ...j.answers, ...a };
    this.#client.read(j, IMPORT_COLOURS[this.layers.length % IMPORT_COLOURS.length]);
  }

  cancel(job: Job): void {
    const j = this.jobs.find((x) => x.id === job.id);
    if (j) j.cancelling = true;
    this.#send({ type: 'cancel', job: job.id });
  }

  dismiss(job: Job): void {
    this.jobs = this.jobs.filter((j) => j.id !== job.id);
  }

  #addToMap(meta: ImportedMeta): void {
    const map = this.#core.map;
    if (map) addImportedLayer(map, meta);
  }

  setVisible(id: string, visible: boolean): void {
    this.layers = this.layers.map((l) => (l.id === id ? { ...l, visible } : l));
    const map = this.#core.map;
    if (map) setImportedVisibility(map, id, visible);
    this.#send({ type: 'update', layer: id, visible });
  }

  /** The datum a layer was read in is the right one (the file named none): the question is closed, and kept so. */
  confirmDatum(id: string): void {
    this.layers = this.layers.map((l) => (l.id === id ? { ...l, datumOpen: false } : l));
    this.#send({ type: 'update', layer: id, datumOpen: false });
  }

  setColour(id: string, colour: string): void {
    if (!HEX_COLOUR.test(colour)) return;
    this.layers = this.layers.map((l) => (l.id === id ? { ...l, colour } : l));
    const map = this.#core.map;
    if (map) setImportedColour(map, id, colour);
    this.#send({ type: 'update', layer: id, colour });
  }

  remove(id: string): void {
    const map = this.#core.map;
    if (map) removeImportedLayer(map, id);
    if (this.choropleth === id) this.showJoin(null);
    this.layers = this.layers.filter((l) => l.id !== id);
    if (this.picked?.layer.id === id) this.picked = null;
    this.#send({ type: 'remove', layer: id });
  }

  removeAll(): void {
    for (const l of [...this.layers]) this.remove(l.id);
  }

  zoomTo(id: string): void {
    const l = this.layers.find((x) => x.id === id);
    if (l) this.#core.camera.fitTo(l.bbox, false, 'left');
  }

  /** Reads a layer again in another datum (the hint's offer): re-drawn, re-joined and kept by the worker. */
  /** Re-reads a layer in another datum (kept); `zoom`: then frame it (the hint's button), else stay (the row's choice: the layer moves in view). */
  async redatum(id: string, datum: Datum, zoom = true): Promise<void> {
    const meta = await this.#ask<ImportedMeta | null>((req) => ({ type: 'redatum', req, layer: id, datum }));
    if (!meta) return;
    this.layers = this.layers.map((l) => (l.id === id ? meta : l));
    // New tiles: the source asks again under a new address.
    const source = this.#core.map?.getSource(id) as maplibregl.VectorTileSource | undefined;
    source?.setTiles([`imported://${id}/{z}/{x}/{y}?${datum}`]);
    if (zoom) this.zoomTo(id);
  }

  /** the layer the attribute table shows (the table tool), or null for the first */
  tableLayer = $state<string | null>(null);

  /** A page of a layer's table, from the worker (which keeps the features and their order). */
  rows(id: string, query: RowsQuery): Promise<RowsPage | null> {
    return this.#ask<RowsPage | null>((req) => ({ type: 'rows', req, layer: id, query }));
  }

  #restyled = 0;
  /** Draws a layer by a filter and a style by field (the worker colours and filters its tiles; kept over reloads). */
  async restyle(
    id: string,
    filter: Condition[],
    style: StyleSpec | null,
    sizeBy: string | null = null,
    labelBy: string | null = null,
  ): Promise<ImportedMeta | null> {
    const meta = await this.#ask<ImportedMeta | null>((req) => ({
      type: 'restyle',
      req,
      layer: id,
      filter,
      style,
      sizeBy,
      labelBy,
    }));
    if (!meta) return null;
    this.layers = this.layers.map((l) => (l.id === id ? meta : l));
    const source = this.#core.map?.getSource(id) as maplibregl.VectorTileSource | undefined;
    source?.setTiles([`imported://${id}/{z}/{x}/{y}?s${++this.#restyled}`]);
    return meta;
  }

  /** Where a feature is among the table's rows in the order asked (−1: filtered out or searched away). */
  rowOf(id: string, query: Omit<RowsQuery, 'offset' | 'limit'>, index: number): Promise<number> {
    return this.#ask<number>((req) => ({ type: 'row-of', req, layer: id, query, index }));
  }

  /** A row of the table shown: the map goes to its feature and opens its card. */
  async showRow(id: string, index: number): Promise<void> {
    const layer = this.layers.find((l) => l.id === id);
    const bbox = await this.#ask<[number, number, number, number] | null>((req) => ({
      type: 'bbox',
      req,
      layer: id,
      index,
    }));
    if (!layer || !bbox) return;
    // above the table (its panel takes the map's lower part), beside the card
    this.#core.camera.fitTo(bbox, true, 'bottom');
    await this.pick({ layer, index });
  }

  async downloadGeojson(id: string): Promise<void> {
    const l = this.layers.find((x) => x.id === id);
    const text = await this.geojsonText(id);
    if (l && text) download(text, 'application/geo+json', `${l.name.replace(/\.[^.]+$/, '')}-wgs84.geojson`);
  }

  /** A layer as the GeoJSON text the import worker keeps (WGS84), or null when it is gone. */
  geojsonText(id: string, styled?: 'zh' | 'en'): Promise<string | null> {
    return this.#ask<string | null>((req) => ({ type: 'geojson', req, layer: id, styled }));
  }

  /** the layer whose join colours the units (a choropleth), or null */
  choropleth = $state<string | null>(null);

  /**
   * Colours the 14 units by a layer's join (points, else km of lines, else km² of areas),
   * from light to dark by share of the largest; null takes the colours off.
   */
  showJoin(id: string | null): void {
    const map = this.#core.map;
    if (!map) return;
    const before = this.layers.find((l) => l.id === this.choropleth);
    this.choropleth = id;
    showChoropleth(map, before ?? null, this.layers.find((x) => x.id === id) ?? null);
  }

  /** Imported layers whose file name, and visible imported features whose name, contain the query. */
  async search(q: string, limit = 6): Promise<{ layers: ImportedMeta[]; features: ImportHit[] }> {
    const needle = q.trim().toLowerCase();
    if (!needle || !this.layers.length) return { layers: [], features: [] };
    const layers = this.layers.filter((l) => l.name.toLowerCase().includes(needle)).slice(0, 3);
    const features = await this.#ask<ImportHit[]>((req) => ({ type: 'search', req, q: needle, limit }));
    return { layers, features };
  }

  /** Goes to an imported feature found by search and opens its card. */
  async showHit(hit: ImportHit): Promise<void> {
    const layer = this.layers.find((l) => l.id === hit.layer);
    if (!layer) return;
    this.#core.camera.fitTo(hit.bbox, true);
    await this.pick({ layer, index: hit.index });
  }

  /** The imported feature under a click, if any (its card opens: pick()). */
  featureAt(point: maplibregl.Point): { layer: ImportedMeta; index: number } | null {
    const map = this.#core.map;
    return map ? importedFeatureAt(map, this.layers, point) : null;
  }

  /** Opens the card of an imported feature, with all its properties (from the worker). */
  async pick(hit: { layer: ImportedMeta; index: number } | null): Promise<void> {
    this.#mark(hit ? { source: hit.layer.id, id: hit.index } : null);
    if (!hit) {
      this.picked = null;
      return;
    }
    const properties = await this.#ask<Record<string, unknown> | null>((req) => ({
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
    const map = this.#core.map;
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
