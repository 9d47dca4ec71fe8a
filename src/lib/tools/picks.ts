/**
 * What a click on the map picks for the tools: the place within a few pixels (seats,
 * stations, ports, heritage: the registry's pick layers), at its position of record, else
 * the point clicked; and how the tools name a place.
 */
import type * as maplibregl from 'maplibre-gl';
import { layersBy } from '../../contracts/layers.ts';
import type { Text } from '../../contracts/vocab.ts';
import { ARCHIVE_SOURCE, catalogLayers, sourceLayerOf } from '../map/catalog.ts';
import { loadLayer } from './layer-files.ts';
import type { LonLatPair } from './registry.ts';

/** The layers a measurement snaps to: the registry's pick layers. */
const SNAP_SOURCE_LAYERS: readonly string[] = layersBy('pick');
const pickRank = (layer: string | undefined) => {
  const i = SNAP_SOURCE_LAYERS.indexOf(layer ?? '');
  return i < 0 ? SNAP_SOURCE_LAYERS.length : i;
};
/** The touch radius (CSS px): a fingertip is wider than a mouse pointer. */
const snapPx = () => (globalThis.matchMedia?.('(pointer: coarse)').matches ? 22 : 12);
export const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * A place's name as the tools list it. A seat is its unit's ("海拉尔区 · 驻地"), never the
 * street office it stands in (a name people do not look for).
 */
export function placeName(p: Record<string, unknown>): Text {
  const zh = String(p.name_zh ?? p.id ?? ''),
    en = String(p.name_en ?? p.name_zh ?? '');
  if (p.kind === 'seat' && typeof p.unit_zh === 'string')
    return { zh: `${p.unit_zh} · 驻地`, en: `${String(p.unit_en ?? p.unit_zh)} · seat` };
  return { zh, en };
}

/** What a click picked: the place (its id and name) at its position of record, or the point clicked. */
export interface Pick {
  at: LonLatPair;
  id: string | null;
  name: Text | null;
}

/**
 * The pick rule: the nearest candidate within `radius` px; equally near (within a pixel), the
 * lower rank (the registry's pick order: seats, stations, ports, heritage).
 */
export function nearest<T extends { px: number; rank: number }>(candidates: readonly T[], radius: number): T | null {
  let best: T | null = null;
  for (const c of candidates)
    if (c.px <= radius && (!best || c.px < best.px - 1 || (Math.abs(c.px - best.px) <= 1 && c.rank < best.rank)))
      best = c;
  return best;
}

export class Snapper {
  /** feature id → its position of record (tiles carry positions rounded to their grid) and properties */
  #places: Map<string, { at: LonLatPair; props: Record<string, unknown> }> | null = null;

  /** Loads the positions of record of the places measurements snap to (when a measuring tool opens). */
  async prepare(): Promise<void> {
    if (this.#places) return;
    const files = await Promise.all(layersBy('pick').map((n) => loadLayer(n)));
    this.#places = new Map(
      files.flatMap((f) =>
        f.features
          .filter((x) => x.geometry.type === 'Point')
          .map(
            (x) =>
              [
                x.properties.id,
                { at: x.geometry.coordinates as unknown as LonLatPair, props: x.properties as Record<string, unknown> },
              ] as const,
          ),
      ),
    );
  }

  /**
   * The one rule for what a click or tap means in every tool: the nearest place within the
   * touch radius (seats, stations, ports, heritage); equally near, the registry's pick order;
   * else the point itself.
   */
  snap(map: maplibregl.Map, point: maplibregl.Point): Pick {
    const SNAP_PX = snapPx();
    const layers = catalogLayers()
      .filter(
        (l) =>
          SNAP_SOURCE_LAYERS.includes(sourceLayerOf(l.style) ?? '') &&
          (l.style.type === 'symbol' || l.style.type === 'circle'),
      )
      .map((l) => l.style.id)
      .filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none');
    const hits = map.queryRenderedFeatures(
      [
        [point.x - SNAP_PX, point.y - SNAP_PX],
        [point.x + SNAP_PX, point.y + SNAP_PX],
      ],
      { layers },
    );
    const candidates: (Pick & { px: number; rank: number })[] = [];
    for (const h of hits) {
      if (h.geometry.type !== 'Point' || h.source !== ARCHIVE_SOURCE) continue;
      const [lon, lat] = h.geometry.coordinates;
      const p = map.project([lon, lat]);
      const px = Math.hypot(p.x - point.x, p.y - point.y);
      const id = String(h.properties.id);
      const exact = this.#places?.get(id);
      const rank = pickRank(h.sourceLayer);
      candidates.push({
        at: exact ? [exact.at[0], exact.at[1]] : [round6(lon), round6(lat)],
        id,
        name: placeName(exact?.props ?? h.properties),
        px,
        rank,
      });
    }
    const best = nearest(candidates, SNAP_PX);
    if (best) return { at: best.at, id: best.id, name: best.name };
    const l = map.unproject(point);
    return { at: [round6(l.lng), round6(l.lat)], id: null, name: null };
  }
}
