import path from "node:path";
import { z } from "zod";
import { readValidatedCsv } from "../csv-rows";
import type { RejectedRowCounter } from "../rejected-rows";

const positiveInt = z.string().trim().regex(/^\d+$/, "expected a positive integer").transform(Number).pipe(z.number().int().positive());

const movieRow = z.object({
  movieId: positiveInt,
  title: z.string().trim().min(1, "empty title"),
  genres: z.string(),
});

const linkRow = z.object({
  movieId: positiveInt,
  // Digits without the "tt" prefix ("0114709"); anything else is kept out of the catalog as null.
  imdbId: z
    .string()
    .trim()
    .transform((value) => (/^\d{7,}$/.test(value) ? `tt${value}` : null)),
  // 8 rows of ml-latest-small have no tmdbId: keep the movie, drop the link.
  tmdbId: z
    .string()
    .trim()
    .transform((value) => (value === "" ? null : Number(value)))
    .pipe(z.number().int().positive().nullable()),
});

const ratingRow = z.object({
  userId: positiveInt,
  movieId: positiveInt,
  rating: z
    .string()
    .trim()
    .transform(Number)
    .pipe(
      z
        .number()
        .min(0.5, "rating below 0.5")
        .max(5, "rating above 5")
        .refine((value) => Number.isInteger(value * 2), "rating not in 0.5 steps"),
    ),
  timestamp: z.string().trim().regex(/^\d+$/, "timestamp not an integer").transform(Number),
});

const tagRow = z.object({
  userId: positiveInt,
  movieId: positiveInt,
  tag: z.string().trim().min(1, "empty tag"),
  timestamp: z.string(),
});

export type MovieLensMovie = z.infer<typeof movieRow>;
export type MovieLensLink = z.infer<typeof linkRow>;
export type MovieLensRating = z.infer<typeof ratingRow>;
export type MovieLensTag = z.infer<typeof tagRow>;

export const MOVIELENS_FILES = ["movies.csv", "ratings.csv", "tags.csv", "links.csv"] as const;

export interface MovieLensData {
  movies: MovieLensMovie[];
  links: Map<number, MovieLensLink>;
  ratings: MovieLensRating[];
  tags: MovieLensTag[];
}

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

/** Reads and validates the four ml-latest-small files from `directory`. */
export async function readMovieLens(directory: string, rejected: RejectedRowCounter): Promise<MovieLensData> {
  const file = (name: string) => path.join(directory, name);
  const label = (name: string) => `ml-latest-small/${name}`;
  const movies = await collect(readValidatedCsv(file("movies.csv"), label("movies.csv"), movieRow, rejected));
  const links = new Map<number, MovieLensLink>();
  for await (const link of readValidatedCsv(file("links.csv"), label("links.csv"), linkRow, rejected)) {
    links.set(link.movieId, link);
  }
  const ratings = await collect(readValidatedCsv(file("ratings.csv"), label("ratings.csv"), ratingRow, rejected));
  const tags = await collect(readValidatedCsv(file("tags.csv"), label("tags.csv"), tagRow, rejected));
  return { movies, links, ratings, tags };
}
