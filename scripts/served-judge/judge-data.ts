import { ContentIndex } from "./content-relevance";
import { NeighbourCache } from "./co-liked-neighbours";
import { findJudgeData, type JudgeDataLocation } from "./data-location";
import { filmPool, type FilmPool } from "./film-draw";
import { loadMovieLens, type MovieLensData } from "./movielens-data";
import { loadTmdbProfiles } from "./tmdb-content";

/** Everything the judge grades with, read from the raw datasets by the judge's own code. */
export interface JudgeData {
  location: JudgeDataLocation;
  movieLens: MovieLensData;
  neighbours: NeighbourCache;
  content: ContentIndex;
  pool: FilmPool;
  /** movieIds by likes (ratings ≥ 4★), most liked first (ties: smaller movieId): the popularity baseline. */
  mostLiked: number[];
}

let cached: { key: string; data: JudgeData } | undefined;

/** Reads ratings, movies, links and TMDB 5000 once per process (about a second). */
export function loadJudgeData(location: JudgeDataLocation = findJudgeData()): JudgeData {
  const key = JSON.stringify(location);
  if (cached?.key === key) return cached.data;
  const movieLens = loadMovieLens(location.movieLensDir);
  const tmdb = location.tmdbDir ? loadTmdbProfiles(location.tmdbDir) : new Map();
  const mostLiked = [...movieLens.likers.entries()].sort((left, right) => right[1].length - left[1].length || left[0] - right[0]).map(([movieId]) => movieId);
  const data: JudgeData = {
    location,
    movieLens,
    neighbours: new NeighbourCache(movieLens, 100),
    content: new ContentIndex(movieLens, tmdb),
    pool: filmPool(movieLens),
    mostLiked,
  };
  cached = { key, data };
  return data;
}
