import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";

/** One MovieLens film as the judge sees it. */
export interface MovieLensFilm {
  movieId: number;
  /** As in movies.csv, e.g. "Godfather, The (1972)". */
  rawTitle: string;
  genres: string[];
  /** Null when links.csv has no TMDB id. */
  tmdbId: number | null;
  ratingCount: number;
}

/** The raw ratings the judge grades with: who liked (rated ≥ 4★) what. */
export interface MovieLensData {
  films: Map<number, MovieLensFilm>;
  /** movieId → ids of the people who rated it ≥ `likeThreshold`, ascending. */
  likers: Map<number, Int32Array>;
  /** userId → the movieIds they rated ≥ `likeThreshold`. */
  likedBy: Map<number, Int32Array>;
  likeThreshold: number;
}

/** Splits a data file into lines, tolerating CRLF (links.csv has it) and a trailing newline. */
const lines = (text: string) => text.split(/\r?\n/).filter((line) => line.length > 0);

/** Reads ratings.csv, movies.csv and links.csv of ml-latest-small; a like is a rating ≥ `likeThreshold` (4★). */
export function loadMovieLens(movieLensDir: string, likeThreshold = 4): MovieLensData {
  const films = new Map<number, MovieLensFilm>();
  const movieRows = parse(readFileSync(path.join(movieLensDir, "movies.csv"), "utf8"), { columns: true, skip_empty_lines: true }) as { movieId: string; title: string; genres: string }[];
  for (const row of movieRows) {
    const movieId = Number(row.movieId);
    films.set(movieId, {
      movieId,
      rawTitle: row.title.trim(),
      genres: row.genres === "(no genres listed)" ? [] : row.genres.split("|"),
      tmdbId: null,
      ratingCount: 0,
    });
  }
  for (const line of lines(readFileSync(path.join(movieLensDir, "links.csv"), "utf8")).slice(1)) {
    const [movieId, , tmdbId] = line.split(",");
    const film = films.get(Number(movieId));
    if (film && tmdbId && tmdbId.trim() !== "") film.tmdbId = Number(tmdbId);
  }
  const likersLists = new Map<number, number[]>();
  const likedLists = new Map<number, number[]>();
  for (const line of lines(readFileSync(path.join(movieLensDir, "ratings.csv"), "utf8")).slice(1)) {
    const [userText, movieText, ratingText] = line.split(",");
    const userId = Number(userText);
    const movieId = Number(movieText);
    const film = films.get(movieId);
    if (film) film.ratingCount++;
    if (Number(ratingText) < likeThreshold) continue;
    let likers = likersLists.get(movieId);
    if (!likers) likersLists.set(movieId, (likers = []));
    likers.push(userId);
    let liked = likedLists.get(userId);
    if (!liked) likedLists.set(userId, (liked = []));
    liked.push(movieId);
  }
  const sorted = (values: number[]) => Int32Array.from(new Set(values)).sort();
  return {
    films,
    likers: new Map([...likersLists].map(([movieId, users]) => [movieId, sorted(users)])),
    likedBy: new Map([...likedLists].map(([userId, movies]) => [userId, sorted(movies)])),
    likeThreshold,
  };
}
