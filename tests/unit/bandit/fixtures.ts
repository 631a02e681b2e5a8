import type { Item } from "../../../lib/catalog/item";
import { createBanditCatalog, type BanditCatalog } from "../../../lib/bandit";
import { makeItem, type ItemFields } from "../../support/item-factory";

/** A film of these fixtures: English unless a test says otherwise (Bare has no language at all). */
function film(fields: ItemFields): Item {
  return makeItem({ language: "en", ...fields });
}

/**
 * A tiny catalog whose facts are known by hand:
 * 0 Heat (liked in tests), 1 Collateral (same director), 2 Toy Story (most rated, family),
 * 3 Obscure Noir (hidden gem, neo-noir tags), 4 The Quiet Drama (top-rated drama, 94 min),
 * 5 Bare (no metadata at all), 6 Cold Start (TMDB only, hidden gem by TMDB votes).
 */
export function tinyCatalog(): { items: Item[]; catalog: BanditCatalog } {
  const items: Item[] = [
    film({
      id: "ml:6",
      title: "Heat",
      year: 1995,
      genres: ["Action", "Crime", "Thriller"],
      runtimeMinutes: 170,
      directors: ["Michael Mann"],
      cast: ["Al Pacino", "Robert De Niro"],
      keywords: ["heist", "los angeles"],
      ratingCount: 102,
      ratingMean: 3.9,
    }),
    film({
      id: "ml:8798",
      title: "Collateral",
      year: 2004,
      genres: ["Action", "Crime", "Thriller"],
      runtimeMinutes: 120,
      directors: ["Michael Mann"],
      cast: ["Tom Cruise", "Jamie Foxx"],
      keywords: ["los angeles", "taxi"],
      ratingCount: 60,
      ratingMean: 3.8,
    }),
    film({
      id: "ml:1",
      title: "Toy Story",
      year: 1995,
      genres: ["Animation", "Family", "Comedy"],
      runtimeMinutes: 81,
      directors: ["John Lasseter"],
      cast: ["Tom Hanks", "Tim Allen"],
      ratingCount: 329,
      ratingMean: 3.92,
    }),
    film({ id: "ml:5000", title: "Obscure Noir", year: 1951, genres: ["Film-Noir", "Crime"], tags: ["neo-noir", "rainy city"], ratingCount: 12, ratingMean: 4.2 }),
    film({ id: "ml:5001", title: "The Quiet Drama", year: 2011, genres: ["Drama"], runtimeMinutes: 94, ratingCount: 150, ratingMean: 4.4 }),
    film({ id: "ml:5002", title: "Bare", language: null }),
    film({ id: "tmdb:77", title: "Cold Start", year: 2016, genres: ["Drama"], tmdbVoteCount: 230, tmdbVoteAverage: 7.4 }),
  ];
  return { items, catalog: createBanditCatalog(items) };
}

/** A catalog of `count` plain items, each in one of a few genres, for policy tests. */
export function plainCatalog(count: number): { items: Item[]; catalog: BanditCatalog } {
  const genres = ["Drama", "Comedy", "Horror", "Documentary"];
  const items = Array.from({ length: count }, (_, index) =>
    film({
      id: `ml:${10_000 + index}`,
      title: `Film ${index}`,
      year: 1990 + index,
      genres: [genres[index % genres.length]],
      ratingCount: 5 + 40 * index,
      ratingMean: 3 + (index % 5) * 0.3,
      runtimeMinutes: 80 + 10 * index,
    }),
  );
  return { items, catalog: createBanditCatalog(items) };
}
