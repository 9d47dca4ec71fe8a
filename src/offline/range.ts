/**
 * A byte range of a cached response, as a server would answer it (206 with Content-Range), so
 * the tile archive's HTTP Range reads work from the service worker's cache with no network.
 * Kept apart from sw.ts so that it is unit-tested.
 */
export function rangeResponse(full: ArrayBuffer, range: string, headers: Headers): Response {
  const size = full.byteLength;
  const m = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
  let start: number;
  let end: number;
  if (!m || (m[1] === '' && m[2] === '')) return unsatisfiable(size);
  if (m[1] === '') {
    // the last N bytes
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || end < start) return unsatisfiable(size);
  const out = new Headers();
  for (const k of ['content-type', 'etag', 'last-modified', 'cache-control']) {
    const v = headers.get(k);
    if (v) out.set(k, v);
  }
  out.set('content-range', `bytes ${start}-${end}/${size}`);
  out.set('content-length', String(end - start + 1));
  out.set('accept-ranges', 'bytes');
  return new Response(full.slice(start, end + 1), { status: 206, statusText: 'Partial Content', headers: out });
}

function unsatisfiable(size: number): Response {
  return new Response(null, {
    status: 416,
    statusText: 'Range Not Satisfiable',
    headers: { 'content-range': `bytes */${size}` },
  });
}
