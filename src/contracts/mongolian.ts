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
/** at least one Mongolian letter (U+1820–U+18AA) */
const LETTER = /[\u1820-\u18AA]/;

export const isMongolianName = (s: string): boolean => MONGOLIAN_NAME.test(s) && LETTER.test(s);

/** The language tag of the names (traditional script), for `lang` and the font. */
export const MONGOLIAN_LANG = 'mn-Mong';
