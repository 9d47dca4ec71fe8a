/**
 * The README of every download, in parts: its head (what, the plan, datum, licences, sources)
 * and a section a layer (its title, count, schematic note, the sources of its features).
 * Used by the page's downloads and by the export worker (nothing here touches the page).
 */
import type { LayerMetadata } from '../../contracts/download.ts';
import { attribution, DATUM_NOTE, LICENCES, PLAN_NAME } from '../../contracts/sources.ts';
import type { Lang } from '../../contracts/vocab.ts';

/** The head; `datum` false where the export says its own coordinate system. */
export function readmeHead(lang: Lang, what: string, datum = true): string[] {
  const zh = lang === 'zh';
  return [
    zh ? `呼伦贝尔市新型城镇化规划图 — 数据下载：${what}` : `Hulunbuir plan map — data download: ${what}`,
    '',
    `${zh ? '规划' : 'Plan'}: ${PLAN_NAME[lang]}`,
    ...(datum ? [`${zh ? '坐标' : 'Datum'}: ${DATUM_NOTE[lang]}`] : []),
    `${zh ? '许可' : 'Licences'}: ${LICENCES[lang]}`,
    `${zh ? '来源' : 'Sources'}: ${attribution(lang)}`,
  ];
}

/** What a CSV is, for the README of a download with CSV files. */
/** A within-distance result's places cut to its buffer (exchange/clip.ts clipNear), said in its README. */
export const CLIP_NOTE = (title: string) => ({
  zh: `${title}：线与面按缓冲区裁剪，只含其在范围内的部分（仅擦边者按缓冲区外框略放宽裁剪，仍无交者不带几何、保留属性）；完整几何见各图层的文件。`,
  en: `${title}: lines and areas are cut to the buffer, keeping the part within it (one that only grazes it is cut to the buffer's box widened a little; one still outside keeps its attributes without a geometry); the whole geometries are in each layer's file.`,
});

export const CSV_NOTE = {
  zh: 'CSV 为 UTF-8（带 BOM）编码，Excel 可直接打开。',
  en: 'CSV files are UTF-8 with a byte-order mark, so Excel opens them directly.',
} as const;

export function layerSection(lang: Lang, m: LayerMetadata): string[] {
  const zh = lang === 'zh';
  return [
    '',
    `## ${m.title[lang]} (${m.layer}, ${m.features} ${zh ? '个要素' : 'features'})`,
    ...(m.schematic ? [m.schematic[lang]] : []),
    `${zh ? '各要素来源' : 'Sources of its features'}:`,
    ...m.sources.map((s) => `- ${s}`),
  ];
}
