import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { PMTiles, type Source } from 'pmtiles';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { pointToTile } from '@mapbox/tilebelt';

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

/** Every feature id and every property name found in any tile of zoom z inside the archive's bounds, per layer. */
export async function scanZoom(
  p: PMTiles,
  z: number,
): Promise<Record<string, { ids: Set<string>; props: Set<string> }>> {
  const h = await p.getHeader();
  const [x0, y0] = pointToTile(h.minLon, h.maxLat, z);
  const [x1, y1] = pointToTile(h.maxLon, h.minLat, z);
  const out: Record<string, { ids: Set<string>; props: Set<string> }> = {};
  for (let x = x0; x <= x1; x++) {
    for (let y = y0; y <= y1; y++) {
      const t = await p.getZxy(z, x, y);
      if (!t) continue;
      const { tile } = decodeTile(t.data);
      for (const [name, layer] of Object.entries(tile.layers)) {
        out[name] ??= { ids: new Set(), props: new Set() };
        for (let i = 0; i < layer.length; i++) {
          const props = layer.feature(i).properties;
          out[name].ids.add(String(props.id));
          for (const k of Object.keys(props)) out[name].props.add(k);
        }
      }
    }
  }
  return out;
}

/** Every feature id found in any tile of zoom z inside the archive's bounds, per layer. */
export async function idsAtZoom(p: PMTiles, z: number): Promise<Record<string, Set<string>>> {
  return Object.fromEntries(Object.entries(await scanZoom(p, z)).map(([k, v]) => [k, v.ids]));
}
