import type { Interactions } from "../../catalog/interactions";
import type { Item } from "../../catalog/item";
import { EXPLANATION_KINDS, type ExplanationKind } from "../arms";
import { wordTokens } from "../bandit-catalog";
import { shuffled, standardNormal, type RandomSource } from "../random";
import { ridgeFoldIn, rowDot } from "./linear-algebra";

/**
 * A synthetic person built from one MovieLens user. Their ratings are split by time: the
 * earlier part is what the recommender knows (candidates and relevance come from it), the
 * later, held-out part defines what they truly like and which explanations move them.
 */
export interface SimulatedUser {
  /** MovieLens user id. */
  userId: number;
  /** Key the bandit sees (`movielens:<id>`), so it can learn per-person explanation taste. */
  key: string;
  /** Known items rated 4 or more: the session's likes are drawn from these. */
  likedHistory: number[];
  /** Candidate items retrieval would propose: the top items under the known-history vector. */
  pool: number[];
  /** Retrieval's relevance for each pool item (known-history vector · item vector). */
  poolRelevance: Float64Array;
  /** True affinity for each pool item: all-history vector · item vector, z-scored over the pool. */
  poolTrueAffinity: Float64Array;
  /** True explanation taste: a logit shift per kind, in `EXPLANATION_KINDS` order. */
  kindEffect: Float64Array;
  /** Words from the tags, keywords and genres of liked items, for mood text. */
  moodWords: string[];
  /** Behaviour statistics of the held-out part the taste was derived from (for reports). */
  heldOutTraits: Record<string, number>;
}

export interface SyntheticUserOptions {
  items: readonly Item[];
  interactions: Interactions;
  itemVectors: Float32Array;
  dimensions: number;
  random: RandomSource;
  /** Users to simulate. Default 200. */
  userCount?: number;
  /** Users need at least this many ratings. Default 40. */
  minimumRatings?: number;
  /** Share of each user's latest ratings held out. Default 0.2. */
  heldOutShare?: number;
  /** Candidate pool per user. Default 60. */
  poolSize?: number;
  /** Fold-in ridge strength. Default 0.08. */
  regularisation?: number;
}

/** Kind-wide engagement shifts (logit), before a person's own taste. */
const KIND_BASE_EFFECT: Readonly<Record<ExplanationKind, number>> = {
  "because-you-liked": 0.35,
  "same-director-as": 0.3,
  "matches-your-vibe": 0.25,
  "hidden-gem": 0,
  "crowd-favourite": 0.1,
  "top-rated-in-genre": 0.15,
  "fits-your-time-limit": 0.1,
  "new-to-you": -0.2,
  "picked-for-you": -0.4,
  // The request-relation arms need retrieval provenance, which simulated slates do not carry.
  "you-asked-for": 0,
  "similar-to-reference": 0,
  "matches-your-search": 0,
  "fits-your-request": 0,
};

/** How far (logit) one standard deviation of a held-out trait moves the matching explanation. */
const TASTE_SPREAD = 0.8;

/** Which held-out trait drives which explanation; null = an idiosyncratic random taste. */
const TRAIT_OF_KIND: Readonly<Record<ExplanationKind, string | null>> = {
  "because-you-liked": "genreLoyalty",
  "same-director-as": "directorLoyalty",
  "matches-your-vibe": null,
  "hidden-gem": "obscureShare",
  "crowd-favourite": "popularShare",
  "top-rated-in-genre": "qualitySeeking",
  "fits-your-time-limit": "shortFilmShare",
  "new-to-you": "noveltyShare",
  "picked-for-you": null,
  "you-asked-for": null,
  "similar-to-reference": null,
  "matches-your-search": null,
  "fits-your-request": null,
};

function zScores(values: readonly number[]): number[] {
  const mean = values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
  const deviation = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / Math.max(1, values.length)) || 1;
  return values.map((value) => (value - mean) / deviation);
}

/** Rows of `interactions` per user (they are sorted by user, then time). */
function userRanges(interactions: Interactions): Array<[number, number]> {
  const ranges: Array<[number, number]> = Array.from({ length: interactions.userCount }, () => [0, 0]);
  let start = 0;
  for (let row = 1; row <= interactions.users.length; row++) {
    if (row === interactions.users.length || interactions.users[row] !== interactions.users[start]) {
      ranges[interactions.users[start]] = [start, row];
      start = row;
    }
  }
  return ranges;
}

/**
 * Held-out rows of the users `buildSimulatedUsers` would pick, so a fallback factorisation can
 * be trained without them. Deterministic for the same random seed state and options.
 */
export function pickSimulatedUsers(interactions: Interactions, random: RandomSource, userCount = 200, minimumRatings = 40): number[] {
  const ranges = userRanges(interactions);
  const eligible = ranges.map(([start, end], user) => (end - start >= minimumRatings ? user : -1)).filter((user) => user >= 0);
  return shuffled(eligible, random)
    .slice(0, userCount)
    .sort((left, right) => left - right);
}

/** The rows of a user's ratings that are held out (the latest `heldOutShare`). */
export function heldOutRows(interactions: Interactions, users: readonly number[], heldOutShare = 0.2): Set<number> {
  const ranges = userRanges(interactions);
  const rows = new Set<number>();
  for (const user of users) {
    const [start, end] = ranges[user];
    const split = end - Math.max(1, Math.round((end - start) * heldOutShare));
    for (let row = split; row < end; row++) rows.add(row);
  }
  return rows;
}

/**
 * Builds simulated users (see `SimulatedUser`). `users` are dense user indexes from
 * `pickSimulatedUsers`; `random` drives the idiosyncratic part of the explanation taste.
 */
export function buildSimulatedUsers(users: readonly number[], options: SyntheticUserOptions): SimulatedUser[] {
  const { items, interactions, itemVectors, dimensions, random } = options;
  const heldOutShare = options.heldOutShare ?? 0.2;
  const poolSize = options.poolSize ?? 60;
  const regularisation = options.regularisation ?? 0.08;
  const ranges = userRanges(interactions);
  const hasVector = new Uint8Array(items.length);
  for (let item = 0; item < items.length; item++) {
    if (items[item].ratingCount < 3) continue;
    for (let dimension = 0; dimension < dimensions; dimension++) if (itemVectors[item * dimensions + dimension] !== 0) hasVector[item] = 1;
  }
  const mostRated = [...items.keys()].sort((left, right) => items[right].ratingCount - items[left].ratingCount);
  const popularCutoff = items[mostRated[Math.round(0.02 * mostRated.filter((index) => items[index].ratingCount > 0).length)]].ratingCount;

  interface Draft extends Omit<SimulatedUser, "kindEffect"> {
    traits: Record<string, number>;
  }
  const drafts: Draft[] = users.map((user) => {
    const [start, end] = ranges[user];
    const split = end - Math.max(1, Math.round((end - start) * heldOutShare));
    const known = { items: [] as number[], ratings: [] as number[] };
    const heldOut = { items: [] as number[], ratings: [] as number[] };
    for (let row = start; row < end; row++) {
      const target = row < split ? known : heldOut;
      target.items.push(interactions.items[row]);
      target.ratings.push(interactions.ratings[row]);
    }
    const centre = (ratings: number[], mean: number) => ratings.map((rating) => rating - mean);
    const knownMean = known.ratings.reduce((sum, rating) => sum + rating, 0) / known.ratings.length;
    const allItems = [...known.items, ...heldOut.items];
    const allRatings = [...known.ratings, ...heldOut.ratings];
    const allMean = allRatings.reduce((sum, rating) => sum + rating, 0) / allRatings.length;
    const knownVector = ridgeFoldIn(itemVectors, dimensions, known.items, centre(known.ratings, knownMean), regularisation);
    const trueVector = ridgeFoldIn(itemVectors, dimensions, allItems, centre(allRatings, allMean), regularisation);

    const knownSet = new Set(known.items);
    const scored: Array<[number, number]> = [];
    for (let item = 0; item < items.length; item++) if (hasVector[item] && !knownSet.has(item)) scored.push([item, rowDot(itemVectors, item, knownVector, dimensions)]);
    scored.sort((left, right) => right[1] - left[1] || left[0] - right[0]);
    const pool = scored.slice(0, poolSize).map(([item]) => item);
    const poolRelevance = Float64Array.from(scored.slice(0, poolSize).map(([, score]) => score));
    const poolTrueAffinity = Float64Array.from(zScores(pool.map((item) => rowDot(itemVectors, item, trueVector, dimensions))));

    const likedHistory = known.items.filter((_, index) => known.ratings[index] >= 4);
    const heldLiked = heldOut.items.filter((_, index) => heldOut.ratings[index] >= 4);
    const share = (predicate: (item: Item) => boolean) => (heldLiked.length === 0 ? 0 : heldLiked.filter((index) => predicate(items[index])).length / heldLiked.length);
    const likedGenres = new Map<string, number>();
    const likedDirectors = new Set<string>();
    for (const index of likedHistory) {
      for (const genre of items[index].genres) likedGenres.set(genre, (likedGenres.get(genre) ?? 0) + 1);
      for (const director of items[index].directors) likedDirectors.add(director);
    }
    const genreTotal = [...likedGenres.values()].reduce((sum, count) => sum + count, 0) || 1;
    const traits = {
      genreLoyalty:
        heldLiked.length === 0 ? 0 : heldLiked.reduce((sum, index) => sum + items[index].genres.reduce((inner, genre) => inner + (likedGenres.get(genre) ?? 0) / genreTotal, 0), 0) / heldLiked.length,
      directorLoyalty: share((item) => item.directors.some((director) => likedDirectors.has(director))),
      obscureShare: share((item) => item.ratingCount <= 30),
      popularShare: share((item) => item.ratingCount >= popularCutoff),
      qualitySeeking: heldLiked.length === 0 ? 0 : heldLiked.reduce((sum, index) => sum + (items[index].ratingMean ?? 3.5), 0) / heldLiked.length,
      shortFilmShare: share((item) => item.runtimeMinutes !== null && item.runtimeMinutes <= 100),
      noveltyShare: share((item) => item.genres.length > 0 && !item.genres.some((genre) => likedGenres.has(genre))),
    };

    const wordCounts = new Map<string, number>();
    for (const index of likedHistory) {
      const item = items[index];
      for (const phrase of [...item.tags, ...item.keywords, ...item.genres]) for (const word of wordTokens(phrase)) if (word.length >= 4) wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1);
    }
    const moodWords = [...wordCounts.entries()]
      .sort((left, right) => right[1] - left[1] || left[0].localeCompare(right[0]))
      .slice(0, 6)
      .map(([word]) => word);
    const userId = interactions.userIds[user];
    return { userId, key: `movielens:${userId}`, likedHistory, pool, poolRelevance, poolTrueAffinity, moodWords, traits, heldOutTraits: traits };
  });

  const traitNames = Object.keys(drafts[0]?.traits ?? {});
  const traitZ = new Map(traitNames.map((name) => [name, zScores(drafts.map((draft) => draft.traits[name]))]));
  return drafts.map((draft, userIndex) => {
    const kindEffect = new Float64Array(EXPLANATION_KINDS.length);
    EXPLANATION_KINDS.forEach((kind, kindIndex) => {
      const trait = TRAIT_OF_KIND[kind];
      const signal = trait === null ? standardNormal(random) : 0.75 * traitZ.get(trait)![userIndex] + 0.66 * standardNormal(random);
      kindEffect[kindIndex] = KIND_BASE_EFFECT[kind] + Math.max(-2.5, Math.min(2.5, TASTE_SPREAD * signal));
    });
    const { traits: _traits, ...user } = draft;
    return { ...user, kindEffect };
  });
}
