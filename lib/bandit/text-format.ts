import type { Item } from "../catalog/item";

/** "Heat (1995)", or the bare title when the year is unknown. */
export function titleWithYear(item: Item): string {
  return item.year === null ? item.title : `${item.title} (${item.year})`;
}

/** "A", "A and B", "A, B and C". */
export function joinList(values: readonly string[]): string {
  if (values.length <= 1) return values[0] ?? "";
  return `${values.slice(0, -1).join(", ")} and ${values[values.length - 1]}`;
}

/** The indefinite article for a word ("an Action film", "a Crime film"). */
export function article(word: string): "a" | "an" {
  return /^[aeiou]/i.test(word) ? "an" : "a";
}

/** "Crime/Thriller film", or "film" when the genres are unknown. Caps at three genres. */
export function genreNoun(genres: readonly string[]): string {
  return genres.length === 0 ? "film" : `${genres.slice(0, 3).join("/")} film`;
}

/** 12345 → "12,345", independent of the process locale so seeded output is byte-stable. */
export function formatCount(count: number): string {
  return String(Math.round(count)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Shortens a quote of the person's own words to at most `maximum` characters. */
export function shortQuote(text: string, maximum = 40): string {
  const trimmed = text.trim().replace(/\s+/g, " ");
  return trimmed.length <= maximum ? trimmed : `${trimmed.slice(0, maximum - 1).trimEnd()}…`;
}
