import type { Item } from "../catalog/item";
import { languageName } from "../language/language-display-name";
import type { Constraints } from "./constraints";
import { inRange } from "./value-range";

/**
 * The request's constraints that this film visibly meets, in words for a card ("a comedy",
 * "85 minutes", "released in 1994", "in French", "with Tom Hanks", "no romance"): only facts the item's
 * own data confirms, so a relaxed or partial match never claims more than it has. Pure.
 */
export function constraintFacts(item: Item, constraints: Constraints): string[] {
  const facts: string[] = [];
  const genres = constraints.includeGenres.map((entry) => entry.genre).filter((genre) => item.genres.includes(genre));
  if (genres.length > 0) facts.push(`${genres.join("/").toLowerCase()}`);
  const { runtime, years, languages } = constraints;
  if (runtime && item.runtimeMinutes !== null && inRange(item.runtimeMinutes, runtime.minMinutes, runtime.maxMinutes)) facts.push(`${item.runtimeMinutes} minutes`);
  // "released in 2001", not "from 2001": next to a request for "from 1990" the bare form reads as a range.
  if (years && item.year !== null && inRange(item.year, years.from, years.to)) facts.push(`released in ${item.year}`);
  if (languages && item.language !== null && languages.include.includes(item.language)) facts.push(`in ${languageName(item.language)}`);
  for (const person of constraints.people) {
    if (person.exclude) continue;
    if (person.role !== "cast" && item.directors.includes(person.name)) facts.push(`directed by ${person.name}`);
    else if (person.role !== "director" && item.cast.includes(person.name)) facts.push(`with ${person.name}`);
  }
  const excluded = constraints.excludeGenres.map((entry) => entry.genre).filter((genre) => !item.genres.includes(genre));
  if (excluded.length > 0 && item.genres.length > 0) facts.push(`no ${excluded.join(" or ").toLowerCase()}`);
  return facts;
}
