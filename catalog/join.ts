import { canonicalGenres } from "../lib/catalog/genres";
import { itemSchema, type Item } from "../lib/catalog/item";
import type { Interactions } from "../lib/catalog/interactions";
import { parseMovieLensTitle } from "./movielens-title";
import type { RejectedRowCounter } from "./rejected-rows";
import type { MovieLensData, MovieLensTag } from "./sources/movielens";
import type { TmdbMovie } from "./sources/tmdb";

export interface JoinedCatalog {
  items: Item[];
  interactions: Interactions;
  /** Items that carry TMDB metadata (joined MovieLens movies plus cold-start items). */
  itemsWithTmdb: number;
}

/** Tags per movie, case-insensitively merged, most applied first, first-seen spelling kept. */
function tagsByMovie(tags: readonly MovieLensTag[]): Map<number, string[]> {
  const counts = new Map<number, Map<string, { text: string; count: number }>>();
  for (const tag of tags) {
    const perMovie = counts.get(tag.movieId) ?? new Map<string, { text: string; count: number }>();
    const key = tag.tag.toLowerCase();
    const entry = perMovie.get(key) ?? { text: tag.tag, count: 0 };
    entry.count += 1;
    perMovie.set(key, entry);
    counts.set(tag.movieId, perMovie);
  }
  const out = new Map<number, string[]>();
  for (const [movieId, perMovie] of counts) {
    out.set(
      movieId,
      [...perMovie.values()].sort((a, b) => b.count - a.count).map((entry) => entry.text),
    );
  }
  return out;
}

function uniqueAliases(title: string, candidates: Array<string | null | undefined>): string[] {
  const seen = new Set([title.toLowerCase()]);
  const aliases: string[] = [];
  for (const candidate of candidates) {
    if (!candidate) continue;
    const key = candidate.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    aliases.push(candidate);
  }
  return aliases;
}

/**
 * Joins MovieLens (every movie, ratings, tags) with TMDB metadata through links.tmdbId, and adds
 * every TMDB movie without a MovieLens row as a cold-start item. Items failing the item schema
 * are rejected like bad source rows.
 */
export function joinCatalog(movieLens: MovieLensData, tmdb: ReadonlyMap<number, TmdbMovie>, rejected: RejectedRowCounter): JoinedCatalog {
  const tags = tagsByMovie(movieLens.tags);
  const ratingStats = new Map<number, { count: number; sum: number }>();
  const knownMovies = new Set(movieLens.movies.map((movie) => movie.movieId));
  const ratings = movieLens.ratings.filter((rating) => {
    if (knownMovies.has(rating.movieId)) return true;
    rejected.reject("ml-latest-small/ratings.csv", "movieId not in movies.csv", JSON.stringify(rating));
    return false;
  });
  for (const rating of ratings) {
    const stats = ratingStats.get(rating.movieId) ?? { count: 0, sum: 0 };
    stats.count += 1;
    stats.sum += rating.rating;
    ratingStats.set(rating.movieId, stats);
  }

  const items: Item[] = [];
  let itemsWithTmdb = 0;
  const linkedTmdbIds = new Set<number>();
  const accept = (candidate: Item, label: string) => {
    const result = itemSchema.safeParse(candidate);
    if (result.success) items.push(result.data);
    else rejected.reject(label, `item: ${result.error.issues[0]?.path.join(".")}: ${result.error.issues[0]?.message}`, candidate.id);
  };

  for (const movie of [...movieLens.movies].sort((a, b) => a.movieId - b.movieId)) {
    const parsed = parseMovieLensTitle(movie.title);
    const link = movieLens.links.get(movie.movieId);
    const tmdbId = link?.tmdbId ?? null;
    const meta = tmdbId === null ? undefined : tmdb.get(tmdbId);
    if (tmdbId !== null) linkedTmdbIds.add(tmdbId);
    const stats = ratingStats.get(movie.movieId);
    if (meta) itemsWithTmdb += 1;
    const title = meta?.title ?? parsed.title;
    accept(
      {
        id: `ml:${movie.movieId}`,
        movieId: movie.movieId,
        tmdbId,
        imdbId: link?.imdbId ?? null,
        title,
        aliases: uniqueAliases(title, [parsed.title, ...parsed.aliases, meta?.originalTitle]),
        year: parsed.year ?? meta?.year ?? null,
        genres: canonicalGenres([...movie.genres.split("|"), ...(meta?.genres ?? [])]),
        runtimeMinutes: meta?.runtimeMinutes ?? null,
        language: meta?.language ?? null,
        overview: meta?.overview ?? null,
        tagline: meta?.tagline ?? null,
        keywords: meta?.keywords ?? [],
        directors: meta?.directors ?? [],
        cast: meta?.cast ?? [],
        tags: tags.get(movie.movieId) ?? [],
        ratingCount: stats?.count ?? 0,
        ratingMean: stats ? Math.round((stats.sum / stats.count) * 1000) / 1000 : null,
        tmdbVoteCount: meta?.voteCount ?? null,
        tmdbVoteAverage: meta?.voteAverage ?? null,
      },
      "ml-latest-small/movies.csv",
    );
  }

  for (const meta of [...tmdb.values()].sort((a, b) => a.tmdbId - b.tmdbId)) {
    if (linkedTmdbIds.has(meta.tmdbId)) continue;
    itemsWithTmdb += 1;
    accept(
      {
        id: `tmdb:${meta.tmdbId}`,
        movieId: null,
        tmdbId: meta.tmdbId,
        imdbId: null,
        title: meta.title,
        aliases: uniqueAliases(meta.title, [meta.originalTitle]),
        year: meta.year,
        genres: canonicalGenres(meta.genres),
        runtimeMinutes: meta.runtimeMinutes,
        language: meta.language,
        overview: meta.overview,
        tagline: meta.tagline,
        keywords: meta.keywords,
        directors: meta.directors,
        cast: meta.cast,
        tags: [],
        ratingCount: 0,
        ratingMean: null,
        tmdbVoteCount: meta.voteCount,
        tmdbVoteAverage: meta.voteAverage,
      },
      "tmdb-5000/tmdb_5000_movies.csv",
    );
  }

  return { items, interactions: buildInteractions(ratings, items), itemsWithTmdb };
}

function buildInteractions(ratings: MovieLensData["ratings"], items: readonly Item[]): Interactions {
  const itemIndexByMovieId = new Map<number, number>();
  items.forEach((item, index) => {
    if (item.movieId !== null) itemIndexByMovieId.set(item.movieId, index);
  });
  const kept = ratings.filter((rating) => itemIndexByMovieId.has(rating.movieId));
  kept.sort((a, b) => a.userId - b.userId || a.timestamp - b.timestamp || a.movieId - b.movieId);
  const userIds = [...new Set(kept.map((rating) => rating.userId))];
  const denseUser = new Map(userIds.map((userId, index) => [userId, index]));
  const interactions: Interactions = {
    userCount: userIds.length,
    users: new Int32Array(kept.length),
    items: new Int32Array(kept.length),
    ratings: new Float32Array(kept.length),
    timestamps: new Int32Array(kept.length),
    userIds: Int32Array.from(userIds),
  };
  kept.forEach((rating, row) => {
    interactions.users[row] = denseUser.get(rating.userId)!;
    interactions.items[row] = itemIndexByMovieId.get(rating.movieId)!;
    interactions.ratings[row] = rating.rating;
    interactions.timestamps[row] = rating.timestamp;
  });
  return interactions;
}
