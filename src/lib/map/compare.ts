/**
 * A second map for comparing two layer sets (swipe): same options as the main map, follows
 * the main map's camera, takes no input. Removed with its WebGL context by destroy().
 */
import * as maplibregl from 'maplibre-gl';
import { reportMapError } from './errors.ts';
import type { Lang } from '../../contracts/vocab.ts';
import { mapOptions, resolveIcons, setLabelSizes } from './map-options.ts';

export interface CompareMap {
  map: maplibregl.Map;
  /** stops following the main map (a handout walking the steps), or follows it again from where it is */
  pause(on: boolean): void;
  /** labels at a briefing's sizes, or the catalog's, as the main map's */
  brief(on: boolean): void;
  destroy(): void;
}

export function createCompareMap(
  main: maplibregl.Map,
  container: HTMLElement,
  visible: readonly string[],
  lang: Lang,
  briefing: boolean,
  exposeForTests: boolean,
): CompareMap {
  const camera = () => ({
    center: main.getCenter(),
    zoom: main.getZoom(),
    bearing: main.getBearing(),
    pitch: main.getPitch(),
  });
  const map = new maplibregl.Map({
    ...mapOptions(container, lang, new Set(visible), briefing),
    ...camera(),
    interactive: false,
  });
  resolveIcons(map);
  // the style is read a frame after the map is made: a briefing begun or ended before that is applied then
  let styled = false;
  const madeWith = briefing;
  map.once('style.load', () => {
    styled = true;
    if (briefing !== madeWith) setLabelSizes(map, briefing);
  });
  // A compare map removed while it loads (a tour stepping on) aborts its requests: the
  // reporter drops those and reports anything else.
  map.on('error', (e) => reportMapError('compare map', e.error));
  let paused = false;
  const sync = () => {
    if (!paused) map.jumpTo(camera());
  };
  main.on('move', sync);
  const hook = window as unknown as { __compare?: maplibregl.Map };
  if (exposeForTests) hook.__compare = map;
  return {
    map,
    pause(on) {
      paused = on;
      sync();
    },
    brief(on) {
      if (on === briefing) return;
      briefing = on;
      if (styled) setLabelSizes(map, on);
    },
    destroy() {
      main.off('move', sync);
      map.remove();
      if (hook.__compare === map) delete hook.__compare;
    },
  };
}
