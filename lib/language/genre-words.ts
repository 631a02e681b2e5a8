import { editDistance } from "../retrieval/edit-distance";
import { audienceIsPeople } from "./audience-words";
import { FILLER_WORDS, matchPhrases, type QueryText, type TokenSpan } from "./query-text";
import { longestFirstAlternation } from "../text";

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
  [
    ["rom com", "rom coms", "romcom", "romcoms", "romantic comedy", "romantic comedies", "romantic comedys"],
    ["Romance", "Comedy"],
  ],
  [["romance", "romances", "romantic", "love story", "love stories"], ["Romance"]],
  [
    ["romantic drama", "romantic dramas"],
    ["Romance", "Drama"],
  ],
  [["horror", "horrors", "horror movie", "scary", "scare", "scares", "spooky", "slasher", "slashers", "frightening", "terrifying", "horrifying", "horor", "horrer"], ["Horror"]],
  [["comedy", "comedies", "comedys", "funny", "hilarious", "humorous", "humor", "humour", "comedic", "laugh", "laughs", "comdey", "comedie"], ["Comedy"]],
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

const GENRE_PATTERN = new RegExp(String.raw`\b(${longestFirstAlternation(PHRASE_TO_ENTRY.keys())})\b`, "g");

/** Genre phrases of one or two words, the ones a typo is looked up against ("romanse", "scy fi"). */
const TYPO_TARGETS = [...PHRASE_TO_ENTRY.keys()].filter((phrase) => phrase.split(" ").length <= 2 && phrase.replace(" ", "").length >= 3);
/** Real words one letter from a genre word: never read as a misspelt genre. */
const NOT_TYPOS = new Set([
  "prime",
  "grime",
  "mirror",
  "comely",
  "auction",
  "dram",
  "trams",
  "marry",
  "wars",
  "ward",
  "warm",
  "warn",
  "wary",
  "adventurer",
  "scarf",
  "scar",
  "crimea",
  "dramas",
  "kind",
  "kinds",
  "sports",
  "mystic",
]);

/**
 * A misspelt genre: one typo in a word of 4–7 letters, two from 8 ("thrilers", "romanse",
 * "wetserns", "scy fi", "warr"). Words that are genre words already, filler or real words one letter
 * away ("prime" is not "crime") are left alone.
 */
function misspeltGenre(text: string): string | null {
  if (NOT_TYPOS.has(text) || PHRASE_TO_ENTRY.has(text)) return null;
  const twoWords = text.includes(" ");
  const compact = text.replace(" ", "");
  if (compact.length < 4) return null;
  const allowed = compact.length >= 8 ? 2 : 1;
  let best: { phrase: string; distance: number } | null = null;
  for (const phrase of TYPO_TARGETS) {
    // Two typed words are a misspelt two-word genre ("scy fi"), never two words run together ("hour or" is not "horror").
    if (twoWords && !phrase.includes(" ")) continue;
    const target = phrase.replace(" ", "");
    if (target[0] !== compact[0] || Math.abs(target.length - compact.length) > allowed) continue;
    const distance = editDistance(compact, target, allowed);
    if (distance <= allowed && (!best || distance < best.distance)) best = { phrase, distance };
  }
  return best?.phrase ?? null;
}

/** Every genre word or phrase in the query, longest first where they overlap; misspelt ones too. */
export function findGenreMentions(query: QueryText): GenreMention[] {
  const found = matchPhrases(query, GENRE_PATTERN).map(({ start, end, match }) => {
    const entry = PHRASE_TO_ENTRY.get(match[1])!;
    return { start, end, genres: entry.genres, keywords: entry.keywords, phrase: match[1] };
  });
  const taken = new Set(found.flatMap((mention) => Array.from({ length: mention.end - mention.start }, (_, offset) => mention.start + offset)));
  const tokens = query.tokens;
  for (let start = 0; start < tokens.length; start += 1) {
    if (taken.has(start) || FILLER_WORDS.has(tokens[start]) || /\d/.test(tokens[start])) continue;
    // Two tokens first ("scy fi" from "scy-fi"), then one.
    for (const length of [2, 1]) {
      if (start + length > tokens.length || (length === 2 && taken.has(start + 1))) continue;
      const text = tokens.slice(start, start + length).join(" ");
      const phrase = misspeltGenre(text);
      if (!phrase) continue;
      const entry = PHRASE_TO_ENTRY.get(phrase)!;
      found.push({ start, end: start + length, genres: entry.genres, keywords: entry.keywords, phrase: text });
      for (let index = start; index < start + length; index += 1) taken.add(index);
      break;
    }
  }
  // "the kids are asleep", "movie night with my family": people in the room, not the Family genre.
  return found.filter((mention) => !audienceIsPeople(tokens, mention.start, mention.end)).sort((a, b) => a.start - b.start);
}

/** Film nouns that may follow a genre word and leave it a genre: "scary movies", "a funny film". */
const FILM_NOUN_SUFFIX = / (?:movies?|films?|flicks?|pictures?|ones?)$/;

/**
 * True when `phrase` (normalised) is a genre word, alone or followed by a film noun ("scary
 * movies" is Horror, not the film Scary Movie); the router and the whole-title reader use it to
 * spot genre-only queries.
 */
export function isGenreWord(phrase: string): boolean {
  return PHRASE_TO_ENTRY.has(phrase) || (FILM_NOUN_SUFFIX.test(phrase) && PHRASE_TO_ENTRY.has(phrase.replace(FILM_NOUN_SUFFIX, "")));
}

/**
 * How many tokens from `start` spell a genre (an exact phrase of up to three words, or one
 * misspelt word); 0 when none. Counts use it: "5 thrillers", "three sci fi", "a dozen thrilers".
 */
export function genreWordsAt(tokens: readonly string[], start: number): number {
  for (const length of [3, 2, 1]) {
    if (start + length <= tokens.length && PHRASE_TO_ENTRY.has(tokens.slice(start, start + length).join(" "))) return length;
  }
  const word = tokens[start];
  return word !== undefined && !FILLER_WORDS.has(word) && !/\d/.test(word) && misspeltGenre(word) ? 1 : 0;
}
