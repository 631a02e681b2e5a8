import type { Item } from "../../lib/catalog/item";

/** What a test gives makeItem: an id (`ml:<n>` or `tmdb:<n>`), a title, and any other fields. */
export type ItemFields = Partial<Item> & { id: string; title: string };

/**
 * A hand-made catalog item for known-answer tests: the caller names the id and title and sets only
 * the fields its test is about. Every other field is unknown, as in a sparse real row: null, an
 * empty list, or 0 ratings. movieId and tmdbId follow the id (`ml:<n>` → movieId n, `tmdb:<n>` →
 * tmdbId n, the other null), so that isColdStart agrees with the id unless a test overrides them.
 */
export function makeItem(overrides: ItemFields): Item {
  const [source, number] = overrides.id.split(":");
  return {
    movieId: source === "ml" ? Number(number) : null,
    tmdbId: source === "tmdb" ? Number(number) : null,
    imdbId: null,
    aliases: [],
    year: null,
    genres: [],
    runtimeMinutes: null,
    language: null,
    overview: null,
    tagline: null,
    keywords: [],
    directors: [],
    cast: [],
    tags: [],
    ratingCount: 0,
    ratingMean: null,
    tmdbVoteCount: null,
    tmdbVoteAverage: null,
    ...overrides,
  };
}
