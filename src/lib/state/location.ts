/**
 * The one module that reads and writes the page's address: the state in the hash (url.ts
 * formats and parses it), the query flags (?e2e; ?presenter, the presenter window's old
 * address), the presenter window's link.
 */
import type { Lang } from '../../contracts/vocab.ts';
import { TOGGLABLE, DEFAULT_VISIBLE } from '../map/catalog.ts';
import { formatHash, parseHash, type UrlState } from '../url.ts';
import { PRESENTER_PAGE, pageFlags, type PageFlags } from './flags.ts';
import type { AppState } from './app.svelte.ts';
import type { TourState } from './tour.svelte.ts';

const KNOWN = { layers: TOGGLABLE.map((c) => c.id) };

export interface StartUrl extends PageFlags {
  state: UrlState;
}

export function readUrl(): StartUrl {
  return { state: parseHash(location.hash, KNOWN), ...pageFlags() };
}

/** What of the app's state the address carries (the hash writer's and the embed code's one reading of it). */
export function urlStateOf(app: AppState, tour: TourState): UrlState {
  return {
    view: app.view ?? undefined,
    visible: app.visible,
    selected: app.selected ?? undefined,
    task: app.task ?? undefined,
    target: app.target ?? undefined,
    matrix: app.matrixOpen,
    lang: app.lang,
    tour: tour.tour?.id,
    step: tour.tour ? tour.index + 1 : undefined,
    tool: app.tool ?? undefined,
    measure: app.measure ?? undefined,
    near: app.near ?? undefined,
  };
}

/** Writes the state into the hash (replacing the history entry: panning is not navigation). */
export function writeUrl(state: UrlState): void {
  const hash = formatHash(state, { visible: DEFAULT_VISIBLE });
  if (hash !== location.hash) history.replaceState(null, '', hash || location.pathname + location.search);
}

/** The address of this page with its state: what "share" copies (the full map, never the embedded one). */
export const currentUrl = () => fullMapUrl();

/** This page's address without ?embed: the full map at the same state ("open the full map"). */
export function fullMapUrl(href = location.href): string {
  const u = new URL(href);
  u.searchParams.delete('embed');
  return u.href;
}

/** The embedded map's address for a state: this page, ?embed, the state in the hash. */
export function embedUrl(state: UrlState, href = location.href): string {
  const u = new URL(href);
  return `${u.origin}${u.pathname}?embed${formatHash(state, { visible: DEFAULT_VISIBLE })}`;
}

/** The presenter window of a tour at a step (1-based): a page of its own, beside this one. */
export function presenterUrl(tour: string, step: number, lang: Lang): string {
  return `${new URL(PRESENTER_PAGE, location.href).pathname}${formatHash({ tour, step, lang }, { visible: [] })}`;
}
