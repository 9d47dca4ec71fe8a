/**
 * Print & export of the current view: a PDF page (A4/A3, portrait/landscape; lib/print/pdf.ts)
 * or a PNG of a chosen pixel size with the same furniture drawn on a canvas. The map is drawn
 * on the page (MapLibre needs it); encoding and composing happen in the print worker, so the
 * page stays responsive, shows progress and can cancel. Loaded with the Print tool, not with
 * the first view.
 */
import type * as maplibregl from 'maplibre-gl';
import type { Lang } from '../../contracts/vocab.ts';
import { attribution, DATUM_NOTE, LICENCES, PLAN_NAME } from '../../contracts/sources.ts';
import { FONT_STACK } from '../map/catalog.ts';
import { legendFor, type Colouring, type OwnLayer } from './legend.ts';
import { layout, mapPixels, type Orientation, type PageText, type PaperSize, type PdfPage } from './page.ts';
import { renderMap, MAX_CANVAS, type FeatureStates, type RenderedMap } from './render.ts';
import { runPrintJob } from './worker-client.ts';
import { mongolianFontBytes } from '../mongolian-font.ts';

export const PNG_PX = { min: 320, max: MAX_CANVAS } as const;

/** Today as 2026-12-01 (the page's date line). */
export const today = () => new Date().toISOString().slice(0, 10);

/**
 * The footer every print carries: sources (which say the rail lines are schematic: 示意 is
 * said once, there), datum and licences, the map number (审图号) when one is given, the date.
 */
export function footerLines(lang: Lang, mapNumber = ''): string[] {
  const zh = lang === 'zh';
  const number = mapNumber.trim();
  const said = (label: { zh: string; en: string }, what: string) => `${label[lang]}${zh ? '：' : ': '}${what}`;
  return [
    said({ zh: '数据来源', en: 'Sources' }, attribution(lang)),
    `${DATUM_NOTE[lang]} ${said({ zh: '许可', en: 'Licences' }, LICENCES[lang])}`,
    [
      ...(number ? [said({ zh: '审图号', en: 'Map approval no.' }, number)] : []),
      said({ zh: '制图日期', en: 'Made' }, today()),
      zh ? '呼伦贝尔市新型城镇化规划图（离线网页版）' : 'Hulunbuir plan map (offline web app)',
    ].join(' · '),
  ];
}

export function pageText(
  title: string,
  lang: Lang,
  visible: readonly string[],
  extra: Partial<PageText> = {},
  own: readonly OwnLayer[] = [],
  mapNumber = '',
  colourings: readonly Colouring[] = [],
): PageText {
  return {
    title,
    subtitle: PLAN_NAME[lang],
    legend: legendFor(visible, own, colourings),
    legendTitle: lang === 'zh' ? '图例' : 'Legend',
    footer: footerLines(lang, mapNumber),
    lang,
    ...extra,
  };
}

let fontBytes: Promise<ArrayBuffer> | null = null;
/** The print font (data/fonts/print-sc.otf, built by npm run data), fetched once. */
export function printFont(): Promise<ArrayBuffer> {
  fontBytes ??= fetch(new URL('data/fonts/print-sc.otf', document.baseURI)).then((r) => {
    if (!r.ok)
      throw new Error(
        `data/fonts/print-sc.otf: HTTP ${r.status} (the print font is built by npm run data from Debian's fonts-noto-cjk)`,
      );
    return r.arrayBuffer();
  });
  fontBytes.catch(() => {
    fontBytes = null;
  });
  return fontBytes;
}

/** Where a print is: drawing the map (tiles loaded of wanted), then composing (pages done of all). */
export type PrintProgress =
  | { phase: 'map'; page: number; pages: number; loaded: number; wanted: number }
  | { phase: 'compose'; done: number; pages: number };

export interface JobControl {
  signal?: AbortSignal;
  onProgress?: (p: PrintProgress) => void;
  /** 审图号 or a map number, printed in the footer when given */
  mapNumber?: string;
  /** the map's colourings by the planner's data (the join's choropleth), in the legend */
  colourings?: readonly Colouring[];
}

export interface PdfOptions extends JobControl {
  /** 1:`scale` on paper; else the view is fitted */
  scale?: number;
  size: PaperSize;
  orientation: Orientation;
  title: string;
  lang: Lang;
  visible: readonly string[];
  states?: FeatureStates;
  own?: readonly OwnLayer[];
}

export async function printPdf(main: maplibregl.Map, o: PdfOptions): Promise<Uint8Array> {
  const text = pageText(o.title, o.lang, o.visible, {}, o.own, o.mapNumber, o.colourings);
  const l = layout(o.size, o.orientation, [text]);
  const px = mapPixels(l);
  const font = printFont();
  const map = await renderMap(main, px.cssWidth, px.cssHeight, px.pixelRatio, {
    scale: o.scale,
    states: o.states,
    signal: o.signal,
    mongolianText: true,
    onTiles: (loaded, wanted) => o.onProgress?.({ phase: 'map', page: 1, pages: 1, loaded, wanted }),
  });
  o.onProgress?.({ phase: 'compose', done: 0, pages: 1 });
  const pages = [{ layout: l, map, text, scale: o.scale }];
  return composeInWorker(pages, await font, { title: o.title, subject: PLAN_NAME[o.lang] }, o);
}

/**
 * Pages rendered on the page, composed into one PDF in the print worker; with the Mongolian
 * names' font when a page's map placed a name (`mongolianText`).
 */
export async function composeInWorker(
  pages: PdfPage<RenderedMap>[],
  font: ArrayBuffer,
  meta: { title: string; subject: string },
  o: JobControl = {},
): Promise<Uint8Array> {
  // (the font is precached; should it still fail, the PDF is made without the names, not lost)
  const mongolian = pages.some((p) => p.map.mongolian?.length)
    ? await mongolianFontBytes().catch(() => undefined)
    : undefined;
  const out = await runPrintJob(
    { kind: 'pdf', pages, fonts: { text: font, mongolian }, meta },
    { signal: o.signal, onPage: (done) => o.onProgress?.({ phase: 'compose', done, pages: pages.length }) },
  );
  return out as Uint8Array;
}

export interface PngOptions extends JobControl {
  width: number;
  height: number;
  title: string;
  lang: Lang;
  visible: readonly string[];
  states?: FeatureStates;
  own?: readonly OwnLayer[];
}

/** A PNG of exactly width × height pixels: the map, a title, a legend, scale, north arrow and sources. */
export async function printPng(main: maplibregl.Map, o: PngOptions): Promise<Blob> {
  // Type and symbols scale with the image: 1 CSS px per pixel up to 2000 px wide, then more.
  const ratio = Math.max(1, Math.min(4, o.width / 2000));
  const map = await renderMap(main, Math.round(o.width / ratio), Math.round(o.height / ratio), ratio, {
    states: o.states,
    signal: o.signal,
    onTiles: (loaded, wanted) => o.onProgress?.({ phase: 'map', page: 1, pages: 1, loaded, wanted }),
  });
  o.onProgress?.({ phase: 'compose', done: 0, pages: 1 });
  const out = await runPrintJob(
    {
      kind: 'png',
      map,
      spec: {
        width: o.width,
        height: o.height,
        ratio,
        title: o.title,
        subtitle: PLAN_NAME[o.lang],
        legend: legendFor(o.visible, o.own, o.colourings),
        legendTitle: o.lang === 'zh' ? '图例' : 'Legend',
        footer: footerLines(o.lang, o.mapNumber),
        lang: o.lang,
        font: FONT_STACK,
      },
    },
    { signal: o.signal },
  );
  return out as Blob;
}
