import type { CatalogLexicon } from "../catalog-lexicon";
import { isGenreWord } from "../genre-words";
import { languageCodesOf } from "../language-words";
import type { WholeTitle } from "../query-analysis";
import { FILLER_WORDS, type QueryText } from "../query-text";
import { fuzzyWholeTitle } from "../title-mentions";
import { coverage } from "../span-cover";
import { constraintSpans, readsAnything, type DetectedSpans } from "./spans";

const WRAPPER_PREFIX = /^(?:(?:i want to |lets |let s |can you |please )?(?:watch|play|find|search for|search|show me|look up|put on|stream) )?(?:the (?:movie|film) )?/;
const WRAPPER_SUFFIX = / (?:movie|film|the movie|the film|1[89][0-9]{2}|20[0-9]{2})$/;

const FILM_NOUNS = new Set(["movie", "movies", "film", "films", "flick", "flicks"]);

/** Longest query (normalised characters) tried as a whole fuzzy title: longer ones are sentences. */
const MAX_FUZZY_WHOLE_TITLE = 80;

/** Lowest typo score for a whole-query title: one typo in a five- or six-letter title ("boorat") is 0.8. */
const FUZZY_WHOLE_TITLE_MINIMUM = 0.8;

/** Last words that make a title a reference: "Heat vibes", "Heat-esque". */
export const REFERENCE_END = new Set(["vibes", "vibe", "style", "esque", "ish", "type", "feel", "energy"]);

/**
 * The whole query as one title. "normal": typos allowed (score ≥ 0.8); "strict", for a query
 * the lexicon also reads something in ("cray, stupid, love"): only a near-exact typo (≥ 0.9).
 */
function wholeTitleOf(query: QueryText, lexicon: CatalogLexicon, fuzziness: "normal" | "strict"): { whole: WholeTitle | null; best: WholeTitle | null } {
  const candidates = [query.text];
  const stripped = query.text.replace(WRAPPER_PREFIX, "").replace(WRAPPER_SUFFIX, "").trim();
  if (stripped && stripped !== query.text) candidates.push(stripped);
  let best: WholeTitle | null = null;
  for (const candidate of candidates) {
    const bare = candidate.replace(/^(the|a|an) /, "");
    // "I want to watch a war movie" minus its wrapper is "war": a genre, not the film War; and
    // "a scary movie" is any scary movie, not the film Scary Movie (nobody puts "a" before it).
    // Likewise "a Dutch film" or "an American film" is a language, not The American.
    if ((candidate !== query.text || /^an? /.test(candidate)) && (isGenreWord(bare) || languageCodesOf(bare.replace(/ (?:movie|film)s?$/, "")) !== null)) continue;
    const exact = lexicon.exactTitles.get(bare);
    if (exact !== undefined) return { whole: { itemIndex: exact, score: 1, kind: "exact" }, best: { itemIndex: exact, score: 1, kind: "exact" } };
  }

  for (const candidate of candidates) {
    if (candidate.length > MAX_FUZZY_WHOLE_TITLE) continue;
    // "scary movies" is a near miss of Scary Movie but says a genre: a typo reading never wins over it.
    if (isGenreWord(candidate.replace(/^(the|a|an) /, ""))) continue;
    const top = fuzzyWholeTitle(candidate, lexicon);
    if (top && (!best || top.score > best.score)) best = top;
  }
  const whole = best && best.kind === "fuzzy" && best.score >= (fuzziness === "strict" ? 0.9 : FUZZY_WHOLE_TITLE_MINIMUM) && stripped.length >= 5 ? best : null;
  // In strict mode a near miss says nothing about titles: the router's title features stay as before.
  return { whole, best: fuzziness === "strict" ? whole : best };
}

/**
 * Phase 3a — the whole query as one title ("Heat", "the godfahter"). `raw` are the spans before
 * phase 2 (whether the lexicon reads anything at all), `resolved` after it (which tokens it
 * explains). Typo-tolerant matching is strict for a query the lexicon reads something in: a
 * misspelt title has no years, genres or negations, and skipping the rest keeps the router fast.
 */
export function findWholeTitle(query: QueryText, lexicon: CatalogLexicon, raw: DetectedSpans, resolved: DetectedSpans): { whole: WholeTitle | null; best: WholeTitle | null } {
  const recognised = readsAnything(raw) || query.tokens.some((token) => FILM_NOUNS.has(token));
  // A reference cue at either end ("Heat vibes", "like Heat") makes the rest a reference, not a lookup.
  const cuedAsReference = REFERENCE_END.has(query.tokens[query.tokens.length - 1] ?? "") || query.tokens[0] === "like";
  if (cuedAsReference) return { whole: null, best: null };
  const { whole, best } = wholeTitleOf(query, lexicon, recognised ? "strict" : "normal");
  if (!whole || whole.kind === "exact") return { whole, best };
  // A typo-tolerant match must not swallow a query the lexicon already reads ("melancholic" is a
  // mood, not a misspelt Melancholia) — unless it is a near-exact match of a title of three or
  // more words ("For a Few Dollrs More" is not a count of three).
  const detected = coverage(query.tokens.length, constraintSpans(resolved));
  const longNearExact = whole.score >= 0.9 && query.tokens.length >= 3;
  if (!longNearExact && query.tokens.every((token, index) => detected[index] || FILLER_WORDS.has(token))) return { whole: null, best };
  return { whole, best };
}

/**
 * The original query is Title Cased ("The Nineties", "Before Sunrise"): it reads as a title. One
 * capitalised word is just a sentence start.
 */
export function isTitleCased(original: string): boolean {
  const words = original
    .trim()
    .split(/\s+/)
    .filter((word) => /[A-Za-z]/.test(word));
  if (words.length < 1 || words.length > 6) return false;
  const small = new Set(["a", "an", "the", "of", "for", "and", "or", "in", "on", "to", "at", "by", "with"]);
  const capitalised = words.every((word, index) => /^[^a-z]*[A-Z0-9]/.test(word) || (index > 0 && small.has(word.toLowerCase())));
  return capitalised && (words.length >= 2 || /^[A-Z]/.test(words[0]));
}
