/** The MovieLens movieId of a served item id ("ml:541" → 541); null for TMDB-only items ("tmdb:…"). */
export function movieIdOf(itemId: string): number | null {
  const match = /^ml:(\d+)$/.exec(itemId);
  return match ? Number(match[1]) : null;
}

/** The served id of a MovieLens film. */
export const itemIdOf = (movieId: number): string => `ml:${movieId}`;
