/**
 * Search across places and the plan: Chinese, pinyin (with tone marks, tone numbers or
 * none), initials ("hlbe", "zlt"), English, and the Mongolian names in their script or
 * transliteration. The index is built at build time
 * (public/data/search.json); a query is a scan of a few hundred entries.
 */
import type { SearchEntry, SearchKind } from '../contracts/search.ts';
import { MONGOLIAN_LETTER } from '../contracts/mongolian.ts';

export type { SearchEntry, SearchKind } from '../contracts/search.ts';

export interface SearchHit {
  entry: SearchEntry;
  score: number;
  /** for paragraphs: the words around the match */
  snippet?: string;
}

const CJK = /[\u3400-\u9fff]/;
/**
 * A Mongolian-script name as searched: without spaces, the suffix space, the variation
 * selectors and joiners, and with the letters that are written alike taken as one (ᠣ ᠤ, ᠥ ᠦ,
 * ᠲ ᠳ, ᠬ ᠭ: a person types what they see).
 */
export const mongolianKey = (s: string): string =>
  s
    .normalize('NFC')
    .replace(/(?:\s|\u180b|\u180c|\u180d|\u180e|\u180f|\u200c|\u200d)+/g, '')
    .replace(/\u1824/g, '\u1823')
    .replace(/\u1826/g, '\u1825')
    .replace(/\u1833/g, '\u1832')
    .replace(/\u182d/g, '\u182c');
/** A Latin transliteration as searched: lower case, no spaces, letters without their marks (ö o, ɣ g, ŋ ng). */
export const foldLatin = (s: string): string =>
  normalise(s)
    .replace(/ɣ/g, 'g')
    .replace(/ŋ/g, 'ng')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
const KIND_WEIGHT: Record<SearchKind, number> = { place: 40, task: 30, target: 20, paragraph: 0 };

export function normalise(q: string): string {
  return q
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s'’·\-—_]+/g, '');
}

function snippetOf(text: string, i: number, len: number): string {
  const a = Math.max(0, i - 14);
  const b = Math.min(text.length, i + len + 24);
  return `${a > 0 ? '…' : ''}${text.slice(a, b)}${b < text.length ? '…' : ''}`;
}

/** Ranks entries for a query; empty or 1-letter Latin queries give nothing. */
export function search(index: readonly SearchEntry[], query: string, limit = 20): SearchHit[] {
  const q = normalise(query);
  if (!q) return [];
  const cjk = CJK.test(q);
  if (!cjk && q.length < 2) return [];
  const hits: SearchHit[] = [];
  for (const e of index) {
    let score = 0;
    let snippet: string | undefined;
    if (MONGOLIAN_LETTER.test(q)) {
      const key = mongolianKey(query);
      if (e.mn === key) score = 100;
      else if (e.mn?.startsWith(key)) score = 80;
      else if (e.mn?.includes(key)) score = 60;
    } else if (cjk) {
      const zh = e.zh;
      if (zh === q) score = 100;
      else if (zh.startsWith(q)) score = 80;
      else if (zh.includes(q)) score = 60;
      else if (e.text) {
        const i = e.text.indexOf(q);
        if (i >= 0) {
          score = 30;
          snippet = snippetOf(e.text, i, q.length);
        }
      }
    } else {
      const en = normalise(e.en);
      if (e.initials === q || e.py === q || e.pyNum === q || e.pyTone === q) score = 95;
      else if (e.initials.startsWith(q)) score = 75;
      else if (e.py.startsWith(q) || e.pyNum.startsWith(q) || e.pyTone.startsWith(q)) score = 70;
      else if (en.startsWith(q)) score = 65;
      else if (e.py.includes(q) || e.pyTone.includes(q)) score = 45;
      else if (q.length >= 3 && en.includes(q)) score = 40;
      // the Mongolian name's transliteration (Kölön Buyir, kolonbuyir)
      else if (e.mnLatin && foldLatin(q).length >= 3 && e.mnLatin.startsWith(foldLatin(q))) score = 60;
    }
    if (score)
      hits.push({
        entry: e,
        score: score + KIND_WEIGHT[e.kind] + e.rank * 3 - Math.min(e.zh.length, 30) / 10,
        snippet,
      });
  }
  hits.sort((a, b) => b.score - a.score || a.entry.zh.length - b.entry.zh.length);
  // One result per destination: a unit found by its own name and by its seat's is one hit.
  const seen = new Set<string>();
  return hits
    .filter((h) => {
      const key = `${h.entry.kind}:${h.entry.ref}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, limit);
}
