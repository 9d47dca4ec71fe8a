/**
 * The map core: the one home of the maplibregl.Map — creation, the pmtiles protocol, icons,
 * the camera, which layers are drawn, and the labels' language. Selection, drawing and the
 * compare map are their own classes (selection.svelte.ts, drawing.ts, compare.ts) built on it.
 */
import * as maplibregl from 'maplibre-gl';
import { reportMapError } from './errors.ts';
import { ARCHIVE_ERROR_MESSAGE, ArchiveError, addArchive, onArchive, type ArchiveProblem } from './archive.ts';
import type { Lang } from '../../contracts/vocab.ts';
import type { View } from '../url.ts';
import { ARCHIVE_SOURCE, LIT_LABELS, catalogLayers, layerVisible, sourceLayerOf } from './catalog.ts';
import { ARCHIVE } from './style.ts';
import { CITY_BOUNDS } from './view.ts';
import { Camera } from './camera.ts';
import { CONTROL_OF, MAP_WORDS, mapOptions, resolveIcons, setLabelSizes } from './map-options.ts';

export interface MapEvents {
  onClick(point: maplibregl.Point): void;
  onView(view: View): void;
  /** the tile archive's problems (archive.ts), and `recovered` when the network is back */
  onArchive(problem: ArchiveProblem | { kind: 'recovered'; file: string }): void;
  onIdle(): void;
}

export class MapCore {
  map = $state.raw<maplibregl.Map | null>(null);
  /** true once the style and the default layers have loaded */
  ready = $state(false);
  #visible = new Set<string>();
  #lit = new Set<string>();
  /** the catalog's layers with their source-layers, made once (visibility is synced on every selection) */
  #layers = catalogLayers().map((l) => ({ l, sourceLayer: sourceLayerOf(l.style) }));
  /** Where a tour's swipe divides the map: the middle of its step's places, a share of the width (camera.ts). */
  swipeAt = $state(0.5);
  /** where the map looks: fits, sheets, tour moves (camera.ts) */
  camera = new Camera(
    () => this.map,
    (at) => (this.swipeAt = at),
  );

  /** Creates the map; returns false when WebGL is not available. */
  create(
    container: HTMLElement,
    opts: { lang: Lang; visible: readonly string[]; view: View | null; events: MapEvents },
  ): boolean {
    this.#visible = new Set(opts.visible);
    let map: maplibregl.Map;
    try {
      map = new maplibregl.Map({
        ...mapOptions(container, opts.lang, this.#visible),
        ...(opts.view
          ? { center: opts.view.center, zoom: opts.view.zoom }
          : { bounds: CITY_BOUNDS, fitBoundsOptions: { padding: 24 } }),
        bearing: opts.view?.bearing ?? 0,
        pitch: opts.view?.pitch ?? 0,
        // wide enough that a fit on a tall phone can put the places above a sheet (the bounds
        // hold the camera's whole view: [105, 40]–[137, 60] pinned the city to the screen's middle)
        maxBounds: [
          [80, 15],
          [160, 72],
        ],
        minZoom: 3,
        maxZoom: 14,
        dragRotate: true,
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
    foldAttribution(container);

    resolveIcons(map);
    const archiveUrl = new URL(ARCHIVE, document.baseURI).href;
    const file = ARCHIVE.split('/').pop() ?? ARCHIVE;
    // Tiles that failed (offline): read again when the network is back. (MapLibre's reload of
    // a whole source leaves errored tiles waiting for a load that never comes; by id it works.)
    const failed = new Map<string, { x: number; y: number; z: number }>();
    onArchive((p) => {
      opts.events.onArchive(p);
      // Back online, or the file changed under its name: a fresh reader, and the tiles again
      // (the failed ones, and — after a change — every one, so old and new never mix).
      if (p.kind !== 'recovered' && p.kind !== 'changed') return;
      addArchive(archiveUrl, true);
      if (!map.getSource(ARCHIVE_SOURCE)) return;
      if (failed.size) map.refreshTiles(ARCHIVE_SOURCE, [...failed.values()]);
      failed.clear();
      if (p.kind === 'changed') map.refreshTiles(ARCHIVE_SOURCE);
    });
    map.on('error', (e) => {
      const sourceId = (e as unknown as { sourceId?: string }).sourceId;
      const msg = String(e.error?.message ?? '');
      const tile = (e as unknown as { tile?: { tileID: { canonical: { x: number; y: number; z: number } } } }).tile;
      if (sourceId === ARCHIVE_SOURCE && tile) {
        const { x, y, z } = tile.tileID.canonical;
        failed.set(`${z}/${x}/${y}`, { x, y, z });
      }
      // The source has said what went wrong already (ArchiveError); anything else the reader
      // threw (a directory it cannot decode, a decompression error) means a damaged archive.
      if (e.error instanceof ArchiveError || ARCHIVE_ERROR_MESSAGE.test(msg)) return;
      if (sourceId === ARCHIVE_SOURCE || /\.pmtiles/.test(msg))
        opts.events.onArchive({ kind: 'corrupt', file, detail: msg });
      else reportMapError('map', e.error);
    });
    map.once('load', () => {
      performance.mark('map:load');
      if (!opts.view) map.fitBounds(CITY_BOUNDS, { padding: 24, duration: 0 });
      map.once('idle', () => {
        this.ready = true;
        performance.mark('map:idle');
        opts.events.onIdle();
      });
    });
    map.on('moveend', () => opts.events.onView(this.camera.view()));
    map.on('click', (e) => opts.events.onClick(e.point));
    return true;
  }

  /** The catalog entries shown (layer visibility follows). */
  setVisible(visible: readonly string[]): void {
    this.#visible = new Set(visible);
    this.#syncVisibility();
  }

  isVisible(entry: string): boolean {
    return this.#visible.has(entry);
  }

  /** The source-layers that have a selected or highlighted feature (their lit-only layers show). */
  setLit(sourceLayers: ReadonlySet<string>): void {
    this.#lit = new Set(sourceLayers);
    this.#syncVisibility();
  }

  #syncVisibility(): void {
    const map = this.map;
    if (!map) return;
    for (const { l, sourceLayer } of this.#layers) {
      const v = layerVisible(l, this.#visible, !!sourceLayer && this.#lit.has(sourceLayer)) ? 'visible' : 'none';
      if (map.getLayer(l.style.id) && map.getLayoutProperty(l.style.id, 'visibility') !== v)
        map.setLayoutProperty(l.style.id, 'visibility', v);
    }
  }

  /** Names the highlighted places at zooms where their layers have no labels (catalog `litLabels`): source-layer → ids. */
  setLitLabels(ids: ReadonlyMap<string, readonly string[]>): void {
    const map = this.map;
    if (!map) return;
    for (const { l, sourceLayer } of this.#layers) {
      if (!l.style.id.endsWith(LIT_LABELS) || !sourceLayer || !map.getLayer(l.style.id)) continue;
      map.setFilter(l.style.id, ['in', ['get', 'id'], ['literal', [...(ids.get(sourceLayer) ?? [])]]]);
    }
  }

  #briefing = $state(false);
  /** A briefing on a big screen: labels read from the back of a room (map-options.ts labelSizes). */
  get briefing(): boolean {
    return this.#briefing;
  }

  setBriefing(on: boolean): void {
    const map = this.map;
    if (!map || on === this.#briefing) return;
    this.#briefing = on;
    setLabelSizes(map, on);
  }

  setLang(lang: Lang): void {
    const map = this.map;
    if (!map) return;
    for (const [key, words] of Object.entries(MAP_WORDS) as [
      keyof typeof MAP_WORDS,
      (typeof MAP_WORDS)[keyof typeof MAP_WORDS],
    ][]) {
      const el = map.getContainer().querySelector(CONTROL_OF[key]);
      if (!el) continue;
      if (el.hasAttribute('title')) el.setAttribute('title', words[lang]);
      el.setAttribute('aria-label', words[lang]);
    }
    for (const { style: l } of catalogLayers(undefined, lang)) {
      if (l.type !== 'symbol') continue;
      const field = l.layout?.['text-field'];
      if (field !== undefined && map.getLayer(l.id)) map.setLayoutProperty(l.id, 'text-field', field);
    }
  }

  /**
   * The map as drawn, 480 px wide (JPEG), once its view is complete: copied in the 'idle'
   * event, in the frame that drew it, while the WebGL drawing buffer still holds it.
   */
  snapshot(): Promise<Blob | null> {
    const map = this.map;
    if (!map) return Promise.resolve(null);
    return new Promise((resolve) => {
      map.once('idle', () => {
        const src = map.getCanvas();
        const c = document.createElement('canvas');
        c.width = 480;
        c.height = Math.max(1, Math.round((480 * src.height) / Math.max(1, src.width)));
        const g = c.getContext('2d');
        if (!g) {
          resolve(null);
          return;
        }
        g.drawImage(src, 0, 0, c.width, c.height);
        c.toBlob((b) => resolve(b), 'image/jpeg', 0.8);
      });
      map.triggerRepaint();
    });
  }
}

/**
 * MapLibre opens the compact attribution when its text first arrives (the archive's metadata):
 * a block of text over the map's foot — on a phone the page's largest text for seconds, until
 * the map is ready. Folded the moment it opens (a mutation observer runs before the next
 * paint); the ⓘ button opens it as before.
 */
function foldAttribution(container: HTMLElement): void {
  const el = container.querySelector('.maplibregl-ctrl-attrib');
  if (!el) return;
  const fold = () => {
    if (!el.classList.contains('maplibregl-compact-show')) return false;
    el.classList.remove('maplibregl-compact-show');
    return true;
  };
  if (fold()) return;
  const watch = new MutationObserver(() => {
    if (fold()) watch.disconnect();
  });
  watch.observe(el, { attributes: true, attributeFilter: ['class'] });
}
