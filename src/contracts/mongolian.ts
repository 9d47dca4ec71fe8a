/**
 * Names in traditional Mongolian script (Unicode's Mongolian block), as Inner Mongolia's rule on
 * the two scripts asks beside Chinese: what a name of record may hold, in one place for the
 * build's check, the features' schema and the search.
 */

/**
 * A name: letters of the Mongolian block (U+1800–U+18AF: its free variation selectors and vowel
 * separator among them), spaces, and the narrow no-break space that joins a suffix (U+202F).
 */
export const MONGOLIAN_NAME = /^[\u1800-\u18AF\u202F ]+$/;
/** a Mongolian letter (U+1820–U+18AA) */
export const MONGOLIAN_LETTER = /[\u1820-\u18AA]/;

/** A name: Mongolian letters, words parted by single spaces, nothing before or after. */
export const isMongolianName = (s: string): boolean =>
  MONGOLIAN_NAME.test(s) && MONGOLIAN_LETTER.test(s) && s === s.trim() && !s.includes('  ');
export const NOT_MONGOLIAN = 'traditional Mongolian script only (U+1800–U+18AF), words parted by single spaces';

/** The language tag of the names (traditional script), for `lang` and the font. */
export const MONGOLIAN_LANG = 'mn-Mong';
