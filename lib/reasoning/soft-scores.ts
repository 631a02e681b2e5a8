import type { Item } from "../catalog/item";
import { queryText } from "../language/query-text";
import { findVibeMentions } from "../language/vibe-words";
import type { Constraints } from "./constraints";
import { credited, viewOf } from "./item-views";
import { inRange } from "./value-range";

/** Weights of each kind of soft evidence (retrieval relevance weighs 0.6: see applyConstraints). */
const SOFT_GENRE_WEIGHT = 0.25;
const SOFT_RANGE_WEIGHT = 0.2;
const TOPIC_WEIGHT = 0.3;
const REFERENCE_GENRE_WEIGHT = 0.15;
const SORT_WEIGHT = 0.35;
const QUALITY_LEAN_WEIGHT = 0.3;

/**
 * Vibes that ask for films people rate well: "smart", "witty", or "not stupid". Few films are
 * tagged "stupid", so avoiding the tag alone leaves the slapstick in; the audience's ratings say
 * what "not stupid" means far more often.
 */
const QUALITY_VIBES = new Set(["thought-provoking", "witty"]);
const QUALITY_WHEN_NEGATED = new Set(["silly"]);

/** Topic words to look for in keywords and tags: keywords, mood words and what the vibes imply. */
function topicWords(constraints: Constraints): { tagWords: Set<string>; textWords: string[]; avoidWords: Set<string>; qualityLean: boolean } {
  const tagWords = new Set<string>(constraints.keywords);
  const textWords = [...constraints.keywords];
  const avoidWords = new Set<string>();
  let qualityLean = false;
  if (constraints.mood) {
    const mood = queryText(constraints.mood);
    for (const vibe of findVibeMentions(mood)) {
      // "not stupid": the vibe's keywords count against an item (softly; excludeKeywords is the hard form).
      if (mood.tokens.slice(Math.max(0, vibe.start - 1), vibe.start).includes("not")) {
        for (const keyword of vibe.keywords) avoidWords.add(keyword);
        qualityLean ||= QUALITY_WHEN_NEGATED.has(vibe.vibe);
        continue;
      }
      qualityLean ||= QUALITY_VIBES.has(vibe.vibe);
      for (const keyword of vibe.keywords) tagWords.add(keyword);
      tagWords.add(vibe.phrase);
      textWords.push(vibe.phrase);
    }
  }
  return { tagWords, textWords: textWords.filter((word) => word.length >= 3), avoidWords, qualityLean };
}

function quality(item: Item): number {
  // Shrunk towards a neutral 3.5/5 so that a single 5-star rating does not top "best rated".
  const prior = 20;
  if (item.ratingCount > 0 && item.ratingMean !== null) return (item.ratingMean * item.ratingCount + 3.5 * prior) / (item.ratingCount + prior) / 5;
  if (item.tmdbVoteAverage !== null && item.tmdbVoteCount) return ((item.tmdbVoteAverage / 2) * item.tmdbVoteCount + 3.5 * prior) / (item.tmdbVoteCount + prior) / 5;
  return 0.6;
}

/** Quality on a scale where it separates films: shrunk 2.5/5 → 0, 4.5/5 → 1. */
export const qualitySpread = (item: Item) => Math.min(1, Math.max(0, (quality(item) * 5 - 2.5) / 2));

/** The soft side of a request over one candidate pool. */
export interface SoftScorer {
  /** Soft-constraint score of a catalog item (either sign): soft genres, ranges, languages, people, topic, reference genres, quality lean, sort. */
  score(itemIndex: number): number;
  /** Popularity in [0, 1]: the caller's, else log rating count against the pool's most rated. */
  popularity(itemIndex: number): number;
}

/**
 * Soft scores of a request's constraints, measured against `pool` (catalog indexes of every
 * candidate): sorts by recency span the pool's years, and default popularity its most rated film.
 */
export function softScorer(constraints: Constraints, items: readonly Item[], pool: Iterable<number>, popularity?: ArrayLike<number>): SoftScorer {
  const softGenres = constraints.includeGenres.filter((entry) => entry.strength === "soft").map((entry) => entry.genre);
  const softExcluded = constraints.excludeGenres.filter((entry) => entry.strength === "soft").map((entry) => entry.genre);
  const referenceGenres = new Set(
    constraints.references.flatMap((reference) => {
      const item = reference.itemId ? items.find((candidate) => candidate.id === reference.itemId) : undefined;
      return item?.genres ?? [];
    }),
  );
  const { tagWords, textWords, avoidWords, qualityLean } = topicWords(constraints);
  let maxRatingCount = 1;
  let minYear = Number.POSITIVE_INFINITY;
  let maxYear = Number.NEGATIVE_INFINITY;
  for (const itemIndex of pool) {
    const item = items[itemIndex];
    maxRatingCount = Math.max(maxRatingCount, item.ratingCount);
    if (item.year !== null) {
      minYear = Math.min(minYear, item.year);
      maxYear = Math.max(maxYear, item.year);
    }
  }
  const popularityOf = (itemIndex: number) => popularity?.[itemIndex] ?? Math.log1p(items[itemIndex].ratingCount) / Math.log1p(maxRatingCount);

  const score = (itemIndex: number): number => {
    const item = items[itemIndex];
    let total = 0;
    for (const genre of softGenres) if (item.genres.includes(genre)) total += SOFT_GENRE_WEIGHT / softGenres.length;
    for (const genre of softExcluded) if (item.genres.includes(genre)) total -= SOFT_GENRE_WEIGHT;
    const { years, runtime, languages } = constraints;
    if (years?.strength === "soft" && item.year !== null) {
      total += inRange(item.year, years.from, years.to) ? SOFT_RANGE_WEIGHT : -SOFT_RANGE_WEIGHT / 2;
    }
    if (runtime?.strength === "soft" && item.runtimeMinutes !== null) {
      total += inRange(item.runtimeMinutes, runtime.minMinutes, runtime.maxMinutes) ? SOFT_RANGE_WEIGHT : -SOFT_RANGE_WEIGHT / 2;
    }
    if (languages?.strength === "soft" && item.language !== null) {
      if (languages.include.length > 0) total += languages.include.includes(item.language) ? SOFT_RANGE_WEIGHT : 0;
      if (languages.exclude.includes(item.language)) total -= SOFT_RANGE_WEIGHT;
    }
    for (const person of constraints.people) {
      if (person.strength !== "soft") continue;
      if (credited(item, person.role, person.name.toLowerCase())) total += person.exclude ? -SOFT_RANGE_WEIGHT : SOFT_RANGE_WEIGHT;
    }
    if (tagWords.size > 0) {
      let hits = 0;
      const view = viewOf(item);
      for (const word of tagWords) if (view.tags.has(word)) hits += 1;
      for (const word of textWords) if (view.text.includes(word)) hits += 0.5;
      total += TOPIC_WEIGHT * Math.min(1, hits / 2);
    }
    if (avoidWords.size > 0) {
      const view = viewOf(item);
      let hits = 0;
      for (const word of avoidWords) if (view.tags.has(word)) hits += 1;
      total -= TOPIC_WEIGHT * Math.min(1, hits / 2);
    }
    if (referenceGenres.size > 0 && item.genres.length > 0) {
      const shared = item.genres.filter((genre) => referenceGenres.has(genre)).length;
      total += (REFERENCE_GENRE_WEIGHT * shared) / (referenceGenres.size + item.genres.length - shared);
    }
    // Unless the sort already is by rating.
    if (qualityLean && constraints.sort !== "best-rated") total += QUALITY_LEAN_WEIGHT * qualitySpread(item);
    switch (constraints.sort) {
      case "best-rated":
        total += SORT_WEIGHT * quality(item);
        break;
      case "newest":
      case "oldest": {
        if (item.year === null || maxYear <= minYear) break;
        const recency = (item.year - minYear) / (maxYear - minYear);
        total += SORT_WEIGHT * (constraints.sort === "newest" ? recency : 1 - recency);
        break;
      }
      case "popular":
        total += SORT_WEIGHT * popularityOf(itemIndex);
        break;
      case "shortest":
        total += item.runtimeMinutes === null ? 0 : SORT_WEIGHT * (1 - Math.min(240, item.runtimeMinutes) / 240);
        break;
      case "relevance":
        break;
    }
    return total;
  };
  return { score, popularity: popularityOf };
}
