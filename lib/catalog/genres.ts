/**
 * One genre vocabulary for both sources. MovieLens and TMDB name several genres differently;
 * each name maps to the canonical one shown to users and used by filters.
 */
const CANONICAL_GENRE: Record<string, string> = {
  action: "Action",
  adventure: "Adventure",
  animation: "Animation",
  children: "Family",
  family: "Family",
  comedy: "Comedy",
  crime: "Crime",
  documentary: "Documentary",
  drama: "Drama",
  fantasy: "Fantasy",
  "film-noir": "Film-Noir",
  history: "History",
  horror: "Horror",
  imax: "IMAX",
  musical: "Musical",
  music: "Musical",
  mystery: "Mystery",
  romance: "Romance",
  "sci-fi": "Sci-Fi",
  "science fiction": "Sci-Fi",
  thriller: "Thriller",
  "tv movie": "TV Movie",
  war: "War",
  western: "Western",
  foreign: "Foreign",
};

/** Every canonical genre, for parsers and UIs. */
export const GENRES: readonly string[] = [...new Set(Object.values(CANONICAL_GENRE))].sort();

/** Maps a source genre name to the canonical one, or null when it is not a genre. */
export function canonicalGenre(name: string): string | null {
  return CANONICAL_GENRE[name.trim().toLowerCase()] ?? null;
}

/** Canonicalises and deduplicates a list of source genre names, keeping first-seen order. */
export function canonicalGenres(names: Iterable<string>): string[] {
  const genres = new Set<string>();
  for (const name of names) {
    const genre = canonicalGenre(name);
    if (genre) genres.add(genre);
  }
  return [...genres];
}
