import path from "node:path";
import { z } from "zod";
import { readValidatedCsv } from "../csv-rows";
import type { RejectedRowCounter } from "../rejected-rows";

/** Parses a TMDB JSON-list column such as `[{"id": 28, "name": "Action"}]` into its names. */
const namedList = z.string().transform((text, context) => {
  if (text.trim() === "") return [] as { name: string; [key: string]: unknown }[];
  try {
    const parsed = z.array(z.looseObject({ name: z.string() })).safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through to the issue below
  }
  context.addIssue({ code: "custom", message: "not a JSON list of {name}" });
  return z.NEVER;
});

const optionalText = z.string().transform((value) => (value.trim() === "" ? null : value.trim()));

const movieRow = z.object({
  id: z.string().regex(/^\d+$/, "id not an integer").transform(Number),
  title: z.string().trim().min(1, "empty title"),
  original_title: optionalText,
  original_language: optionalText,
  overview: optionalText,
  tagline: optionalText,
  genres: namedList,
  keywords: namedList,
  // runtime 0 means unknown in this dataset.
  runtime: z.string().transform((value) => {
    const minutes = Math.round(Number(value));
    return Number.isFinite(minutes) && minutes > 0 ? minutes : null;
  }),
  release_date: z.string().transform((value) => {
    const match = /^(\d{4})-\d{2}-\d{2}$/.exec(value.trim());
    return match ? Number(match[1]) : null;
  }),
  vote_average: z
    .string()
    .transform((value) => (value.trim() === "" ? null : Number(value)))
    .pipe(z.number().min(0).max(10).nullable()),
  vote_count: z
    .string()
    .transform((value) => (value.trim() === "" ? null : Number(value)))
    .pipe(z.number().int().nonnegative().nullable()),
});

const creditRow = z.object({
  movie_id: z.string().regex(/^\d+$/, "movie_id not an integer").transform(Number),
  cast: z.string().transform((text, context) => {
    try {
      return z.array(z.looseObject({ name: z.string(), order: z.number() })).parse(JSON.parse(text));
    } catch {
      context.addIssue({ code: "custom", message: "cast is not a JSON list of {name, order}" });
      return z.NEVER;
    }
  }),
  crew: z.string().transform((text, context) => {
    try {
      return z.array(z.looseObject({ name: z.string(), job: z.string() })).parse(JSON.parse(text));
    } catch {
      context.addIssue({ code: "custom", message: "crew is not a JSON list of {name, job}" });
      return z.NEVER;
    }
  }),
});

export interface TmdbMovie {
  tmdbId: number;
  title: string;
  originalTitle: string | null;
  language: string | null;
  overview: string | null;
  tagline: string | null;
  genres: string[];
  keywords: string[];
  runtimeMinutes: number | null;
  year: number | null;
  voteAverage: number | null;
  voteCount: number | null;
  directors: string[];
  cast: string[];
}

export const TMDB_FILES = ["tmdb_5000_movies.csv", "tmdb_5000_credits.csv.gz"] as const;

/** Reads TMDB 5000 movies and credits from `directory`, keyed by TMDB id. */
export async function readTmdb(directory: string, rejected: RejectedRowCounter): Promise<Map<number, TmdbMovie>> {
  const credits = new Map<number, { directors: string[]; cast: string[] }>();
  const creditsLabel = "tmdb-5000/tmdb_5000_credits.csv.gz";
  for await (const row of readValidatedCsv(path.join(directory, "tmdb_5000_credits.csv.gz"), creditsLabel, creditRow, rejected)) {
    const cast = [...row.cast]
      .sort((a, b) => a.order - b.order)
      .slice(0, 5)
      .map((member) => member.name.trim());
    const directors = [...new Set(row.crew.filter((member) => member.job === "Director").map((member) => member.name.trim()))];
    credits.set(row.movie_id, { directors, cast });
  }
  const movies = new Map<number, TmdbMovie>();
  const moviesLabel = "tmdb-5000/tmdb_5000_movies.csv";
  for await (const row of readValidatedCsv(path.join(directory, "tmdb_5000_movies.csv"), moviesLabel, movieRow, rejected)) {
    const credit = credits.get(row.id);
    movies.set(row.id, {
      tmdbId: row.id,
      title: row.title,
      originalTitle: row.original_title,
      language: row.original_language,
      overview: row.overview,
      tagline: row.tagline,
      genres: row.genres.map((genre) => genre.name),
      keywords: row.keywords.map((keyword) => keyword.name),
      runtimeMinutes: row.runtime,
      year: row.release_date,
      voteAverage: row.vote_average,
      voteCount: row.vote_count,
      directors: credit?.directors ?? [],
      cast: credit?.cast ?? [],
    });
  }
  return movies;
}
