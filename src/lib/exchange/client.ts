/**
 * The page's side of the export worker: one worker per export, terminated when it ends or the
 * person cancels; the file handed to the browser's download.
 */
import type { ExportResult } from './export.ts';
import type { FromExportWorker, ToExportWorker } from './export.worker.ts';

export function runExportJob(
  req: ToExportWorker,
  o: { signal?: AbortSignal; onPhase?: (p: 'reading' | 'writing') => void } = {},
): Promise<ExportResult | 'cancelled'> {
  if (o.signal?.aborted) return Promise.resolve('cancelled');
  const w = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve) => {
    const end = () => {
      w.terminate();
      o.signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      end();
      resolve('cancelled');
    };
    o.signal?.addEventListener('abort', onAbort);
    w.onmessage = (ev: MessageEvent<FromExportWorker>) => {
      if (ev.data.type === 'phase') return o.onPhase?.(ev.data.phase);
      end();
      resolve(ev.data.result);
    };
    w.onerror = (e) => {
      end();
      const why = e.message || 'the export worker did not start';
      resolve({ ok: false, problem: { zh: `导出失败：${why}`, en: `the export failed: ${why}` } });
    };
    w.postMessage(req);
  });
}
