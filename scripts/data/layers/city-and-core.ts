/**
 * reference/city_and_core.csv: the city's official area, and the two members of the plan's
 * core (海拉尔区 and the Evenk banner's seat town 巴彦托海镇) with their published figures.
 */
import { parseCsv } from '../lib/csv.ts';
import { type Inputs, conf, num } from './common.ts';
import type { Confidence } from '../lib/types.ts';

export const CITY_AND_CORE_FILE = 'reference/city_and_core.csv';

export interface PublishedArea {
  id: string;
  name_zh: string;
  name_en: string;
  area_km2: number;
  /** the source in words, with its address */
  area_source: string;
  area_confidence: Confidence;
  pop: number | null;
  pop_kind: string;
  pop_year: string;
  pop_source: string;
  boundary: string;
  note: string;
}

export function readCityAndCore(inp: Inputs): Map<string, PublishedArea> {
  const rows = parseCsv(inp.read(CITY_AND_CORE_FILE), CITY_AND_CORE_FILE);
  return new Map(
    rows.map((r) => {
      const where = `${CITY_AND_CORE_FILE} ${r.id}`;
      const withUrl = (text: string, url: string) => (url.trim() ? `${text} (${url.trim()})` : text);
      return [
        r.id,
        {
          id: r.id,
          name_zh: r.name_zh,
          name_en: r.name_en,
          area_km2: num(r.area_km2_official, `${where} area_km2_official`),
          area_source: withUrl(r.area_source, r.area_source_url),
          area_confidence: conf(r.confidence_area, `${where} confidence_area`),
          pop: r.pop.trim() ? num(r.pop, `${where} pop`) : null,
          pop_kind: r.pop_kind,
          pop_year: r.pop_year,
          pop_source: withUrl(r.pop_source, r.pop_source_url),
          boundary: r.boundary,
          note: r.note,
        },
      ];
    }),
  );
}

export function cityAndCoreRow(rows: Map<string, PublishedArea>, id: string): PublishedArea {
  const r = rows.get(id);
  if (!r) throw new Error(`${CITY_AND_CORE_FILE}: no row "${id}"`);
  return r;
}
