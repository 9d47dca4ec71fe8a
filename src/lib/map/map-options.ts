/**
 * What every map of the app shares (the main map, the compare map, the print map): MapLibre's
 * worker and the archive protocol, the style, MapLibre's own words in the page's language,
 * icons drawn on demand, and label sizes scaled for a briefing.
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Lang } from '../../contracts/vocab.ts';
import { addArchive, archiveProtocol } from './archive.ts';
import { MONGOLIAN_NAMES, catalogLayers } from './catalog.ts';
import { GLYPHS_PROTOCOL, glyphRange, prefetchGlyphs } from './glyphs.ts';
import { scaleSize } from './sizes.ts';
import { BRIEFING_LABELS, briefingMinPx } from '../ui/layout.ts';
import {
  ICONS,
  MARKER_BOX,
  MARKER_BOX_PX,
  MONGOLIAN_ICON,
  MONGOLIAN_LABEL,
  type IconId,
  type Raster,
  rasterIcon,
  rasterMongolian,
} from './icons.ts';
import { drawRaster } from './draw-worker.ts';
import { loadMongolianFont, MONGOLIAN_FONT, mongolianFontReady, mongolianFontSource } from '../mongolian-font.ts';
import { ARCHIVE, buildStyle } from './style.ts';

maplibregl.setWorkerUrl(workerUrl);
let protocolAdded = false;

/**
 * MapLibre's own words (its controls' titles, the map's name for screen readers) in the page's
 * language: its `locale` option at creation, and the controls' titles when the language changes.
 */
export const MAP_WORDS = {
  'Map.Title': { zh: '地图', en: 'Map' },
  'NavigationControl.ZoomIn': { zh: '放大', en: 'Zoom in' },
  'NavigationControl.ZoomOut': { zh: '缩小', en: 'Zoom out' },
  'NavigationControl.ResetBearing': { zh: '指北（拖动可旋转、倾斜）', en: 'Reset bearing to north' },
  'AttributionControl.ToggleAttribution': { zh: '显示或隐藏数据来源', en: 'Toggle attribution' },
} as const;
export const CONTROL_OF: Record<keyof typeof MAP_WORDS, string> = {
  'Map.Title': '.maplibregl-canvas',
  'NavigationControl.ZoomIn': '.maplibregl-ctrl-zoom-in',
  'NavigationControl.ZoomOut': '.maplibregl-ctrl-zoom-out',
  'NavigationControl.ResetBearing': '.maplibregl-ctrl-compass',
  'AttributionControl.ToggleAttribution': '.maplibregl-ctrl-attrib-button',
};
const mapLocale = (lang: Lang) => Object.fromEntries(Object.entries(MAP_WORDS).map(([k, v]) => [k, v[lang]]));

/**
 * Every label layer's size: its text-size, or for the Mongolian names (images) its icon-size —
 * the catalog's, or a briefing's (BRIEFING_LABELS: 1.4× and at least 20 px, the structure and
 * the seats at least 28 px; a Mongolian name's type is MONGOLIAN_LABEL.px at icon-size 1). A
 * briefing scales the catalog's sizes (numbers, and each output of a zoom curve), so the style
 * stays the one home of sizes. `undefined`: the catalog gives the layer no size (MapLibre's 16).
 */
export function labelSizes(briefing: boolean): Map<string, { property: 'text-size' | 'icon-size'; size: unknown }> {
  const out = new Map<string, { property: 'text-size' | 'icon-size'; size: unknown }>();
  for (const { style: l } of catalogLayers(undefined, 'zh')) {
    if (l.type !== 'symbol') continue;
    if (l.id === MONGOLIAN_NAMES) {
      const size = l.layout?.['icon-size'];
      const floor = briefingMinPx(l.id) / MONGOLIAN_LABEL.px;
      out.set(l.id, { property: 'icon-size', size: briefing ? scaleSize(size, BRIEFING_LABELS.scale, floor) : size });
      continue;
    }
    const size = l.layout?.['text-size'];
    if (size === undefined && !l.layout?.['text-field']) continue; // an icon only
    out.set(l.id, {
      property: 'text-size',
      size: briefing ? scaleSize(size ?? 16, BRIEFING_LABELS.scale, briefingMinPx(l.id)) : size,
    });
  }
  return out;
}

/** A drawn map's labels at a briefing's sizes, or back at the catalog's. */
export function setLabelSizes(map: maplibregl.Map, briefing: boolean): void {
  for (const [id, { property, size }] of labelSizes(briefing))
    if (map.getLayer(id)) map.setLayoutProperty(id, property, size as number | undefined);
}

/** A style's labels at a briefing's sizes or the catalog's (a map made during a briefing; paper). */
export function withLabelSizes(style: maplibregl.StyleSpecification, briefing: boolean): maplibregl.StyleSpecification {
  const sizes = labelSizes(briefing);
  style.layers = style.layers.map((l) => {
    const set = sizes.get(l.id);
    if (l.type !== 'symbol' || !set) return l;
    const layout = { ...l.layout } as Record<string, unknown>;
    if (set.size === undefined) delete layout[set.property];
    else layout[set.property] = set.size;
    return { ...l, layout } as typeof l;
  });
  return style;
}

/** Options every map of the app shares (the main map and the compare map); `briefing`: its labels at a briefing's sizes. */
export function mapOptions(
  container: HTMLElement,
  lang: Lang,
  visible: ReadonlySet<string>,
  briefing = false,
): maplibregl.MapOptions {
  if (!protocolAdded) {
    maplibregl.addProtocol('pmtiles', archiveProtocol().tile);
    maplibregl.addProtocol(GLYPHS_PROTOCOL, glyphRange);
    protocolAdded = true;
  }
  addArchive(new URL(ARCHIVE, document.baseURI).href);
  prefetchGlyphs(document.baseURI);
  // the Mongolian names' font, fetched beside the tiles: for the names' cards, a print's PDF and
  // drawing the labels on the page if the drawing worker cannot (the worker fetches its own copy)
  if (visible.has(MONGOLIAN_NAMES)) void loadMongolianFont();
  // built at the catalog's sizes: a briefing's scale them
  const style = buildStyle({ lang, visible, base: document.baseURI });
  return {
    container,
    style: briefing ? withLabelSizes(style, true) : style,
    attributionControl: false,
    locale: mapLocale(lang),
    // labels' glyphs from the style's `glyphs` (built ahead, or drawn by a worker: glyphs.ts), none drawn here
    localIdeographFontFamily: false,
    // The style is validated by the unit tests (style-spec); validating it again here costs start-up time.
    validateStyle: false,
  };
}

/**
 * Icons are drawn from ICONS (no sprite file), and the Mongolian names in their font, when a
 * layer of a map first asks for one — in the drawing worker (draw.worker.ts: a page's first 2D
 * canvas drawing is slow, 20–350 ms here), on the page if the worker fails. MapLibre waits for
 * the image before laying out the tile, so a label's box is right the first time.
 */
export function resolveIcons(map: maplibregl.Map, sheetRatio?: () => number): void {
  const add = (id: string, raster: Raster, pixelRatio: number) => {
    if (map.style && !map.hasImage(id)) map.addImage(id, raster, { pixelRatio });
  };
  map.setMissingStyleImageResolver((id) => {
    if (id === MARKER_BOX && !map.hasImage(id)) {
      const px = MARKER_BOX_PX;
      map.addImage(id, { width: px, height: px, data: new Uint8ClampedArray(px * px * 4) });
      return;
    }
    if (id.startsWith(MONGOLIAN_ICON)) {
      const name = id.slice(MONGOLIAN_ICON.length);
      // at the map's own pixel ratio (sharp on a 3× phone and on a 300 dpi sheet), 2 at least; a
      // print map's is its sheet's (it draws new layers at ratio 1 first: render.ts)
      const ratio = Math.min(4, Math.max(2, Math.ceil(sheetRatio?.() ?? map.getPixelRatio())));
      // without the font, an empty pixel: no name rather than boxes of missing letters
      const none = () => add(id, { width: 1, height: 1, data: new Uint8ClampedArray(4) }, 1);
      return drawRaster({ kind: 'mongolian', name, ratio, font: mongolianFontSource() })
        .then((r) => add(id, r, ratio))
        .catch(() =>
          loadMongolianFont().then(() =>
            mongolianFontReady() ? add(id, rasterMongolian(name, MONGOLIAN_FONT, ratio), ratio) : none(),
          ),
        );
    }
    const def = ICONS[id as IconId];
    if (!def || map.hasImage(id)) return;
    return drawRaster({ kind: 'icon', icon: id as IconId, px: 48 })
      .catch(() => rasterIcon(def, 48))
      .then((r) => add(id, r, 2));
  });
}
