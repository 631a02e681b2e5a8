import type { CatalogYears, Rating, RecommendedItem } from "../lib/pipeline/contract";
import { languageName } from "./constraint-checks";

/** 104 → "1 h 44 min", 45 → "45 min"; null when unknown. */
function formatRuntime(minutes: number | null): string | null {
  if (minutes === null) return null;
  const hours = Math.floor(minutes / 60);
  return hours ? `${hours} h ${minutes % 60} min` : `${minutes} min`;
}

/** "1995 · 1 h 44 min · French": what the catalog records, unknown facts left out. */
export function factsLine(item: Pick<RecommendedItem, "year" | "runtimeMinutes" | "language">): string {
  return [item.year === null ? null : String(item.year), formatRuntime(item.runtimeMinutes), item.language ? languageName(item.language) : null].filter(Boolean).join(" · ");
}

/** "4.1/5 from 1,234 MovieLens ratings", "7.8/10 on TMDB (1,546 votes)"; null when unrated. */
export function ratingWords(rating: Rating | null | undefined): string | null {
  if (!rating) return null;
  const value = `${rating.value.toFixed(1)}/${rating.outOf}`;
  const count = rating.count.toLocaleString("en");
  if (rating.source === "movielens") return `${value} from ${count} MovieLens rating${rating.count === 1 ? "" : "s"}`;
  return `${value} on TMDB (${count} vote${rating.count === 1 ? "" : "s"})`;
}

/** The top of the billing a card shows: up to two directors and three cast members. */
export function creditsOf(item: Pick<RecommendedItem, "directors" | "cast">): { directors: string | null; cast: string | null } {
  return {
    directors: item.directors.length > 0 ? item.directors.slice(0, 2).join(" and ") : null,
    cast: item.cast.length > 0 ? item.cast.slice(0, 3).join(", ") : null,
  };
}

/** Synopses longer than this start collapsed with a "More" toggle. */
export const SYNOPSIS_COLLAPSE_CHARACTERS = 140;

/**
 * The notice above the cards when the asked-for years reach past the catalog ("from 2022" → its
 * newest films are from 2018); null when there is nothing to say.
 */
export function catalogYearsNotice(years: CatalogYears | null | undefined): string | null {
  if (!years) return null;
  const asked =
    years.askedFrom !== null && years.askedTo !== null ? (years.askedFrom === years.askedTo ? `${years.askedFrom}` : `${years.askedFrom}–${years.askedTo}`) : `${years.askedFrom ?? years.askedTo}`;
  const afterCatalog = (years.askedTo ?? years.askedFrom ?? 0) > years.latestYear;
  if (afterCatalog) {
    return years.coverage === "none"
      ? `The catalog's newest films are from ${years.latestYear}, so it has nothing from ${asked}; these are the closest matches.`
      : `The catalog's newest films are from ${years.latestYear}, so nothing later than that can be shown.`;
  }
  return years.coverage === "none"
    ? `The catalog's oldest films are from ${years.earliestYear}, so it has nothing from ${asked}; these are the closest matches.`
    : `The catalog's oldest films are from ${years.earliestYear}, so nothing earlier than that can be shown.`;
}
