import type { Item } from "../../../lib/catalog/item";
import { buildCatalogLexicon, type CatalogLexicon } from "../../../lib/language/catalog-lexicon";
import { makeItem, type ItemFields } from "../../support/item-factory";

/** A film of the tiny catalog: moderately rated (3.5 from 10 ratings) unless a test says otherwise. */
export function tinyItem(fields: ItemFields): Item {
  return makeItem({ ratingCount: 10, ratingMean: 3.5, ...fields });
}

/**
 * Eight films with known answers: two crime films by one director, a 90s comedy pair, a
 * French romance, a long sci-fi, a short horror and a title made of constraint words.
 */
export function tinyCatalog(): Item[] {
  return [
    tinyItem({
      id: "ml:1",
      title: "Heat",
      year: 1995,
      genres: ["Action", "Crime", "Thriller"],
      runtimeMinutes: 170,
      language: "en",
      directors: ["Michael Mann"],
      cast: ["Al Pacino", "Robert De Niro"],
      ratingCount: 100,
    }),
    tinyItem({
      id: "ml:2",
      title: "Collateral",
      year: 2004,
      genres: ["Action", "Crime", "Thriller"],
      runtimeMinutes: 120,
      language: "en",
      directors: ["Michael Mann"],
      cast: ["Tom Cruise", "Jamie Foxx"],
      ratingCount: 60,
    }),
    tinyItem({
      id: "ml:3",
      title: "Clueless",
      year: 1995,
      genres: ["Comedy", "Romance"],
      runtimeMinutes: 97,
      language: "en",
      cast: ["Alicia Silverstone"],
      keywords: ["high school"],
      ratingCount: 50,
    }),
    tinyItem({ id: "ml:4", title: "Dumb and Dumber", year: 1994, genres: ["Comedy"], runtimeMinutes: 107, language: "en", cast: ["Jim Carrey"], tags: ["stupid"], ratingCount: 80 }),
    tinyItem({
      id: "ml:5",
      title: "Amélie",
      aliases: ["Amelie"],
      year: 2001,
      genres: ["Comedy", "Romance"],
      runtimeMinutes: 122,
      language: "fr",
      tags: ["quirky", "whimsical", "paris"],
      ratingCount: 90,
    }),
    tinyItem({
      id: "ml:6",
      title: "Interstellar",
      year: 2014,
      genres: ["Sci-Fi", "Drama"],
      runtimeMinutes: 169,
      language: "en",
      directors: ["Christopher Nolan"],
      cast: ["Matthew McConaughey"],
      ratingCount: 70,
    }),
    tinyItem({ id: "ml:7", title: "The Babadook", year: 2014, genres: ["Horror", "Drama"], runtimeMinutes: 94, language: "en", keywords: ["grief"], ratingCount: 20 }),
    tinyItem({ id: "ml:8", title: "Before Sunrise", year: 1995, genres: ["Drama", "Romance"], runtimeMinutes: 101, language: "en", cast: ["Ethan Hawke", "Julie Delpy"], ratingCount: 30 }),
  ];
}

export function tinyLexicon(items: readonly Item[] = tinyCatalog()): CatalogLexicon {
  return buildCatalogLexicon(items);
}
