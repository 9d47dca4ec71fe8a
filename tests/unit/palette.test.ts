import { describe, expect, it } from 'vitest';
import { quantize } from '../../src/lib/print/palette.ts';

const colourAt = (q: ReturnType<typeof quantize>, i: number) => [
  ...q.palette.subarray(q.index[i] * 3, q.index[i] * 3 + 3),
];

describe('a map as 256 colours (palette.ts)', () => {
  it('keeps a map of few colours exactly', () => {
    const rgb = new Uint8Array(300 * 3);
    for (let i = 0; i < 300; i++)
      rgb.set(i % 3 === 0 ? [250, 248, 240] : i % 3 === 1 ? [200, 30, 40] : [0, 0, 0], i * 3);
    const q = quantize(rgb);
    expect(q.palette.length).toBe(9);
    for (let i = 0; i < 300; i++) expect(colourAt(q, i)).toEqual([...rgb.subarray(i * 3, i * 3 + 3)]);
  });

  it('keeps 256 colours exactly; 257 take 128 kept and 128 found, every pixel on its entry or near it', () => {
    const many = (n: number) => {
      const rgb = new Uint8Array(n * 3);
      for (let i = 0; i < n; i++) rgb.set([i % 256, Math.floor(i / 256) * 40, 255 - (i % 256)], i * 3);
      return rgb;
    };
    const q256 = quantize(many(256));
    expect(q256.palette.length).toBe(256 * 3);
    for (let i = 0; i < 256; i++) expect(colourAt(q256, i)).toEqual([...many(256).subarray(i * 3, i * 3 + 3)]);
    const rgb = many(257);
    const q257 = quantize(rgb);
    expect(q257.palette.length).toBe(256 * 3);
    for (let i = 0; i < 257; i++) {
      const [r, g, b] = colourAt(q257, i);
      expect(Math.hypot(r - rgb[i * 3], g - rgb[i * 3 + 1], b - rgb[i * 3 + 2])).toBeLessThan(6);
    }
    expect(quantize(new Uint8Array(0)).palette).toEqual(new Uint8Array([255, 255, 255]));
  });

  it('keeps the most used colours exactly and brings the rare ones near', () => {
    // flat fills (most pixels) and 4096 anti-aliasing shades between them
    const fills = [
      [250, 248, 240],
      [120, 180, 230],
      [240, 200, 90],
    ];
    const pixels: number[][] = [];
    for (let i = 0; i < 60_000; i++) pixels.push(fills[i % 3]);
    for (let r = 0; r < 16; r++)
      for (let g = 0; g < 16; g++) for (let b = 0; b < 16; b++) pixels.push([r * 16, g * 16, b * 16]);
    const rgb = new Uint8Array(pixels.flat());
    const q = quantize(rgb);
    expect(q.palette.length).toBe(256 * 3);
    for (let i = 0; i < 3; i++) expect(colourAt(q, i)).toEqual(fills[i]);
    let worst = 0;
    for (let i = 0; i < pixels.length; i++) {
      const [r, g, b] = colourAt(q, i);
      const [R, G, B] = pixels[i];
      worst = Math.max(worst, Math.hypot(r - R, g - G, b - B));
    }
    // 4096 colours spread over the whole cube in ≈ 250 boxes: none more than ≈ 1/6 of the cube's side away
    expect(worst).toBeLessThan(50);
  });
});
