/**
 * Layout facts shared by the map code and the components, each written once:
 * - the breakpoints here (TypeScript); CSS writes `@media (--phone)`, `(--desk)`, `(--wide)`,
 *   which the build replaces with these (vite.config.ts, `mediaQueries`);
 * - sheet heights and the stacking order as CSS custom properties in app.css (`--sheet-*`,
 *   `--z-*`), read here by TypeScript (`sheetFraction`).
 */

/** Below this width the app is a phone layout: panels and cards are bottom sheets. */
export const PHONE_MAX_WIDTH = 720;
/** …and below this height (a phone held sideways): the phone layout, the header in one row. */
export const PHONE_MAX_HEIGHT = 500;
/** From this width on, a big screen: larger type, wider panels. */
export const WIDE_MIN_WIDTH = 1600;

/** From this width on, a briefing's map labels are read from the back of a room (BRIEFING_LABELS, MapCore.setBriefing). */
export const BRIEFING_MIN_WIDTH = 1280;
/**
 * A briefing's labels on a big screen: every label 1.4× its size and at least 20 px; the plan's
 * structure and the seats at least 28 px. Paper never takes them (print/render.ts).
 */
export const BRIEFING_LABELS = {
  scale: 1.4,
  minPx: 20,
  majorMinPx: 28,
  major: ['seat-labels', 'structure-labels'] as readonly string[],
};
export const briefingMinPx = (layerId: string) =>
  BRIEFING_LABELS.major.includes(layerId) ? BRIEFING_LABELS.majorMinPx : BRIEFING_LABELS.minPx;

/** A desk screen up to this height (a 720p or 768p projector): a tour's short caption takes its first paragraph in one line, so it fits its quarter of the screen (206 px in two lines at 1280 × 720, where a quarter is 180). */
export const SHORT_MAX_HEIGHT = 830;

/** An embedded map narrower than this puts its search on a row of its own, under the title. */
export const EMBED_ONE_ROW_MIN_WIDTH = 561;

/** The named media queries CSS uses, and what they stand for. */
const DESK = `(min-width: ${PHONE_MAX_WIDTH + 1}px) and (min-height: ${PHONE_MAX_HEIGHT + 1}px)`;
export const MEDIA: Record<'--phone' | '--desk' | '--wide' | '--low' | '--narrow' | '--short-desk', string> = {
  '--phone': `(max-width: ${PHONE_MAX_WIDTH}px), (max-height: ${PHONE_MAX_HEIGHT}px)`,
  '--desk': DESK,
  '--low': `(max-height: ${PHONE_MAX_HEIGHT}px)`,
  '--wide': `(min-width: ${WIDE_MIN_WIDTH}px)`,
  '--narrow': `(max-width: ${EMBED_ONE_ROW_MIN_WIDTH - 1}px)`,
  '--short-desk': `${DESK} and (max-height: ${SHORT_MAX_HEIGHT}px)`,
};

export const isPhone = () => matchMedia(MEDIA['--phone']).matches;
export const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

/** A bottom sheet's heights on a phone: a strip over the map, half the screen, nearly all. */
export type SheetSize = 'peek' | 'half' | 'full';
export const SHEET_SIZES: readonly SheetSize[] = ['peek', 'half', 'full'];

/**
 * The sheets' heights as fractions of the screen's height (app.css: `--sheet-peek`,
 * `--sheet-half`, `--sheet-full`; a card `--sheet-card`, a tool panel `--sheet-tool`, the statistics' table `--sheet-table`).
 */
export type SheetToken = SheetSize | 'card' | 'tool' | 'table';
export function sheetFraction(token: SheetToken): number {
  const v = Number.parseFloat(getComputedStyle(document.documentElement).getPropertyValue(`--sheet-${token}`));
  if (!Number.isFinite(v)) throw new Error(`app.css defines no --sheet-${token}`);
  return v;
}

/**
 * The map's furniture that hides what is under it: its buttons, the legend's button (opened,
 * the legend is a panel the user asked for), and what a component marks `data-cover` (the
 * coordinate readout's buttons).
 */
const FURNITURE = '.maplibregl-ctrl-top-right, .map-legend > summary, [data-cover]';

/**
 * What the map's own furniture covers at its top (the legend's button on the left, the zoom
 * buttons on the right), in CSS px from the map's edges: a fit on a phone keeps clear of it.
 */
export function coveredTopRight(map: HTMLElement): { top: number; right: number } {
  const r = map.getBoundingClientRect();
  let top = 0,
    right = 0;
  // the legend's button only: opened, the legend is a panel the user asked for
  for (const el of map.parentElement?.querySelectorAll<HTMLElement>(FURNITURE) ?? []) {
    const b = el.getBoundingClientRect();
    if (b.width === 0 || b.height === 0) continue;
    // the buttons' column on the right narrows the map; the legend's button lowers its top
    if (el.classList.contains('maplibregl-ctrl-top-right')) right = Math.max(right, r.right - b.left);
    else top = Math.max(top, b.bottom - r.top);
  }
  return { top: Math.round(top), right: Math.round(right) };
}

/**
 * What a tour covers of the map on a phone (CSS px from its top and its bottom): the tools'
 * row at the top (and the legend's button), the caption at the foot.
 */
export function coveredByTour(map: HTMLElement): {
  top: number;
  bottom: number;
  captionRight: number;
  toolsBottom: number;
} {
  const r = map.getBoundingClientRect();
  const box = (sel: string) => {
    const el = map.parentElement?.querySelector<HTMLElement>(sel);
    const b = el?.getBoundingClientRect();
    return b && b.width > 0 && b.height > 0 ? b : null;
  };
  const tools = box('[role="toolbar"]'),
    caption = box('[data-testid="tour-caption"]');
  return {
    top: Math.max(tools ? Math.round(tools.bottom - r.top) : 0, coveredTopRight(map).top),
    bottom: Math.round(caption ? r.bottom - caption.top : 0),
    /** the tour's tools' lower edge from the map's top, alone (a desk's map buttons stand beside, not over, the map) */
    toolsBottom: Math.round(tools ? tools.bottom - r.top : 0),
    /** the caption's right edge from the map's left (0: no caption) */
    captionRight: Math.round(caption ? caption.right - r.left : 0),
  };
}

/** The least height of map a fit needs above a sheet on a phone (CSS px): less, and the sheet opens low. */
export const MIN_MAP_ABOVE_SHEET = 260;

/** The sheet's height that leaves the map MIN_MAP_ABOVE_SHEET or more: half, else its lowest. */
export function roomySheetSize(map: HTMLElement | null): SheetSize {
  if (!map) return 'half';
  const r = map.getBoundingClientRect();
  const above = innerHeight - sheetFraction('half') * innerHeight - r.top;
  return above >= MIN_MAP_ABOVE_SHEET ? 'half' : 'peek';
}

/** How much of the map a phone's card covers at most (CSS px): its share of the screen, leaving the map `--map-least` (app.css). */
export function cardCover(map: HTMLElement): number {
  const least = Number.parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--map-least'));
  if (!Number.isFinite(least)) throw new Error('app.css defines no --map-least');
  return Math.max(
    0,
    Math.min(Math.round(innerHeight * sheetFraction('card')), map.getBoundingClientRect().height - least),
  );
}

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

/** A box on the map, in CSS px from the map's top left. */
export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * What floats over the map and hides what is under it, as boxes in the map's CSS px: the
 * sheets and cards (`data-sheet`), the legend's button (opened, the legend is what the user
 * asked for), the map's buttons, a tour's tools and caption.
 */
export function coverRects(map: HTMLElement): Rect[] {
  const r = map.getBoundingClientRect();
  const rects: Rect[] = [];
  const over = [
    ...document.querySelectorAll<HTMLElement>('[data-sheet]'),
    ...(map.parentElement?.querySelectorAll<HTMLElement>(
      `${FURNITURE}, [role="toolbar"], [data-testid="tour-caption"]`,
    ) ?? []),
  ];
  for (const el of over) {
    const b = el.getBoundingClientRect();
    const x0 = Math.max(b.left, r.left) - r.left,
      y0 = Math.max(b.top, r.top) - r.top,
      x1 = Math.min(b.right, r.right) - r.left,
      y1 = Math.min(b.bottom, r.bottom) - r.top;
    if (x1 - x0 >= 1 && y1 - y0 >= 1) rects.push({ x0, y0, x1, y1 });
  }
  return rects;
}

/** A cover over the map and the way a place under it is pushed out. */
export interface Cover extends Rect {
  push: 'up' | 'down' | 'left' | 'right';
}

/**
 * The covers over the map (coverRects), each with the way a place under it is pushed out: up
 * from a sheet or a caption across the foot, down from the legend's button or a tour's tools
 * along the top, away from a card or the buttons' column at a side.
 */
export function coverPushes(map: HTMLElement): Cover[] {
  const { width, height } = map.getBoundingClientRect();
  return coverRects(map).map((c) => {
    const w = c.x1 - c.x0,
      h = c.y1 - c.y0;
    const across = w > width / 2 || (h <= height / 2 && w >= h);
    const push: Cover['push'] = across
      ? (c.y0 + c.y1) / 2 > height / 2
        ? 'up'
        : 'down'
      : (c.x0 + c.x1) / 2 > width / 2
        ? 'left'
        : 'right';
    return { ...c, push };
  });
}

/**
 * An attachment (`{@attach watchHeight(…)}`) telling an element's height (its border box) each
 * time it changes. A ResizeObserver reports after the browser's own layout: nothing reads layout
 * in the task that mounts the element (`bind:clientHeight` reads it there, forcing a layout).
 */
export const watchHeight = (set: (h: number) => void) => (el: Element) => {
  const ro = new ResizeObserver(([e]) => set(e.borderBoxSize?.[0]?.blockSize ?? e.contentRect.height));
  ro.observe(el);
  return () => ro.disconnect();
};
