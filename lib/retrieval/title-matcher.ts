import type { Item } from "../catalog/item";
import { popularityScore } from "../catalog/popularity";
import { editDistance } from "./edit-distance";
import { rawTokens } from "./text-tokens";

const LEADING_ARTICLE = /^(the|a|an) /;

/** "The Matrix!" → "matrix"; "Amélie" → "amelie"; "Lock, Stock & Two…" → "lock stock and two". */
export function normaliseTitle(title: string): string {
  return rawTokens(title).join(" ").replace(LEADING_ARTICLE, "");
}

function trigrams(text: string): string[] {
  const padded = `  ${text} `;
  const grams: string[] = [];
  for (let index = 0; index + 3 <= padded.length; index += 1) grams.push(padded.slice(index, index + 3));
  return grams;
}

export interface TitleMatch {
  itemIndex: number;
  /** 1 for an exact (normalised) title, lower for prefixes and typos. */
  score: number;
  kind: "exact" | "prefix" | "fuzzy";
}

export interface TitleMention extends TitleMatch {
  /** Token span of the mention inside the query, [start, end). */
  start: number;
  end: number;
  text: string;
  /** Introduced as a reference ("like Heat", "similar to Alien"): the person wants films like it. */
  asReference: boolean;
}

/** Distinct queries whose candidates are kept (a few requests' worth). */
const RECENT_QUERIES = 64;

/** Prefix matches kept per query: far more than any caller asks for (at most 20). */
const MAX_PREFIX_MATCHES = 100;

/** Words that introduce a reference title: "like Heat", "similar to Alien", "feels like …". */
const REFERENCE_CUES = new Set(["like", "to", "as", "than"]);

/**
 * Finds films by title, tolerant of case, punctuation, leading articles and small typos. Exact
 * normalised matches rank first, then fuzzy matches by edit distance, then titles the query
 * starts (sequels after originals); ties go to the more popular film.
 */
export class TitleMatcher {
  private readonly exact = new Map<string, number[]>();
  /** Names containing each trigram, shortest name first (see `match`). */
  private readonly gramIndex = new Map<string, Int32Array>();
  private readonly names: string[] = [];
  /** Name indexes in code-unit order of the names, for prefix lookups ("toy story" → "toy story 2"). */
  private readonly namesInOrder: Int32Array;
  private readonly nameItem: number[] = [];
  private readonly popularity: Float64Array;
  /** Scratch counters of shared trigrams per name, reset after each lookup. */
  private sharedCounts = new Uint16Array(0);
  /**
   * Every candidate of recent queries, best first. One request asks about the same text several
   * times (the router's analysis, the keyword search, the fast path's whole-title check), and
   * the trigram scan is the costliest step of a fast-path answer.
   */
  private readonly recent = new Map<string, readonly TitleMatch[]>();

  constructor(items: readonly Item[]) {
    const gramLists = new Map<string, number[]>();
    this.popularity = Float64Array.from(items, popularityScore);
    items.forEach((item, itemIndex) => {
      for (const name of new Set([item.title, ...item.aliases].map(normaliseTitle))) {
        if (!name) continue;
        let bucket = this.exact.get(name);
        if (!bucket) this.exact.set(name, (bucket = []));
        bucket.push(itemIndex);
        const nameIndex = this.names.push(name) - 1;
        this.nameItem.push(itemIndex);
        for (const gram of new Set(trigrams(name))) {
          let postings = gramLists.get(gram);
          if (!postings) gramLists.set(gram, (postings = []));
          postings.push(nameIndex);
        }
      }
    });
    const names = this.names;
    for (const [gram, postings] of gramLists) this.gramIndex.set(gram, Int32Array.from(postings.sort((a, b) => names[a].length - names[b].length || a - b)));
    this.sharedCounts = new Uint16Array(this.names.length);
    this.namesInOrder = Int32Array.from(names.keys()).sort((a, b) => (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : a - b));
  }

  /**
   * Best title matches for the whole query.
   * @param limit maximum matches returned (default 10)
   * @param minimumScore matches below this are dropped (default 0.6)
   */
  match(query: string, limit = 10, minimumScore = 0.6): TitleMatch[] {
    const normalised = normaliseTitle(query);
    if (!normalised) return [];
    let ranked = this.recent.get(normalised);
    if (!ranked) {
      ranked = this.rankCandidates(normalised);
      if (this.recent.size >= RECENT_QUERIES) this.recent.delete(this.recent.keys().next().value!);
      this.recent.set(normalised, ranked);
    }
    const matches: TitleMatch[] = [];
    for (const match of ranked) {
      if (match.score < minimumScore || matches.length === limit) break;
      matches.push({ ...match });
    }
    return matches;
  }

  /** Every exact, prefix and fuzzy candidate for a normalised query, best first. */
  private rankCandidates(normalised: string): readonly TitleMatch[] {
    const best = new Map<number, TitleMatch>();
    const offer = (match: TitleMatch) => {
      const existing = best.get(match.itemIndex);
      if (!existing || existing.score < match.score) best.set(match.itemIndex, match);
    };
    for (const itemIndex of this.exact.get(normalised) ?? []) offer({ itemIndex, score: 1, kind: "exact" });

    // Titles the query begins (sequels, subtitles): a range of the names in order. A short common
    // word begins thousands of titles in a large catalog, so only the best MAX_PREFIX_MATCHES are
    // kept: the shortest names (the score falls with length), then the most popular.
    const prefix = `${normalised} `;
    const order = this.namesInOrder;
    const prefixed: number[] = [];
    for (let position = this.firstNameAtLeast(prefix); position < order.length && this.names[order[position]].startsWith(prefix); position++) prefixed.push(order[position]);
    if (prefixed.length > MAX_PREFIX_MATCHES) {
      prefixed.sort((a, b) => this.names[a].length - this.names[b].length || this.popularity[this.nameItem[b]] - this.popularity[this.nameItem[a]] || a - b);
      prefixed.length = MAX_PREFIX_MATCHES;
    }
    for (const nameIndex of prefixed) {
      // Below any exact hit, above weak typos; longer titles lower.
      offer({ itemIndex: this.nameItem[nameIndex], score: 0.75 + (0.15 * normalised.length) / this.names[nameIndex].length, kind: "prefix" });
    }

    // Typos: a name within `maxTypos` edits is at most that many characters shorter or longer
    // (edit distance ≥ the length difference). Postings are sorted by name length, so each scan
    // covers only that band: the common trigrams (" th", "the") are in most names of a large
    // catalog, but few of them are the query's length.
    const queryGrams = new Set(trigrams(normalised));
    const maxTypos = Math.max(1, Math.floor(normalised.length / 5));
    // An insertion, deletion or substitution destroys at most three of the query's trigrams, an
    // adjacent transposition (one edit here: lib/retrieval/edit-distance.ts) four: names sharing
    // fewer grams than this are not checked. Exact for one transposition; allowing four per typo
    // would find a name with two swaps among many typos, at three times the edit-distance checks.
    const minimumShared = Math.max(1, queryGrams.size - 3 * maxTypos - 1);
    const minimumLength = normalised.length - maxTypos;
    const maximumLength = normalised.length + maxTypos;
    const names = this.names;
    const shared = this.sharedCounts;
    const touched: number[] = [];
    const firstLonger = (postings: Int32Array, length: number) => {
      let low = 0;
      let high = postings.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (names[postings[middle]].length < length) low = middle + 1;
        else high = middle;
      }
      return low;
    };
    for (const gram of queryGrams) {
      const postings = this.gramIndex.get(gram);
      if (!postings) continue;
      const end = firstLonger(postings, maximumLength + 1);
      for (let position = firstLonger(postings, minimumLength); position < end; position++) {
        const nameIndex = postings[position];
        if (shared[nameIndex] === 0) touched.push(nameIndex);
        shared[nameIndex] += 1;
      }
    }
    for (const nameIndex of touched) {
      const count = shared[nameIndex];
      shared[nameIndex] = 0;
      const name = names[nameIndex];
      // Exact and prefix names are scored above.
      if (count < minimumShared || name === normalised || name.startsWith(prefix)) continue;
      const distance = editDistance(normalised, name, maxTypos);
      if (distance <= maxTypos) offer({ itemIndex: this.nameItem[nameIndex], score: 1 - distance / Math.max(normalised.length, name.length), kind: "fuzzy" });
    }
    return [...best.values()].sort((a, b) => b.score - a.score || this.popularity[b.itemIndex] - this.popularity[a.itemIndex] || a.itemIndex - b.itemIndex);
  }

  /** Position in `namesInOrder` of the first name ≥ `text` (code-unit order). */
  private firstNameAtLeast(text: string): number {
    let low = 0;
    let high = this.namesInOrder.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.names[this.namesInOrder[middle]] < text) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /**
   * Titles mentioned inside a longer query ("movies like Heat", "feels like Blade Runner but
   * in the 90s"). Exact normalised spans anywhere; fuzzy spans only right after a reference cue,
   * where a typo is likely to be a title. Longest spans win; spans never overlap.
   */
  findMentions(query: string, maxSpanTokens = 8): TitleMention[] {
    const tokens = rawTokens(query);
    const mentions: TitleMention[] = [];
    const taken = new Array<boolean>(tokens.length).fill(false);
    for (let length = Math.min(maxSpanTokens, tokens.length); length >= 1; length -= 1) {
      for (let start = 0; start + length <= tokens.length; start += 1) {
        if (taken.slice(start, start + length).some(Boolean)) continue;
        const text = tokens.slice(start, start + length).join(" ");
        const afterCue = start > 0 && REFERENCE_CUES.has(tokens[start - 1]);
        let matches: TitleMatch[] = (this.exact.get(normaliseTitle(text)) ?? []).map((itemIndex) => ({ itemIndex, score: 1, kind: "exact" as const }));
        if (matches.length === 0 && afterCue && text.length >= 6) {
          matches = this.match(text, 3, 0.85).filter((match) => match.kind === "fuzzy");
        }
        if (matches.length === 0) continue;
        // A lone short common word ("up", "her") is only a title when introduced as one.
        if (length === 1 && !afterCue && text.length < 5) continue;
        const ranked = [...matches].sort((a, b) => b.score - a.score || this.popularity[b.itemIndex] - this.popularity[a.itemIndex]);
        mentions.push({ ...ranked[0], start, end: start + length, text, asReference: afterCue });
        for (let position = start; position < start + length; position += 1) taken[position] = true;
      }
    }
    return mentions.sort((a, b) => a.start - b.start);
  }
}
