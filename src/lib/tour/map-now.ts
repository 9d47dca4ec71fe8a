/** What the map shows now, as a tour step takes it: its camera, layers, and the selected and highlighted places. */
import type { AppContext } from '../state/context.ts';
import type { MapNow } from './draft.ts';
import { TOGGLABLE } from '../map/catalog.ts';

const VIEWER_CHOICE = new Set(TOGGLABLE.filter((c) => c.viewerChoice).map((c) => c.id));

export function mapNow({ app, map }: Pick<AppContext, 'app' | 'map'>): MapNow {
  const c = map.core.map;
  const view = c
    ? {
        center: c.getCenter().toArray() as [number, number],
        zoom: c.getZoom(),
        bearing: c.getBearing(),
        pitch: c.getPitch(),
      }
    : (app.view ?? { center: [120.5, 49.5] as [number, number], zoom: 5, bearing: 0, pitch: 0 });
  const highlight = [...(app.selected ? [app.selected] : []), ...map.selection.highlightedIds];
  // the viewer's own choices (the Mongolian names) are not the step's: each viewer keeps theirs
  return { view, visible: app.visible.filter((id) => !VIEWER_CHOICE.has(id)), highlight };
}
