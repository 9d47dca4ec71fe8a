/**
 * The print worker: composes a PDF (pdf-lib, the CJK font, the map's pixels deflated) or
 * draws and encodes a PNG, off the page's thread — one job per worker, which the page
 * terminates when the user cancels.
 */
import hbWasm from 'harfbuzzjs/dist/harfbuzz-subset.wasm?url';
import { composePdf, rgbOf, type FontCut, type PdfPage, type PrintFonts } from './pdf.ts';
import { PRINT_CUT, hbSubset } from './hb-subset.ts';
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

/**
 * The print font cut to the PDF's characters by HarfBuzz (its wasm cached once used, like the
 * font). Should the wasm not be had (offline before any print), the PDF carries the whole font:
 * larger, the same to read.
 */
const cut: FontCut = async (font, codePoints) => {
  try {
    const r = await fetch(hbWasm);
    if (!r.ok) return font;
    return await hbSubset(await r.arrayBuffer(), font, 0, codePoints, PRINT_CUT, 'the print font');
  } catch {
    return font;
  }
};

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
      const bytes = await composePdf(pages, job.fonts, job.meta, (done) => post({ type: 'page', done }), cut);
      post({ type: 'pdf', bytes }, [bytes.buffer]);
    } else post({ type: 'png', blob: await composePng(job.map, job.spec, () => post({ type: 'read' })) });
  } catch (e) {
    post({ type: 'failed', message: (e as Error).message ?? String(e) });
  }
};
