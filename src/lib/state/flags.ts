/**
 * The page's query flags (?presenter, ?e2e, ?embed): read by the tiny entry (main.ts) before any app
 * code loads, to load only what the page shows, and by location.ts with the rest of the address.
 */
export interface PageFlags {
  /** ?presenter: the presenter's window of a tour (no map) */
  presenter: boolean;
  /** ?e2e: test and benchmark pages reach the map as window.__map */
  e2e: boolean;
  /** ?embed: the compact map for another site's page (an <iframe>): map, title, legend, search, cards */
  embed: boolean;
}

export function pageFlags(search = location.search): PageFlags {
  const q = new URLSearchParams(search);
  return { presenter: q.has('presenter'), e2e: q.has('e2e'), embed: q.has('embed') };
}

/** The language the address asks for (#…&lang=en), or null: the one reading of it, by url.ts and by main.ts before the app loads (the overview's labels follow <html lang>). */
export function hashLang(hash = location.hash): 'zh' | 'en' | null {
  const lang = new URLSearchParams(hash.replace(/^#/, '')).get('lang');
  return lang === 'en' || lang === 'zh' ? lang : null;
}

/** The presenter window's page, beside the app's (presenter.html). */
export const PRESENTER_PAGE = 'presenter.html';

/** Shown inside another page's frame (embedded, or framed without ?embed). */
export function framed(): boolean {
  try {
    return window.self !== window.top;
  } catch {
    return true; // a browser that will not even compare says: another origin's frame
  }
}
