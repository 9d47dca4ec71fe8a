/**
 * The page's one drawing worker (draw.worker.ts), for every map of the page: glyph ranges for
 * imported labels, point symbols and Mongolian names. A worker that fails fails every request
 * waiting on it; one that failed before its first reply (its script not reachable) is not
 * started again for this page — every later request fails at once (the callers draw on the page).
 */
import type { DrawReply, DrawRequest } from './draw.worker.ts';
import type { Raster } from './icons.ts';

let worker: Worker | null = null;
/** the worker has answered once (it can start) */
let answered = false;
/** the worker could not start: not tried again */
let broken: Error | null = null;
let nextId = 0;
const waiting = new Map<number, { resolve: (r: DrawReply) => void; reject: (e: Error) => void }>();
const failed = new Set<() => void>();

/** Called when the worker fails (the callers forget what they cached from it). */
export function onDrawWorkerFailure(f: () => void): void {
  failed.add(f);
}

function fail(e: Error): void {
  if (!answered) broken = e;
  for (const w of waiting.values()) w.reject(e);
  waiting.clear();
  for (const f of failed) f();
  worker?.terminate();
  worker = null;
}

function ask(req: DrawRequest): Promise<DrawReply> {
  if (broken) return Promise.reject(broken);
  if (!worker) {
    worker = new Worker(new URL('./draw.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (ev: MessageEvent<DrawReply>) => {
      answered = true;
      const w = waiting.get(ev.data.id);
      waiting.delete(ev.data.id);
      w?.resolve(ev.data);
    };
    worker.onerror = (e) => fail(new Error(`the drawing worker failed: ${e.message || 'it could not start'}`));
  }
  const id = nextId++;
  return new Promise<DrawReply>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker?.postMessage({ ...req, id });
  });
}

/** A glyph range as a PBF, drawn in the worker. */
export async function drawGlyphs(req: Extract<DrawRequest, { kind: 'glyphs' }>): Promise<Uint8Array> {
  const r = await ask(req);
  if ('pbf' in r) return r.pbf;
  throw new Error('error' in r ? r.error : 'the drawing worker sent no glyphs');
}

/** An image (a point symbol, a Mongolian name), drawn in the worker. */
export async function drawRaster(req: Exclude<DrawRequest, { kind: 'glyphs' }>): Promise<Raster> {
  const r = await ask(req);
  if ('raster' in r) return r.raster;
  throw new Error('error' in r ? r.error : 'the drawing worker sent no image');
}
