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
const SNAP_PX = 12;
export const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** A place's name as the tools list it: a seat with its unit ("海拉尔区 · 正阳街道"). */
export function placeName(p: Record<string, unknown>): Text {
  const zh = String(p.name_zh ?? p.id ?? ''),
    en = String(p.name_en ?? p.name_zh ?? '');
  if (p.kind === 'seat' && typeof p.unit_zh === 'string')
    return { zh: `${p.unit_zh} · ${zh}`, en: `${String(p.unit_en ?? p.unit_zh)} · ${en}` };
  return { zh, en };
}

export class Snapper {
  /** feature id → its position of record (tiles carry positions rounded to their grid) */
  #coords: Map<string, LonLatPair> | null = null;

  /** Loads the positions of record of the places measurements snap to (when a measuring tool opens). */
  async prepare(): Promise<void> {
    if (this.#coords) return;
    const files = await Promise.all(layersBy('pick').map((n) => loadLayer(n)));
    this.#coords = new Map(
      files.flatMap((f) =>
        f.features
          .filter((x) => x.geometry.type === 'Point')
          .map((x) => [x.properties.id, x.geometry.coordinates as unknown as LonLatPair] as const),
      ),
    );
  }

  /** The place a click at `point` snaps to (seats, stations, ports, heritage within a few pixels), else the point. */
  snap(map: maplibregl.Map, point: maplibregl.Point): { at: LonLatPair; name: Text | null } {
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
    // The nearest place wins; equally near (within a pixel), the registry's pick order does
    // (seats before stations before ports before heritage).
    let best: { at: LonLatPair; name: Text; px: number; rank: number } | null = null;
    for (const h of hits) {
      if (h.geometry.type !== 'Point' || h.source !== ARCHIVE_SOURCE) continue;
      const [lon, lat] = h.geometry.coordinates;
      const p = map.project([lon, lat]);
      const px = Math.hypot(p.x - point.x, p.y - point.y);
      const exact = this.#coords?.get(String(h.properties.id));
      const rank = pickRank(h.sourceLayer);
      if (px <= SNAP_PX && (!best || px < best.px - 1 || (Math.abs(px - best.px) <= 1 && rank < best.rank)))
        best = {
          at: exact ? [exact[0], exact[1]] : [round6(lon), round6(lat)],
          name: {
            zh: String(h.properties.name_zh ?? ''),
            en: String(h.properties.name_en ?? h.properties.name_zh ?? ''),
          },
          px,
          rank,
        };
    }
    if (best) return best;
    const l = map.unproject(point);
    return { at: [round6(l.lng), round6(l.lat)], name: null };
  }
}
