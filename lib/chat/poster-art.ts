/**
 * Generated poster art: a deterministic design from a film's title and genres, so every card has
 * a recognisable poster without fetching remote images. Pure; the same input always gives the
 * same art.
 */
import { fnv1aHash } from "../hash/fnv1a";

/** Base hue (degrees) per canonical genre: warm for action, cold for sci-fi, dark red for horror… */
export const GENRE_HUES: Readonly<Record<string, number>> = {
  Action: 12,
  Adventure: 34,
  Animation: 195,
  Comedy: 46,
  Crime: 352,
  Documentary: 160,
  Drama: 262,
  Family: 96,
  Fantasy: 286,
  "Film-Noir": 222,
  Foreign: 174,
  History: 28,
  Horror: 0,
  IMAX: 205,
  Musical: 318,
  Mystery: 246,
  Romance: 336,
  "Sci-Fi": 186,
  Thriller: 212,
  "TV Movie": 140,
  War: 70,
  Western: 24,
};

export const POSTER_MOTIFS = ["sun", "rings", "stripes", "peaks", "grid"] as const;
export type PosterMotif = (typeof POSTER_MOTIFS)[number];

export interface PosterArt {
  /** Gradient direction in degrees. */
  angle: number;
  /** Three gradient stops, top to bottom, as hsl() colours. */
  colors: [string, string, string];
  /** Colour of the motif and the initials. */
  ink: string;
  motif: PosterMotif;
  /** Motif position in the 120 × 180 poster box. */
  focus: { x: number; y: number };
  /** Up to two letters from the title's significant words ("BR" for Blade Runner). */
  initials: string;
}

/** The title's stable hash (FNV-1a), which picks the hue, motif and layout. */
export const titleHash = fnv1aHash;

const ARTICLES = new Set(["the", "a", "an", "le", "la", "les", "el", "il", "der", "die", "das"]);

/** "Blade Runner" → "BR", "The Matrix" → "M", "2001: A Space Odyssey" → "2S". */
export function titleInitials(title: string): string {
  const words = title
    .replace(/\(.*?\)/g, " ")
    .split(/[\s:\-–—,.!?&/]+/u)
    .filter(Boolean);
  const significant = words.filter((word, index) => !(index === 0 && words.length > 1 && ARTICLES.has(word.toLowerCase())));
  const letters = significant
    .filter((word) => !ARTICLES.has(word.toLowerCase()))
    .slice(0, 2)
    .map((word) => Array.from(word)[0]!.toLocaleUpperCase());
  return letters.join("") || Array.from(title.trim())[0]?.toLocaleUpperCase() || "?";
}

/** Bits of the hash as an integer in [0, modulo). */
function bits(hash: number, shift: number, modulo: number): number {
  return ((hash >>> shift) & 0xffff) % modulo;
}

/**
 * The poster for a film. Hue comes from the first genre (the second genre tints the lower half),
 * jittered by the title's hash; motif, angle and layout come from the hash alone.
 */
export function posterArt(title: string, genres: readonly string[]): PosterArt {
  const hash = titleHash(title);
  const jitter = bits(hash, 0, 31) - 15;
  const primary = ((GENRE_HUES[genres[0] ?? ""] ?? bits(hash, 3, 360)) + jitter + 360) % 360;
  const secondary = ((GENRE_HUES[genres[1] ?? ""] ?? primary + 40) + jitter + 360) % 360;
  const saturation = 55 + bits(hash, 7, 25);
  const dark = genres.includes("Horror") || genres.includes("Film-Noir") || genres.includes("Thriller");
  const light = dark ? 18 : 34 + bits(hash, 11, 12);
  return {
    angle: 150 + bits(hash, 5, 60),
    colors: [`hsl(${primary} ${saturation}% ${light + 22}%)`, `hsl(${(primary + secondary) / 2} ${saturation}% ${light + 8}%)`, `hsl(${secondary} ${saturation - 10}% ${light - 6}%)`],
    ink: `hsl(${(primary + 180) % 360} 90% ${dark ? 70 : 92}%)`,
    motif: POSTER_MOTIFS[bits(hash, 13, POSTER_MOTIFS.length)],
    focus: { x: 30 + bits(hash, 17, 61), y: 35 + bits(hash, 19, 50) },
    initials: titleInitials(title),
  };
}
