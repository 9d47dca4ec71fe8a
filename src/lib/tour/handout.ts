/**
 * Handouts of a tour, made in the browser, offline, with the Print tool's page composer
 * (lib/print): one A4 landscape page per step — the map as the step shows it at 300 dpi, the
 * step's caption and plan wording as real text, the legend of the step's layers, scale, north
 * arrow, sources and date — or the step now shown as a PNG.
 */
import type * as maplibregl from 'maplibre-gl';
import type { Lang } from '../../contracts/vocab.ts';
import { quoteKey, type Tour, type TourStep } from '../../contracts/tour.ts';
import { PLAN_NAME } from '../../contracts/sources.ts';
import { taskLabel } from '../../contracts/vocab.ts';
import { download } from '../ui/download.ts';
import { HANDOUT_DPI, layout, mapPixels } from '../print/page.ts';
import { composeInWorker, pageText, printFont, printPng, type PrintProgress } from '../print/print.ts';
import { cancelled, releasePrintMap, renderMap, type FeatureStates } from '../print/render.ts';
import { plainText } from './markdown.ts';
import { nextTask } from '../next-task.ts';
import { UI } from '../i18n.ts';
import { mapIdle } from '../map/gpu.ts';
import { pageBounds } from './find.ts';

/**
 * The text of a step's page: the tour and step, the caption, the plan's words. `edited`: the
 * quotes (step id / index) a presenter changed — their wording, printed as such, not as the plan's.
 */
export function stepText(
  tour: Tour,
  step: TourStep,
  index: number,
  lang: Lang,
  edited: ReadonlySet<string> = new Set(),
) {
  const colon = lang === 'zh' ? '：' : ': ';
  const body = [
    ...plainText(step.caption[lang])
      .split('\n')
      .map((text) => ({ text })),
    // the plan's words as written; in English our translation first, the Chinese it translates after
    ...(step.plan_ref ?? []).map((r, i) =>
      edited.has(quoteKey(step.id, i))
        ? { text: `${UI.presenterWording[lang]}${colon}${r.quote}` }
        : {
            text:
              lang === 'zh' || !r.quote_en
                ? `${taskLabel(r.task ?? null, lang)}${colon}“${r.quote}”`
                : `${taskLabel(r.task ?? null, lang)}: “${r.quote_en}” (our translation of “${r.quote}”)`,
            quote: true,
          },
    ),
  ];
  return pageText(step.title[lang], lang, step.layers, {
    kicker: `${tour.title[lang]} · ${index + 1} / ${tour.steps.length}`,
    body,
  });
}

/**
 * Walks the tour, one page per step, and downloads the PDF. `goto` shows a step instantly,
 * framed for paper (`paper`) or, going back at the end, for the screen;
 * `states` says which features the step lights (drawn lit on paper too). Progress is told a
 * page at a time (the map's tiles, then the composing); `signal` cancels it between any two
 * of those, and the tour goes back to the step it was on either way. `edited`: a presenter's
 * changed quotes (stepText).
 */
export async function exportHandout(
  map: maplibregl.Map,
  tour: Tour,
  lang: Lang,
  goto: (i: number, paper: boolean) => Promise<void>,
  back: number,
  states: () => FeatureStates,
  o: { signal?: AbortSignal; onProgress?: (p: PrintProgress) => void; edited?: ReadonlySet<string> } = {},
): Promise<void> {
  // One layout for every page, with room for the longest step's legend at 8 pt: the print map
  // keeps one size through the handout.
  const texts = tour.steps.map((step, i) => stepText(tour, step, i, lang, o.edited));
  const l = layout('A4', 'landscape', texts);
  const px = mapPixels(l, HANDOUT_DPI);
  const font = printFont();
  const pages = [];
  const pageCount = tour.steps.length;
  try {
    try {
      for (let i = 0; i < pageCount; i++) {
        // each step shown in a task of its own, not in the frame that drew the last page's map
        await nextTask();
        if (o.signal?.aborted) throw cancelled();
        o.onProgress?.({ phase: 'map', page: i, pages: pageCount, loaded: 0, wanted: 0 });
        // the step on the main map (its layers, camera and lit places, which the print map copies);
        // the print map loads and draws its own tiles: the main map's drawing is waited for on the
        // first page only (the print map is made and compiles its shaders then: with the GPU busy
        // drawing the main map too, those calls blocked the page 300–500 ms)
        await goto(i, true);
        if (i === 0) await mapIdle(map);
        await nextTask(); // (the step's own work — the caption, the link, the camera — done in the last)
        // a step fitted to its places is framed on the page's own map (the screen's is another shape),
        // its lit places all on the page
        const step = tour.steps[i];
        const bbox = await pageBounds(step);
        pages.push({
          layout: l,
          map: await renderMap(map, px.cssWidth, px.cssHeight, px.pixelRatio, {
            states: states(),
            ...(bbox ? { fit: { bbox, bearing: step.camera.bearing, pitch: step.camera.pitch } } : {}),
            signal: o.signal,
            mongolianText: true,
            onTiles: (loaded, wanted) => o.onProgress?.({ phase: 'map', page: i, pages: pageCount, loaded, wanted }),
          }),
          text: texts[i],
        });
      }
    } finally {
      await goto(back, false);
    }
    o.onProgress?.({ phase: 'compose', done: 0, pages: pageCount });
    const bytes = await composeInWorker(
      pages,
      await font,
      { title: tour.title[lang], subject: PLAN_NAME[lang] },
      { signal: o.signal, onProgress: o.onProgress },
    );
    download(bytes as BlobPart, 'application/pdf', `${tour.id}-handout.pdf`);
  } catch (e) {
    for (const p of pages) p.map.bitmap.close(); // (a no-op for bitmaps already handed to the worker)
    throw e;
  } finally {
    releasePrintMap(); // once the worker has read the pixels: the GPU is done with the sheet
  }
}

/** Downloads the step now shown as a PNG (1920 × 1080, with title, legend, scale and sources). */
export async function exportPng(
  map: maplibregl.Map,
  tour: Tour,
  index: number,
  lang: Lang,
  states: FeatureStates,
): Promise<void> {
  await mapIdle(map);
  const step = tour.steps[index];
  const blob = await printPng(map, {
    width: 1920,
    height: 1080,
    title: `${tour.title[lang]} · ${step.title[lang]}`,
    lang,
    visible: step.layers,
    states,
  }).finally(releasePrintMap);
  download(blob, 'image/png', `${tour.id}-${index + 1}-${step.id}.png`);
}
