/** Words that match everything and say nothing about a film: articles, pronouns, prepositions. */
const STOP_WORDS = new Set(
  (
    "a an the of and or in on at to for with from by as is it its be are was were been i me my we us our you your he him his she her they them their " +
    "this that these those what who whom how why when where which not no nor do does did so but if all some any more most other into out about " +
    "than then too very can could will would shall should just also la le les el los las lo de del da di du des der die das den il l d s t"
  ).split(" "),
);

/**
 * The words of a request around the titles that still count as filler when they are stop words
 * ("my favourite film is X" → "My Fair Lady" is filler noise); only articles and the commonest
 * prepositions are left out, as they occur in most titles.
 */
const FILLER_STOP_WORDS = new Set("a an the of and to in on is".split(" "));

const ROMAN_NUMERAL = /^(?:ii|iii|iv|vi|vii|viii|ix|xi|xii)$/;

const words = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);

/**
 * The content words of a title: lower-cased, accents folded, split on anything that is not a
 * letter or digit; stop words, single letters and sequel numerals (II, III…) dropped; numbers
 * kept ("Big Hero 6" shares "6" with "Fast & Furious 6").
 */
export function contentWords(text: string): Set<string> {
  return new Set(words(text).filter((word) => (/^\d+$/.test(word) || word.length >= 2) && !STOP_WORDS.has(word) && !ROMAN_NUMERAL.test(word)));
}

/** The words of the phrasing around the titles ("I loved X, what should I watch next?"), stop words included but for articles and common prepositions. */
export function fillerWords(text: string): Set<string> {
  return new Set(words(text).filter((word) => word.length >= 2 && !FILLER_STOP_WORDS.has(word)));
}

/** Every word of a title, stop words included (to match filler words against). */
export const allWords = (text: string): Set<string> => new Set(words(text));

/** Whether the title `text` has one of `wanted` among its words (content words only, unless `everyWord`). */
export function sharesWord(text: string, wanted: ReadonlySet<string>, everyWord = false): boolean {
  for (const word of everyWord ? allWords(text) : contentWords(text)) if (wanted.has(word)) return true;
  return false;
}
