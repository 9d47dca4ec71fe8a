/**
 * The print worker: composes a PDF (pdf-lib, the CJK font, the map's pixels deflated) or
 * draws and encodes a PNG, off the page's thread — one job per worker, which the page
 * terminates when the user cancels.
 */
import { composePdf, rgbOf, type PdfPage, type PrintFonts } from './pdf.ts';
import { composePng, type ImageSpec } from './png.ts';
import type { RenderedMap } from './render.ts';

export type PrintJob =
  | {
      kind: 'pdf';
      pages: PdfPage<RenderedMap>[];
      fonts: PrintFonts;
      meta: { title: string; subject: string };
    }
  | { kind: 'png'; map: RenderedMap; spec: ImageSpec };

export type FromPrintWorker =
  | { type: 'read' }
  | { type: 'page'; done: number }
  | { type: 'pdf'; bytes: Uint8Array }
  | { type: 'png'; blob: Blob }
  | { type: 'failed'; message: string };

const post = (m: FromPrintWorker, transfer: Transferable[] = []) => self.postMessage(m, { transfer });

self.onmessage = async (ev: MessageEvent<PrintJob>) => {
  const job = ev.data;
  try {
    if (job.kind === 'pdf') {
      const pages = job.pages.map(({ map: { bitmap, ...map }, ...page }) => ({
        ...page,
        map: { ...map, rgb: rgbOf(bitmap) },
      }));
      post({ type: 'read' }); // the drawn maps' pixels are the worker's now
      const bytes = await composePdf(pages, job.fonts, job.meta, (done) => post({ type: 'page', done }));
      post({ type: 'pdf', bytes }, [bytes.buffer]);
    } else post({ type: 'png', blob: await composePng(job.map, job.spec, () => post({ type: 'read' })) });
  } catch (e) {
    post({ type: 'failed', message: (e as Error).message ?? String(e) });
  }
};
