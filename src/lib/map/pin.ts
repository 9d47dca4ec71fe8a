/**
 * The pin a typed coordinate is marked with (search → "go to a coordinate"): one at a time,
 * an HTML marker (not a style layer: it is no data, and its label is the coordinate the
 * person typed), removed when another is set or the search is cleared.
 */
import * as maplibregl from 'maplibre-gl';

let current: maplibregl.Marker | null = null;

export function setPin(map: maplibregl.Map | null, lonlat: [number, number] | null, label = ''): void {
  current?.remove();
  current = null;
  if (!map || !lonlat) return;
  const el = document.createElement('div');
  el.className = 'coord-pin';
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', label);
  el.dataset.testid = 'coord-pin';
  el.title = label;
  current = new maplibregl.Marker({ element: el, anchor: 'bottom' }).setLngLat(lonlat).addTo(map);
}
