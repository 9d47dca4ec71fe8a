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
    await new Promise((r) => map.once('idle', r));
  }
}
