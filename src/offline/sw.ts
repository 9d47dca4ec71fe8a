/**
 * The service worker: after one visit the whole app works with the network off — the pages,
 * the hashed assets, the data files and the tile archive (its HTTP Range reads answered from
 * the cache, offline/range.ts). The build (vite.config.ts, `offline()`) writes the list of
 * files and a version (the hash of every file's content) into this file, so each release is a
 * new worker with a cache of its own:
 * - install: the new release's files into a new cache, all or nothing (a failed download is
 *   a failed install; the old worker keeps serving the old release, whole);
 * - waiting: the page announces the update (offline/register.ts); the user applies it, the
 *   worker takes over and the page reloads — never half of one release and half of another;
 * - activate: the caches of older releases are deleted.
 * The print font, the layer downloads and the export worker with its SQLite are cached when first used (later.ts).
 */
import { LATER } from './later.ts';
import { rangeResponse } from './range.ts';

interface Manifest {
  version: string;
  files: string[];
}
interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(r: Promise<Response> | Response): void;
}
interface MessageEvent extends ExtendableEvent {
  data: unknown;
}
interface WorkerScope {
  registration: { scope: string };
  clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', fn: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchEvent) => void): void;
  addEventListener(type: 'message', fn: (e: MessageEvent) => void): void;
}

const sw = self as unknown as WorkerScope;
// Replaced by the build with the release's manifest (a JSON string).
const MANIFEST: Manifest = JSON.parse('__SW_MANIFEST__');
const PREFIX = 'hlbe-plan-map-';
const CACHE = `${PREFIX}${MANIFEST.version}`;
const RUNTIME = `${PREFIX}runtime-${MANIFEST.version}`;
const scope = new URL(sw.registration.scope);
// LATER: cached when first used (later.ts, the build's precache list leaves them out)

sw.addEventListener('install', (e) => {
  e.waitUntil(
    caches
      .open(CACHE)
      .then((c) => c.addAll(MANIFEST.files.map((f) => new Request(new URL(f, scope), { cache: 'reload' })))),
  );
});

sw.addEventListener('activate', (e) => {
  e.waitUntil(
    (async () => {
      for (const k of await caches.keys())
        if (k.startsWith(PREFIX) && k !== CACHE && k !== RUNTIME) await caches.delete(k);
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('message', (e) => {
  if (e.data === 'apply-update') void sw.skipWaiting();
});

sw.addEventListener('fetch', (e) => {
  const req = e.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const path = url.pathname.slice(scope.pathname.length);
  if (req.mode === 'navigate') {
    e.respondWith(page(req, path));
    return;
  }
  const range = req.headers.get('range');
  if (range) {
    e.respondWith(ranged(req, range));
    return;
  }
  e.respondWith(fromCache(req, path));
});

/** A page: this release's copy (the query is the app's own state), else the network. */
async function page(req: Request, path: string): Promise<Response> {
  const name = path === '' || path.endsWith('/') ? `${path}index.html` : path;
  const hit = await caches.match(new URL(name, scope).href, { cacheName: CACHE, ignoreSearch: true });
  return hit ?? fetch(req);
}

/** A byte range (the tile archive) from the cached whole file; else the network. */
async function ranged(req: Request, range: string): Promise<Response> {
  const hit = await caches.match(req.url, { cacheName: CACHE, ignoreSearch: true });
  if (!hit) return fetch(req);
  return rangeResponse(await hit.arrayBuffer(), range, hit.headers);
}

/** Anything else: this release's copy; files cached on first use (print font, downloads); else the network. */
async function fromCache(req: Request, path: string): Promise<Response> {
  const hit =
    (await caches.match(req.url, { cacheName: CACHE, ignoreSearch: true })) ??
    (await caches.match(req.url, { cacheName: RUNTIME }));
  if (hit) return hit;
  const res = await fetch(req);
  if (res.ok && LATER.test(path)) {
    const copy = res.clone();
    void caches.open(RUNTIME).then((c) => c.put(req.url, copy));
  }
  return res;
}
