import type { Constraints } from "../../lib/reasoning/constraints";
import { fold } from "./compare";

/**
 * Whether a shown film meets a query's expected hard constraints, judged from the item's own
 * fields (genres, year, runtimeMinutes, language, cast, directors, title), independently of
 * lib/reasoning's filters. A value the catalog does not record (no year, runtime, language)
 * does not meet a constraint on it: an answer must be verifiably right. Soft constraints,
 * references, count, sort and discovery are not checked here.
 */
export interface CheckedItem {
  title: string;
  year: number | null;
  genres: readonly string[];
  runtimeMinutes: number | null;
  language: string | null;
  cast: readonly string[];
  directors: readonly string[];
}

const hard = <T extends { strength: string }>(entry: T | null): entry is T => entry !== null && entry.strength === "hard";

/** True when the expected constraints hold anything this checker judges. */
export function hasHardConstraint(expected: Constraints): boolean {
  return (
    expected.includeGenres.some(hard) ||
    expected.excludeGenres.some(hard) ||
    hard(expected.years) ||
    hard(expected.runtime) ||
    hard(expected.languages) ||
    expected.people.some(hard) ||
    expected.excludeTitles.length > 0
  );
}

function credits(item: CheckedItem, role: "cast" | "director" | "any"): string[] {
  if (role === "cast") return [...item.cast];
  if (role === "director") return [...item.directors];
  return [...item.cast, ...item.directors];
}

/** Whether `item` meets every hard constraint in `expected`. */
export function meetsExpectedConstraints(item: CheckedItem, expected: Constraints): boolean {
  for (const entry of expected.includeGenres) if (hard(entry) && !item.genres.includes(entry.genre)) return false;
  for (const entry of expected.excludeGenres) if (hard(entry) && item.genres.includes(entry.genre)) return false;
  const years = expected.years;
  if (hard(years)) {
    if (item.year === null) return false;
    if (years.from !== null && item.year < years.from) return false;
    if (years.to !== null && item.year > years.to) return false;
  }
  const runtime = expected.runtime;
  if (hard(runtime)) {
    if (item.runtimeMinutes === null) return false;
    if (runtime.minMinutes !== null && item.runtimeMinutes < runtime.minMinutes) return false;
    if (runtime.maxMinutes !== null && item.runtimeMinutes > runtime.maxMinutes) return false;
  }
  const languages = expected.languages;
  if (hard(languages)) {
    if (item.language === null) return false;
    if (languages.include.length > 0 && !languages.include.includes(item.language)) return false;
    if (languages.exclude.includes(item.language)) return false;
  }
  for (const person of expected.people) {
    if (!hard(person)) continue;
    const credited = credits(item, person.role).some((name) => fold(name) === fold(person.name));
    if (credited === person.exclude) return false;
  }
  if (expected.excludeTitles.some((title) => fold(title) === fold(item.title))) return false;
  return true;
}

/**
 * How many catalog films meet every expected hard constraint, counted up to `cap` (the
 * satisfaction denominator never needs more than 10).
 */
export function countMeeting(items: readonly CheckedItem[], expected: Constraints, cap = 10): number {
  let count = 0;
  for (const item of items) {
    if (meetsExpectedConstraints(item, expected)) count += 1;
    if (count >= cap) break;
  }
  return count;
}

/**
 * Top-10 constraint satisfaction of one answer: the shown films (first 10) meeting every
 * expected hard constraint, over min(10, the count asked for, the catalog films meeting them
 * all), capped at 1. Null when nothing can be judged (no hard constraint, or no film meets them).
 */
export function topTenSatisfaction(shown: readonly CheckedItem[], expected: Constraints, meetingInCatalog: number): number | null {
  if (!hasHardConstraint(expected) || meetingInCatalog === 0) return null;
  const denominator = Math.min(10, expected.count ?? 10, meetingInCatalog);
  const met = shown.slice(0, 10).filter((item) => meetsExpectedConstraints(item, expected)).length;
  return Math.min(1, met / denominator);
}
