/**
 * Small text helpers for DJ scripts. Catalog names come with stray spaces ("Justin Guarini ") and
 * titles end in their own punctuation ("Airplane!", "Crazy, Stupid, Love."), so every sentence the
 * DJ builds goes through these instead of plain concatenation.
 */

/** One line, single spaces, no space before punctuation, no doubled commas or periods. */
export function tidy(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/\s+([,.;:!?…])/g, "$1")
    .replace(/,(?=[,.;:!?])/g, "")
    .replace(/(?<!\.)([.!?])\.(?!\.)/g, "$1")
    .trim();
}

/** True when `text` already ends a sentence ("Airplane!", "Love.", "“…now?”"). */
function endsSentence(text: string): boolean {
  return /[.!?…]["”’)]*$/u.test(text.trim());
}

/** `text` as a sentence: first letter upper-cased, a period added unless it already ends one. */
export function asSentence(text: string): string {
  const trimmed = tidy(text);
  if (!trimmed) return "";
  return capitalise(endsSentence(trimmed) ? trimmed : `${trimmed}.`);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function lowerFirst(text: string): string {
  // "TMDB", "MovieLens", "I": words written with capitals inside keep them.
  const word = /^\S+/.exec(text)?.[0] ?? "";
  if (word === "I" || /^\S+[A-Z]/.test(word)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Words that end in a period without ending a sentence. */
const ABBREVIATIONS = new Set(["dr", "mr", "mrs", "ms", "st", "jr", "sr", "vs", "no", "vol", "pt", "mt", "ft", "lt", "col", "gen", "sgt", "prof", "rev"]);

/**
 * Splits text into sentences at ". ", "! " or "? " before a capital or a quote. Not after an
 * abbreviation ("Dr. Strangelove") or an initial ("Edward D. Wood"), so titles mostly survive;
 * callers only compare the pieces and join them back, so a rare wrong split costs nothing.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  const boundary = /[.!?…]["”’]?\s+(?=["“A-Z0-9])/gu;
  for (let match = boundary.exec(text); match !== null; match = boundary.exec(text)) {
    const before = text.slice(start, match.index);
    const lastWord = /([\p{L}]+)$/u.exec(before)?.[1] ?? "";
    if (text[match.index] === "." && (lastWord.length === 1 || ABBREVIATIONS.has(lastWord.toLowerCase()))) continue;
    sentences.push(text.slice(start, match.index + match[0].trimEnd().length).trim());
    start = match.index + match[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}
