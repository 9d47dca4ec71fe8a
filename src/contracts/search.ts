/** The search index (public/data/search.json), built by the pipeline and read by the app. */
import * as v from 'valibot';

export const SEARCH_KINDS = ['place', 'task', 'paragraph', 'target'] as const;

export const SearchEntrySchema = v.object({
  kind: v.picklist(SEARCH_KINDS),
  /** feature id, "task-2", paragraph id "t2-p1", or target id */
  ref: v.string(),
  zh: v.string(),
  en: v.string(),
  /** pinyin of zh: plain, with tone marks, with tone numbers, initials (no spaces) */
  py: v.string(),
  pyTone: v.string(),
  pyNum: v.string(),
  initials: v.string(),
  /** the name in Mongolian script, and its Latin transliteration, as search.ts folds them (units, the city) */
  mn: v.optional(v.string()),
  mnLatin: v.optional(v.string()),
  /** longer text searched by Chinese only (paragraphs) */
  text: v.optional(v.string()),
  /** how much the place matters on this map (0–12): units outrank stations of the same name */
  rank: v.number(),
  /** a short context shown under the result */
  hint_zh: v.string(),
  hint_en: v.string(),
});
export type SearchEntry = v.InferOutput<typeof SearchEntrySchema>;
export type SearchKind = SearchEntry['kind'];
export const SearchIndexSchema = v.array(SearchEntrySchema);
