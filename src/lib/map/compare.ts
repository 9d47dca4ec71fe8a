/**
 * A second map for comparing two layer sets (swipe): same options as the main map, follows
 * the main map's camera, takes no input. Made once for the page's life and kept between
 * swipes (like the print map): making one cost ≈ 0.6 s in getContext and ≈ 1 s of shader
 * links (software GL), on every visit to a tour's swipe step and every opening of Compare;
 * removing it lost the context. Kept, a swipe sets its style (diffed) and size instead.
 */
import * as maplibregl from 'maplibre-gl';
import { reportMapError } from './errors.ts';
import type { Lang } from '../../contracts/vocab.ts';
import { mapOptions, resolveIcons } from './map-options.ts';

export interface CompareMap {
  map: maplibregl.Map;
  destroy(): void;
}

/** The compare map between swipes: its own container, parked off screen at its last size. */
let kept: { map: maplibregl.Map; host: HTMLDivElement } | null = null;
let parking: HTMLDivElement | null = null;

function park(host: HTMLDivElement): void {
  const { width, height } = host.getBoundingClientRect();
  if (!parking) {
    parking = document.createElement('div');
    parking.setAttribute('aria-hidden', 'true');
    document.body.appendChild(parking);
  }
  // the same size as it was: no canvas is sized anew (or to nothing) while it waits
  parking.style.cssText = `position:fixed;left:-${Math.ceil(width) + 100}px;top:0;width:${width}px;height:${height}px;visibility:hidden;pointer-events:none`;
  parking.appendChild(host);
}

export function createCompareMap(
  main: maplibregl.Map,
  container: HTMLElement,
  visible: readonly string[],
  lang: Lang,
  exposeForTests: boolean,
): CompareMap {
  const camera = () => ({
    center: main.getCenter(),
    zoom: main.getZoom(),
    bearing: main.getBearing(),
    pitch: main.getPitch(),
  });
  let map: maplibregl.Map;
  let host: HTMLDivElement;
  if (kept) {
    ({ map, host } = kept);
    kept = null;
    container.appendChild(host);
    map.setStyle(mapOptions(host, lang, new Set(visible)).style as maplibregl.StyleSpecification, { diff: true });
    map.resize();
    map.jumpTo(camera());
  } else {
    host = document.createElement('div');
    host.style.cssText = 'position:absolute;inset:0';
    container.appendChild(host);
    map = new maplibregl.Map({ ...mapOptions(host, lang, new Set(visible)), ...camera(), interactive: false });
    resolveIcons(map);
    // A compare map hidden while it loads (a tour stepping on) aborts its requests: the
    // reporter drops those and reports anything else.
    map.on('error', (e) => reportMapError('compare map', e.error));
  }
  const sync = () => map.jumpTo(camera());
  main.on('move', sync);
  const hook = window as unknown as { __compare?: maplibregl.Map };
  if (exposeForTests) hook.__compare = map;
  let gone = false;
  return {
    map,
    destroy() {
      if (gone) return;
      gone = true;
      main.off('move', sync);
      park(host);
      kept = { map, host };
      if (hook.__compare === map) delete hook.__compare;
    },
  };
}
