import type { Item } from "../../lib/catalog/item";
import type { ExpectedConstraints } from "./router-fixture";

/**
 * Whether an item meets every expected hard constraint. Unknown values (no runtime, no
 * language, no credits recorded) do not meet a constraint: an answer must be verifiably right.
 */
export function meetsExpected(item: Item, expected: ExpectedConstraints): boolean {
  if (expected.genresInclude && !expected.genresInclude.every((genre) => item.genres.includes(genre))) return false;
  if (expected.genresExclude && expected.genresExclude.some((genre) => item.genres.includes(genre))) return false;
  if (expected.yearFrom !== undefined && (item.year === null || item.year < expected.yearFrom)) return false;
  if (expected.yearTo !== undefined && (item.year === null || item.year > expected.yearTo)) return false;
  if (expected.runtimeMin !== undefined && (item.runtimeMinutes === null || item.runtimeMinutes < expected.runtimeMin)) return false;
  if (expected.runtimeMax !== undefined && (item.runtimeMinutes === null || item.runtimeMinutes > expected.runtimeMax)) return false;
  if (expected.language && (item.language === null || !expected.language.includes(item.language))) return false;
  if (expected.languageExclude && (item.language === null || expected.languageExclude.includes(item.language))) return false;
  if (expected.people && !expected.people.some((name) => item.cast.includes(name) || item.directors.includes(name))) return false;
  return true;
}

/** Share of the items meeting the expectations; 0 for an empty answer. */
export function satisfactionShare(items: readonly Item[], expected: ExpectedConstraints): number {
  if (items.length === 0) return 0;
  return items.filter((item) => meetsExpected(item, expected)).length / items.length;
}

/** Percentile (0–100) of a list of numbers, nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
