import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { parse } from "csv-parse/sync";

/** What TMDB 5000 says about a film's content. */
export interface TmdbProfile {
  directors: Set<string>;
  /** The five first-billed actors. */
  topCast: Set<string>;
  keywords: Set<string>;
  /** TMDB's genres in MovieLens's vocabulary (Science Fiction → Sci-Fi, Family → Children, Music → Musical). */
  genres: Set<string>;
}

const TOP_CAST = 5;
const GENRE_TO_MOVIELENS: Record<string, string | null> = {
  "Science Fiction": "Sci-Fi",
  Family: "Children",
  Music: "Musical",
  History: null,
  "TV Movie": null,
  Foreign: null,
};

function names(json: string): { name: string; order?: number; job?: string }[] {
  try {
    const parsed = JSON.parse(json) as unknown;
    return Array.isArray(parsed) ? (parsed as { name: string; order?: number; job?: string }[]) : [];
  } catch {
    return [];
  }
}

/** tmdbId → profile, read from tmdb_5000_movies.csv and tmdb_5000_credits.csv.gz. */
export function loadTmdbProfiles(tmdbDir: string): Map<number, TmdbProfile> {
  const profiles = new Map<number, TmdbProfile>();
  const movies = parse(readFileSync(path.join(tmdbDir, "tmdb_5000_movies.csv"), "utf8"), { columns: true, skip_empty_lines: true, relax_quotes: true }) as {
    id: string;
    genres: string;
    keywords: string;
  }[];
  for (const movie of movies) {
    const genres = new Set<string>();
    for (const { name } of names(movie.genres)) {
      const mapped = name in GENRE_TO_MOVIELENS ? GENRE_TO_MOVIELENS[name] : name;
      if (mapped) genres.add(mapped);
    }
    profiles.set(Number(movie.id), { directors: new Set(), topCast: new Set(), keywords: new Set(names(movie.keywords).map(({ name }) => name.toLowerCase())), genres });
  }
  const credits = parse(gunzipSync(readFileSync(path.join(tmdbDir, "tmdb_5000_credits.csv.gz"))).toString("utf8"), { columns: true, skip_empty_lines: true, relax_quotes: true }) as {
    movie_id: string;
    cast: string;
    crew: string;
  }[];
  for (const credit of credits) {
    const profile = profiles.get(Number(credit.movie_id));
    if (!profile) continue;
    for (const member of names(credit.cast)) if ((member.order ?? Infinity) < TOP_CAST) profile.topCast.add(member.name);
    for (const member of names(credit.crew)) if (member.job === "Director") profile.directors.add(member.name);
  }
  return profiles;
}
