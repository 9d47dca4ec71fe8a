/**
 * The map rendered for paper or an image: a second, hidden map with the main map's current
 * style (its layers, language, measurements and queries), sized in CSS pixels as the paper
 * is at 96 px per inch and drawn at `pixelRatio` (300 dpi on paper: 3.125), so labels keep
 * their size in millimetres. MapLibre's maxCanvasSize is raised to 8192 px a side: the
 * largest print (A3 at 300 dpi) is ≈ 3 700 × 3 500 px, drawn in one go, not in tiles.
 */
import * as maplibregl from 'maplibre-gl';
import { FONT_STACK } from '../map/catalog.ts';
import { resolveIcons } from '../map/map-options.ts';
import { distanceM } from '../geodesy.ts';

export const MAX_CANVAS = 8192;

export interface RenderedMap {
  png: Uint8Array;
  /** device pixels */
  width: number;
  height: number;
  /** metres per CSS pixel across the centre of the map */
  metresPerCssPx: number;
  bearing: number;
}

export type FeatureStates = {
  ref: { source: string; sourceLayer: string; id: string };
  state: Record<string, boolean>;
}[];

/**
 * Renders what the main map shows into a `cssWidth` × `cssHeight` box at `pixelRatio`, with
 * the selected and highlighted features lit as they are on screen (`states`).
 */
export async function renderMap(
  main: maplibregl.Map,
  cssWidth: number,
  cssHeight: number,
  pixelRatio: number,
  states: FeatureStates = [],
): Promise<RenderedMap> {
  const host = document.createElement('div');
  host.style.cssText = `position:fixed;left:-${cssWidth + 100}px;top:0;width:${cssWidth}px;height:${cssHeight}px;visibility:hidden;pointer-events:none`;
  document.body.appendChild(host);
  const b = main.getBounds();
  const map = new maplibregl.Map({
    container: host,
    style: main.getStyle(),
    pixelRatio,
    maxCanvasSize: [MAX_CANVAS, MAX_CANVAS],
    canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
    interactive: false,
    attributionControl: false,
    fadeDuration: 0,
    localIdeographFontFamily: FONT_STACK,
    validateStyle: false,
    bounds: [
      [b.getWest(), b.getSouth()],
      [b.getEast(), b.getNorth()],
    ],
    bearing: main.getBearing(),
    pitch: main.getPitch(),
  });
  resolveIcons(map);
  try {
    await new Promise<void>((resolve, reject) => {
      map.once('load', () => {
        for (const s of states) map.setFeatureState(s.ref, s.state);
        map.once('idle', () => resolve());
      });
      map.on('error', (e) => reject(e.error)); // (a listener for every error: none is logged as unhandled)
    });
    const canvas = map.getCanvas();
    const blob = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((x) => (x ? resolve(x) : reject(new Error('the map could not be encoded as PNG'))), 'image/png'),
    );
    const mid = cssHeight / 2;
    const a = map.unproject([cssWidth * 0.25, mid]),
      c = map.unproject([cssWidth * 0.75, mid]);
    return {
      png: new Uint8Array(await blob.arrayBuffer()),
      width: canvas.width,
      height: canvas.height,
      metresPerCssPx: distanceM([a.lng, a.lat], [c.lng, c.lat]) / (cssWidth * 0.5),
      bearing: map.getBearing(),
    };
  } finally {
    map.remove();
    host.remove();
  }
}
