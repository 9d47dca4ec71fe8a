import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { PMTiles, type Source } from 'pmtiles';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';

/** A pmtiles Source over bytes in memory (the reader's own interface). */
export function memorySource(bytes: Uint8Array, key = 'memory'): Source {
  return {
    getKey: () => key,
    getBytes: async (offset: number, length: number) => ({
      data: bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + length) as ArrayBuffer,
    }),
  };
}

export const openArchive = (path: string) => new PMTiles(memorySource(new Uint8Array(readFileSync(path)), path));

/** Decodes an MVT tile (gunzipping if needed) to { layer: featureCount }. */
export function decodeTile(data: ArrayBuffer | Uint8Array): { tile: VectorTile; counts: Record<string, number> } {
  let bytes = new Uint8Array(data);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = new Uint8Array(gunzipSync(bytes));
  const tile = new VectorTile(new PbfReader(bytes) as never);
  const counts = Object.fromEntries(Object.entries(tile.layers).map(([k, l]) => [k, l.length]));
  return { tile, counts };
}

export const readGeojson = (name: string) => JSON.parse(readFileSync(`geodata/${name}.geojson`, 'utf8'));

/** Every feature id found in any tile of zoom z inside the archive's bounds, per layer. */
export async function idsAtZoom(p: PMTiles, z: number): Promise<Record<string, Set<string>>> {
  const h = await p.getHeader();
  const tx = (lon: number) => Math.floor(((lon + 180) / 360) * 2 ** z);
  const ty = (lat: number) => {
    const r = (lat * Math.PI) / 180;
    return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
  };
  const out: Record<string, Set<string>> = {};
  for (let x = tx(h.minLon); x <= tx(h.maxLon); x++) {
    for (let y = ty(h.maxLat); y <= ty(h.minLat); y++) {
      const t = await p.getZxy(z, x, y);
      if (!t) continue;
      const { tile } = decodeTile(t.data);
      for (const [name, layer] of Object.entries(tile.layers)) {
        out[name] ??= new Set();
        for (let i = 0; i < layer.length; i++) out[name].add(String(layer.feature(i).properties.id));
      }
    }
  }
  return out;
}
