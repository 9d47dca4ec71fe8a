/**
 * The tile archive's reader: one PMTiles instance per archive URL, registered with the
 * `pmtiles://` protocol, that decompresses with the browser's DecompressionStream — and only
 * where there is none (older Safari) loads fflate to do it. pmtiles' own fflate import is
 * stubbed in the build (vite.config.ts) so the first view does not carry it.
 */
import { PMTiles, Protocol } from 'pmtiles';

const GZIP = 2;
const NONE = new Set([0, 1]);

export async function decompress(buf: ArrayBuffer, compression: number): Promise<ArrayBuffer> {
  if (NONE.has(compression)) return buf;
  if (compression !== GZIP) throw new Error(`the tile archive uses a compression this app does not read (${compression})`);
  if (typeof DecompressionStream !== 'undefined') {
    const body = new Response(buf).body;
    if (!body) throw new Error('the tile archive could not be read as a stream');
    return new Response(body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
  }
  const { decompressSync } = await import('fflate');
  const out = decompressSync(new Uint8Array(buf));
  return out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer;
}

let protocol: Protocol | null = null;

/** The `pmtiles://` protocol's handler, made once; each archive URL read with decompress(). */
export function archiveProtocol(): Protocol {
  protocol ??= new Protocol();
  return protocol;
}

/** Registers an archive (its absolute URL, as in the style's `pmtiles://` source). */
export function addArchive(url: string): void {
  const p = archiveProtocol();
  if (!p.get(url)) p.add(new PMTiles(url, undefined, decompress));
}
