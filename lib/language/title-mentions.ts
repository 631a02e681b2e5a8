import { normaliseTitle } from "../retrieval/title-matcher";
import type { CatalogLexicon } from "./catalog-lexicon";
import type { QueryText, TokenSpan } from "./query-text";

/** A catalog title inside a query, found on the lexicon's own tokens. */
export interface TitleSpan extends TokenSpan {
  itemIndex: number;
  /** 1 for an exact normalised title or alias; lower for a typo (fuzzy mode only). */
  score: number;
  text: string;
}

/**
 * Longest title span tried, in tokens. Long titles are rarely typed whole, but when they are
 * ("Borat: Cultural Learnings of America for …") a shorter span must not win a piece of them.
 */
const MAX_SPAN_TOKENS = 16;
const LEADING_ARTICLE = /^(the|a|an) /;
/** Words after which a misspelt title is likely ("like Bladerunner"), the only place fuzzy runs. */
const REFERENCE_CUES = new Set(["like", "to", "as", "than", "of"]);

/**
 * Exact normalised-title index: title and aliases, case, accents, punctuation and a leading
 * article ignored (the title matcher's normalisation). Ties go to the more popular film.
 */
export function buildExactTitleIndex(names: ReadonlyArray<{ names: readonly string[]; popularity: number }>): Map<string, number> {
  const index = new Map<string, number>();
  names.forEach((entry, itemIndex) => {
    for (const name of entry.names) {
      const key = normaliseTitle(name);
      if (!key) continue;
      const existing = index.get(key);
      if (existing === undefined || names[existing].popularity < entry.popularity) index.set(key, itemIndex);
    }
  });
  return index;
}

/**
 * Normalised main title → the films that carry it, most popular first (ties by index). Only
 * names shared by two or more films are kept: the rest need no "did you mean".
 */
export function buildNamesakeIndex(items: ReadonlyArray<{ title: string; ratingCount: number; tmdbVoteCount: number | null }>): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  items.forEach((item, itemIndex) => {
    const key = normaliseTitle(item.title);
    if (!key) return;
    const group = groups.get(key);
    if (group) group.push(itemIndex);
    else groups.set(key, [itemIndex]);
  });
  // "Most rated" means rated here: the 1951 The Day the Earth Stood Still (25 ratings) before its
  // 2008 remake (7 ratings, more TMDB votes); TMDB votes only order films nobody here rated.
  const votes = (itemIndex: number) => items[itemIndex].tmdbVoteCount ?? 0;
  const shared = new Map<string, number[]>();
  for (const [key, group] of groups) {
    if (group.length > 1) shared.set(key, group.sort((a, b) => items[b].ratingCount - items[a].ratingCount || votes(b) - votes(a) || a - b));
  }
  return shared;
}

/**
 * Titles mentioned in the query: exact normalised spans anywhere, longest first, never
 * overlapping. With `fuzzy`, a span right after a reference cue may also match a title with a
 * small typo through the title matcher (slower: the offline reasoner uses it, the router not).
 */
export function findTitleSpans(query: QueryText, lexicon: CatalogLexicon, options: { fuzzy?: boolean } = {}): TitleSpan[] {
  const tokens = query.tokens;
  const found: TitleSpan[] = [];
  const taken = new Array<boolean>(tokens.length).fill(false);
  for (let length = Math.min(MAX_SPAN_TOKENS, tokens.length); length >= 1; length -= 1) {
    for (let start = 0; start + length <= tokens.length; start += 1) {
      let free = true;
      for (let index = start; index < start + length; index += 1) if (taken[index]) free = false;
      if (!free) continue;
      const text = tokens.slice(start, start + length).join(" ");
      const itemIndex = lexicon.exactTitles.get(text.replace(LEADING_ARTICLE, ""));
      if (itemIndex === undefined) continue;
      found.push({ start, end: start + length, itemIndex, score: 1, text });
      for (let index = start; index < start + length; index += 1) taken[index] = true;
    }
  }
  if (options.fuzzy) {
    // "like Blade Runer": an exact short title ("Blade") right after a cue may be the start of a
    // longer, misspelt one; the longer reading wins when it matches a title closely.
    for (let index = found.length - 1; index >= 0; index -= 1) {
      const span = found[index];
      if (!REFERENCE_CUES.has(tokens[span.start - 1] ?? "")) continue;
      for (let extra = Math.min(3, tokens.length - span.end); extra >= 1; extra -= 1) {
        const end = span.end + extra;
        if (taken.slice(span.end, end).some(Boolean)) continue;
        // "Final Destination and Cliffhanger": a joining word ends the title, it does not misspell a sequel.
        if (tokens.slice(span.end, end).some((token) => EXTENSION_STOPS.has(token))) continue;
        const text = tokens.slice(span.start, end).join(" ");
        const match = lexicon.titles.match(text, 3, 0.85).find((candidate) => candidate.kind === "fuzzy" && normaliseTitle(lexicon.items[candidate.itemIndex].title).split(" ").length >= end - span.start);
        if (!match) continue;
        found[index] = { start: span.start, end, itemIndex: match.itemIndex, score: match.score, text };
        for (let token = span.end; token < end; token += 1) taken[token] = true;
        break;
      }
    }
    for (let cue = 0; cue < tokens.length - 1; cue += 1) {
      if (!REFERENCE_CUES.has(tokens[cue]) || taken[cue + 1]) continue;
      for (let length = Math.min(5, tokens.length - cue - 1); length >= 1; length -= 1) {
        const start = cue + 1;
        let free = true;
        for (let index = start; index < start + length; index += 1) if (taken[index]) free = false;
        const text = tokens.slice(start, start + length).join(" ");
        if (!free || text.length < 6) continue;
        const match = lexicon.titles.match(text, 3, 0.85).find((candidate) => candidate.kind === "fuzzy");
        if (!match) continue;
        found.push({ start, end: start + length, itemIndex: match.itemIndex, score: match.score, text });
        for (let index = start; index < start + length; index += 1) taken[index] = true;
        break;
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Normalised names bucketed by first character, for cheap whole-query fuzzy matching. */
export type FuzzyTitleIndex = Map<string, Array<{ name: string; itemIndex: number }>>;

export function buildFuzzyTitleIndex(exactTitles: ReadonlyMap<string, number>): FuzzyTitleIndex {
  const index: FuzzyTitleIndex = new Map();
  for (const [name, itemIndex] of exactTitles) {
    const bucket = index.get(name[0]) ?? [];
    bucket.push({ name, itemIndex });
    index.set(name[0], bucket);
  }
  return index;
}

/**
 * The best title for a whole (short) query allowing typos — "the godfahter", "forest gump" —
 * or a title the query begins ("terminator 2" → "Terminator 2: Judgment Day"). Only names that
 * start with the query's first letter are compared (typos rarely hit the first letter), which
 * keeps it to a few hundred bounded edit distances: ~0.05 ms instead of a trigram scan.
 * Scores follow the title matcher: 1 exact, 1 − distance/length for typos, 0.75–0.9 prefixes.
 */
export function fuzzyWholeTitle(text: string, lexicon: CatalogLexicon): { itemIndex: number; score: number; kind: "exact" | "prefix" | "fuzzy" } | null {
  const query = text.replace(LEADING_ARTICLE, "");
  if (query.length < 3) return null;
  const exact = lexicon.exactTitles.get(query);
  if (exact !== undefined) return { itemIndex: exact, score: 1, kind: "exact" };
  // One typo per five letters, three at most: a long request within the band of a title is a
  // sentence around it ("harry potter and the order of the phoenix vibes"), not a misspelling.
  const maxTypos = Math.min(MAX_WHOLE_TITLE_TYPOS, Math.max(1, Math.floor(query.length / 5)));
  const prefix = `${query} `;
  let best: { itemIndex: number; score: number; kind: "exact" | "prefix" | "fuzzy" } | null = null;
  for (const { name, itemIndex } of lexicon.fuzzyTitles.get(query[0]) ?? []) {
    let candidate: { itemIndex: number; score: number; kind: "prefix" | "fuzzy" } | null = null;
    if (name.length > query.length + maxTypos) {
      // A longer title the query begins ("terminator 2" → "terminator 2 judgment day"), maybe
      // with a typo: compare with the title's first words of about the query's length.
      let distance = name.startsWith(prefix) ? 0 : maxTypos + 1;
      if (distance > 0 && name[1] === query[1]) {
        for (let cut = query.length - maxTypos; cut <= query.length + maxTypos; cut += 1) {
          if (name[cut] === " ") distance = Math.min(distance, boundedDistance(query, name.slice(0, cut), maxTypos));
        }
      }
      if (distance > maxTypos) continue;
      candidate = { itemIndex, score: 0.75 + (0.15 * query.length) / name.length - 0.05 * distance, kind: "prefix" };
    } else {
      if (name.length < query.length - maxTypos) continue;
      // Cheap filter before the edit distance: after one typo, two of the query's first three
      // letters still stand among the title's first four ("cicken" / "chicken", "casing" / "chasing").
      if (!openingsAgree(name, query)) continue;
      const distance = boundedDistance(query, name, maxTypos);
      if (distance > maxTypos) continue;
      candidate = { itemIndex, score: 1 - distance / Math.max(query.length, name.length), kind: "fuzzy" };
    }
    if (!best || candidate.score > best.score) best = candidate;
  }
  return best;
}

/** Words that end a title span rather than continue a misspelt one. */
const EXTENSION_STOPS = new Set(["and", "or", "but", "with", "meets", "vs", "versus", "plus", "then", "like", "from", "in", "for", "please", "vibes"]);

/** Most typos a whole-query title match allows. */
const MAX_WHOLE_TITLE_TYPOS = 3;

function openingsAgree(name: string, query: string): boolean {
  const opening = name.slice(0, 4);
  let agreeing = 0;
  for (let index = 0; index < 3 && index < query.length; index += 1) if (opening.includes(query[index])) agreeing += 1;
  return agreeing >= 2;
}

/**
 * Films whose title continues a shorter title after a colon ("The Lord of the Rings" →
 * "The Lord of the Rings: The Fellowship of the Ring", …), most rated first: what a person
 * typing the short title may mean, offered as "did you mean".
 */
export function buildContinuationIndex(items: ReadonlyArray<{ title: string; ratingCount: number }>): Map<string, number[]> {
  const continuations = new Map<string, number[]>();
  items.forEach((item, itemIndex) => {
    const colon = item.title.indexOf(":");
    if (colon < 3) return;
    const key = normaliseTitle(item.title.slice(0, colon));
    if (key.length < 3) return;
    const list = continuations.get(key);
    if (list) list.push(itemIndex);
    else continuations.set(key, [itemIndex]);
  });
  for (const list of continuations.values()) list.sort((a, b) => items[b].ratingCount - items[a].ratingCount || a - b);
  return continuations;
}

/**
 * Short names for long titles: the part before a colon ("Borat" for "Borat: Cultural Learnings
 * of America for Make Benefit Glorious Nation of Kazakhstan"), when no other film starts that
 * way and no film carries it as its own title: how people say such titles.
 */
export function shortTitleAliases(titles: readonly string[], personNames: ReadonlySet<string> = new Set()): Map<string, number> {
  const counts = new Map<string, number[]>();
  titles.forEach((title, itemIndex) => {
    const colon = title.indexOf(":");
    if (colon < 3) return;
    const key = normaliseTitle(title.slice(0, colon));
    if (key.length < 4) return;
    const list = counts.get(key);
    if (list) list.push(itemIndex);
    else counts.set(key, [itemIndex]);
  });
  const own = new Set(titles.map((title) => normaliseTitle(title)));
  const aliases = new Map<string, number>();
  // "Robin Williams: Live on Broadway" must not make "Robin Williams" a title: people are searched by name.
  for (const [key, items] of counts) if (items.length === 1 && !own.has(key) && !personNames.has(key)) aliases.set(key, items[0]);
  return aliases;
}

// Scratch rows for boundedDistance: titles are short, and reusing them avoids allocating per name.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/** Optimal-string-alignment distance, giving up (returns maximum + 1) once it must exceed `maximum`. */
function boundedDistance(a: string, b: string, maximum: number): number {
  if (Math.abs(a.length - b.length) > maximum) return maximum + 1;
  if (b.length + 1 > rowA.length) {
    rowA = new Int32Array(b.length + 1);
    rowB = new Int32Array(b.length + 1);
    rowC = new Int32Array(b.length + 1);
  }
  let previousPrevious = rowA;
  let previous = rowB;
  let current = rowC;
  for (let j = 0; j <= b.length; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) value = Math.min(value, previousPrevious[j - 2] + 1);
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > maximum) return maximum + 1;
    const spare = previousPrevious;
    previousPrevious = previous;
    previous = current;
    current = spare;
  }
  return previous[b.length];
}
