import type { Engine } from "./engine";

/** Fewer MovieLens ratings than this, and few TMDB votes: a film most people have not heard of. */
const LITTLE_KNOWN_RATINGS = 10;
const LITTLE_KNOWN_TMDB_VOTES = 200;

/**
 * A note for a reference that matched a little-known film ("like Parasite" → Parasite (1982), 4
 * ratings here): the person far more likely means a well-known film the catalog lacks (Parasite,
 * 2019), so the answer names the film it used and where the catalog ends instead of swapping one
 * film for another silently. Null for a film people know.
 */
export function littleKnownReferenceNote(engine: Pick<Engine, "catalog" | "lexicon">, itemIndex: number): string | null {
  const item = engine.catalog.items[itemIndex];
  if (item.ratingCount >= LITTLE_KNOWN_RATINGS || (item.tmdbVoteCount ?? 0) >= LITTLE_KNOWN_TMDB_VOTES) return null;
  const label = item.year === null ? item.title : `${item.title} (${item.year})`;
  const rated = item.ratingCount === 0 ? "no ratings here" : `${item.ratingCount} rating${item.ratingCount === 1 ? "" : "s"} here`;
  return `Used ${label}, a little-known film (${rated}). If you meant a newer film of that name, it isn't in the catalog: its films go up to ${engine.lexicon.latestYear}.`;
}
