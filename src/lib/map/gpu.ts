/**
 * Keeping the page free of the GPU's waits. In software WebGL (and on a slow GPU) a call that
 * needs the GPU process's answer — making a context, sizing a canvas, linking a program, letting
 * a context go — blocks the page until that process has drawn what it was given: 200–400 ms
 * here after a full-screen frame. So: wait for the GPU without blocking (a fence, polled between
 * tasks) before such a call, and make a new map's shaders a few layers a frame.
 */
import type * as maplibregl from 'maplibre-gl';
import type { StyleSpecification } from 'maplibre-gl';

/** Layers shown per frame while a new map compiles its shaders. */
export const REVEAL_BATCH = 4;

/**
 * Resolves once the GPU has done what every map of the page asked of it (the main map, a
 * swipe's second map, the print map): the page never blocks on it. One GPU process draws for
 * all of them, so a new context waits for the busiest. Gives up after 2 s (the maps' fences
 * are polled together; one that never signals costs that wait only).
 */
export async function gpuDrained(): Promise<void> {
  const canvases = [...document.querySelectorAll<HTMLCanvasElement>('canvas.maplibregl-canvas')];
  await Promise.all(canvases.map(drained));
}

async function drained(canvas: HTMLCanvasElement): Promise<void> {
  // the context the map made (getContext returns it; a canvas with a WebGL 1 context gives null)
  const gl = canvas.getContext('webgl2');
  if (!gl || gl.isContextLost()) return;
  const sync = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
  if (!sync) return;
  gl.flush();
  const until = performance.now() + 2000;
  while (gl.getSyncParameter(sync, gl.SYNC_STATUS) !== gl.SIGNALED && performance.now() < until)
    await new Promise((r) => setTimeout(r, 8));
  gl.deleteSync(sync);
}

/** The style with its drawn layers hidden, and their ids: shown by `reveal` a few per frame. */
export function hideForReveal(style: StyleSpecification): string[] {
  const ids = style.layers.filter((l) => l.type !== 'background' && l.layout?.visibility !== 'none').map((l) => l.id);
  const hidden = new Set(ids);
  style.layers = style.layers.map((l) =>
    hidden.has(l.id) ? ({ ...l, layout: { ...l.layout, visibility: 'none' } } as typeof l) : l,
  );
  return ids;
}

/**
 * Shows the layers `hideForReveal` hid, a batch a frame (each frame links only their programs);
 * stops when `over`. Before each batch the GPU has drawn what it was given: a link is answered by
 * the GPU process after that, and a sheet's frame took it 100–550 ms (software GL, loaded).
 */
export async function reveal(map: maplibregl.Map, ids: readonly string[], over: () => boolean): Promise<void> {
  for (let i = 0; i < ids.length; i += REVEAL_BATCH) {
    await gpuDrained();
    if (over()) return;
    for (const id of ids.slice(i, i + REVEAL_BATCH)) map.setLayoutProperty(id, 'visibility', 'visible');
    await mapIdle(map);
  }
}

/** Waits until the map has drawn everything it needs for the current view. */
export function mapIdle(map: maplibregl.Map): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}

/** Per map, the layer sets waiting to be shown (`showSettled`): a print waits for them (`settled`). */
const waiting = new WeakMap<maplibregl.Map, Set<Promise<void>>>();

/**
 * Shows a map's new layers once it has settled (its camera still — a fit's label check done,
 * `aria-busy` gone: camera.ts — and its tiles drawn) and the GPU has done what it was given, if
 * still `wanted`: their first frame links their programs, and a link waits for the GPU process to
 * finish what came before it — after an import's camera flight, 150–350 ms in one task here.
 * While any wait, the map's element says how many (`data-settling`): tests wait for none.
 */
export function showSettled(map: maplibregl.Map, ids: readonly string[], wanted: () => boolean): Promise<void> {
  const set = waiting.get(map) ?? new Set();
  waiting.set(map, set);
  const el = map.getContainer();
  const job = (async () => {
    // (a map kept moving — a person panning — shows them after SETTLE_MAX_MS all the same)
    await Promise.race([still(map), new Promise((r) => setTimeout(r, SETTLE_MAX_MS))]);
    await gpuDrained();
    if (!wanted()) return;
    for (const id of ids) if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', 'visible');
  })().finally(() => {
    set.delete(job);
    if (set.size) el.dataset.settling = String(set.size);
    else delete el.dataset.settling;
  });
  set.add(job);
  el.dataset.settling = String(set.size);
  return job;
}

/** Resolves once every layer set of the map waiting to be shown is (a print draws what the user asked for). */
export async function settled(map: maplibregl.Map): Promise<void> {
  const set = waiting.get(map);
  while (set?.size) await Promise.all(set);
}

/** The map idle with no fit settling its labels (camera.ts marks that with `aria-busy`). */
async function still(map: maplibregl.Map): Promise<void> {
  const el = map.getContainer();
  for (;;) {
    await mapIdle(map);
    if (!el.hasAttribute('aria-busy')) return;
    await new Promise<void>((resolve) => {
      const seen = new MutationObserver(() => {
        if (el.hasAttribute('aria-busy')) return;
        seen.disconnect();
        resolve();
      });
      seen.observe(el, { attributes: true, attributeFilter: ['aria-busy'] });
    });
  }
}

/** The longest a new layer waits for its map to settle before it is shown. */
export const SETTLE_MAX_MS = 3000;
