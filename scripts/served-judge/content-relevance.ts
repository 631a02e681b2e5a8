import type { MovieLensData } from "./movielens-data";
import type { TmdbProfile } from "./tmdb-content";

/** A served item's content as the judge knows it (MovieLens genres, TMDB credits and keywords). */
export interface ContentProfile {
  genres: Set<string>;
  /** Null when the film is not in TMDB 5000: only genres can relate it. */
  tmdb: TmdbProfile | null;
}

/** TMDB keywords about how a film was made or released, not what it is about: sharing one relates nothing. */
const PRODUCTION_KEYWORDS = new Set([
  "woman director",
  "independent film",
  "duringcreditsstinger",
  "aftercreditsstinger",
  "based on novel",
  "3d",
  "sequel",
  "remake",
  "biography",
  "based on true story",
]);
/** Genre-set Jaccard at or above which (with at least two genres shared) genres alone relate two films. */
const GENRE_JACCARD = 0.5;

const overlap = (left: Set<string>, right: Set<string>, ignore?: Set<string>) => {
  let shared = 0;
  for (const value of left) if (right.has(value) && !ignore?.has(value)) shared++;
  return shared;
};

/**
 * Whether two films are related by content: a shared director, a shared top-5 billed actor, a
 * shared TMDB keyword about the story (not "sequel", "woman director"…), or mostly the same
 * MovieLens genres (Jaccard ≥ 0.5 with ≥ 2 shared). A signal independent of the ratings,
 * reported beside the co-liked relevance without a target.
 */
export function contentRelated(left: ContentProfile, right: ContentProfile): boolean {
  if (left.tmdb && right.tmdb) {
    if (overlap(left.tmdb.directors, right.tmdb.directors) > 0) return true;
    if (overlap(left.tmdb.topCast, right.tmdb.topCast) > 0) return true;
    if (overlap(left.tmdb.keywords, right.tmdb.keywords, PRODUCTION_KEYWORDS) > 0) return true;
  }
  const sharedGenres = overlap(left.genres, right.genres);
  const union = left.genres.size + right.genres.size - sharedGenres;
  return sharedGenres >= 2 && sharedGenres / union >= GENRE_JACCARD;
}

/** Content profiles by served item id ("ml:<movieId>" or "tmdb:<tmdbId>"). */
export class ContentIndex {
  private readonly tmdbByMovieId = new Map<number, TmdbProfile>();
  constructor(
    private readonly movieLens: MovieLensData,
    private readonly tmdb: Map<number, TmdbProfile>,
  ) {
    for (const film of movieLens.films.values()) {
      const profile = film.tmdbId === null ? undefined : tmdb.get(film.tmdbId);
      if (profile) this.tmdbByMovieId.set(film.movieId, profile);
    }
  }

  /** The profile of a MovieLens film; null for an unknown id. */
  ofMovie(movieId: number): ContentProfile | null {
    const film = this.movieLens.films.get(movieId);
    if (!film) return null;
    return { genres: new Set(film.genres), tmdb: this.tmdbByMovieId.get(movieId) ?? null };
  }

  /** The profile of a served item id; null for ids the raw data does not know. */
  ofItemId(itemId: string): ContentProfile | null {
    const [source, value] = itemId.split(":");
    if (source === "ml") return this.ofMovie(Number(value));
    if (source === "tmdb") {
      const profile = this.tmdb.get(Number(value));
      return profile ? { genres: profile.genres, tmdb: profile } : null;
    }
    return null;
  }
}
