/**
 * The planners' tools on the map: measuring by clicks (snapping to places), picking the
 * origin of a within-distance query, running the query, and what they draw. The state a
 * link restores (tool, measurement, query) is in AppState; what lives only while the page
 * is open (the pointer, the query's results) is here. The geodesy and drawing code loads
 * with the first tool used, not with the first view.
 */
import type * as maplibregl from 'maplibre-gl';
import type { Geometry } from 'geojson';
import type { AppState } from '../state/app.svelte.ts';
import type { MapServices } from '../map/services.ts';
import { loadDetails } from '../details.ts';
import { DATA_LAYERS, isDataLayer, layersBy } from '../../contracts/layers.ts';
import { loadLayer } from './layer-files.ts';
import { placeName, Snapper, type Pick } from './picks.ts';
import { bboxOf, positions } from '../geo.ts';
import type { NearResult } from './near.ts';
export type { NearResult };
import type { NearDrawing } from './overlay.ts';
import type { LonLatPair, Measure } from './registry.ts';

/** The layers a query lists (in this order): the registry's. */
export const NEAR_LAYERS = layersBy('near');

export class Tools {
  #app: AppState;
  #map: MapServices;
  /** where the pointer is while measuring (the live leg) */
  pointer = $state.raw<LonLatPair | null>(null);
  /** the next click picks the origin of the within-distance query */
  picking = $state(false);
  near = $state.raw<NearResult | null>(null);
  nearError = $state<string | null>(null);
  busy = $state(false);
  /** fit the map to the next results (not when a link gave the view) */
  fitNext = true;

  constructor(app: AppState, map: MapServices) {
    this.#app = app;
    this.#map = map;
  }

  get measuring(): boolean {
    return this.#app.tool === 'measure' || this.#app.tool === 'area';
  }

  /** Connects the pointer and double-click to the map. */
  attach(map: maplibregl.Map): void {
    map.on('mousemove', (e) => {
      if (!this.measuring || this.#app.measure?.done !== false) {
        if (this.pointer) this.pointer = null;
        return;
      }
      this.pointer = this.snap(e.point).at;
    });
    map.on('dblclick', (e) => {
      if (!this.measuring) return;
      e.preventDefault(); // no zoom: a double-click ends the measurement
      this.finish();
    });
  }

  #snapper = new Snapper();

  /** Loads the positions of record of the places measurements snap to (when a measuring tool opens). */
  prepareSnap(): Promise<void> {
    return this.#snapper.prepare();
  }

  /** The place a click at `point` snaps to (picks.ts), else the point. */
  snap(point: maplibregl.Point): Pick {
    const map = this.#map.core.map;
    return map ? this.#snapper.snap(map, point) : { at: [0, 0], id: null, name: null };
  }

  #clicks: Promise<void> = Promise.resolve();

  #addPoint(point: maplibregl.Point): void {
    const app = this.#app;
    if (!this.measuring) return;
    const mode = app.tool === 'area' ? 'area' : 'line';
    const { at, name } = this.snap(point);
    const m = app.measure;
    const fresh = !m || m.done || m.mode !== mode;
    const base: Measure = fresh ? { mode, points: [], snaps: [], done: false } : m;
    const last = base.points[base.points.length - 1];
    // The second click of a double-click lands on the first: not a new point.
    if (last && last[0] === at[0] && last[1] === at[1]) return;
    app.setMeasure({
      ...base,
      points: [...base.points, at],
      snaps: [...(base.snaps ?? base.points.map(() => null)), name],
    });
  }

  /** A click on the map: true when a tool took it (it then selects nothing). */
  onClick(point: maplibregl.Point): boolean {
    const app = this.#app;
    if (this.measuring) {
      // Snapping needs the positions of record (loaded when the tool opens): a click that comes
      // first waits for them, in order, so a snapped point is never the tiles' rounded one.
      const at = this.#map.core.map?.unproject(point);
      this.#clicks = this.#clicks
        .then(() => this.prepareSnap().catch(() => {}))
        .then(() => {
          const map = this.#map.core.map;
          if (map && at) this.#addPoint(map.project(at));
        });
      return true;
    }
    if (app.tool === 'near' && this.picking) {
      this.picking = false;
      // The place the one pick rule gives (a seat's symbol picks the seat); else a line picks
      // itself; inside an area, the point clicked is the origin (a unit is picked by selecting
      // it, then "use the selected feature").
      const at = this.#map.core.map?.unproject(point);
      this.#clicks = this.#clicks
        .then(() => this.prepareSnap().catch(() => {}))
        .then(() => {
          const map = this.#map.core.map;
          if (!map || !at) return;
          const p = map.project(at);
          const place = this.snap(p);
          const hit = place.id ? null : this.#map.selection.hitAt(p);
          const line = hit && !/^(unit|zone|structure|city)-/.test(hit) ? hit : null;
          app.setNear({ from: place.id ?? line ?? place.at, km: app.near?.km ?? 50 });
        });
      return true;
    }
    return false;
  }

  finish(): void {
    const m = this.#app.measure;
    if (!m || m.done) return;
    const enough = m.mode === 'line' ? 2 : 3;
    if (m.points.length < enough) return;
    this.pointer = null;
    this.#app.setMeasure({ ...m, done: true });
  }

  undo(): void {
    const m = this.#app.measure;
    if (!m?.points.length) return;
    const points = m.points.slice(0, -1);
    this.#app.setMeasure(points.length ? { ...m, points, snaps: m.snaps?.slice(0, -1), done: false } : null);
  }

  clear(): void {
    this.pointer = null;
    this.#app.setMeasure(null);
  }

  /** Runs the query in the app state (if its results are not there yet). */
  async runNear(): Promise<void> {
    const q = this.#app.near;
    if (!q) {
      this.near = null;
      return;
    }
    const key = `${JSON.stringify(q.from)}:${q.km}`;
    if (this.near?.key === key) return;
    this.busy = true;
    this.nearError = null;
    try {
      const [{ bufferOf, withinDistance }, details, ...files] = await Promise.all([
        import('./near.ts'),
        loadDetails(),
        ...NEAR_LAYERS.map((n) => loadLayer(n)),
      ]);
      const byLayer = Object.fromEntries(NEAR_LAYERS.map((n, i) => [n, files[i]]));
      let origin: NearResult['origin'];
      if (typeof q.from === 'string') {
        const d = details[q.from];
        const file = d && isDataLayer(d.layer) ? (byLayer[d.layer] ?? (await loadLayer(d.layer))) : undefined;
        const f = file?.features.find((x) => x.properties.id === q.from);
        if (!d || !f) throw new Error(`no feature "${q.from}"`);
        origin = { id: q.from, name: placeName(d), geometry: f.geometry as Geometry };
      } else {
        origin = { id: null, name: null, geometry: { type: 'Point', coordinates: q.from } };
      }
      const layers = NEAR_LAYERS.map((layer) => ({
        layer,
        candidates: byLayer[layer].features
          .filter((f) => layer !== 'ports' || f.properties.outside_city !== true)
          .map((f) => ({
            layer,
            id: f.properties.id,
            name: placeName(f.properties),
            geometry: f.geometry as Geometry,
          })),
      }));
      const [groups, buffer] = await Promise.all([
        withinDistance(origin.geometry, q.km, layers, new Set(origin.id ? [origin.id] : [])),
        bufferOf(origin.geometry, q.km),
      ]);
      // A newer query has started meanwhile: its results win.
      if (`${JSON.stringify(this.#app.near?.from)}:${this.#app.near?.km}` !== key) return;
      const titles = Object.fromEntries(NEAR_LAYERS.map((n) => [n, DATA_LAYERS[n].heading]));
      this.near = { key, origin, buffer, groups, titles };
      if (this.fitNext) this.#fit(buffer);
      this.fitNext = true;
    } catch (e) {
      this.near = null;
      this.nearError = (e as Error).message;
    } finally {
      this.busy = false;
    }
  }

  /** Fits the map to a buffer, clear of the tool panel (once the map has loaded). */
  #fit(buffer: NearResult['buffer']): void {
    const box = bboxOf(positions(buffer));
    const core = this.#map.core;
    if (core.ready) core.camera.fitTo(box, false, 'left');
    else core.map?.once('idle', () => core.camera.fitTo(box, false, 'left'));
  }

  /** The ids the query found (lit on the map). */
  hitIds(): string[] {
    return this.near?.groups.flatMap((g) => g.rows.map((r) => r.id)) ?? [];
  }

  #overlay: typeof import('./overlay.ts') | null = null;

  /** Draws the tools' state on the map (reading it now, so that an effect follows it). */
  draw(): void {
    const app = this.#app;
    const measure = this.measuring ? app.measure : null;
    const near: NearDrawing | null =
      app.tool === 'near' && this.near ? { buffer: this.near.buffer, origin: this.near.origin.geometry } : null;
    const pointer = this.pointer,
      lang = app.lang;
    const paint = (o: typeof import('./overlay.ts')) => {
      const src = this.#map.core.map?.getSource('tools') as maplibregl.GeoJSONSource | undefined;
      src?.setData(o.overlayOf(measure, pointer, near, lang));
    };
    if (this.#overlay) paint(this.#overlay);
    else if (measure || near)
      void import('./overlay.ts').then((o) => {
        this.#overlay = o;
        paint(o);
      });
  }
}
