/**
 * The one module that reads and writes the page's address: the state in the hash (url.ts
 * formats and parses it), the query flags (?presenter, ?e2e), the presenter window's link.
 */
import type { Lang } from '../../contracts/vocab.ts';
import { TOGGLABLE, DEFAULT_VISIBLE } from '../map/catalog.ts';
import { formatHash, parseHash, type UrlState } from '../url.ts';

const KNOWN = { layers: TOGGLABLE.map((c) => c.id) };

export interface StartUrl {
  state: UrlState;
  /** ?presenter: the presenter's window of a tour (no map) */
  presenter: boolean;
  /** ?e2e: test and benchmark pages reach the map as window.__map */
  e2e: boolean;
}

export function readUrl(): StartUrl {
  const q = new URLSearchParams(location.search);
  return { state: parseHash(location.hash, KNOWN), presenter: q.has('presenter'), e2e: q.has('e2e') };
}

/** Writes the state into the hash (replacing the history entry: panning is not navigation). */
export function writeUrl(state: UrlState): void {
  const hash = formatHash(state, { visible: DEFAULT_VISIBLE });
  if (hash !== location.hash) history.replaceState(null, '', hash || location.pathname + location.search);
}

/** The address of this page with its state: what "share" copies. */
export const currentUrl = () => location.href;

/** The presenter window of a tour at a step (1-based). */
export function presenterUrl(tour: string, step: number, lang: Lang): string {
  return `${location.pathname}?presenter=1${formatHash({ tour, step, lang }, { visible: [] })}`;
}
