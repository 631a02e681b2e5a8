import { editDistance } from "../retrieval/edit-distance";
import { normaliseTitle } from "../retrieval/title-matcher";
import type { CatalogLexicon } from "./catalog-lexicon";
import type { QueryText, TokenSpan } from "./query-text";
import { cover, isFree } from "./span-cover";

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
      const span = { start, end: start + length };
      if (!isFree(taken, span)) continue;
      const text = tokens.slice(start, start + length).join(" ");
      const itemIndex = lexicon.exactTitles.get(text.replace(LEADING_ARTICLE, ""));
      if (itemIndex === undefined) continue;
      found.push({ ...span, itemIndex, score: 1, text });
      cover(taken, span);
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
        const match = lexicon.titles
          .match(text, 3, 0.85)
          .find((candidate) => candidate.kind === "fuzzy" && normaliseTitle(lexicon.items[candidate.itemIndex].title).split(" ").length >= end - span.start);
        if (!match) continue;
        found[index] = { start: span.start, end, itemIndex: match.itemIndex, score: match.score, text };
        for (let token = span.end; token < end; token += 1) taken[token] = true;
        break;
      }
    }
    for (let cue = 0; cue < tokens.length - 1; cue += 1) {
      if (!REFERENCE_CUES.has(tokens[cue]) || taken[cue + 1]) continue;
      for (let length = Math.min(5, tokens.length - cue - 1); length >= 1; length -= 1) {
        const span = { start: cue + 1, end: cue + 1 + length };
        const text = tokens.slice(span.start, span.end).join(" ");
        if (!isFree(taken, span) || text.length < 6) continue;
        const match = lexicon.titles.match(text, 3, 0.85).find((candidate) => candidate.kind === "fuzzy");
        if (!match) continue;
        found.push({ ...span, itemIndex: match.itemIndex, score: match.score, text });
        cover(taken, span);
        break;
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
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
          if (name[cut] === " ") distance = Math.min(distance, editDistance(query, name.slice(0, cut), maxTypos));
        }
      }
      if (distance > maxTypos) continue;
      candidate = { itemIndex, score: 0.75 + (0.15 * query.length) / name.length - 0.05 * distance, kind: "prefix" };
    } else {
      if (name.length < query.length - maxTypos) continue;
      // Cheap filter before the edit distance: after one typo, two of the query's first three
      // letters still stand among the title's first four ("cicken" / "chicken", "casing" / "chasing").
      if (!openingsAgree(name, query)) continue;
      const distance = editDistance(query, name, maxTypos);
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
