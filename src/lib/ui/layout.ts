/** Layout facts shared by the map code and the components (the CSS says the same in App.svelte). */

/** Below this width the app is a phone layout: panels and cards are bottom sheets. */
export const PHONE_MAX_WIDTH = 720;
export const isPhone = () => matchMedia(`(max-width: ${PHONE_MAX_WIDTH}px)`).matches;
export const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

/** A bottom sheet's heights on a phone: a strip over the map, half the screen, nearly all. */
export type SheetSize = 'peek' | 'half' | 'full';
export const SHEET_SIZES: readonly SheetSize[] = ['peek', 'half', 'full'];

/**
 * How much of the map's lower edge the open bottom sheets cover, in CSS px (phone): the
 * highest top edge among the elements marked `data-sheet` (the layer/plan panel, a card, a
 * tool panel) that are on screen. What the camera must keep highlights and selections above.
 */
export function coveredBottom(map: HTMLElement): number {
  const r = map.getBoundingClientRect();
  let top = r.bottom;
  for (const el of document.querySelectorAll<HTMLElement>('[data-sheet]')) {
    const b = el.getBoundingClientRect();
    if (b.height === 0 || b.top >= r.bottom - 1) continue; // closed: moved below the screen
    top = Math.min(top, b.top);
  }
  return Math.max(0, Math.round(r.bottom - Math.max(top, r.top)));
}
