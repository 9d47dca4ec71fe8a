/**
 * The map rendered for paper or an image: a second, hidden map with the main map's current
 * style (its layers, language, measurements and queries), sized in CSS pixels as the paper
 * is at 96 px per inch and drawn at `pixelRatio` (300 dpi on paper: 3.125), so labels keep
 * their size in millimetres. MapLibre's maxCanvasSize is raised to 8192 px a side: the
 * largest print (A3 at 300 dpi) is ≈ 3 700 × 3 500 px, drawn in one go, not in tiles.
 *
 * The drawing is handed over as an ImageBitmap (a copy the GPU makes), not encoded here:
 * encoding 30 MB of pixels blocked the page for 3.9 s (canvas.toBlob on a WebGL canvas).
 * The print worker (print.worker.ts) encodes it and composes the page.
 */
import * as maplibregl from 'maplibre-gl';
import { FONT_STACK, MONGOLIAN_NAMES } from '../map/catalog.ts';
import { resolveIcons, withLabelSizes } from '../map/map-options.ts';
import { mongolianFontReady } from '../mongolian-font.ts';
import { distanceM } from '../geodesy.ts';
import { gpuDrained, hideForReveal, reveal, settled } from '../map/gpu.ts';
import { nextTask } from '../next-task.ts';
import type { BBox } from '../geo.ts';
import { FIT_MAX_ZOOM } from '../map/view.ts';

export const MAX_CANVAS = 8192;
/** A print map that neither draws a frame nor loads a tile for this long has stopped: said, not waited on. */
export const STALL_MS = 45_000;

export interface RenderedMap {
  bitmap: ImageBitmap;
  /** device pixels */
  width: number;
  height: number;
  /** metres per CSS pixel across the centre of the map */
  metresPerCssPx: number;
  bearing: number;
  /** CSS pixels across (the page's units for `mongolian`) */
  cssWidth: number;
  /** the Mongolian names the map placed, left for the PDF to write as text (RenderOptions.mongolianText) */
  mongolian?: MongolianLabel[];
}

/** A Mongolian name the print map placed: its seat in CSS px from the map's top left, and its icon-size. */
export interface MongolianLabel {
  name: string;
  x: number;
  y: number;
  size: number;
}

export type FeatureStates = {
  ref: { source: string; sourceLayer: string; id: string };
  state: Record<string, boolean | number>;
}[];

/**
 * A fitted sheet's margins round its places, in CSS pixels of paper (10–18 mm): room for a lit
 * place's ring, and for its name beside or under it (a name placed under a place at the foot).
 */
const FIT_MARGIN = { top: 40, left: 60, right: 60, bottom: 68 };

/** Metres on paper per CSS pixel (96 to the inch). */
export const PAPER_M_PER_CSS_PX = 0.0254 / 96;

/** Ground metres per CSS pixel across the middle half of the map, on the ellipsoid. */
function groundPerCssPx(map: maplibregl.Map, cssWidth: number, cssHeight: number): number {
  const mid = cssHeight / 2;
  const a = map.unproject([cssWidth * 0.25, mid]),
    c = map.unproject([cssWidth * 0.75, mid]);
  return distanceM([a.lng, a.lat], [c.lng, c.lat]) / (cssWidth * 0.5);
}

/** The print map's frame, as symbols: the id of its source, layer and (empty) icon. */
const FRAME = 'print-frame';

/**
 * Keeps every label whole inside the sheet's frame: MapLibre places a label that runs off the
 * canvas and cuts it there, so the frame is lined, 2 px inside, with empty icons a few pixels
 * apart that take part in the labels' collisions (placed first: the layer is added on top). A
 * label that would cross the frame collides with them and is left out, or placed on its other side.
 */
function frameLabels(map: maplibregl.Map, cssWidth: number, cssHeight: number): void {
  const i = 2;
  const ring = [
    [i, i],
    [cssWidth - i, i],
    [cssWidth - i, cssHeight - i],
    [i, cssHeight - i],
    [i, i],
  ].map(([x, y]) => map.unproject([x, y]).toArray());
  if (!map.hasImage(FRAME)) map.addImage(FRAME, { width: 6, height: 6, data: new Uint8Array(6 * 6 * 4) });
  if (map.getLayer(FRAME)) map.removeLayer(FRAME);
  if (map.getSource(FRAME)) map.removeSource(FRAME);
  map.addSource(FRAME, {
    type: 'geojson',
    data: { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: ring } },
  });
  map.addLayer({
    id: FRAME,
    type: 'symbol',
    source: FRAME,
    layout: {
      'symbol-placement': 'line',
      'symbol-spacing': 3,
      'icon-image': FRAME,
      'icon-allow-overlap': true,
      'icon-rotation-alignment': 'map',
      'icon-keep-upright': false,
    },
  });
}

/** Cancelled by the user: the message callers do not show as an error. */
export const cancelled = () => new DOMException('cancelled', 'AbortError');
export const isCancel = (e: unknown) => e instanceof DOMException && e.name === 'AbortError';

export interface RenderOptions {
  /** print to a scale, 1:`scale` on paper at the map's centre; else the main map's view is fitted */
  scale?: number;
  /**
   * The places to frame on the sheet itself (a tour step's "fit" camera and its lit places),
   * within FIT_MARGIN; else the main map's view is fitted (for a fitted step, a sheet of another
   * shape than the screen showed them small, off to a side).
   */
  fit?: { bbox: BBox; bearing?: number; pitch?: number };
  states?: FeatureStates;
  signal?: AbortSignal;
  /** tiles loaded so far and tiles asked for (the progress of the drawing) */
  onTiles?: (loaded: number, wanted: number) => void;
  /**
   * The Mongolian names placed (they keep their room among the labels) but not drawn: a PDF
   * writes them as text in their font, which a reader can select and search; an image draws them.
   */
  mongolianText?: boolean;
}

/** The Mongolian names kept in the collisions but not drawn: a PDF writes them (`placedMongolian`). */
function hideMongolian(style: maplibregl.StyleSpecification): void {
  style.layers = style.layers.map((l) =>
    l.id === MONGOLIAN_NAMES && l.type === 'symbol' ? { ...l, paint: { ...l.paint, 'icon-opacity': 0 } } : l,
  );
}

/** The Mongolian names the map placed, where their seats are, once each (a name is in every tile that holds its seat). */
function placedMongolian(map: maplibregl.Map): MongolianLabel[] {
  // without the font the map placed empty stand-ins (map-options.ts), which hold no room
  if (!map.getLayer(MONGOLIAN_NAMES) || !mongolianFontReady()) return [];
  const seen = new Map<string, MongolianLabel>();
  for (const f of map.queryRenderedFeatures({ layers: [MONGOLIAN_NAMES] })) {
    const name = f.properties.unit_mn;
    if (typeof name !== 'string' || seen.has(name) || f.geometry.type !== 'Point') continue;
    const at = map.project(f.geometry.coordinates as [number, number]);
    const size = (f.layer.layout as Record<string, unknown> | undefined)?.['icon-size'];
    seen.set(name, { name, x: at.x, y: at.y, size: typeof size === 'number' ? size : 1 });
  }
  return [...seen.values()];
}

/**
 * One hidden print map for the page's life, kept between prints at 1 × 1 CSS pixel: making
 * and removing a WebGL map the size of a sheet blocked the page ≈ 0.85 s (getContext) and
 * ≈ 2.5 s (remove, which loses the context) per print — per page of a handout. Kept, it
 * also keeps its compiled shaders. Renders take turns (`queue`).
 */
interface PrintMap {
  map: maplibregl.Map;
  host: HTMLDivElement;
  /** the job now drawing: where the map's errors and lost context go */
  job: ((e: Error) => void) | null;
  /**
   * its layers' shader programs linked (the first print's reveal done): a first print cancelled
   * while they were being linked leaves it to the next
   */
  linked: boolean;
  /** the pixel ratio of the sheet being drawn (the Mongolian names' images are drawn at it) */
  ratio: number;
}
let printMap: PrintMap | null = null;
let queue: Promise<unknown> = Promise.resolve();

function makePrintMap(style: maplibregl.StyleSpecification, pixelRatio: number): PrintMap {
  const host = document.createElement('div');
  host.style.cssText = 'position:fixed;left:-200px;top:0;width:1px;height:1px;visibility:hidden;pointer-events:none';
  host.setAttribute('aria-hidden', 'true');
  document.body.appendChild(host);
  const map = new maplibregl.Map({
    container: host,
    style,
    pixelRatio,
    maxCanvasSize: [MAX_CANVAS, MAX_CANVAS],
    canvasContextAttributes: { preserveDrawingBuffer: true, antialias: false },
    interactive: false,
    attributionControl: false,
    fadeDuration: 0,
    // Chinese on paper from the page's own glyphs, drawn at twice the built ones' size: a 300 dpi
    // sheet draws a 12 px label at 37 device px, which the 24 px glyphs built for screens
    // (map/glyphs.ts) would blur, and whose softer edges grow the handout's images past 2 MB
    localIdeographFontFamily: FONT_STACK,
    validateStyle: false,
    trackResize: false,
  });
  const pm: PrintMap = { map, host, job: null, linked: false, ratio: pixelRatio };
  // the Mongolian names' images at the sheet's ratio, not the map's while it links new layers (≤ 1)
  resolveIcons(map, () => pm.ratio);
  // A listener for every error (none is logged as unhandled); one outside a print is dropped.
  map.on('error', (e) => pm.job?.(e.error instanceof Error ? e.error : new Error(e.error.message)));
  map.on('webglcontextlost', () => {
    pm.job?.(new Error('the graphics context was lost while drawing the print; try a smaller paper or image'));
    // Let go of it whole (its canvas and buffers): the next print makes a new map.
    if (printMap === pm) printMap = null;
    setTimeout(() => {
      map.remove();
      host.remove();
    }, 0);
  });
  return pm;
}

/**
 * Renders what the main map shows into a `cssWidth` × `cssHeight` box at `pixelRatio`, with
 * the selected and highlighted features lit as they are on screen (`states`).
 */
export function renderMap(
  main: maplibregl.Map,
  cssWidth: number,
  cssHeight: number,
  pixelRatio: number,
  o: RenderOptions = {},
): Promise<RenderedMap> {
  const run = queue.then(() => draw(main, cssWidth, cssHeight, pixelRatio, o));
  queue = run.catch(() => {});
  return run;
}

async function draw(
  main: maplibregl.Map,
  cssWidth: number,
  cssHeight: number,
  pixelRatio: number,
  o: RenderOptions,
): Promise<RenderedMap> {
  if (o.signal?.aborted) throw cancelled();
  // an imported layer still waiting to be shown on the main map (gpu.ts showSettled) is on the sheet
  await settled(main);
  if (o.signal?.aborted) throw cancelled();
  const style = main.getStyle();
  // labels on paper at the catalog's sizes: a briefing's (for the back of a room) are not carried onto a sheet
  withLabelSizes(style, false);
  // (on a tilted map the names' images are scaled by perspective: they stay images there)
  const mongolianText = !!o.mongolianText && main.getPitch() < 1;
  if (mongolianText) hideMongolian(style);
  const fresh = !printMap;
  // The first print links the map's shader programs, each link blocking the page: all in one frame
  // blocked it 350 ms and more. Its layers are shown a few per frame, at one device pixel per CSS
  // pixel (below), first. (Not again for a later print's new layers: sizing the sheet's canvas
  // down and up again for them blocked a handout's pages 215–317 ms, more than their links.)
  const linking = !printMap?.linked;
  const hidden = linking ? hideForReveal(style) : [];
  if (!printMap) {
    // A WebGL context is made by a call that waits for the GPU process: while that is still
    // drawing the main map's last frames (software GL: 200 ms and more), the page would wait too.
    await gpuDrained();
    if (o.signal?.aborted) throw cancelled();
    printMap = makePrintMap(style, pixelRatio);
    // Making the WebGL context and sizing it to the sheet are two tasks, not one.
    await nextTask();
  }
  const pm = printMap;
  pm.ratio = pixelRatio;
  const { map, host } = pm;
  // a kept print map sized to another sheet below (a canvas of many megapixels): once the GPU has
  // drawn what both maps gave it (a new one was made once it had; its 'load' is listened for below)
  const resized =
    host.style.width !== `${cssWidth}px` ||
    host.style.height !== `${cssHeight}px` ||
    map.getPixelRatio() !== pixelRatio;
  if (!fresh && (resized || linking)) {
    await gpuDrained();
    if (o.signal?.aborted) throw cancelled();
  }
  let stall: ReturnType<typeof setTimeout> | undefined;
  let stop = () => {};
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (e: Error) => {
        stop();
        reject(e);
      };
      const alive = () => {
        clearTimeout(stall);
        stall = setTimeout(
          () => fail(new Error(`the print map stopped drawing (nothing drawn or loaded for ${STALL_MS / 1000} s)`)),
          STALL_MS,
        );
      };
      let wanted = 0,
        loaded = 0;
      const isTile = (e: maplibregl.MapSourceDataEvent | maplibregl.MapStyleDataEvent) =>
        e.dataType === 'source' && 'tile' in e && !!e.tile;
      const onData = (e: maplibregl.MapSourceDataEvent | maplibregl.MapStyleDataEvent) => {
        alive();
        if (isTile(e)) o.onTiles?.(++loaded, Math.max(wanted, loaded));
      };
      const onLoading = (e: maplibregl.MapSourceDataEvent | maplibregl.MapStyleDataEvent) => {
        alive();
        if (isTile(e)) o.onTiles?.(loaded, ++wanted);
      };
      const onAbort = () => fail(cancelled());
      const drawn = () => {
        stop();
        resolve();
      };
      const ready = async () => {
        frameLabels(map, cssWidth, cssHeight);
        await reveal(map, hidden, () => over); // cancelled or failed: the next print sets its own style
        if (linking) {
          // their programs linked, the sheet's full resolution (the GPU's drawing of the small frames done first)
          await gpuDrained();
          if (over) return;
          pm.linked = true;
          map.setPixelRatio(pixelRatio);
        }
        if (over) return;
        for (const s of o.states ?? []) map.setFeatureState(s.ref, s.state);
        map.once('idle', drawn);
        map.triggerRepaint();
      };
      let over = false;
      stop = () => {
        over = true;
        clearTimeout(stall);
        if (pm.job === fail) pm.job = null;
        map.off('idle', drawn);
        map.off('render', alive);
        map.off('data', onData);
        map.off('dataloading', onLoading);
        map.off('load', ready);
        map.off('style.load', ready);
        o.signal?.removeEventListener('abort', onAbort);
      };
      // Cancelled while the print map was being made: nothing is drawn.
      if (o.signal?.aborted) return fail(cancelled());
      pm.job = fail;
      alive();
      map.on('render', alive);
      map.on('data', onData);
      map.on('dataloading', onLoading);
      o.signal?.addEventListener('abort', onAbort);
      // The sheet's size, then the main map's view fitted into it, then its style.
      host.style.width = `${cssWidth}px`;
      host.style.height = `${cssHeight}px`;
      host.style.left = `-${cssWidth + 100}px`;
      // New layers link their shaders at one device pixel per CSS pixel, not the sheet's ratio: a
      // program's link waits for the GPU process to draw what it was given first, a layer over a
      // sheet of 8 megapixels.
      map.setPixelRatio(linking ? Math.min(1, pixelRatio) : pixelRatio);
      map.resize();
      // the step's places with their margins, or the main map's view
      const b = main.getBounds();
      const [w, s, e, n] = o.fit?.bbox ?? [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
      map.fitBounds(
        [
          [w, s],
          [e, n],
        ],
        o.fit
          ? {
              duration: 0,
              padding: FIT_MARGIN,
              bearing: o.fit.bearing ?? 0,
              pitch: o.fit.pitch ?? 0,
              maxZoom: FIT_MAX_ZOOM,
            }
          : { duration: 0, padding: 0, bearing: main.getBearing(), pitch: main.getPitch() },
      );
      if (o.scale) {
        // Centred where the main map is, zoomed so that a CSS pixel on paper is `scale` of its
        // ground length — measured on the ellipsoid, then corrected once (Web Mercator's sphere
        // is ≈ 0.2 % off at these latitudes).
        map.jumpTo({ center: main.getCenter() });
        const target = o.scale * PAPER_M_PER_CSS_PX;
        for (let i = 0; i < 2; i++)
          map.setZoom(map.getZoom() + Math.log2(groundPerCssPx(map, cssWidth, cssHeight) / target));
      }
      if (fresh) map.once('load', ready);
      else {
        map.once('style.load', ready);
        map.setStyle(style, { diff: false });
      }
    });
    // out of the print map's frame (its 'idle' resolved the wait inside it): the copy and the
    // placed names in a task of their own
    await nextTask();
    const canvas = map.getCanvas();
    const bitmap = await createImageBitmap(canvas);
    return {
      bitmap,
      width: canvas.width,
      height: canvas.height,
      metresPerCssPx: groundPerCssPx(map, cssWidth, cssHeight),
      bearing: map.getBearing(),
      cssWidth,
      ...(mongolianText ? { mongolian: placedMongolian(map) } : {}),
    };
  } finally {
    stop();
  }
}

/**
 * Back to 1 × 1: the sheet-sized drawing buffers are let go — when the Print tool closes and
 * after a handout, not after each print: sizing the canvas up again blocked the page 200–300 ms
 * (software GL), and shrinking while the GPU still draws the sheet waits for it (1.2 s).
 */
export function releasePrintMap(): void {
  const pm = printMap;
  if (!pm) return;
  queue = queue
    .then(() => {
      pm.host.style.width = '1px';
      pm.host.style.height = '1px';
      pm.host.style.left = '-200px';
      pm.map.resize();
    })
    .catch(() => {}); // (a map already let go)
}
