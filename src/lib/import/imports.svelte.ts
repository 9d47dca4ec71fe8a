/**
 * A planner's own layers in the app: files handed to the import worker (import.worker.ts),
 * its progress and questions, and each imported layer on the map — a vector source whose
 * tiles the worker makes (`imported://<layer>/{z}/{x}/{y}`), drawn by geometry type in a
 * colour the user picks — clickable, zoomable, removable, downloadable, and restored from
 * IndexedDB at start.
 */
import type * as maplibregl from 'maplibre-gl';
import { reportStorage } from '../state/storage.svelte.ts';
import { type Datum, type ImportOptions, type Job, OPTIONS_KEY, keptOptions, updateJob } from './options.ts';

export type { Job };
import type { FromWorker, ImportedMeta, ToWorker } from './protocol.ts';
import type { MapCore } from '../map/core.svelte.ts';
import { ImportWorkerClient } from './worker-client.ts';
import { ImportedTable } from './imported-table.svelte.ts';
import { ImportedPicks, type ImportsHost } from './imported-picks.svelte.ts';
import { download } from '../ui/download.ts';
import { HEX_COLOUR } from '../exchange/style.ts';
import {
  addImportedLayer,
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
    if (map) addImportedLayer(map, meta, () => this.layers.some((l) => l.id === meta.id && l.visible));
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
    if (this.picks.picked?.layer.id === id) this.picks.picked = null;
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

  /** What the table, the map and search reach of the imported features (imported-picks.svelte.ts, imported-table.svelte.ts). */
  #host: ImportsHost = {
    ask: (make) => this.#ask(make),
    layers: () => this.layers,
    update: (meta) => {
      this.layers = this.layers.map((l) => (l.id === meta.id ? meta : l));
    },
    camera: () => this.#core.camera,
    map: () => this.#core.map,
  };
  /** the imported feature whose card is open; a click's, a search's */
  readonly picks = new ImportedPicks(this.#host);
  /** the attribute table's layer, rows, filter and style */
  readonly table = new ImportedTable(this.#host, this.picks);

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
}
