import type { Item } from "../catalog/item";
import type { ConstraintVerdict, Rating, RecommendedItem } from "./contract";

/** Ratings a MovieLens mean needs before it is shown instead of TMDB's (a handful of raters is noise). */
const MIN_MOVIELENS_RATINGS = 10;
/** Votes a TMDB mean needs before it is preferred to a thinner MovieLens one. */
const MIN_TMDB_VOTES = 10;

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/**
 * The rating a card shows, with its source: MovieLens when at least {@link MIN_MOVIELENS_RATINGS}
 * people rated the film here, else TMDB when it has {@link MIN_TMDB_VOTES} votes, else whichever
 * exists (a thin figure says how thin it is); null when nobody rated it.
 */
export function ratingOf(item: Item): Rating | null {
  const movieLens: Rating | null = item.ratingCount > 0 && item.ratingMean !== null ? { source: "movielens", value: oneDecimal(item.ratingMean), outOf: 5, count: item.ratingCount } : null;
  const tmdb: Rating | null = item.tmdbVoteCount && item.tmdbVoteAverage !== null ? { source: "tmdb", value: oneDecimal(item.tmdbVoteAverage), outOf: 10, count: item.tmdbVoteCount } : null;
  if (movieLens && movieLens.count >= MIN_MOVIELENS_RATINGS) return movieLens;
  if (tmdb && tmdb.count >= MIN_TMDB_VOTES) return tmdb;
  return movieLens ?? tmdb;
}

/** IMDb and TMDB pages from the dataset's ids (MovieLens links.csv, TMDB's own id). */
export function linksOf(item: Item): RecommendedItem["links"] {
  // Bundles built before imdbId was recorded have no such field at all.
  const imdbId = item.imdbId ?? null;
  return {
    imdb: imdbId === null ? null : `https://www.imdb.com/title/${imdbId}/`,
    tmdb: item.tmdbId === null ? null : `https://www.themoviedb.org/movie/${item.tmdbId}`,
  };
}

/** The public view of a catalog item in a response; rounding keeps payloads stable and small. */
export function presentItem(item: Item, score: number, explanation: RecommendedItem["explanation"], modelReason: string | null = null, verdicts: ConstraintVerdict[] = []): RecommendedItem {
  return {
    id: item.id,
    title: item.title,
    year: item.year,
    genres: item.genres,
    runtimeMinutes: item.runtimeMinutes,
    language: item.language,
    directors: item.directors,
    cast: item.cast,
    overview: item.overview,
    rating: ratingOf(item),
    links: linksOf(item),
    verdicts,
    score: Math.round(score * 10_000) / 10_000,
    explanation,
    modelReason,
  };
}
