/** Layout facts shared by the map code and the components (the CSS says the same in App.svelte). */

/** Below this width the app is a phone layout: panels and cards are bottom sheets. */
export const PHONE_MAX_WIDTH = 720;
export const isPhone = () => matchMedia(`(max-width: ${PHONE_MAX_WIDTH}px)`).matches;
export const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;
