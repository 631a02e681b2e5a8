import type { Item } from "../../lib/catalog/item";
import { popularityScore } from "../../lib/catalog/popularity";
import { createSeededRandom, randomInteger, type RandomSource } from "../../lib/retrieval/seeded-random";

/** The kinds of request the fast path serves, as a person would type them. */
export const FAST_PATH_QUERY_KINDS = ["title", "title-typo", "genre", "person", "movies-like", "keyword", "session", "discovery"] as const;

export type FastPathQueryKind = (typeof FAST_PATH_QUERY_KINDS)[number];

/** One benchmark request: the typed text plus what the session would add. */
export interface FastPathQuery {
  kind: FastPathQueryKind;
  query: string;
  /** Item indexes liked earlier in the session (fold them in for the user vector); "session" kind only. */
  liked?: readonly number[];
  /** The discovery knob in [0, 1]; "discovery" kind only (the others use the fast path's default). */
  discovery?: number;
}

export interface FastPathQueryOptions {
  /** Number of queries; the kinds take turns, so each gets count / 8 (± 1). Default 2,400. */
  count?: number;
  /** PRNG seed: the same seed and items always give the same queries. Default 2026. */
  seed?: number;
  /** Size of the popular head that reference titles, people and session likes are drawn from; default 1,000. */
  headSize?: number;
}

/** Knob settings the "discovery" queries use (0.25, the default, is what every other kind gets). */
const DISCOVERY_SETTINGS = [0, 0.5, 0.75, 1] as const;
const GENRE_TEMPLATES = ["{}", "{} movies", "{} films", "good {} movies"];
const KEYWORD_TEMPLATES = ["{}", "movies about {}", "{} movies", "films with {}"];
const REFERENCE_TEMPLATES = ["movies like {}", "something like {}", "films similar to {}", "more like {}"];

const fill = (template: string, value: string) => template.replace("{}", value);

/**
 * Deterministic fast-path queries drawn from a catalog's own items, the kinds taking turns:
 * exact titles (half from the popular head, half from the whole catalog, cold start included),
 * titles with one typo (a character dropped or two neighbours swapped, lower-cased), genre
 * words ("comedy", "sci-fi movies"), people (directors and top-3 cast of popular films, half
 * lower-cased: "tom hanks"), "movies like <title>", keyword and tag phrases shared by at least
 * two films ("time travel", "movies about heist"), a genre/keyword/person query with three liked
 * films in the session, and a query of another kind with the discovery knob set (0, 0.5, 0.75, 1).
 * Throws when the items cannot supply a kind (no genres, no people, no shared keywords, fewer than
 * three items with ratings), because a benchmark silently missing a kind would mislead.
 */
export function generateFastPathQueries(items: readonly Item[], options: FastPathQueryOptions = {}): FastPathQuery[] {
  const count = options.count ?? 2400;
  const random = createSeededRandom(options.seed ?? 2026);
  const pick = <T>(list: readonly T[]): T => list[randomInteger(random, list.length)];

  const all = items.map((_, index) => index);
  // Stable popularity order: ties broken by index so the head does not depend on sort internals.
  const byPopularity = [...all].sort((a, b) => popularityScore(items[b]) - popularityScore(items[a]) || a - b);
  const head = byPopularity.slice(0, options.headSize ?? 1000);
  const typoable = all.filter((index) => items[index].title.length >= 4);
  const headSet = new Set(head);
  const headTypoable = typoable.filter((index) => headSet.has(index));
  const genres = [...new Set(items.flatMap((item) => item.genres.map((genre) => genre.toLowerCase())))].sort();
  const people = [...new Set(head.flatMap((index) => [...items[index].directors, ...items[index].cast.slice(0, 3)]))];
  const phrases = sharedPhrases(items);
  const likeable = head.filter((index) => items[index].ratingCount >= 3);
  const missing = [
    typoable.length === 0 && "titles of 4+ characters",
    genres.length === 0 && "genres",
    people.length === 0 && "people",
    phrases.length === 0 && "keyword or tag phrases shared by two films",
    likeable.length < 3 && "three items with ≥ 3 ratings",
  ].filter(Boolean);
  if (items.length === 0 || missing.length > 0) throw new Error(`generateFastPathQueries: the items have no ${missing.join(", ") || "items"}`);

  const titleOf = (index: number) => items[index].title;
  const maybeLower = (text: string) => (random() < 0.5 ? text.toLowerCase() : text);
  const make: Record<Exclude<FastPathQueryKind, "session" | "discovery">, () => string> = {
    title: () => titleOf(random() < 0.5 ? pick(head) : pick(all)),
    "title-typo": () => withTypo(titleOf(random() < 0.5 && headTypoable.length > 0 ? pick(headTypoable) : pick(typoable)).toLowerCase(), random),
    genre: () => fill(pick(GENRE_TEMPLATES), pick(genres)),
    person: () => maybeLower(pick(people)),
    "movies-like": () => fill(pick(REFERENCE_TEMPLATES), maybeLower(titleOf(pick(head)))),
    keyword: () => fill(pick(KEYWORD_TEMPLATES), pick(phrases)),
  };

  const queries: FastPathQuery[] = [];
  for (let position = 0; position < count; position += 1) {
    const kind = FAST_PATH_QUERY_KINDS[position % FAST_PATH_QUERY_KINDS.length];
    if (kind === "session") {
      const query = make[pick(["genre", "keyword", "person"] as const)]();
      queries.push({ kind, query, liked: distinct(likeable, 3, random) });
    } else if (kind === "discovery") {
      const query = make[pick(["title", "genre", "person", "movies-like", "keyword"] as const)]();
      queries.push({ kind, query, discovery: pick(DISCOVERY_SETTINGS) });
    } else {
      queries.push({ kind, query: make[kind]() });
    }
  }
  return queries;
}

/**
 * One typo a person makes: a character dropped or two neighbours swapped, never the first
 * character (people rarely miss it) and never a no-op. Titles shorter than 4 characters are
 * returned unchanged.
 */
export function withTypo(text: string, random: RandomSource): string {
  if (text.length < 4) return text;
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const position = 1 + randomInteger(random, text.length - 2);
    const changed = random() < 0.5 ? text.slice(0, position) + text.slice(position + 1) : text.slice(0, position) + text[position + 1] + text[position] + text.slice(position + 2);
    if (changed !== text) return changed;
  }
  // Every swap was of equal letters ("aaaa"): dropping one always changes the text.
  return text.slice(0, 1) + text.slice(2);
}

/** Lower-cased TMDB keywords and MovieLens tags (first three per film) that at least two films share, sorted. */
function sharedPhrases(items: readonly Item[]): string[] {
  const films = new Map<string, number>();
  for (const item of items) {
    const phrases = new Set([...item.keywords, ...item.tags.slice(0, 3)].map((phrase) => phrase.trim().toLowerCase()));
    for (const phrase of phrases) {
      if (phrase.length >= 3 && phrase.length <= 40 && /[a-z]/.test(phrase)) films.set(phrase, (films.get(phrase) ?? 0) + 1);
    }
  }
  return [...films]
    .filter(([, filmCount]) => filmCount >= 2)
    .map(([phrase]) => phrase)
    .sort();
}

/** `size` distinct entries of `pool` (which has at least that many), in draw order. */
function distinct(pool: readonly number[], size: number, random: RandomSource): number[] {
  const chosen = new Set<number>();
  while (chosen.size < size) chosen.add(pool[randomInteger(random, pool.length)]);
  return [...chosen];
}
