/**
 * The page's side of the print worker: one worker per job, terminated when the job ends or
 * the user cancels (pdf-lib cannot be interrupted otherwise).
 */
import type { FromPrintWorker, PrintJob } from './print.worker.ts';
import { cancelled } from './render.ts';

/**
 * The performance mark made when the worker has the drawn map's pixels: from here the work is
 * the worker's (tests and bench time the page's responsiveness from it). Before it, handing
 * over a GPU-drawn bitmap waits for the GPU to finish the sheet — drawing's cost, not composing's.
 */
export const COMPOSE_MARK = 'print:compose';

export function runPrintJob(
  job: PrintJob,
  o: { signal?: AbortSignal; onPage?: (done: number) => void } = {},
): Promise<Uint8Array | Blob> {
  if (o.signal?.aborted) return Promise.reject(cancelled());
  const w = new Worker(new URL('./print.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<Uint8Array | Blob>((resolve, reject) => {
    const end = () => {
      w.terminate();
      o.signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      end();
      reject(cancelled());
    };
    o.signal?.addEventListener('abort', onAbort);
    w.onmessage = (ev: MessageEvent<FromPrintWorker>) => {
      const m = ev.data;
      if (m.type === 'read') return performance.mark(COMPOSE_MARK);
      if (m.type === 'page') return o.onPage?.(m.done);
      end();
      if (m.type === 'failed') reject(new Error(`the print could not be made: ${m.message}`));
      else resolve(m.type === 'pdf' ? m.bytes : m.blob);
    };
    w.onerror = (e) => {
      end();
      reject(new Error(`the print worker stopped: ${e.message}`));
    };
    const maps = job.kind === 'pdf' ? job.pages.map((p) => p.map.bitmap) : [job.map.bitmap];
    try {
      w.postMessage(job, maps);
    } catch (e) {
      end();
      reject(e);
    }
  });
}
