/**
 * Feature details (from public/data/features.json) → what the card shows. Text only: the
 * card renders these strings as text, never as HTML, whatever the data holds.
 */
import { CARD_UI as UI } from './card-text.ts';
import type { Details, PlanRef } from '../contracts/feature.ts';
import {
  RAIL_STATUS_LABELS,
  ROLE_LABELS,
  STRUCTURE_LABELS,
  ZONE_LABELS,
  taskLabel,
  type Lang,
  type Text,
} from '../contracts/vocab.ts';

/** A remark in brackets: full-width in Chinese, ASCII with a space in English. */
const paren = (text: string, lang: Lang) => (lang === 'zh' ? `（${text}）` : ` (${text})`);

export type { Details, PlanRef };

export interface CardRow {
  label: string;
  value: string;
}
export interface Card {
  id: string;
  title: string;
  subtitle: string;
  kind: string;
  rows: CardRow[];
  plan: { label: string; quote: string; quote_en: string | null }[];
  warnings: string[];
  source: string;
  confidence: string;
  /** the name in traditional Mongolian script (shown vertically beside the Chinese), where one has a source */
  mongolian: { name: string; latin: string; source: string; confidence: string } | null;
}

const KIND: Record<string, Text> = {
  city: { zh: '地级市', en: 'Prefecture-level city' },
  units: { zh: '旗市区（县级行政区）', en: 'County-level unit' },
  zones: { zh: '规划分区', en: 'Plan zone' },
  structure_areas: { zh: '一核两极', en: 'Core / pole' },
  structure_points: { zh: '城镇节点', en: 'Town' },
  rail_lines: { zh: '铁路', en: 'Railway' },
  rail_stations: { zh: '铁路车站', en: 'Railway station' },
  heritage: { zh: '历史文化', en: 'Heritage' },
  ports: { zh: '口岸与开放平台', en: 'Port / opening platform' },
  lakes: { zh: '湖泊', en: 'Lake' },
};

const ROLE: Record<string, Text> = ROLE_LABELS;
const STATUS: Record<string, Text> = RAIL_STATUS_LABELS;
const ZONE: Record<string, Text> = ZONE_LABELS;
const STRUCTURE: Record<string, Text> = STRUCTURE_LABELS;

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

function numberText(n: number, lang: Lang): string {
  return n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');
}

export function planLabel(r: PlanRef, lang: Lang): string {
  if (r.task === null) {
    if (lang === 'zh') return r.part;
    return r.part.startsWith('二')
      ? 'Part 2: development goals'
      : r.part.startsWith('三')
        ? 'Part 3: key tasks'
        : r.part;
  }
  return taskLabel(r.task, lang);
}

/** The drawn area's difference from the official one, as a fraction (null without both). */
export function areaDifference(d: Details): number | null {
  const [drawn, official] = [d.area_drawn_km2, d.area_official_km2];
  return typeof drawn === 'number' && typeof official === 'number' && official > 0 ? drawn / official - 1 : null;
}

/** A note in one language: "中文 / English" split, an English-only note for English only. */
export function noteIn(note: string | null | undefined, lang: Lang): string | null {
  if (!note) return null;
  const cut = note.indexOf(' / ');
  // (Chinese in ASCII brackets inside English is a quoted term: "administered by Manzhouli (代管)")
  const hasZh = /[\u4e00-\u9fff]/.test((cut > 0 ? note.slice(0, cut) : note).replace(/\([^)]*\)/g, ''));
  if (cut > 0 && hasZh) return lang === 'zh' ? note.slice(0, cut) : note.slice(cut + 3);
  return hasZh === (lang === 'zh') ? note : null;
}

export function buildCard(d: Details, lang: Lang): Card {
  const t = (x: Text) => x[lang];
  const rows: CardRow[] = [];
  const add = (label: Text, value: string | null | undefined) => {
    if (value) rows.push({ label: t(label), value });
  };

  if (d.layer === 'units' || d.layer === 'city') {
    const pop = d.pop_2020;
    const popText =
      typeof pop === 'number'
        ? `${numberText(pop, lang)}${lang === 'zh' ? ' 人' : ''}${d.pop_confidence === 'low' ? paren(t(UI.derivedLow), lang) : ''}`
        : t(UI.unknown);
    add(UI.population, popText);
    if (typeof d.area_official_km2 === 'number')
      add(
        UI.areaOfficial,
        `${numberText(Math.round(d.area_official_km2), lang)} ${t(UI.km2)}${d.area_official_confidence === 'low' ? paren(t(UI.roughFigure), lang) : ''}`,
      );
    if (typeof d.area_drawn_km2 === 'number')
      add(UI.area, `${numberText(Math.round(d.area_drawn_km2), lang)} ${t(UI.km2)}`);
    add(UI.seat, lang === 'zh' ? str(d.seat_zh) : str(d.seat_en));
    if (typeof d.zone === 'string' && ZONE[d.zone]) add(UI.zone, t(ZONE[d.zone]));
    if (typeof d.structure === 'string' && STRUCTURE[d.structure]) add(UI.structure, t(STRUCTURE[d.structure]));
  }
  if (typeof d.role === 'string' && ROLE[d.role] && d.layer !== 'structure_areas') add(UI.role, t(ROLE[d.role]));
  if (d.layer === 'zones' || d.layer === 'structure_areas') {
    add(UI.members, lang === 'zh' ? str(d.members) : str(d.members_en));
    if (typeof d.area_drawn_km2 === 'number')
      add(UI.area, `${numberText(Math.round(d.area_drawn_km2), lang)} ${t(UI.km2)}`);
  }
  if (d.layer === 'structure_points' && lang === 'zh') add(UI.zone, str(d.unit_zh));
  add(UI.industries, lang === 'zh' ? str(d.industries) : str(d.industries_en));
  if (typeof d.status === 'string' && STATUS[d.status]) add(UI.status, t(STATUS[d.status]));
  // Each language shows its own words only: kind_detail is English; a note is either
  // "中文 / English" or an English working note of the data of record (shown in English only).
  add(UI.kind, lang === 'zh' ? str(d.kind_zh) : str(d.kind_detail));
  add(UI.note, noteIn(str(d.zone_note) ?? str(d.note), lang));

  const warnings: string[] = [];
  if (d.approximate) warnings.push(t(UI.approximate));
  // A schematic line is drawn between its stations; a schematic area has a part whose boundary is not published.
  if (d.schematic) warnings.push(t(d.layer === 'rail_lines' ? UI.schematic : UI.schematicArea));
  if (d.alignment === 'unknown') warnings.push(t(UI.alignmentUnknown));
  const diff = areaDifference(d);
  if (diff !== null && Math.abs(diff) > 0.02)
    warnings.push(
      `${t(UI.areaDisagrees)} ${diff > 0 ? '+' : '−'}${Math.abs(diff * 100).toFixed(1)}%${t(UI.areaDisagreesRest)}`,
    );
  const boundary = lang === 'zh' ? str(d.boundary_note_zh) : str(d.boundary_note_en);
  if (boundary) warnings.push(boundary);
  const placed = lang === 'zh' ? str(d.placement_note_zh) : str(d.placement_note_en);
  if (placed) warnings.push(placed);

  return {
    id: d.id,
    title: lang === 'zh' ? d.name_zh : d.name_en || d.name_zh,
    subtitle: lang === 'zh' ? d.name_en : d.name_zh,
    kind: KIND[d.layer] ? t(KIND[d.layer]) : d.layer,
    rows,
    plan: (d.plan_ref ?? []).map((r) => ({ label: planLabel(r, lang), quote: r.quote, quote_en: r.quote_en ?? null })),
    warnings,
    source: d.source,
    confidence: t(UI[d.confidence]),
    mongolian:
      d.name_mn && d.name_mn_latin && d.name_mn_source && d.name_mn_confidence
        ? { name: d.name_mn, latin: d.name_mn_latin, source: d.name_mn_source, confidence: t(UI[d.name_mn_confidence]) }
        : null,
  };
}
