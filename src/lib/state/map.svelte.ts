/**
 * The one home of the maplibregl.Map: creation, the pmtiles protocol, icons, clicks,
 * selection highlight, layer visibility and label language. Components talk to the map
 * only through this class.
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { Protocol } from 'pmtiles';
import type { Lang } from '../i18n.ts';
import type { Details } from '../card.ts';
import type { View } from '../url.ts';
import { CATALOG, drawOrder } from '../map/catalog.ts';
import { ICONS, rasterIcon, type IconId } from '../map/icons.ts';
import { ARCHIVE, LIT_ONLY, buildStyle, cityFillVisibility } from '../map/style.ts';
import { THEME } from '../map/theme.ts';
import { CITY_BOUNDS } from '../map/view.ts';
import { detailsOf, loadDetails } from '../details.ts';
import type { TourStep } from '../tour/types.ts';
import { arrowHead, type Annotation, type Tool } from '../tour/annotations.ts';

maplibregl.setWorkerUrl(workerUrl);
let protocolAdded = false;

/** Click priority: points over lines over areas, whatever the draw order. */
const CLICK_PRIORITY = ['seats', 'devzone', 'heritage-points', 'ports-points', 'airports-points', 'stations', 'rail', 'rail-casing', 'lakes', 'units-fill', 'structure-fill', 'zones-fill'];

export interface MapCallbacks {
  onSelect(id: string | null): void;
  onView(view: View): void;
  onLoadError(file: string): void;
  onIdle(): void;
}

export class MapController {
  map = $state.raw<maplibregl.Map | null>(null);
  /** true once the style and the default layers have loaded */
  ready = $state(false);
  #selected: { source: string; sourceLayer: string; id: string }[] = [];
  #highlighted: { source: string; sourceLayer: string; id: string }[] = [];
  #cb: MapCallbacks | null = null;
  /** where the current tour move ends, so that "next" during a move can finish it at once */
  #target: maplibregl.CameraOptions | null = null;
  #annotations: Annotation[] = [];
  #drawing: { tool: () => Tool | null; onDone: (a: Annotation) => void; step: () => string } | null = null;
  #stroke: [number, number][] | null = null;

  /** Creates the map; returns false when WebGL is not available. */
  create(container: HTMLElement, opts: { lang: Lang; visible: string[]; view: View | null; cb: MapCallbacks }): boolean {
    if (!protocolAdded) {
      maplibregl.addProtocol('pmtiles', new Protocol().tile);
      protocolAdded = true;
    }
    this.#cb = opts.cb;
    this.#visible = [...opts.visible];
    let map: maplibregl.Map;
    try {
      map = new maplibregl.Map({
        container,
        style: buildStyle({ lang: opts.lang, visible: new Set(opts.visible), base: document.baseURI }),
        ...(opts.view ? { center: opts.view.center, zoom: opts.view.zoom } : { bounds: CITY_BOUNDS, fitBoundsOptions: { padding: 24 } }),
        bearing: opts.view?.bearing ?? 0,
        pitch: opts.view?.pitch ?? 0,
        attributionControl: false,
        localIdeographFontFamily: "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif",
        maxBounds: [[105, 40], [137, 60]],
        minZoom: 3,
        maxZoom: 14,
        dragRotate: true,
        // The style is validated by the unit tests (style-spec); validating it again here costs start-up time.
        validateStyle: false,
      });
    } catch {
      return false;
    }
    performance.mark('map:created');
    map.once('render', () => performance.mark('map:render1'));
    this.map = map;
    map.addControl(new maplibregl.NavigationControl({ visualizePitch: true }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ maxWidth: 120, unit: 'metric' }), 'bottom-left');
    map.addControl(new maplibregl.AttributionControl({ compact: true }), 'bottom-right');

    // Icons are drawn here from ICONS (no sprite file), when a layer first asks for one.
    map.setMissingStyleImageResolver((id) => {
      const def = ICONS[id as IconId];
      if (def && !map.hasImage(id)) map.addImage(id, rasterIcon(def, 48), { pixelRatio: 2 });
    });
    map.on('error', (e) => {
      const sourceId = (e as unknown as { sourceId?: string }).sourceId;
      const msg = String(e.error?.message ?? '');
      const file = sourceId === 'plan' || /plan\.pmtiles/.test(msg) ? ARCHIVE : null;
      if (file) this.#cb?.onLoadError(file.split('/').pop()!);
      else console.warn('map error', msg);
    });
    map.once('load', () => {
      performance.mark('map:load');
      // The compact attribution starts open on wide screens; keep it folded over the map.
      container.querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show');
      if (!opts.view) map.fitBounds(CITY_BOUNDS, { padding: 24, duration: 0 });
      map.once('idle', () => {
        this.ready = true;
        performance.mark('map:idle');
        this.#cb?.onIdle();
      });
    });
    map.on('moveend', () => this.#cb?.onView(this.view()));
    map.on('click', (e) => { if (!this.#drawingOn) this.#click(e.point); });
    const interactive = CATALOG.flatMap((c) => c.interactive);
    map.on('mousemove', (e) => {
      if (this.#drawingOn) return;
      const hits = map.queryRenderedFeatures(e.point, { layers: interactive.filter((l) => map.getLayer(l)) });
      map.getCanvas().style.cursor = hits.length ? 'pointer' : '';
    });
    return true;
  }

  view(): View {
    const m = this.map!;
    const c = m.getCenter();
    return { zoom: m.getZoom(), center: [c.lng, c.lat], bearing: m.getBearing(), pitch: m.getPitch() };
  }

  #click(point: maplibregl.Point): void {
    const map = this.map!;
    const select = (id: string | null) => {
      this.#cb?.onSelect(id);
      if (id) this.#keepAboveSheet(point);
    };
    const box: [maplibregl.PointLike, maplibregl.PointLike] = [[point.x - 6, point.y - 6], [point.x + 6, point.y + 6]];
    const layers = CLICK_PRIORITY.filter((l) => map.getLayer(l) && map.getLayoutProperty(l, 'visibility') !== 'none');
    const hits = map.queryRenderedFeatures(box, { layers });
    hits.sort((a, b) => CLICK_PRIORITY.indexOf(a.layer.id) - CLICK_PRIORITY.indexOf(b.layer.id));
    let hit = hits[0];
    // Units have no always-drawn fill (see LIT_ONLY): find the one under the point in the tiles.
    const unitFirst = CLICK_PRIORITY.indexOf('units-fill');
    if ((!hit || CLICK_PRIORITY.indexOf(hit.layer.id) > unitFirst) && this.#visible.includes('units')) {
      const unit = this.#unitAt(map.unproject(point));
      if (unit) { select(unit); return; }
    }
    if (!hit) { select(null); return; }
    // A seat stands for its unit: clicking it selects the unit.
    const id = String(hit.properties.id ?? hit.id);
    select(hit.layer.id === 'seats' ? id.replace(/^seat-/, 'unit-') : id);
  }

  /** On a phone the card covers the lower half of the map: bring the clicked spot above it. */
  #keepAboveSheet(point: maplibregl.Point): void {
    if (!matchMedia('(max-width: 720px)').matches) return;
    const height = this.map!.getCanvas().getBoundingClientRect().height;
    if (point.y < height * 0.4) return;
    const duration = matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 400;
    this.map!.panBy([0, point.y - height * 0.25], { duration });
  }

  #unitAt(at: maplibregl.LngLat): string | null {
    const inRing = (ring: number[][], x: number, y: number) => {
      let inside = false;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i], [xj, yj] = ring[j];
        if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
      return inside;
    };
    for (const f of this.map!.querySourceFeatures('plan', { sourceLayer: 'units' })) {
      const g = f.geometry;
      const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
      for (const poly of polys) {
        if (inRing(poly[0], at.lng, at.lat) && !poly.slice(1).some((h) => inRing(h, at.lng, at.lat))) return String(f.properties.id);
      }
    }
    return null;
  }

  /** Highlights a feature (feature-state) and, when asked, fits the map to it. */
  async select(id: string | null, fit = false): Promise<Details | null> {
    const map = this.map;
    if (!map) return null;
    for (const f of this.#selected) map.setFeatureState(f, { selected: false });
    this.#selected = [];
    if (!id) { this.#syncLitLayers(); return null; }
    const d = await detailsOf(id);
    if (!d) return null;
    this.#selected.push({ source: 'plan', sourceLayer: d.layer, id });
    // A unit lights up with its seat point.
    if (d.layer === 'units') this.#selected.push({ source: 'plan', sourceLayer: 'structure_points', id: `seat-${String(d.admin_code)}` });
    for (const f of this.#selected) map.setFeatureState(f, { selected: true });
    this.#syncLitLayers();
    if (fit && Array.isArray(d.bbox)) this.fitTo(d.bbox as number[]);
    return d;
  }

  /**
   * Highlights the features a task, a target or a matrix cell concerns (feature-state "hl"),
   * and, when asked, fits the map to all of them. Returns the ids found.
   */
  async highlight(ids: readonly string[], fit = false): Promise<string[]> {
    const map = this.map;
    if (!map) return [];
    for (const f of this.#highlighted) map.setFeatureState(f, { hl: false });
    this.#highlighted = [];
    if (!ids.length) { this.#syncLitLayers(); return []; }
    const all = await loadDetails();
    const found = ids.map((id) => all[id]).filter((d): d is Details => !!d);
    const boxes: number[][] = [];
    for (const d of found) {
      this.#highlighted.push({ source: 'plan', sourceLayer: d.layer, id: d.id });
      if (d.layer === 'units') this.#highlighted.push({ source: 'plan', sourceLayer: 'structure_points', id: `seat-${String(d.admin_code)}` });
      if (Array.isArray(d.bbox)) boxes.push(d.bbox as number[]);
    }
    for (const f of this.#highlighted) map.setFeatureState(f, { hl: true });
    this.#syncLitLayers();
    if (fit && boxes.length) {
      this.fitTo([Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))], false);
    }
    return found.map((d) => d.id);
  }

  /**
   * Moves the camera to a tour step. A move still running is finished at once (jump to its
   * end) before the next begins; with prefers-reduced-motion every move is instant.
   */
  async flyToStep(step: TourStep, bbox: number[] | null, animate: boolean): Promise<void> {
    const map = this.map;
    if (!map) return;
    map.resize(); // presenter mode may have just changed the layout
    if (map.isMoving()) {
      map.stop();
      if (this.#target) map.jumpTo(this.#target);
    }
    const { height } = map.getCanvas().getBoundingClientRect();
    const cam = step.camera;
    const extra = 'fit' in cam ? (cam.padding ?? 40) : 0;
    const padding = { top: 60 + extra, left: 40 + extra, right: 60 + extra, bottom: Math.round(height * 0.28) + extra };
    let target: maplibregl.CameraOptions | undefined;
    if ('fit' in cam && bbox) {
      target = map.cameraForBounds([[bbox[0], bbox[1]], [bbox[2], bbox[3]]], { padding, bearing: cam.bearing ?? 0, pitch: cam.pitch ?? 0, maxZoom: 11 });
      if (target) target = { ...target, bearing: cam.bearing ?? 0, pitch: cam.pitch ?? 0 };
    } else if ('center' in cam) {
      target = { center: cam.center, zoom: cam.zoom, bearing: cam.bearing ?? 0, pitch: cam.pitch ?? 0 };
    }
    if (!target) return;
    this.#target = target;
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    if (!animate || reduce) { map.jumpTo(target); return; }
    await new Promise<void>((resolve) => {
      map.once('moveend', () => resolve());
      map.flyTo({ ...target, duration: 1600, essential: true });
    });
  }

  setAnnotations(list: Annotation[]): void {
    this.#annotations = list;
    this.#drawAnnotations();
  }

  #drawAnnotations(extra?: Annotation): void {
    const src = this.map?.getSource('annotations') as maplibregl.GeoJSONSource | undefined;
    src?.setData({ type: 'FeatureCollection', features: extra ? [...this.#annotations, extra] : this.#annotations });
  }

  /** Connects the drawing tools: while a tool is on, dragging on the map draws instead of panning. */
  attachDrawing(d: { tool: () => Tool | null; onDone: (a: Annotation) => void; step: () => string }): void {
    const map = this.map;
    if (!map || this.#drawing) return;
    this.#drawing = d;
    const canvas = map.getCanvasContainer();
    const at = (e: PointerEvent): [number, number] => {
      const r = canvas.getBoundingClientRect();
      return [e.clientX - r.left, e.clientY - r.top];
    };
    const toLngLat = (p: [number, number]): [number, number] => {
      const l = map.unproject(p);
      return [Math.round(l.lng * 1e6) / 1e6, Math.round(l.lat * 1e6) / 1e6];
    };
    const build = (tool: Tool, pts: [number, number][]): Annotation => {
      const props = { tool, step: d.step() };
      if (tool === 'arrow') {
        const a = pts[0], b = pts[pts.length - 1];
        const [h1, h2] = arrowHead(b, a);
        return { type: 'Feature', properties: props, geometry: { type: 'MultiLineString', coordinates: [[toLngLat(a), toLngLat(b)], [toLngLat(h1), toLngLat(b), toLngLat(h2)]] } };
      }
      return { type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates: pts.map(toLngLat) } };
    };
    canvas.addEventListener('pointerdown', (e) => {
      if (!d.tool()) return;
      this.#stroke = [at(e)];
      canvas.setPointerCapture(e.pointerId);
      e.preventDefault();
    });
    canvas.addEventListener('pointermove', (e) => {
      const tool = d.tool();
      if (!tool || !this.#stroke) return;
      const p = at(e);
      const last = this.#stroke[this.#stroke.length - 1];
      if (Math.hypot(p[0] - last[0], p[1] - last[1]) < 3) return;
      this.#stroke.push(p);
      this.#drawAnnotations(build(tool, this.#stroke));
    });
    canvas.addEventListener('pointerup', () => {
      const tool = d.tool();
      const pts = this.#stroke;
      this.#stroke = null;
      if (!tool || !pts || pts.length < 2) return;
      d.onDone(build(tool, pts));
    });
  }

  #drawingOn = false;

  setDrawing(on: boolean): void {
    const map = this.map;
    this.#drawingOn = on;
    if (!map) return;
    if (on) { map.dragPan.disable(); map.getCanvas().style.cursor = 'crosshair'; }
    else { map.dragPan.enable(); map.getCanvas().style.cursor = ''; }
  }

  /** Fits to a bbox, keeping it clear of the card (right on a desktop, bottom on a phone). */
  fitTo(b: number[], card = true): void {
    const map = this.map!;
    const duration = matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 600;
    const phone = matchMedia('(max-width: 720px)').matches;
    const { width, height } = map.getCanvas().getBoundingClientRect();
    const padding = phone
      ? { top: 40, left: 30, right: 30, bottom: Math.round(height * 0.55) + 20 }
      : { top: 50, left: 50, bottom: 50, right: card ? Math.min(Math.round(width * 0.45), 480) : 50 };
    // A point gets a small box around it (easeTo's padding would stick to the camera).
    const d = b[0] === b[2] && b[1] === b[3] ? 0.08 : 0;
    map.fitBounds([[b[0] - d, b[1] - d], [b[2] + d, b[3] + d]], { padding, maxZoom: 10, duration });
  }

  resetView(): void {
    this.map?.fitBounds(CITY_BOUNDS, { padding: 24, bearing: 0, pitch: 0, duration: 500 });
  }

  setVisible(visible: readonly string[]): void {
    const map = this.map;
    if (!map) return;
    for (const entry of CATALOG) {
      const v = visible.includes(entry.id) ? 'visible' : 'none';
      for (const l of entry.layers(THEME, 'zh')) {
        if (LIT_ONLY.includes(l.id)) continue;
        if (map.getLayer(l.id) && map.getLayoutProperty(l.id, 'visibility') !== v) map.setLayoutProperty(l.id, 'visibility', v);
      }
    }
    if (map.getLayer('city-fill')) map.setLayoutProperty('city-fill', 'visibility', cityFillVisibility(visible));
    this.#visible = [...visible];
    this.#syncLitLayers();
  }

  #visible: string[] = [];

  /** Shows the lit-only layers while a unit or a zone is selected or highlighted. */
  #syncLitLayers(): void {
    const map = this.map;
    if (!map) return;
    const lit = [...this.#selected, ...this.#highlighted];
    const want: Record<string, boolean> = {
      'units-fill': this.#visible.includes('units') && lit.some((f) => f.sourceLayer === 'units'),
      'zones-line': this.#visible.includes('zones') && lit.some((f) => f.sourceLayer === 'zones'),
      'heritage-halo': this.#visible.includes('heritage') && lit.some((f) => f.sourceLayer === 'heritage'),
      'ports-halo': this.#visible.includes('ports') && lit.some((f) => f.sourceLayer === 'ports'),
      'devzone-halo': this.#visible.includes('structure-points') && lit.some((f) => f.id === 'devzone-hulunbuir'),
    };
    for (const [id, on] of Object.entries(want)) {
      const v = on ? 'visible' : 'none';
      if (map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== v) map.setLayoutProperty(id, 'visibility', v);
    }
  }

  setLang(lang: Lang): void {
    const map = this.map;
    if (!map) return;
    for (const entry of drawOrder()) {
      for (const l of entry.layers(THEME, lang)) {
        if (l.type !== 'symbol') continue;
        const field = l.layout?.['text-field'];
        if (field !== undefined && map.getLayer(l.id)) map.setLayoutProperty(l.id, 'text-field', field);
      }
    }
  }
}

export const mapController = new MapController();
