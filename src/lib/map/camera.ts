/**
 * Where the map looks: fits to what is selected or highlighted, kept clear of the card, the
 * tool panel and the phone's bottom sheets (their heights: app.css, read by lib/ui/layout.ts);
 * following a sheet that changes height; the tour's camera moves.
 */
import type * as maplibregl from 'maplibre-gl';
import type { TourCamera } from '../../contracts/tour.ts';
import type { BBox } from '../geo.ts';
import { must } from '../must.ts';
import {
  cardCover,
  coveredBottom,
  coveredByTour,
  coveredTopRight,
  coverPushes,
  isPhone,
  reducedMotion,
  sheetFraction,
} from '../ui/layout.ts';
import type { View } from '../url.ts';
import { labelMove, litDrawn, litHidden } from './lit-bounds.ts';
import { CITY_BOUNDS, FIT_MAX_ZOOM } from './view.ts';

/** How much larger (zoom levels: 0.15 ≈ 11 %) a tour step's places must show beside the caption than above it for the fit to put them there. */
const BESIDE_GAIN = 0.15;

/** A phone's fit padding (CSS px) beyond what covers the map: room for a label beside a marker, and below. */
const PHONE_PAD = { label: 40, bottom: 40, least: 80 };
/** Less map than this above the sheets (CSS px) and no fit is tried. */
const MIN_FIT_ROOM = 120;

/** A fit moves its places' labels out from under what covers the map at most this many times. */
const LABEL_TRIES = 4;
/** …keeping this far (CSS px) inside what covers the map: more than the boxes' 2 px precision (lit-bounds.ts), so that a label moved clear is seen clear. */
const LABEL_MARGIN = 6;
/** …zooming out by at most this factor each time. */
const LABEL_SHRINK = 0.7;
/** …and never further than this below the zoom that shows the whole city in the room the covers leave. */
const LABEL_BELOW_CITY = 0.5;

/** The map is where a fit put it (its centre within 2 px, its zoom within 0.05). */
function sameCamera(map: maplibregl.Map, t: maplibregl.CameraOptions): boolean {
  if (!t.center || t.zoom === undefined) return true;
  const c = map.project(t.center as maplibregl.LngLatLike);
  const { width, height } = map.getCanvas().getBoundingClientRect();
  return Math.hypot(c.x - width / 2, c.y - height / 2) < 2 && Math.abs(map.getZoom() - t.zoom) < 0.05;
}

export class Camera {
  #map: () => maplibregl.Map | null;
  #target: maplibregl.CameraOptions | null = null;

  /** told where a swipe's step puts its places: their middle, as a share of the map's width */
  #onSwipe: (at: number) => void;

  constructor(map: () => maplibregl.Map | null, onSwipe: (at: number) => void = () => {}) {
    this.#map = map;
    this.#onSwipe = onSwipe;
  }

  view(): View {
    const m = must(this.#map(), 'the map (view() before create())');
    const c = m.getCenter();
    return { zoom: m.getZoom(), center: [c.lng, c.lat], bearing: m.getBearing(), pitch: m.getPitch() };
  }

  /**
   * Fits to a bbox, keeping it clear of the card (right on a desktop, bottom on a phone) and,
   * when asked, of a tool panel (on the left, or over the lower part; at the bottom on a phone).
   */
  fitTo(b: readonly number[], card = true, panel: 'left' | 'bottom' | null = null): void {
    const map = this.#map();
    if (!map) return;
    const { width, height } = map.getCanvas().getBoundingClientRect();
    // A phone: above whatever bottom sheet is open now (and the card about to open); below the
    // legend button and left of the map's buttons, with room for a label beside a marker.
    const chrome = isPhone() ? coveredTopRight(map.getContainer()) : { top: 0, right: 0 };
    const sheets = Math.min(
      Math.max(
        coveredBottom(map.getContainer()),
        // the sheets' heights are fractions of the screen's (app.css), not of the map's
        card ? cardCover(map.getContainer()) : 0,
        panel ? Math.round(innerHeight * sheetFraction(panel === 'bottom' ? 'table' : 'tool')) : 0,
      ),
      height - 140,
    );
    // Where the room above the sheets is too small for the margins, the margins give way
    // (a place under the legend's button beats a place under the card).
    const roomy = height - sheets - chrome.top - PHONE_PAD.label - PHONE_PAD.bottom >= PHONE_PAD.least;
    const padding = isPhone()
      ? {
          top: roomy ? Math.max(chrome.top, 24) + PHONE_PAD.label : 8,
          left: PHONE_PAD.label,
          right: chrome.right + PHONE_PAD.label,
          bottom: sheets + (roomy ? PHONE_PAD.bottom : 8),
        }
      : {
          top: 50,
          left: panel === 'left' ? Math.min(Math.round(width * 0.4), 380) : 50,
          bottom: panel === 'bottom' ? Math.round(height * sheetFraction('table')) + 20 : 50,
          right: card ? Math.min(Math.round(width * 0.45), 480) : 50,
        };
    // A point gets a small box around it (easeTo's padding would stick to the camera).
    const d = b[0] === b[2] && b[1] === b[3] ? 0.08 : 0;
    const bounds: [[number, number], [number, number]] = [
      [b[0] - d, b[1] - d],
      [b[2] + d, b[3] + d],
    ];
    const target = map.cameraForBounds(bounds, { padding, maxZoom: 10 });
    const fit = { b, card, panel, covered: coveredBottom(map.getContainer()), target: target ?? null };
    this.#lastFit = fit;
    this.#pan = null;
    this.#step = null;
    this.#watch(map);
    this.#fitting = true;
    map.fitBounds(bounds, { padding, maxZoom: 10, duration: reducedMotion() ? 0 : 600 });
    // the margins allow for a label beside a marker; a longer label, or one the map placed on
    // the far side, is drawn out from under what covers it (the fit stays the fit: its camera moves)
    this.#clearLabels(
      map,
      () => this.#lastFit === fit,
      (t) => {
        fit.target = t;
      },
    );
  }

  /**
   * Once the map has drawn a fit, moves it so that the highlighted places' labels and markers
   * (as the map placed them: a longer label, or one placed on the far side, runs past the fit's
   * margins) lie where nothing covers them (coverPushes) and inside the map's edges: shifted the
   * way they are pushed, zoomed out where they are pushed both ways (labelMove; a step at a
   * time, never much past the whole city). Tried again after the move (the map may place the
   * labels anew); stops when `current` says the fit is no longer the one shown (the user
   * moved the map, another fit came).
   */
  #clearLabels(map: maplibregl.Map, current: () => boolean, moved: (t: maplibregl.CameraOptions) => void): void {
    // while it settles, the map says so (aria-busy): what a test, or a screen reader, waits for
    const token = {};
    this.#settling = token;
    map.getContainer().setAttribute('aria-busy', 'true');
    const done = () => {
      if (this.#settling !== token) return; // a later fit settles the map now
      this.#settling = null;
      map.getContainer().removeAttribute('aria-busy');
    };
    const step = (left: number) =>
      map.once('idle', async () => {
        const next = left > 0 && current() ? await this.#labelMove(map, current).catch(() => null) : null;
        // measured while the map moved or was resized (a sheet's header line folding): again, once drawn
        if (next === 'again' && current()) return step(left - 1);
        if (!next || next === 'again' || !current()) return done();
        map.once('moveend', () => {
          moved(next);
          step(left - 1);
        });
        this.#fitting = true;
        map.easeTo({ ...next, duration: reducedMotion() ? 0 : 250 });
      });
    step(LABEL_TRIES);
  }

  /** The fit's label check under way (its token), if any. */
  #settling: object | null = null;

  /** Where the map should move for the lit places' labels to be seen (see #clearLabels), or null: they are, or no move helps. */
  async #labelMove(
    map: maplibregl.Map,
    current: () => boolean,
  ): Promise<{ center: [number, number]; zoom: number } | 'again' | null> {
    // a tilted map does not scale evenly about a point: left as it is
    if (map.getPitch() > 5) return null;
    const covers = coverPushes(map.getContainer());
    if (!litHidden(map, covers)) return null; // the common case: a dozen queries
    // the boxes are measured a symbol at a time: a map moved or resized meanwhile starts over
    const view = () => {
      const { width, height } = map.getCanvas().getBoundingClientRect();
      return `${map.getCenter().toString()} ${map.getZoom()} ${width}×${height}`;
    };
    const still = view();
    const drawn = await litDrawn(map, () => current() && !map.isMoving() && view() === still);
    if (!drawn) return 'again';
    const { width, height } = map.getCanvas().getBoundingClientRect();
    const move = labelMove(drawn, covers, width, height, LABEL_MARGIN);
    if (!move) return null;
    // never much smaller than the whole city in the height the sheets and bars leave, nor by more than a step at a time
    const room = { top: 0, right: 0, bottom: 0, left: 0 };
    for (const c of covers) {
      if (c.push === 'up') room.bottom = Math.max(room.bottom, height - c.y0);
      else if (c.push === 'down') room.top = Math.max(room.top, c.y1);
    }
    if (height - room.top - room.bottom < 40) return null; // a sheet at full height: nothing to fit into
    const city = map.cameraForBounds(CITY_BOUNDS, { padding: room })?.zoom ?? map.getMinZoom();
    const least = Math.max(map.getMinZoom(), Math.min(map.getZoom(), city - LABEL_BELOW_CITY));
    const s = Math.max(move.s, LABEL_SHRINK, 2 ** (least - map.getZoom()));
    const { around: p, d } = move;
    if (s === 1 && Math.hypot(d.x, d.y) < 1) return null;
    // a screen point q goes to p + s·(q − p) + d: the one that goes to the middle is the new centre
    const c = map.unproject([p.x + (width / 2 - p.x - d.x) / s, p.y + (height / 2 - p.y - d.y) / s]);
    return { center: [c.lng, c.lat], zoom: map.getZoom() + Math.log2(s) };
  }

  #lastFit: {
    b: readonly number[];
    card: boolean;
    panel: 'left' | 'bottom' | null;
    /** the sheets' cover the fit kept clear of (CSS px) */
    covered: number;
    /** where the fit put the camera: a map elsewhere has been moved by the user */
    target: maplibregl.CameraOptions | null;
  } | null = null;

  /** A fit's own move is under way (cleared when it ends). */
  #fitting = false;
  #watching: maplibregl.Map | null = null;
  /** A move the user makes (drag, pinch, wheel, keys) leaves the last fit behind: no refit after it. */
  #watch(map: maplibregl.Map): void {
    if (this.#watching === map) return;
    this.#watching = map;
    map.on('movestart', (e) => {
      if ((e as { originalEvent?: unknown }).originalEvent) {
        this.#lastFit = null;
        this.#step = null;
        this.#pan = null;
      }
    });
    map.on('moveend', () => {
      this.#fitting = false;
    });
    // a phone's map resized under a fit (the header's line folds or comes back with a sheet):
    // the fit is made again for the map's new size, unless the user has moved it since
    map.on('resize', () => {
      const last = this.#lastFit;
      if (!last || !isPhone() || this.#fitting) return;
      if (last.target && !sameCamera(map, last.target)) return;
      this.fitTo(last.b, last.card, last.panel);
    });
  }

  /**
   * A bottom sheet changed height, opened or closed (phone): what the map last fitted to is
   * fitted again to the map the sheets now leave — above a sheet that rose, into the room a
   * sheet that went down or closed gives back. A map the user has moved since is left alone.
   */
  followSheet(): void {
    const map = this.#map();
    const last = this.#lastFit;
    if (!map || !last || !isPhone()) return;
    const covered = coveredBottom(map.getContainer());
    if (Math.abs(covered - last.covered) < 24) return;
    // a sheet at full height leaves nothing to fit into: the fit waits for it to come down
    if (map.getContainer().getBoundingClientRect().height - covered < MIN_FIT_ROOM) return;
    // moved elsewhere since (by the user, or a pan to a clicked place): left alone
    if (!this.#fitting && last.target && !sameCamera(map, last.target)) return;
    this.fitTo(last.b, false, null);
  }

  /** Forgets the last fit (the selection or highlight it was for is gone). */
  forgetFit(): void {
    this.#lastFit = null;
  }

  /**
   * On a phone the card covers the lower part of the map: bring a clicked spot above it — in
   * the next frame, once the layout has taken the card (the first view's line folds away and
   * the map grows: its new size is read first, or the pan would depend on which came first).
   */
  keepAboveSheet(point: maplibregl.Point): void {
    const map = this.#map();
    if (!map || !isPhone()) return;
    this.#lastFit = null; // the clicked place is what the map now keeps in view, not the last fit
    this.#watch(map);
    const pan = {};
    this.#pan = pan;
    const at = map.unproject(point);
    requestAnimationFrame(() => {
      map.resize();
      const p = map.project(at);
      const height = map.getCanvas().getBoundingClientRect().height;
      const visible = height - Math.max(coveredBottom(map.getContainer()), cardCover(map.getContainer()));
      if (p.y >= visible - 40) map.panBy([0, p.y - visible / 2], { duration: reducedMotion() ? 0 : 400 });
      // then its labels (a Mongolian name stands tall above its seat) drawn out from under the
      // bars and the card, as after a fit — unless the user moves the map, or a fit comes
      this.#clearLabels(
        map,
        () => this.#pan === pan,
        () => {},
      );
    });
  }

  /** The pan keepAboveSheet made, while its label check may still move the map. */
  #pan: object | null = null;

  /** keepAboveSheet for a place's box: its middle brought above the card (phone). */
  keepBoxAboveSheet(b: readonly number[]): void {
    const map = this.#map();
    if (!map || !isPhone()) return;
    this.keepAboveSheet(map.project([(b[0] + b[2]) / 2, (b[1] + b[3]) / 2]));
  }

  resetView(): void {
    this.#lastFit = null;
    this.#pan = null;
    this.#step = null;
    this.#map()?.fitBounds(CITY_BOUNDS, { padding: 24, bearing: 0, pitch: 0, duration: 500 });
  }

  /**
   * Moves the camera to a tour step. A move still running is finished at once (jump to its
   * end) before the next begins; with prefers-reduced-motion every move is instant.
   */
  async flyTo(cam: TourCamera, bbox: BBox | null, animate: boolean, clearLabels = true, swipe = false): Promise<void> {
    const map = this.#map();
    if (!map) return;
    this.#pan = null;
    map.resize(); // presenter mode may have just changed the layout
    if (map.isMoving()) {
      map.stop();
      if (this.#target) map.jumpTo(this.#target);
    }
    const { height } = map.getCanvas().getBoundingClientRect();
    const extra = 'fit' in cam ? (cam.padding ?? 40) : 0;
    // a phone: between the tour's tools and its caption (as they are now), clear of the map's buttons
    const tour = isPhone() ? coveredByTour(map.getContainer()) : null;
    const right = isPhone() ? coveredTopRight(map.getContainer()).right : 0;
    const paddings = tour
      ? [
          {
            top: tour.top + 16,
            left: 24,
            right: right + 16,
            bottom: Math.min(tour.bottom, height - tour.top - 120) + 16,
          },
        ]
      : deskPaddings(map, height, extra);
    let target: maplibregl.CameraOptions | undefined;
    // where a swipe's divider goes: the middle of the places fitted, else of the map (a step that names its centre)
    let at = 0.5;
    if ('fit' in cam && bbox) {
      // the free area that shows the places largest: above the caption (the first: the places in
      // the middle of the screen), or beside it when that shows them clearly larger (BESIDE_GAIN) —
      // beside by a hair, they sat at the right edge with the left half of the screen empty
      let chosen = paddings[0];
      paddings.forEach((padding, i) => {
        const t = map.cameraForBounds(
          [
            [bbox[0], bbox[1]],
            [bbox[2], bbox[3]],
          ],
          { padding, bearing: cam.bearing ?? 0, pitch: cam.pitch ?? 0, maxZoom: FIT_MAX_ZOOM },
        );
        const gain = i === 0 ? 0 : BESIDE_GAIN;
        if (t && (!target || (t.zoom ?? 0) > (target.zoom ?? 0) + gain)) [target, chosen] = [t, padding];
      });
      // a swipe divides its places in the middle
      const width = swipe ? map.getCanvas().getBoundingClientRect().width : 0;
      const [left, right] = [chosen.left ?? 0, chosen.right ?? 0];
      if (width) at = (left + (width - left - right) / 2) / width;
      if (target) target = { ...target, bearing: cam.bearing ?? 0, pitch: cam.pitch ?? 0 };
    } else if ('center' in cam) {
      target = { center: cam.center, zoom: cam.zoom, bearing: cam.bearing ?? 0, pitch: cam.pitch ?? 0 };
    }
    if (swipe) this.#onSwipe(at);
    if (!target) return;
    this.#target = target;
    const step = {};
    this.#step = step;
    this.#lastFit = null; // a tour's step is what the map shows now
    this.#watch(map);
    // a step fitted to its places keeps their labels clear of the tools and the caption too
    const clear = () => {
      if ('fit' in cam && clearLabels)
        this.#clearLabels(
          map,
          () => this.#step === step,
          (t) => {
            if (this.#step === step) this.#target = { ...this.#target, ...t };
          },
        );
    };
    if (!animate || reducedMotion()) {
      map.jumpTo(target);
      clear();
      return;
    }
    await new Promise<void>((resolve) => {
      map.once('moveend', () => resolve());
      map.flyTo({ ...target, duration: 1600, essential: true });
    });
    clear();
  }

  /** The tour step the camera last moved to (its label check stops when another comes). */
  #step: object | null = null;
}

/**
 * A desk's tour step fits its places into the map the caption and the tools leave free: above
 * the caption across the width, or beside it down the height (the fit takes whichever shows
 * them larger; a swipe's divider then goes to the middle of the places). Before the caption is
 * drawn, its usual share of the height. (A handout's page frames them on its own map: print/render.ts `fit`.)
 */
function deskPaddings(map: maplibregl.Map, height: number, extra: number): maplibregl.PaddingOptions[] {
  const e = extra;
  const tour = coveredByTour(map.getContainer());
  const top = Math.max(60, tour.toolsBottom + 16) + e;
  if (!tour.bottom || !tour.captionRight)
    return [{ top, left: 40 + e, right: 60 + e, bottom: Math.round(height * 0.28) + e }];
  const above = { top, left: 40 + e, right: 60 + e, bottom: tour.bottom + 16 + e };
  return [above, { top, left: tour.captionRight + 24 + e, right: 60 + e, bottom: 40 + e }];
}
