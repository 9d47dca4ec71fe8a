// The archive's HTTP reads (map/archive.ts) against the servers it meets, and the service
// worker's Range answers from its cache (offline/range.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ArchiveSource, type ArchiveProblem } from '../../src/lib/map/archive.ts';
import { rangeResponse } from '../../src/offline/range.ts';

const BYTES = readFileSync('public/tiles/plan.pmtiles');
const URL_ = 'https://example.test/tiles/plan.0123456789ab.pmtiles';
const buf = (b: Uint8Array) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

/** A server over bytes: Range as nginx answers it, or not at all, or failing. */
function server(bytes: Uint8Array, mode: 'range' | 'whole' | '404' | 'offline' = 'range') {
  let calls = 0;
  const f = (async (_url: RequestInfo | URL, init?: RequestInit) => {
    calls++;
    if (mode === 'offline') throw new TypeError('Failed to fetch');
    if (mode === '404') return new Response('not found', { status: 404 });
    if (mode === 'whole')
      return new Response(buf(bytes), { status: 200, headers: { 'content-length': String(bytes.length) } });
    const r = rangeResponse(buf(bytes), new Headers(init?.headers).get('range') ?? '', new Headers({ etag: '"a"' }));
    return r;
  }) as typeof fetch;
  return { f, calls: () => calls };
}

function source(fetcher: typeof fetch) {
  const seen: (ArchiveProblem | { kind: 'recovered' })[] = [];
  return { s: new ArchiveSource(URL_, (p) => seen.push(p), fetcher), seen };
}

describe('the archive source', () => {
  it('reads ranges from a server that honours Range, with the file name and no problem', async () => {
    const { s, seen } = source(server(BYTES).f);
    const r = await s.getBytes(0, 16384);
    expect(r.data.byteLength).toBe(16384);
    expect(new TextDecoder().decode(r.data.slice(0, 7))).toBe('PMTiles');
    expect(r.etag).toBe('"a"');
    expect(s.file).toBe('plan.0123456789ab.pmtiles');
    expect(seen).toEqual([]);
  });

  it('a server that ignores Range: the whole file, read once, then served from memory — and said', async () => {
    const srv = server(BYTES, 'whole');
    const { s, seen } = source(srv.f);
    expect((await s.getBytes(0, 16384)).data.byteLength).toBe(16384);
    const tail = await s.getBytes(BYTES.length - 100, 100);
    expect(Buffer.from(tail.data)).toEqual(BYTES.subarray(BYTES.length - 100));
    expect(srv.calls()).toBe(1);
    expect(seen.map((p) => p.kind)).toEqual(['no-range']);
  });

  it('a truncated copy is found from its header at the first read', async () => {
    const { s, seen } = source(server(BYTES.subarray(0, 200_000)).f);
    await expect(s.getBytes(0, 16384)).rejects.toThrow(/truncated/);
    expect(seen[0]).toMatchObject({ kind: 'truncated', detail: `200000 of ${BYTES.length} bytes` });
  });

  it('a file that is not an archive (an HTML error page served as 200) is corrupt', async () => {
    const html = new TextEncoder().encode('<!doctype html><title>Not found</title>'.padEnd(20_000, ' '));
    const { s, seen } = source(server(html).f);
    await expect(s.getBytes(0, 16384)).rejects.toThrow(/corrupt/);
    expect(seen[0]).toMatchObject({ kind: 'corrupt' });
  });

  it('404 before any read is missing; after a read, a new release (updated)', async () => {
    const a = source(server(BYTES, '404').f);
    await expect(a.s.getBytes(0, 16384)).rejects.toThrow();
    expect(a.seen[0]).toMatchObject({ kind: 'missing', detail: 'HTTP 404' });
    let mode: 'range' | '404' = 'range';
    const b = source(((u: RequestInfo | URL, i?: RequestInit) => server(BYTES, mode).f(u, i)) as typeof fetch);
    await b.s.getBytes(0, 16384);
    mode = '404';
    await expect(b.s.getBytes(20_000, 100)).rejects.toThrow();
    expect(b.seen[0]).toMatchObject({ kind: 'updated' });
  });

  it('an ETag that changes under the same name is a change (pmtiles then reads the header again)', async () => {
    const { s, seen } = source(server(BYTES).f);
    await expect(s.getBytes(20_000, 100, undefined, '"older"')).rejects.toThrow(/changed/);
    expect(seen[0]).toMatchObject({ kind: 'changed', detail: 'ETag "older" → "a"' });
  });

  it('offline: a network problem, then recovered when a read succeeds again', async () => {
    let mode: 'range' | 'offline' = 'offline';
    const { s, seen } = source(((u: RequestInfo | URL, i?: RequestInit) =>
      server(BYTES, mode).f(u, i)) as typeof fetch);
    await expect(s.getBytes(0, 16384)).rejects.toThrow(/network/);
    mode = 'range';
    await s.getBytes(0, 16384);
    expect(seen.map((p) => p.kind)).toEqual(['network', 'recovered']);
  });
});

describe("the service worker's Range answers", () => {
  const full = buf(new Uint8Array(1000).map((_, i) => i % 256));
  const h = new Headers({ etag: '"x"', 'content-type': 'application/vnd.pmtiles' });

  it('answers bytes=a-b, a-, and -n with 206 and the right Content-Range', async () => {
    const r = rangeResponse(full, 'bytes=10-19', h);
    expect(r.status).toBe(206);
    expect(r.headers.get('content-range')).toBe('bytes 10-19/1000');
    expect(r.headers.get('etag')).toBe('"x"');
    expect([...new Uint8Array(await r.arrayBuffer())]).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(rangeResponse(full, 'bytes=990-', h).headers.get('content-range')).toBe('bytes 990-999/1000');
    expect(rangeResponse(full, 'bytes=-5', h).headers.get('content-range')).toBe('bytes 995-999/1000');
    expect(rangeResponse(full, 'bytes=900-5000', h).headers.get('content-length')).toBe('100');
  });

  it('refuses what it cannot answer with 416 and the size', () => {
    for (const bad of ['bytes=1000-1001', 'bytes=20-10', 'items=0-1', 'bytes=-']) {
      const r = rangeResponse(full, bad, h);
      expect(r.status, bad).toBe(416);
      expect(r.headers.get('content-range')).toBe('bytes */1000');
    }
  });
});

describe('cached when first used', () => {
  it('the print font, layer files, the export worker and SQLite’s wasm wait for their first use; the app and the Mongolian font do not', async () => {
    const { LATER } = await import('../../src/offline/later.ts');
    for (const f of [
      'data/fonts/print-sc.otf',
      'data/layers/units.geojson',
      'assets/export.worker-CaL0K0Ca.js',
      'assets/sql-wasm-browser-CXIAVl5-.wasm',
    ])
      expect(LATER.test(f), f).toBe(true);
    for (const f of [
      'index.html',
      'assets/main-rmmQZwob.js',
      'assets/import.worker-X.js',
      'data/plan.json',
      'tiles/plan.pmtiles',
      // the Mongolian names' font: small, and a card needs it offline
      'data/fonts/mongolian.ttf',
    ])
      expect(LATER.test(f), f).toBe(false);
  });
});
