/**
 * lib/language: the shared, pure query lexicon. It lives in lib/ (not in router/ and not in
 * lib/reasoning/) because both the router (features) and the offline reasoner (constraints) read
 * queries with the same words, and the architecture lets router/ import lib/ but never the other
 * way round. It depends only on lib/catalog types and the title matcher's shape, does no I/O and
 * reads no clock (the current year is passed in).
 *
 * This file: one normalisation for every detector, so spans from different detectors (and the
 * title matcher, which tokenises the same way) line up token for token.
 */

/** A query as analysed: lower-case ASCII tokens of letters and digits, plus their joined text. */
export interface QueryText {
  /** The query as typed. */
  original: string;
  tokens: string[];
  /** `tokens.join(" ")`: what the phrase patterns run on. */
  text: string;
  /** Character offset in `text` where each token starts. */
  tokenStarts: number[];
}

/**
 * Lower-cases, folds accents, drops apostrophes ("'80s" → "80s", "don't" → "dont") and splits
 * on anything else that is not a letter or digit, like the title matcher does. A few symbols
 * carry meaning in film requests and become words first: "1.5 hours" and "1,5 hours" → "1p5 hours",
 * "1½ hours" → "1 and a half hours", "~90 min" →
 * "about 90 min", "2+ hours" → "2 plus hours", "<90 min" → "under 90 min", ">2h" → "over 2h".
 */
export function queryText(query: string): QueryText {
  const prepared = query
    // Vulgar fractions before NFKD (which turns "1½" into "11⁄2"): "1½ hours" → "1 and a half hours".
    .replace(/(\d)\s*([½¼¾])/g, "$1 and $2")
    .replace(/½/g, " a half ")
    .replace(/¼/g, " a quarter ")
    .replace(/¾/g, " three quarters ")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/(\d)\.(\d)/g, "$1p$2")
    // A decimal comma, only before an hour unit ("1,5 hours"): "90,120" elsewhere stays two numbers.
    .replace(/(\d),(\d)(?=\s*(?:h|hours?|hrs?)\b)/g, "$1p$2")
    .replace(/~/g, " about ")
    .replace(/(\d)\s*\+/g, "$1 plus ")
    // "90s+", "nineties+": a decade and everything after it.
    .replace(/([a-z])\+(?=\s|$|[,.!?;])/g, "$1 plus ")
    .replace(/<=?/g, " under ")
    .replace(/>=?/g, " over ")
    .replace(/&/g, " and ")
    .replace(/['’‘`´]/g, "");
  const tokens = prepared.split(/[^a-z0-9]+/).filter(Boolean);
  const tokenStarts: number[] = [];
  let offset = 0;
  for (const token of tokens) {
    tokenStarts.push(offset);
    offset += token.length + 1;
  }
  return { original: query, tokens, text: tokens.join(" "), tokenStarts };
}

/** Index of the token starting at or containing character `offset` of `text`. */
export function tokenAt(query: QueryText, offset: number): number {
  let low = 0;
  let high = query.tokenStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (query.tokenStarts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** A matched phrase: token span [start, end) of the query. */
export interface TokenSpan {
  start: number;
  end: number;
}

/** Converts a regex match over `text` into a token span. */
function spanOfMatch(query: QueryText, index: number, length: number): TokenSpan {
  const start = tokenAt(query, index);
  const end = tokenAt(query, Math.max(index, index + length - 1)) + 1;
  return { start, end };
}

/** All matches of a global regex over the query text, as token spans with their match arrays. */
export function matchPhrases(query: QueryText, pattern: RegExp): Array<TokenSpan & { match: RegExpExecArray }> {
  if (!pattern.global) throw new Error("matchPhrases needs a global pattern");
  const found: Array<TokenSpan & { match: RegExpExecArray }> = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(query.text); match; match = pattern.exec(query.text)) {
    if (match[0].length === 0) {
      pattern.lastIndex += 1;
      continue;
    }
    found.push({ ...spanOfMatch(query, match.index, match[0].length), match });
  }
  return found;
}

const SMALL_NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  couple: 2,
  few: 3,
  dozen: 12,
  half: 0.5,
};

/** "90" → 90, "1p5" → 1.5, "two" → 2, "ninety five" → 95; NaN when not a number. */
export function parseNumber(text: string): number {
  const trimmed = text.trim();
  if (/^\d+(p\d+)?$/.test(trimmed)) return Number(trimmed.replace("p", "."));
  const words = trimmed.split(" ").filter((word) => word !== "and");
  if (words.length === 0) return Number.NaN;
  let total = 0;
  for (const word of words) {
    const value = SMALL_NUMBERS[word];
    if (value === undefined) return Number.NaN;
    total = value === 100 ? Math.max(1, total) * 100 : total + value;
  }
  return total;
}

/** Tokens that carry no request content: used to decide what is left over for keywords. */
export const FILLER_WORDS = new Set(
  (
    "a an the and or but of to in on at for from with by as is are was be been am i im me my we us you your it its this that " +
    "these those there here some something anything any one ones movie movies film films flick flicks picture pictures show " +
    "shows watch watching see seen want wanna would like love looking look find give recommend recommendation recommendations " +
    "suggest suggestion suggestions please pls plz can could should maybe kind sort type of really very quite so too just " +
    "also more most good great nice cool what which who whats got get have has tonight today night evening weekend " +
    "all about into than then them they their he she his her him do does dont doesnt not no im id ill ive lets let " +
    "made make set where when how up out over under after before during while if else other another same such thing things " +
    "stuff bit little lot lots pretty fairly rather somewhat way mood feeling feel feels vibe vibes vibey " +
    "directed starring featuring feat actor actress director starts stars cast plays played acting meets " +
    // The words around a title ("I loved X, what next?", "in the vein of X") are context, never topics.
    "loved liked enjoyed enjoy adore adored favourite favorite fave next else similar vein spirit mix blend watched hated disliked " +
    // The people in the room ("with my family", "the kids are asleep"); as a genre ("kids movies") genre-words.ts reads them first.
    "family kids kid children " +
    // Release and chat words ("that came out in the 90s", "90s-era", "thanks so much, lol"): context, never topics.
    "released release came era circa decade decades either least thanks thank thx much honestly need needs wants dude haha finally " +
    "hey hi hello yo ok okay um uh hmm ideally preferably hopefully weekday weeknight monday tuesday wednesday thursday friday saturday sunday"
  ).split(" "),
);
