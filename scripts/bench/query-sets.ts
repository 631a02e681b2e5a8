import type { Catalog } from "../../lib/catalog/catalog";
import { GENRES } from "../../lib/catalog/genres";
import { popularityScore } from "../../lib/catalog/popularity";
import { createSeededRandom } from "../../lib/retrieval/seeded-random";

/** The same seeded PRNG (mulberry32) as the catalog build, so every benchmark run sends the same queries. */
export const seededRandom = createSeededRandom;

/**
 * Simple queries of the kinds the fast path serves, drawn from the real catalog: titles
 * (some lower-cased or with a typo), genres, people and "movies like X".
 */
export function fastQueries(catalog: Catalog, count: number, seed = 7): string[] {
  const random = seededRandom(seed);
  const popular = [...catalog.items].sort((a, b) => popularityScore(b) - popularityScore(a)).slice(0, 600);
  const people = [...new Set(popular.flatMap((item) => [...item.directors, ...item.cast.slice(0, 2)]))];
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const typo = (text: string) => {
    const position = 1 + Math.floor(random() * Math.max(1, text.length - 2));
    return text.slice(0, position) + text.slice(position + 1);
  };
  const queries: string[] = [];
  while (queries.length < count) {
    const kind = queries.length % 6;
    if (kind === 0) queries.push(pick(popular).title);
    else if (kind === 1) queries.push(typo(pick(popular).title.toLowerCase()));
    else if (kind === 2) queries.push(`${pick(GENRES).toLowerCase()} movies`);
    else if (kind === 3 && people.length) queries.push(pick(people));
    else if (kind === 4) queries.push(`movies like ${pick(popular).title}`);
    else queries.push(pick(popular).title.split(" ").slice(0, 2).join(" "));
  }
  return queries;
}

/** Vibe queries with constraints, the kind the router sends to the reasoning path. */
export const REASONING_QUERIES: readonly string[] = [
  "something funny but not stupid, under 90 minutes, no romance",
  "a sci-fi movie that feels like Blade Runner but was made in the 90s",
  "dark gritty crime thriller from the 70s",
  "feel-good animated movie for kids, not too long",
  "a French romantic comedy after 2000",
  "mind-bending science fiction longer than two hours",
  "scary horror from the 80s but nothing with zombies",
  "cozy mystery under 100 minutes",
  "epic war drama before 1970",
  "something like The Matrix but funnier",
  "melancholic rainy day drama in Japanese",
  "best rated westerns of the 60s",
  "an uplifting sports movie without romance",
  "documentaries about music from the 2000s",
  "heist movie with a twist, made after 1995, under two hours",
  "a Korean thriller that is not horror",
  "family adventure with no violence, newer than 2005",
  "space exploration movies, not action, in the 2010s",
  "quirky indie comedy with Bill Murray",
  "a Christopher Nolan film but shorter than 2 hours",
];
