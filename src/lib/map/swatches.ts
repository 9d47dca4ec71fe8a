/** Legend swatches as strokes: one home for the layer panel's, the PDF's and the PNG's legends (no map code: the print worker uses it). */
import type { LegendSwatch } from './catalog.ts';

/**
 * How a line swatch is stroked, in the 28 × 20 units of the on-screen swatch: one home for the
 * layer panel, the PDF and the PNG legends (a casing is the railway's: a dark line with a light
 * dashed core, as the map draws it).
 */
export function lineStrokes(
  s: Extract<LegendSwatch, { type: 'line' }>,
): { color: string; width: number; dash?: number[] }[] {
  return s.casing
    ? [
        { color: s.color, width: s.width + 1 },
        { color: s.casing, width: s.width / 2, dash: [4, 4] },
      ]
    : [{ color: s.color, width: s.width, ...(s.dash ? { dash: s.dash.map((d) => d * s.width) } : {}) }];
}

/** The ring of a circle swatch, in the same units: only where the map draws one. */
export const circleRing = (s: Extract<LegendSwatch, { type: 'circle' }>) =>
  s.stroke ? { color: s.stroke, width: 1.5 } : null;
