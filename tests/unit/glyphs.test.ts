import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeGlyphs, readBundle, writeBundle } from '../../src/lib/map/glyph-pbf.ts';
import { glyphFromOutline } from '../../scripts/data/glyphs.ts';
import { FONT, labelTextOf } from '../../src/lib/map/catalog.ts';
import { readGeojson } from './helpers.ts';

// MapLibre's own reader of glyph ranges, from its sources (a path in a variable: the type check
// stays out of MapLibre's sources, which are not written for this project's compiler settings)
const PARSER = '../../node_modules/maplibre-gl/src/style/parse_glyph_pbf.ts';
const { parseGlyphPbf } = (await import(/* @vite-ignore */ PARSER)) as {
  parseGlyphPbf: (data: Uint8Array) => { id: number; bitmap: { data: Uint8Array }; metrics: object }[];
};

describe('label glyphs built ahead', () => {
  it("a glyph's distances from its outline: inside above the edge value, outside below, at MapLibre's placement", () => {
    // a 500 × 500 square at (250, 0) in a 1000-unit em: 12 px at 24 px, from x 6 to 18, y 0 to 12
    const square = [
      { type: 'M', values: [250, 0] },
      { type: 'L', values: [750, 0] },
      { type: 'L', values: [750, 500] },
      { type: 'L', values: [250, 500] },
      { type: 'Z', values: [] },
    ];
    const g = glyphFromOutline(0x25a0, square, 1000, 1000);
    expect([g.left, g.width, g.advance]).toEqual([6, 12, 24]);
    expect(g.height).toBe(13); // rows half a pixel off: 12.5 down to −0.5
    expect(g.top).toBe(12.5 - 27.5);
    const w = g.width + 6;
    expect(g.bitmap.length).toBe(w * (g.height + 6));
    const at = (x: number, y: number) => g.bitmap[y * w + x];
    const mid = Math.floor((g.height + 6) / 2);
    expect(at(Math.floor(w / 2), mid)).toBe(255); // 6 px deep: past the radius' inner part
    // 255 − 255·(d / 8 + 0.25) at the pixels' centres x = 3.5, 5.5, 6.5 (the edge at 6: 191.25)
    expect([at(0, mid), at(2, mid), at(3, mid)]).toEqual([112, 175, 207]);
  });

  it('ranges and their bundle read back as MapLibre reads them', () => {
    const a = encodeGlyphs('Noto Sans CJK SC', 0, [
      { id: 65, bitmap: new Uint8Array(7 * 8).fill(9), width: 1, height: 2, left: -1, top: -20, advance: 14 },
      { id: 32, bitmap: new Uint8Array(0), width: 0, height: 0, left: 0, top: 0, advance: 6 },
    ]);
    const b = encodeGlyphs('Noto Sans CJK SC', 0x6d, []);
    const bundle = readBundle(
      writeBundle(
        new Map([
          [0x6d, b],
          [0, a],
        ]),
      ).slice().buffer,
    );
    expect([...bundle.keys()]).toEqual([0, 0x6d]);
    const glyphs = parseGlyphPbf(bundle.get(0) as Uint8Array);
    expect(glyphs.map((g) => [g.id, g.metrics])).toEqual([
      [65, { width: 1, height: 2, left: -1, top: -20, advance: 14 }],
      [32, { width: 0, height: 0, left: 0, top: 0, advance: 6 }],
    ]);
    expect(glyphs[0].bitmap.data[0]).toBe(9);
    expect(parseGlyphPbf(bundle.get(0x6d) as Uint8Array)).toEqual([]);
  });

  it('the built file has a glyph for every character of every label the catalog shows', () => {
    const file = readFileSync('public/data/glyphs.pbf');
    const bundle = readBundle(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength));
    const have = new Set([...bundle.values()].flatMap((r) => parseGlyphPbf(r).map((g) => g.id)));
    const { props } = labelTextOf();
    const missing = new Set<string>();
    for (const [layer, read] of props)
      for (const f of readGeojson(layer).features)
        for (const p of read) {
          const v = f.properties?.[p];
          if (typeof v === 'string') for (const c of v) if (!have.has(c.codePointAt(0) as number)) missing.add(c);
        }
    for (const c of '≈0123456789.,公里平方顷km²') if (!have.has(c.codePointAt(0) as number)) missing.add(c);
    expect([...missing].join('')).toBe('');
    expect(FONT).toEqual(['Noto Sans CJK SC']);
  });
});
