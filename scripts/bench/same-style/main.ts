/**
 * The bench's same-style page (npm run bench): MapLibre alone with the app's own built style,
 * glyphs, icons and archive (src/lib/map/map-options.ts), at the size of the app's map and on
 * its first camera — no Svelte, no overview, no panels. The app's time over this page's is the
 * app's own cost.
 */
import * as maplibregl from 'maplibre-gl';
import { DEFAULT_VISIBLE } from '../../../src/lib/map/catalog.ts';
import { mapOptions, resolveIcons } from '../../../src/lib/map/map-options.ts';
import { CITY_BOUNDS } from '../../../src/lib/map/view.ts';

const q = new URLSearchParams(location.search);
const el = document.getElementById('map') as HTMLElement;
if (q.get('w')) el.style.width = `${q.get('w')}px`;
if (q.get('h')) el.style.height = `${q.get('h')}px`;
const map = new maplibregl.Map({
  ...mapOptions(el, 'zh', new Set(DEFAULT_VISIBLE)),
  bounds: CITY_BOUNDS,
  fitBoundsOptions: { padding: 24 },
});
resolveIcons(map);
(window as unknown as { __map: maplibregl.Map }).__map = map;
map.once('load', () => map.once('idle', () => performance.mark('map:idle')));
