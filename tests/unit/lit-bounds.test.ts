// How the camera brings a fit's labels out from under what covers the map (labelMove): the
// least shift where one fits, a zoom out by the shortfall where places are pushed both ways.
import { describe, expect, it } from 'vitest';
import { labelMove, type Drawn } from '../../src/lib/map/lit-bounds.ts';
import type { Cover } from '../../src/lib/ui/layout.ts';

const place = (key: string, x: number, y: number, w: number, h = 16): Drawn => ({
  key,
  anchor: { x, y },
  box: { x0: x - 6, y0: y - h / 2, x1: x - 6 + w, y1: y + h / 2 },
});
/** a phone's map 320 × 440: the sheet over its lower 170 px, the buttons' column at the top right */
const sheet: Cover = { x0: 0, y0: 270, x1: 320, y1: 440, push: 'up' };
const buttons: Cover = { x0: 265, y0: 0, x1: 320, y1: 140, push: 'left' };
const legend: Cover = { x0: 8, y0: 8, x1: 88, y1: 48, push: 'down' };
const covers = [sheet, buttons, legend];

describe('labelMove', () => {
  it('leaves places that nothing covers', () => {
    expect(labelMove([place('a', 100, 100, 60), place('b', 200, 200, 40)], covers, 320, 440)).toBeNull();
  });

  it('shifts a label off the edge back in, the least way', () => {
    const m = labelMove([place('a', 4, 100, 60), place('b', 150, 200, 40)], covers, 320, 440);
    expect(m?.s).toBe(1);
    expect(m?.d.x).toBeCloseTo(5, 5); // its box from x = −2 to 3 (the edge kept)
    expect(m?.d.y).toBe(0);
  });

  it('lifts a place from under the sheet, and only the rows the buttons span push it left', () => {
    const m = labelMove([place('a', 280, 280, 30), place('b', 100, 150, 40)], covers, 320, 440);
    expect(m?.s).toBe(1);
    expect(m?.d.y).toBeCloseTo(270 - 3 - 288, 5);
    expect(m?.d.x).toBe(0); // beside the buttons' rows: the column does not push it
  });

  it('zooms out by the shortfall where one place must go left and another right', () => {
    // a label off the left edge by 20, another under the buttons by 30: no shift serves both
    const drawn = [place('a', -14 + 6, 100, 60), place('b', 240, 100, 58)];
    const m = labelMove(drawn, covers, 320, 440);
    const spread = 240 - -8;
    const lo = 3 - -14,
      hi = 265 - 3 - (240 - 6 + 58);
    expect(m?.s).toBeCloseTo(1 - (lo - hi) / spread, 5);
    expect(m?.d.x).toBeCloseTo((lo + hi) / 2, 5);
  });
});
