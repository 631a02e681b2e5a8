import { matchPhrases, type QueryText, type TokenSpan } from "./query-text";

/** A genre word in a query: "sci-fi", "rom-com" (two genres), "scary", "cartoon". */
export interface GenreMention extends TokenSpan {
  /** Canonical catalog genres (lib/catalog/genres.ts GENRES). */
  genres: string[];
  /** Extra topic words the phrase implies ("heist" → Crime + "heist"), for soft scoring. */
  keywords: string[];
  phrase: string;
}

/**
 * Phrase (as normalised tokens: "sci-fi" → "sci fi") → genres (+ implied topic keywords).
 * Colloquial words count when they name a genre unambiguously ("scary", "funny", "cartoon").
 */
const GENRE_PHRASES: Array<[string[], string[], string[]?]> = [
  [["sci fi", "scifi", "science fiction", "sf", "sci fi", "syfy", "sience fiction", "sci fy", "science fictions"], ["Sci-Fi"]],
  [["space opera", "space operas"], ["Sci-Fi"], ["space opera", "space"]],
  [["cyberpunk"], ["Sci-Fi"], ["cyberpunk", "dystopia"]],
  [["rom com", "rom coms", "romcom", "romcoms", "romantic comedy", "romantic comedies", "romantic comedys"], ["Romance", "Comedy"]],
  [["romance", "romances", "romantic", "love story", "love stories"], ["Romance"]],
  [["romantic drama", "romantic dramas"], ["Romance", "Drama"]],
  [["horror", "horrors", "horror movie", "scary", "scare", "scares", "spooky", "slasher", "slashers", "frightening", "terrifying", "horrifying", "horor", "horrer"], ["Horror"]],
  [["comedy", "comedies", "comedys", "funny", "hilarious", "humorous", "humor", "humour", "comedic", "laugh", "laughs", "lol", "comdey", "comedie"], ["Comedy"]],
  [["dark comedy", "black comedy", "dark comedies", "black comedies"], ["Comedy"], ["dark comedy", "black comedy"]],
  [["animated", "animation", "cartoon", "cartoons", "animations"], ["Animation"]],
  [["anime"], ["Animation"], ["anime"]],
  [["kids", "kid", "children", "childrens", "family", "family friendly", "for the whole family", "child friendly", "kid friendly", "for kids", "for children", "familly"], ["Family"]],
  [["thriller", "thrillers", "suspense", "suspenseful", "thriler", "triller"], ["Thriller"]],
  [["psychological thriller", "psychological thrillers"], ["Thriller"], ["psychological"]],
  [["action", "action packed", "actioner", "action movie", "action flick"], ["Action"]],
  [["adventure", "adventures", "adventurous"], ["Adventure"]],
  [["crime", "crimes", "gangster", "gangsters", "mafia", "mob", "mobster", "mobsters"], ["Crime"]],
  [["heist", "heists", "caper", "capers"], ["Crime"], ["heist"]],
  [["drama", "dramas", "dramatic"], ["Drama"]],
  [["family drama", "family dramas"], ["Drama"], ["family"]],
  [["documentary", "documentaries", "doc", "docs", "docu", "documentry"], ["Documentary"]],
  [["fantasy", "fantasies", "fairy tale", "fairy tales", "fairytale", "sword and sorcery"], ["Fantasy"]],
  [["film noir", "noir", "noirs", "neo noir"], ["Film-Noir"]],
  [["war", "war movie", "wartime", "ww2", "wwii", "world war", "world war ii", "world war 2"], ["War"]],
  [["western", "westerns", "cowboy", "cowboys"], ["Western"]],
  [["spaghetti western", "spaghetti westerns"], ["Western"], ["spaghetti western"]],
  [["musical", "musicals"], ["Musical"]],
  [["mystery", "mysteries", "whodunit", "whodunnit", "whodunits", "detective", "detectives", "murder mystery"], ["Mystery"]],
  [["history", "historical", "period piece", "period pieces", "period drama", "costume drama"], ["History"]],
  [["superhero", "superheroes", "super hero", "comic book", "comic books"], ["Action"], ["superhero"]],
  [["imax"], ["IMAX"]],
];

const PHRASE_TO_ENTRY = new Map<string, { genres: string[]; keywords: string[] }>();
for (const [phrases, genres, keywords] of GENRE_PHRASES) {
  for (const phrase of phrases) PHRASE_TO_ENTRY.set(phrase, { genres, keywords: keywords ?? [] });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const GENRE_PATTERN = new RegExp(
  String.raw`\b(${[...PHRASE_TO_ENTRY.keys()].sort((a, b) => b.length - a.length).map(escape).join("|")})\b`,
  "g",
);

/** Every genre word or phrase in the query, longest first where they overlap. */
export function findGenreMentions(query: QueryText): GenreMention[] {
  return matchPhrases(query, GENRE_PATTERN).map(({ start, end, match }) => {
    const entry = PHRASE_TO_ENTRY.get(match[1])!;
    return { start, end, genres: entry.genres, keywords: entry.keywords, phrase: match[1] };
  });
}

/** True when `word` (normalised) is a genre word; the router uses it to spot genre-only queries. */
export function isGenreWord(phrase: string): boolean {
  return PHRASE_TO_ENTRY.has(phrase);
}
