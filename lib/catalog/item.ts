import { z } from "zod";

/**
 * One film in the catalog. Ids are `ml:<movieId>` for MovieLens rows and `tmdb:<tmdbId>` for
 * TMDB-only (cold-start) rows. Unknown values are null or empty lists, never invented.
 */
export const itemSchema = z.object({
  id: z.string().regex(/^(ml|tmdb):\d+$/),
  movieId: z.number().int().positive().nullable(),
  tmdbId: z.number().int().positive().nullable(),
  /**
   * IMDb title id ("tt0114709") from MovieLens links.csv; null for TMDB-only items and for bundles
   * built before it was recorded (the default keeps them loading).
   */
  imdbId: z
    .string()
    .regex(/^tt\d{7,}$/)
    .nullable()
    .default(null),
  title: z.string().min(1),
  /** Other names the film is known by (MovieLens form, original title, a.k.a.), for matching. */
  aliases: z.array(z.string()),
  year: z.number().int().min(1870).max(2100).nullable(),
  genres: z.array(z.string()),
  runtimeMinutes: z.number().int().positive().nullable(),
  /** ISO 639-1 original language, e.g. "en", "fr". */
  language: z.string().nullable(),
  overview: z.string().nullable(),
  tagline: z.string().nullable(),
  keywords: z.array(z.string()),
  directors: z.array(z.string()),
  /** Top five billed cast members. */
  cast: z.array(z.string()),
  /** MovieLens user tags, deduplicated case-insensitively, most used first. */
  tags: z.array(z.string()),
  ratingCount: z.number().int().nonnegative(),
  ratingMean: z.number().min(0).max(5).nullable(),
  /** TMDB vote count: a popularity signal that also exists for cold-start items. */
  tmdbVoteCount: z.number().int().nonnegative().nullable(),
  tmdbVoteAverage: z.number().min(0).max(10).nullable(),
});

export type Item = z.infer<typeof itemSchema>;
