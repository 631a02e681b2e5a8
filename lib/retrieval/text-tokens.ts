/** Words too common to carry meaning in a film search; titles keep them (see title-matcher). */
const STOP_WORDS = new Set(
  (
    "a an and are as at be but by for from has have he her his in into is it its of on or she that the their them " +
    "they this to was were will with who what when where which while movie movies film films something some me i " +
    "want watch show give find like about"
  ).split(" "),
);

const NON_ASCII = /[^\x00-\x7f]/;

/** Lower-cases, strips accents and splits on anything that is not a letter or digit. */
export function rawTokens(text: string): string[] {
  // Unicode normalisation is the costly step; most catalog text is plain ASCII and needs none.
  const folded = NON_ASCII.test(text) ? text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "") : text;
  return folded
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’]/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * A deliberately light stemmer: plural and possessive endings only. Heavier stemming merges
 * unrelated film words ("heat"/"heated", "organ"/"organization") and hurts title search.
 */
function stem(token: string): string {
  if (token.length > 4 && token.endsWith("ies")) return `${token.slice(0, -3)}y`;
  if (token.length > 3 && token.endsWith("s") && !/(ss|us|is)$/.test(token)) return token.slice(0, -1);
  return token;
}

/** Tokens for the keyword index: accent-folded, stop words removed, lightly stemmed. */
/** The query words a search matches on, unstemmed (stop words dropped): what a reason may quote. */
export function contentWords(text: string): string[] {
  return [...new Set(rawTokens(text).filter((token) => !STOP_WORDS.has(token)))];
}

export function searchTokens(text: string): string[] {
  return rawTokens(text)
    .filter((token) => !STOP_WORDS.has(token))
    .map(stem);
}
