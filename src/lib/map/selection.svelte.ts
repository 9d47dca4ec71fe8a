/**
 * Selection and highlight on the map: what a click hits (by the catalog's click
 * priorities), the selected feature and the highlighted ones (feature state), and the
 * features that light with them (a seat with its unit, by the catalog's `standsFor`).
 */
import type * as maplibregl from 'maplibre-gl';
import type { Details } from '../../contracts/feature.ts';
import { loadDetails } from '../details.ts';
import { insidePolygon, unionBBox } from '../geo.ts';
import { ARCHIVE_SOURCE, catalogLayers, sourceLayerOf } from './catalog.ts';
import type { MapCore } from './core.svelte.ts';

type FeatureRef = { source: string; sourceLayer: string; id: string };

/** Clickable layers, best first: id, source-layer, whether it is lit-only, what it stands for. */
const CLICKABLE = catalogLayers()
  .flatMap((l) =>
    l.click === undefined
      ? []
      : [
          {
            rank: l.click,
            id: l.style.id,
            sourceLayer: sourceLayerOf(l.style),
            litOnly: !!l.litOnly,
            standsFor: l.standsFor,
            entry: l.entry.id,
          },
        ],
  )
  .sort((a, b) => a.rank - b.rank);
/** source-layer → the property its features hold the id of what they stand for in */
const STANDS_FOR = new Map(
  catalogLayers().flatMap((l) => {
    const sl = sourceLayerOf(l.style);
    return sl && l.standsFor ? [[sl, l.standsFor] as const] : [];
  }),
);

export class Selection {
  #core: MapCore;
  #selected: FeatureRef[] = [];
  #highlighted: FeatureRef[] = [];
  /** the ids highlighted now (a task's or target's places), as asked: a tour step made from the map takes them */
  highlightedIds: readonly string[] = [];
  /** feature id → the features that stand for it (a unit → its seat), built on first use */
  #standIns: Map<string, FeatureRef[]> | null = null;

  constructor(core: MapCore) {
    this.#core = core;
  }

  /** Shows a pointer over what a click would hit. */
  attach(map: maplibregl.Map, enabled: () => boolean): void {
    const rendered = CLICKABLE.filter((c) => !c.litOnly).map((c) => c.id);
    map.on('mousemove', (e) => {
      if (!enabled()) return;
      const hits = map.queryRenderedFeatures(e.point, { layers: rendered.filter((l) => map.getLayer(l)) });
      map.getCanvas().style.cursor = hits.length ? 'pointer' : '';
    });
  }

  /** The id of the feature a click at `point` selects, or null. */
  hitAt(point: maplibregl.Point): string | null {
    const map = this.#core.map;
    if (!map) return null;
    const box: [maplibregl.PointLike, maplibregl.PointLike] = [
      [point.x - 6, point.y - 6],
      [point.x + 6, point.y + 6],
    ];
    const shown = CLICKABLE.filter(
      (c) => !c.litOnly && map.getLayer(c.id) && map.getLayoutProperty(c.id, 'visibility') !== 'none',
    );
    const hits = map.queryRenderedFeatures(box, { layers: shown.map((c) => c.id) });
    const rank = (id: string) => CLICKABLE.findIndex((c) => c.id === id);
    hits.sort((a, b) => rank(a.layer.id) - rank(b.layer.id));
    const best = hits.length ? rank(hits[0].layer.id) : CLICKABLE.length;
    // Lit-only layers (no fill drawn until lit) are hit-tested in the tiles, where they rank.
    const at = map.unproject(point);
    for (const c of CLICKABLE.slice(0, best)) {
      if (!c.litOnly || !c.sourceLayer || !this.#core.isVisible(c.entry)) continue;
      const f = map
        .querySourceFeatures(ARCHIVE_SOURCE, { sourceLayer: c.sourceLayer })
        .find(
          (f) =>
            (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon') &&
            insidePolygon([at.lng, at.lat], f.geometry),
        );
      if (f) return String(f.properties.id);
    }
    const hit = hits[0];
    if (!hit) return null;
    const c = CLICKABLE[rank(hit.layer.id)];
    const standsFor = c.standsFor ? hit.properties[c.standsFor] : undefined;
    return String(standsFor ?? hit.properties.id ?? hit.id);
  }

  async #refs(d: Details): Promise<FeatureRef[]> {
    if (!this.#standIns) {
      const all = await loadDetails();
      const m = new Map<string, FeatureRef[]>();
      for (const x of Object.values(all)) {
        const prop = STANDS_FOR.get(x.layer);
        const target = prop ? x[prop] : undefined;
        if (typeof target === 'string')
          m.set(target, [...(m.get(target) ?? []), { source: ARCHIVE_SOURCE, sourceLayer: x.layer, id: x.id }]);
      }
      this.#standIns = m;
    }
    return [{ source: ARCHIVE_SOURCE, sourceLayer: d.layer, id: d.id }, ...(this.#standIns.get(d.id) ?? [])];
  }

  /** The feature states now set (selected, highlighted), to draw another map the same (print). */
  featureStates(): { ref: FeatureRef; state: Record<string, boolean> }[] {
    return [
      ...this.#selected.map((ref) => ({ ref, state: { selected: true } })),
      ...this.#highlighted.map((ref) => ({ ref, state: { hl: true } })),
    ];
  }

  #set(list: FeatureRef[], state: 'selected' | 'hl', on: boolean): void {
    const map = this.#core.map;
    if (map) for (const f of list) map.setFeatureState(f, { [state]: on });
  }

  #syncLit(): void {
    this.#core.setLit(new Set([...this.#selected, ...this.#highlighted].map((f) => f.sourceLayer)));
    const named = new Map<string, string[]>();
    for (const f of this.#highlighted) named.set(f.sourceLayer, [...(named.get(f.sourceLayer) ?? []), String(f.id)]);
    this.#core.setLitLabels(named);
  }

  /** Selects a feature (feature state) and, when asked, fits the map to it. */
  async select(id: string | null, fit = false): Promise<Details | null> {
    if (!this.#core.map) return null;
    this.#set(this.#selected, 'selected', false);
    this.#selected = [];
    if (!id) {
      this.#syncLit();
      if (!this.#highlighted.length) this.#core.camera.forgetFit();
      return null;
    }
    const d = (await loadDetails())[id];
    if (!d) {
      this.#syncLit();
      return null;
    }
    this.#selected = await this.#refs(d);
    this.#set(this.#selected, 'selected', true);
    this.#syncLit();
    if (fit) this.#core.camera.fitTo(d.bbox);
    return d;
  }

  /**
   * Highlights the features a task, a target or a tour step concerns (feature state "hl"),
   * and, when asked, fits the map to all of them. Returns the ids found.
   */
  async highlight(ids: readonly string[], fit = false, panel: 'left' | 'bottom' | null = null): Promise<string[]> {
    if (!this.#core.map) return [];
    this.#set(this.#highlighted, 'hl', false);
    this.#highlighted = [];
    this.highlightedIds = [...ids];
    if (!ids.length) {
      this.#syncLit();
      if (!this.#selected.length) this.#core.camera.forgetFit();
      return [];
    }
    const all = await loadDetails();
    const found = ids.map((id) => all[id]).filter((d): d is Details => !!d);
    for (const d of found) this.#highlighted.push(...(await this.#refs(d)));
    this.#set(this.#highlighted, 'hl', true);
    this.#syncLit();
    const box = unionBBox(found.map((d) => d.bbox));
    if (fit && box) this.#core.camera.fitTo(box, false, panel);
    return found.map((d) => d.id);
  }
}
