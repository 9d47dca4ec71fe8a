import { DATA_LAYERS, DATA_LAYER_NAMES } from '../../src/contracts/layers.ts';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PMTiles } from 'pmtiles';
import { writeArchive, type TileInput } from '../../scripts/data/lib/pmtiles-writer.ts';
import { pointToTile } from '@mapbox/tilebelt';
import { decodeTile, idsAtZoom, memorySource, openArchive, readGeojson, scanZoom } from './helpers.ts';
import { catalogLayers, sourceLayerOf, tilePropsOf } from '../../src/lib/map/catalog.ts';
import { must } from '../../src/lib/must.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: ArrayBuffer | undefined) => new TextDecoder().decode(b);

describe('PMTiles v3 writer', () => {
  const tiles: TileInput[] = [
    { z: 0, x: 0, y: 0, data: enc('zero') },
    { z: 1, x: 1, y: 0, data: enc('same') },
    { z: 1, x: 0, y: 0, data: enc('same') },
    { z: 2, x: 3, y: 1, data: enc('other') },
  ];
  const opts = {
    tiles,
    metadata: { name: 't', vector_layers: [] },
    bounds: [115, 46, 127, 54] as [number, number, number, number],
    center: [121, 50, 5] as [number, number, number],
  };

  it('writes an archive the pmtiles reader reads back: header, bounds, zooms, tiles, metadata', async () => {
    const { bytes, stats } = writeArchive(opts);
    const p = new PMTiles(memorySource(bytes));
    const h = await p.getHeader();
    expect(h.specVersion).toBe(3);
    expect([h.minZoom, h.maxZoom]).toEqual([0, 2]);
    expect([h.minLon, h.minLat, h.maxLon, h.maxLat]).toEqual([115, 46, 127, 54]);
    expect([h.centerLon, h.centerLat, h.centerZoom]).toEqual([121, 50, 5]);
    expect(h.numAddressedTiles).toBe(4);
    expect(h.numTileContents).toBe(3); // 'same' stored once
    expect(h.clustered).toBe(true);
    expect(stats.leaves).toBe(0);
    // tile data is returned as stored (tileCompression 2 would be gunzipped: use None here)
    expect(await p.getMetadata()).toEqual({ name: 't', vector_layers: [] });
  });

  it('reads each tile back by z/x/y (uncompressed tiles)', async () => {
    const { bytes } = writeArchive({ ...opts, tileCompression: 1 });
    const p = new PMTiles(memorySource(bytes));
    expect(dec((await p.getZxy(0, 0, 0))?.data)).toBe('zero');
    expect(dec((await p.getZxy(1, 0, 0))?.data)).toBe('same');
    expect(dec((await p.getZxy(1, 1, 0))?.data)).toBe('same');
    expect(dec((await p.getZxy(2, 3, 1))?.data)).toBe('other');
    expect(await p.getZxy(2, 0, 0)).toBeUndefined();
  });

  it('is deterministic: same tiles in, same bytes out, whatever the input order', () => {
    const a = writeArchive(opts).bytes;
    const b = writeArchive({ ...opts, tiles: [...tiles].reverse() }).bytes;
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
  });

  it('moves entries to leaf directories when the root would not fit, and still finds every tile', async () => {
    const many: TileInput[] = [];
    // sparse ids and varied lengths, so the directory does not compress away
    for (let x = 0; x < 128; x++)
      for (let y = 0; y < 128; y++) {
        if ((x * 31 + y * 17) % 3 === 0)
          many.push({ z: 7, x, y, data: enc(`${x}/${y}`.padEnd(((x * 7919 + y * 104729) % 97) + 8, '.')) });
      }
    const { bytes, stats } = writeArchive({ ...opts, tiles: many, tileCompression: 1, rootLimit: 400 });
    expect(stats.leaves).toBeGreaterThan(1);
    const p = new PMTiles(memorySource(bytes));
    const h = await p.getHeader();
    expect(h.leafDirectoryLength).toBeGreaterThan(0);
    expect(h.rootDirectoryLength).toBeLessThanOrEqual(400);
    for (const { x, y } of [many[0], many[many.length - 1], many[1234], many[4321]]) {
      expect(dec((await p.getZxy(7, x, y))?.data)).toMatch(new RegExp(`^${x}/${y}\\.*$`));
    }
  });

  it('refuses the same tile twice', () => {
    expect(() => writeArchive({ ...opts, tiles: [...tiles, tiles[0]] })).toThrow(/given twice/);
  });
});

describe('built archives (npm run data)', () => {
  it('exists: npm test builds it before the unit tests (run npm run data)', () => {
    expect(existsSync('public/tiles/plan.pmtiles'), 'public/tiles/plan.pmtiles is missing: run npm run data').toBe(
      true,
    );
  });

  it('holds every source-layer the catalog draws, with every property its style reads, and nothing else', async () => {
    const p = openArchive('public/tiles/plan.pmtiles');
    const scanned = [await scanZoom(p, 6), await scanZoom(p, 9)];
    const want = tilePropsOf();
    for (const l of catalogLayers()) {
      const sl = sourceLayerOf(l.style);
      if (!sl) continue;
      expect(
        scanned.some((z) => z[sl]),
        `${l.style.id}: source-layer ${sl} in the archive`,
      ).toBe(true);
      for (const prop of want.get(sl) ?? []) {
        expect(
          scanned.some((z) => z[sl]?.props.has(prop)),
          `${l.style.id}: property "${prop}" of ${sl} in the tiles`,
        ).toBe(true);
      }
    }
    for (const z of scanned) {
      for (const [sl, { props }] of Object.entries(z)) {
        expect(want.has(sl), `archive layer ${sl} drawn by the catalog`).toBe(true);
        for (const prop of props)
          expect(want.get(sl)?.has(prop), `${sl}.${prop}: a property no layer reads`).toBe(true);
      }
    }
  });

  it('plan.pmtiles: header, bounds and zooms fit the region; metadata lists its layers', async () => {
    const p = openArchive('public/tiles/plan.pmtiles');
    const h = await p.getHeader();
    expect(h.tileType).toBe(1);
    expect(h.tileCompression).toBe(2);
    expect(h.minZoom).toBe(0);
    expect(h.maxZoom).toBe(10);
    // the context layers are clipped to the region box; the planning layers lie well inside it
    expect(h.minLon).toBeGreaterThanOrEqual(115);
    expect(h.maxLon).toBeLessThanOrEqual(127);
    expect(h.minLat).toBeGreaterThanOrEqual(46);
    expect(h.maxLat).toBeLessThanOrEqual(54);
    const meta = (await p.getMetadata()) as { vector_layers: { id: string }[] };
    expect(meta.vector_layers.map((l) => l.id)).toEqual(DATA_LAYER_NAMES);
    expect(existsSync('public/tiles/context.pmtiles')).toBe(false); // one archive, one source
  });

  it('plan.pmtiles z0 tile decodes to the planning layers; at z6 every feature of every layer is there', async () => {
    const p = openArchive('public/tiles/plan.pmtiles');
    const { counts, tile } = decodeTile(must(await p.getZxy(0, 0, 0), 'tile 0, 0, 0').data);
    expect(counts.city).toBe(1);
    expect(counts.structure_points).toBe(readGeojson('structure_points').features.length);
    const units = tile.layers.units;
    const z0 = Array.from({ length: units.length }, (_, i) => units.feature(i).properties.id);
    expect(z0).toContain('unit-150723'); // 鄂伦春自治旗
    const ids = await idsAtZoom(p, 6);
    // the plan's layers and the places the tools use (the context is simplified at z6)
    const whole = DATA_LAYER_NAMES.filter(
      (n) => DATA_LAYERS[n].planning || DATA_LAYERS[n].pick !== false || DATA_LAYERS[n].near !== false,
    );
    expect(whole).toHaveLength(9);
    for (const layer of whole) {
      expect([...ids[layer]].sort(), layer).toEqual(
        readGeojson(layer)
          .features.map((f: { id: string }) => f.id)
          .sort(),
      );
    }
  });

  it('plan.pmtiles at town level (z10) around Manzhouli holds the unit, the seat and the ports', async () => {
    const p = openArchive('public/tiles/plan.pmtiles');
    const [x, y] = pointToTile(117.37, 49.59, 10);
    const { tile } = decodeTile(must(await p.getZxy(10, x, y), 'tile 10, x, y').data);
    const ids = (layer: string) =>
      Array.from({ length: tile.layers[layer]?.length ?? 0 }, (_, i) => tile.layers[layer].feature(i).properties.id);
    expect(ids('units')).toContain('unit-150781');
    expect(ids('structure_points')).toContain('seat-150781');
  });

  it('plan.pmtiles also holds the context: borders, rivers, lakes and labels', async () => {
    const p = openArchive('public/tiles/plan.pmtiles');
    const { counts } = decodeTile(must(await p.getZxy(0, 0, 0), 'tile 0, 0, 0').data);
    expect(counts.borders).toBeGreaterThan(0);
    expect(counts.rivers).toBeGreaterThan(50);
    const ids = await idsAtZoom(p, 7);
    for (const layer of ['borders', 'lakes', 'context_labels']) {
      expect(ids[layer].size, layer).toBe(readGeojson(layer).features.length);
    }
  });
});
