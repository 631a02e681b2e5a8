import type { MovieLensData } from "./movielens-data";
import { seededRandom } from "./seeded-random";
import { spokenTitle, typedTitle } from "./typed-title";

/** Likes (ratings ≥ 4★) a film needs to be drawn. */
const MIN_LIKES = 20;

export interface DrawnFilm {
  movieId: number;
  /** As a person types it (no year, leading article, no alternative title, no long subtitle when the rest is unique). */
  title: string;
  likes: number;
}

export interface FilmPool {
  /** Films with ≥ 20 likes, ascending movieId. */
  eligible: DrawnFilm[];
  /**
   * Films with ≥ 20 likes left out because another film with more ratings has the same typed
   * title (Scarface 1932 beside 1983): typing that title rightly shows the other film first.
   */
  namesakes: DrawnFilm[];
}

/** The films the judge may draw, never hand-picked: every film with at least 20 likes. */
export function filmPool(data: MovieLensData, minLikes = MIN_LIKES): FilmPool {
  const allTyped = [...data.films.values()].map((film) => typedTitle(film.rawTitle));
  const mostRatedByTitle = new Map<string, number>();
  for (const film of data.films.values()) {
    const key = typedTitle(film.rawTitle).toLowerCase();
    mostRatedByTitle.set(key, Math.max(mostRatedByTitle.get(key) ?? 0, film.ratingCount));
  }
  const eligible: DrawnFilm[] = [];
  const namesakes: DrawnFilm[] = [];
  for (const film of [...data.films.values()].sort((left, right) => left.movieId - right.movieId)) {
    const likes = data.likers.get(film.movieId)?.length ?? 0;
    if (likes < minLikes) continue;
    const typed = typedTitle(film.rawTitle);
    const drawn = { movieId: film.movieId, title: spokenTitle(typed, allTyped), likes };
    (mostRatedByTitle.get(typed.toLowerCase())! > film.ratingCount ? namesakes : eligible).push(drawn);
  }
  return { eligible, namesakes };
}

/** `count` films drawn from the pool by a seeded Fisher–Yates shuffle (the same seed, the same films, in the same order). */
export function drawFilms(pool: FilmPool, count: number, seed: number | string): DrawnFilm[] {
  const films = [...pool.eligible];
  const random = seededRandom(seed, "draw");
  for (let index = films.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [films[index], films[other]] = [films[other], films[index]];
  }
  if (count > films.length) throw new Error(`eval:served: ${count} films asked, only ${films.length} have ≥ ${MIN_LIKES} likes`);
  return films.slice(0, count);
}
