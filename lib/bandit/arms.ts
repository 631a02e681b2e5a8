import type { Item } from "../catalog/item";
import type { Provenance } from "../catalog/provenance";
import { wordTokens, type BanditCatalog } from "./bandit-catalog";
import type { BanditContext } from "./context";
import { provenanceOf, referencedFilms, referenceSentence, relationSentence, searchMatch, seriesSentence, sharedDetail } from "./request-relation";
import { article, formatCount, genreNoun, joinList, shortQuote, titleWithYear } from "./text-format";

/** Every explanation the bandit can show. The order is the tie-break order, so keep it stable. */
export const EXPLANATION_KINDS = [
  "because-you-liked",
  "same-director-as",
  "matches-your-vibe",
  "hidden-gem",
  "crowd-favourite",
  "top-rated-in-genre",
  "fits-your-time-limit",
  "new-to-you",
  "picked-for-you",
  // Appended, not inserted: feature ids are hashed from the kind's index, so old ones keep theirs.
  "you-asked-for",
  "similar-to-reference",
  "matches-your-search",
  "fits-your-request",
] as const;

export type ExplanationKind = (typeof EXPLANATION_KINDS)[number];

export interface Explanation {
  kind: ExplanationKind;
  text: string;
}

/** What an arm may look at when deciding whether it applies to one candidate. */
export interface ArmRequest {
  catalog: BanditCatalog;
  context: BanditContext;
  /**
   * The liked item this candidate was retrieved from (a CF neighbour of it), when retrieval
   * knows; lets "because you liked" name the real reason instead of guessing from metadata.
   */
  becauseOfItemIndex: number | null;
  /**
   * Why retrieval put the candidate here. When given, every explanation must be true of it: "because
   * you liked" only for a neighbour of a liked film, rating facts only after how the film relates
   * to the request, "picked for you" only from the session's taste. Undefined (simulations, old
   * callers): the arms judge from the catalog and context alone.
   */
  provenance?: readonly Provenance[];
}

/** An arm that applies: how strongly (0..1, a model feature) and how to say it. */
export interface ArmMatch {
  kind: ExplanationKind;
  strength: number;
  /** Renders the sentence; called only for the explanation actually shown. */
  render(): string;
  /** A shorter form for when the fact only supports how the film relates to the request. */
  detail?(): string;
}

export interface ExplanationArm {
  kind: ExplanationKind;
  /** The precondition and the renderer in one: null when the explanation would not be true. */
  match(itemIndex: number, request: ArmRequest): ArmMatch | null;
}

/** Hidden gem: well liked by the few who rated it. */
const HIDDEN_GEM = { minimumRatings: 5, maximumRatings: 30, minimumMean: 3.9, minimumTmdbAverage: 7, tmdbVotes: [20, 600] } as const;
/** Crowd favourite: among the most rated films and rated well. */
const CROWD_FAVOURITE = { topShare: 0.02, minimumMean: 3.5, minimumTmdbVotes: 3000, minimumTmdbAverage: 6.5 } as const;
/** Top rated in genre: within the top 5 % (and at least the top 10) of a genre. */
const TOP_IN_GENRE = { topShare: 0.05, minimumTop: 10 } as const;
/** Because you liked: metadata similarity a candidate needs to a liked item. */
const BECAUSE_YOU_LIKED_MINIMUM_SIMILARITY = 0.35;

const MOOD_STOP_WORDS = new Set(
  "a an and but for from in into is it like me movie movies film films of on or something that the this to with want watch some feels feel not no very really kind sort".split(" "),
);

const clamp = (value: number) => Math.min(1, Math.max(0, value));
const lower = (values: readonly string[]) => new Set(values.map((value) => value.toLowerCase()));

interface Similarity {
  score: number;
  directors: string[];
  cast: string[];
  terms: string[];
  genres: string[];
}

/** Metadata similarity of two items: shared genres, director, cast, keywords and tags. */
function metadataSimilarity(candidate: Item, liked: Item): Similarity {
  const likedGenres = new Set(liked.genres);
  const genres = candidate.genres.filter((genre) => likedGenres.has(genre));
  const genreUnion = new Set([...candidate.genres, ...liked.genres]).size;
  const likedDirectors = new Set(liked.directors);
  const directors = candidate.directors.filter((name) => likedDirectors.has(name));
  const likedCast = new Set(liked.cast);
  const cast = candidate.cast.filter((name) => likedCast.has(name));
  const likedTerms = lower([...liked.keywords, ...liked.tags]);
  const terms = [...lower([...candidate.keywords, ...candidate.tags])].filter((term) => likedTerms.has(term));
  const score = 0.5 * (genreUnion === 0 ? 0 : genres.length / genreUnion) + (directors.length > 0 ? 0.3 : 0) + 0.2 * Math.min(1, cast.length / 2) + 0.2 * Math.min(1, terms.length / 3);
  return { score: clamp(score), directors, cast, terms, genres };
}

const becauseYouLiked: ExplanationArm = {
  kind: "because-you-liked",
  match(itemIndex, { catalog, context, becauseOfItemIndex, provenance }) {
    const item = catalog.items[itemIndex];
    let best: { liked: Item; similarity: Similarity; retrieved: boolean } | null = null;
    const fromLike = provenanceOf(provenance, "neighbour-of-like")?.itemIndex;
    for (const likedIndex of context.likedItemIndexes) {
      if (likedIndex === itemIndex || likedIndex >= catalog.items.length) continue;
      // With provenance, "because" must be the reason retrieval gave, not a guess from metadata.
      if (provenance !== undefined && likedIndex !== fromLike) continue;
      const liked = catalog.items[likedIndex];
      const similarity = metadataSimilarity(item, liked);
      const retrieved = likedIndex === becauseOfItemIndex || likedIndex === fromLike;
      // A CF neighbour of the liked film qualifies on its own; otherwise metadata must agree.
      const score = retrieved ? Math.max(similarity.score, 0.6) : similarity.score;
      if (score < BECAUSE_YOU_LIKED_MINIMUM_SIMILARITY) continue;
      if (!best || score > (best.retrieved ? Math.max(best.similarity.score, 0.6) : best.similarity.score)) {
        best = { liked, similarity: { ...similarity, score }, retrieved };
      }
    }
    if (!best) return null;
    const { liked, similarity } = best;
    return {
      kind: "because-you-liked",
      strength: similarity.score,
      render() {
        let reason: string;
        if (similarity.directors.length > 0) reason = `this one is also directed by ${similarity.directors[0]}`;
        else if (similarity.cast.length > 0) reason = `this one also stars ${joinList(similarity.cast.slice(0, 2))}`;
        else if (similarity.terms.length > 0) reason = `this one is also about ${joinList(similarity.terms.slice(0, 2).map((term) => `“${term}”`))}`;
        else if (similarity.genres.length > 0) reason = `here is another ${genreNoun(similarity.genres)}`;
        else reason = "people who loved it loved this too";
        return `Because you liked ${titleWithYear(liked)}: ${reason}.`;
      },
    };
  },
};

const sameDirectorAs: ExplanationArm = {
  kind: "same-director-as",
  match(itemIndex, { catalog, context }) {
    const item = catalog.items[itemIndex];
    if (item.directors.length === 0) return null;
    const directors = new Set(item.directors);
    for (const likedIndex of context.likedItemIndexes) {
      if (likedIndex === itemIndex || likedIndex >= catalog.items.length) continue;
      const liked = catalog.items[likedIndex];
      const director = liked.directors.find((name) => directors.has(name));
      if (director) {
        return {
          kind: "same-director-as",
          strength: 1,
          render: () => `From ${director}, who also directed ${titleWithYear(liked)}, which you liked.`,
        };
      }
    }
    return null;
  },
};

const matchesYourVibe: ExplanationArm = {
  kind: "matches-your-vibe",
  match(itemIndex, { catalog, context, provenance }) {
    const item = catalog.items[itemIndex];
    const moodText = context.constraints.moodText;
    if (moodText) {
      const moodWords = [...new Set(wordTokens(moodText).filter((word) => !MOOD_STOP_WORDS.has(word)))];
      const vocabulary = catalog.vocabulary(itemIndex);
      const phrases = [...new Set(moodWords.map((word) => vocabulary.get(word)).filter((phrase): phrase is string => phrase !== undefined))];
      if (phrases.length > 0) {
        const matchedWords = moodWords.filter((word) => vocabulary.has(word)).length;
        return {
          kind: "matches-your-vibe",
          strength: clamp(matchedWords / moodWords.length),
          render: () => {
            const tags = phrases.slice(0, 3).map((phrase) => phrase.toLowerCase());
            // Quoting the mood back and then the same words adds nothing: name the tags alone.
            const echoes = tags.every((tag) => moodText.toLowerCase().includes(tag));
            return echoes ? `Tagged ${joinList(tags.map((tag) => `“${tag}”`))}, the mood you described.` : `Matches the “${shortQuote(moodText)}” mood you described: ${joinList(tags)}.`;
          },
        };
      }
    }
    // With the reasoning path's provenance, fits-your-request names the genre with the other facts met.
    if (provenanceOf(provenance, "constraints")) return null;
    const asked = new Set(context.constraints.genres.map((genre) => genre.toLowerCase()));
    const genres = item.genres.filter((genre) => asked.has(genre.toLowerCase()));
    if (genres.length === 0) return null;
    return {
      kind: "matches-your-vibe",
      strength: 0.5 * (genres.length / asked.size),
      render: () =>
        `${article(genres[0]) === "an" ? "An" : "A"} ${genres.map((genre) => genre.toLowerCase()).join("/")} film${item.year === null ? "" : ` from ${item.year}`}, the genre you asked for.`,
    };
  },
};

const hiddenGem: ExplanationArm = {
  kind: "hidden-gem",
  match(itemIndex, { catalog }) {
    const item = catalog.items[itemIndex];
    const mean = item.ratingMean;
    // Few ratings here but thousands of TMDB votes (The Conjuring) is not hidden, just unrated here.
    const widelySeen = (item.tmdbVoteCount ?? 0) > HIDDEN_GEM.tmdbVotes[1];
    if (mean !== null && !widelySeen && item.ratingCount >= HIDDEN_GEM.minimumRatings && item.ratingCount <= HIDDEN_GEM.maximumRatings && mean >= HIDDEN_GEM.minimumMean) {
      return {
        kind: "hidden-gem",
        strength: clamp((mean - HIDDEN_GEM.minimumMean) / (5 - HIDDEN_GEM.minimumMean)),
        render: () => `A hidden gem: only ${item.ratingCount} MovieLens ratings, but they average ${mean.toFixed(1)}/5.`,
        detail: () => `A hidden gem: few here have rated it, and they average ${mean.toFixed(1)}/5.`,
      };
    }
    const average = item.tmdbVoteAverage;
    const votes = item.tmdbVoteCount;
    if (
      item.ratingCount < HIDDEN_GEM.minimumRatings &&
      average !== null &&
      votes !== null &&
      average >= HIDDEN_GEM.minimumTmdbAverage &&
      votes >= HIDDEN_GEM.tmdbVotes[0] &&
      votes <= HIDDEN_GEM.tmdbVotes[1]
    ) {
      return {
        kind: "hidden-gem",
        strength: clamp((average - HIDDEN_GEM.minimumTmdbAverage) / (10 - HIDDEN_GEM.minimumTmdbAverage)),
        render: () => `A hidden gem: ${average.toFixed(1)}/10 from ${formatCount(votes)} TMDB voters, yet almost nobody here has rated it.`,
        detail: () => `A hidden gem, ${average.toFixed(1)}/10 on TMDB.`,
      };
    }
    return null;
  },
};

const crowdFavourite: ExplanationArm = {
  kind: "crowd-favourite",
  match(itemIndex, { catalog }) {
    const item = catalog.items[itemIndex];
    const mean = item.ratingMean;
    const rank = catalog.ratingCountRank[itemIndex];
    const topRanks = Math.max(1, Math.round(CROWD_FAVOURITE.topShare * catalog.ratedItemCount));
    if (mean !== null && item.ratingCount > 0 && rank <= topRanks && mean >= CROWD_FAVOURITE.minimumMean) {
      return {
        kind: "crowd-favourite",
        strength: clamp(1 - (rank - 1) / topRanks),
        render: () => `A crowd favourite: ${formatCount(item.ratingCount)} MovieLens ratings (the #${rank} most rated film here), averaging ${mean.toFixed(1)}/5.`,
        detail: () => `A crowd favourite here, averaging ${mean.toFixed(1)}/5.`,
      };
    }
    const votes = item.tmdbVoteCount;
    const average = item.tmdbVoteAverage;
    if (votes !== null && average !== null && votes >= CROWD_FAVOURITE.minimumTmdbVotes && average >= CROWD_FAVOURITE.minimumTmdbAverage) {
      return {
        kind: "crowd-favourite",
        strength: clamp(votes / (4 * CROWD_FAVOURITE.minimumTmdbVotes)),
        render: () => `A crowd favourite: ${formatCount(votes)} TMDB votes averaging ${average.toFixed(1)}/10.`,
        detail: () => `A crowd favourite, ${average.toFixed(1)}/10 on TMDB.`,
      };
    }
    return null;
  },
};

const topRatedInGenre: ExplanationArm = {
  kind: "top-rated-in-genre",
  match(itemIndex, { catalog, context }) {
    const item = catalog.items[itemIndex];
    const ranks = catalog.genreRanks[itemIndex];
    if (ranks.length === 0 || item.ratingMean === null) return null;
    const qualifies = (rank: { rank: number; of: number }) => rank.rank <= Math.max(TOP_IN_GENRE.minimumTop, Math.ceil(TOP_IN_GENRE.topShare * rank.of));
    const asked = new Set(context.constraints.genres.map((genre) => genre.toLowerCase()));
    // Prefer the genre the person asked for; otherwise the genre where the film ranks best.
    const chosen = ranks.find((rank) => asked.has(rank.genre.toLowerCase()) && qualifies(rank)) ?? ranks.find(qualifies);
    if (!chosen) return null;
    const mean = item.ratingMean;
    return {
      kind: "top-rated-in-genre",
      strength: clamp(1 - (chosen.rank - 1) / Math.max(1, chosen.of * TOP_IN_GENRE.topShare)),
      render: () => `Among the best-rated ${chosen.genre} films here: #${chosen.rank} of ${formatCount(chosen.of)}, averaging ${mean.toFixed(1)}/5 from ${formatCount(item.ratingCount)} ratings.`,
      detail: () => `Among the best-rated ${chosen.genre} films here (${mean.toFixed(1)}/5).`,
    };
  },
};

const fitsYourTimeLimit: ExplanationArm = {
  kind: "fits-your-time-limit",
  match(itemIndex, { catalog, context }) {
    const limit = context.constraints.runtimeMaxMinutes;
    const runtime = catalog.items[itemIndex].runtimeMinutes;
    if (limit === null || runtime === null || runtime > limit) return null;
    return {
      kind: "fits-your-time-limit",
      // A film that uses most of the time asked for is the more telling fit.
      strength: clamp(runtime / limit),
      render: () => `At ${runtime} minutes, it fits your ${Math.round(limit)}-minute limit with ${Math.round(limit - runtime)} to spare.`,
    };
  },
};

const newToYou: ExplanationArm = {
  kind: "new-to-you",
  match(itemIndex, { catalog, context }) {
    const item = catalog.items[itemIndex];
    const liked = context.likedItemIndexes.filter((index) => index < catalog.items.length).map((index) => catalog.items[index]);
    if (liked.length === 0 || item.genres.length === 0) return null;
    const genreCounts = new Map<string, number>();
    for (const likedItem of liked) for (const genre of likedItem.genres) genreCounts.set(genre, (genreCounts.get(genre) ?? 0) + 1);
    if (genreCounts.size === 0 || item.genres.some((genre) => genreCounts.has(genre))) return null;
    const usual = [...genreCounts.entries()].sort((left, right) => right[1] - left[1] || left[0].localeCompare(right[0])).map(([genre]) => genre);
    return {
      kind: "new-to-you",
      strength: 1,
      render: () => `Something new for you: ${article(item.genres[0])} ${genreNoun(item.genres)}, a change from the ${joinList(usual.slice(0, 2))} you have liked.`,
    };
  },
};

const pickedForYou: ExplanationArm = {
  kind: "picked-for-you",
  match(itemIndex, { catalog, provenance }) {
    const item = catalog.items[itemIndex];
    // With provenance, only a pick the session's taste brought in is "for you".
    const fromTaste = provenance === undefined || provenance.some((entry) => entry.kind === "session-taste" || entry.kind === "neighbour-of-like");
    if (!fromTaste) return null;
    return {
      kind: "picked-for-you",
      strength: 0,
      render() {
        const noun = item.year === null ? genreNoun(item.genres) : `${item.year} ${genreNoun(item.genres)}`;
        const director = item.directors.length > 0 ? ` directed by ${item.directors[0]}` : "";
        const cast = item.cast.length > 0 ? `, starring ${joinList(item.cast.slice(0, 2))}` : "";
        const lead = provenance === undefined ? "Picked for you" : "Picked for your taste this session";
        return `${lead}: ${article(noun)} ${noun}${director}${cast}.`;
      },
    };
  },
};

const youAskedFor: ExplanationArm = {
  kind: "you-asked-for",
  match(itemIndex, { catalog, provenance }) {
    const asked = provenanceOf(provenance, "asked-for");
    const series = provenanceOf(provenance, "series");
    const item = catalog.items[itemIndex];
    if (!asked && series) return { kind: "you-asked-for", strength: 1, render: () => seriesSentence(item, series.name) };
    if (!asked) return null;
    return {
      kind: "you-asked-for",
      strength: 1,
      render() {
        const director = item.directors.length > 0 ? `, directed by ${item.directors[0]}` : "";
        const cast = item.cast.length > 0 ? `, with ${joinList(item.cast.slice(0, 2))}` : "";
        return `The film you asked for: ${titleWithYear(item)}${director}${cast}.`;
      },
    };
  },
};

const similarToReference: ExplanationArm = {
  kind: "similar-to-reference",
  match(itemIndex, { catalog, provenance }) {
    const referenced = referencedFilms(itemIndex, catalog, provenance);
    if (referenced.length === 0) return null;
    const item = catalog.items[itemIndex];
    return {
      kind: "similar-to-reference",
      strength: sharedDetail(item, referenced[0].film) ? 1 : 0.6,
      render: () => referenceSentence(item, referenced),
    };
  },
};

const matchesYourSearch: ExplanationArm = {
  kind: "matches-your-search",
  match(itemIndex, { catalog, provenance }) {
    const keyword = provenanceOf(provenance, "keyword");
    const widened = provenanceOf(provenance, "neighbour-of-match");
    if ((!keyword || keyword.terms.length === 0) && widened && widened.itemIndex < catalog.items.length && widened.itemIndex !== itemIndex) {
      const seed = catalog.items[widened.itemIndex];
      return { kind: "matches-your-search", strength: 0.5, render: () => `Loved by the people who loved ${titleWithYear(seed)}, a match for your search.` };
    }
    if (!keyword || keyword.terms.length === 0) return null;
    const match = searchMatch(catalog.items[itemIndex], catalog, itemIndex, keyword.terms);
    return {
      kind: "matches-your-search",
      strength: match ? 1 : 0.3,
      render: () => (match ? `Matches your search: ${match}.` : `Found by your search for “${keyword.terms.slice(0, 3).join(" ")}”.`),
    };
  },
};

const fitsYourRequest: ExplanationArm = {
  kind: "fits-your-request",
  match(itemIndex, { provenance }) {
    const constraints = provenanceOf(provenance, "constraints");
    if (!constraints || constraints.described.length === 0) return null;
    return {
      kind: "fits-your-request",
      strength: 1,
      render: () => `Fits what you asked for: ${joinList(constraints.described.slice(0, 3))}.`,
    };
  },
};

/**
 * With provenance, a rating fact is supporting detail: it follows the sentence that says how the
 * film relates to the request, and applies only when there is one.
 */
function asSupportingDetail(arm: ExplanationArm): ExplanationArm {
  return {
    kind: arm.kind,
    match(itemIndex, request) {
      const match = arm.match(itemIndex, request);
      if (!match || request.provenance === undefined) return match;
      const relation = relationSentence(itemIndex, request.catalog, request.provenance, request.context.likedItemIndexes);
      if (!relation) return null;
      return { ...match, render: () => `${relation} ${(match.detail ?? match.render)()}` };
    },
  };
}

/** The arm set, in `EXPLANATION_KINDS` order. Every candidate with provenance has at least one. */
export const EXPLANATION_ARMS: readonly ExplanationArm[] = [
  becauseYouLiked,
  sameDirectorAs,
  matchesYourVibe,
  asSupportingDetail(hiddenGem),
  asSupportingDetail(crowdFavourite),
  asSupportingDetail(topRatedInGenre),
  fitsYourTimeLimit,
  newToYou,
  pickedForYou,
  youAskedFor,
  similarToReference,
  matchesYourSearch,
  fitsYourRequest,
];

/** Every explanation that is true of the item for this request, in arm order. */
export function matchArms(itemIndex: number, request: ArmRequest, arms: readonly ExplanationArm[] = EXPLANATION_ARMS): ArmMatch[] {
  const matches: ArmMatch[] = [];
  for (const arm of arms) {
    const match = arm.match(itemIndex, request);
    if (match) matches.push(match);
  }
  if (matches.length === 0 && request.provenance !== undefined) {
    // Nothing more specific is true (a popularity fill-in): say only what ranking did.
    matches.push({ kind: "fits-your-request", strength: 0, render: () => "One of the closest matches to your request here." });
  }
  return matches;
}

/** Index of a kind in `EXPLANATION_KINDS` (used as a compact feature id). */
export function explanationKindIndex(kind: ExplanationKind): number {
  return EXPLANATION_KINDS.indexOf(kind);
}
