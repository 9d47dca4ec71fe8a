// The tile archive's decompress: the browser's DecompressionStream, or fflate where there is none.
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { decompress } from '../../src/lib/map/archive.ts';

const text = 'pmtiles directory bytes '.repeat(50);
const gz = () => {
  const b = gzipSync(Buffer.from(text));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};
const saved = globalThis.DecompressionStream;

describe('the archive reader', () => {
  afterEach(() => {
    globalThis.DecompressionStream = saved;
  });

  it('gunzips with DecompressionStream', async () => {
    expect(new TextDecoder().decode(await decompress(gz(), 2))).toBe(text);
  });

  it('gunzips with fflate where the browser has no DecompressionStream', async () => {
    (globalThis as { DecompressionStream?: unknown }).DecompressionStream = undefined;
    expect(new TextDecoder().decode(await decompress(gz(), 2))).toBe(text);
  });

  it('passes uncompressed bytes through and refuses a compression it cannot read', async () => {
    const raw = new TextEncoder().encode('x').buffer as ArrayBuffer;
    expect(await decompress(raw, 1)).toBe(raw);
    await expect(decompress(raw, 3)).rejects.toThrow(/compression/);
  });
});
