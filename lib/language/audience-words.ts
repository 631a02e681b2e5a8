/**
 * "Family" and "kids" name a genre ("kids movies", "a family comedy", "something for the kids")
 * and also the people in the room ("the kids are asleep", "movie night with my family", "family
 * night"): filler around a request, which must constrain nothing (docs/EVALUATION.md, filler).
 * This file tells the two apart from the words around the one word; genre-words.ts asks it.
 */

const AUDIENCE_WORDS = new Set(["family", "familly", "kids", "kid", "children", "child", "childrens"]);
/** Before the word, these make it people: "my kids", "the family", "with the kids". */
const PEOPLE_BEFORE = new Set(["my", "our", "your", "his", "her", "their", "the", "with", "and", "hey", "hi", "dear"]);
/** After the word, these make it people: "family night", "the kids are asleep", "family is visiting". */
const PEOPLE_AFTER = new Set([
  "night",
  "time",
  "gathering",
  "dinner",
  "members",
  "member",
  "reunion",
  "visit",
  "visiting",
  "is",
  "are",
  "was",
  "were",
  "asleep",
  "sleeping",
  "went",
  "want",
  "wants",
  "like",
  "likes",
  "love",
  "loves",
  "and",
  "will",
  "would",
  "can",
  "could",
  "have",
  "has",
  "had",
  "just",
  "finally",
  "over",
]);
/** After the word, these keep it a genre: "kids movies", "family friendly", "family movie". */
const GENRE_AFTER = /^(?:movies?|films?|flicks?|pictures?|friendly|oriented|safe|appropriate|entertainment|fare|comed(?:y|ies)|adventures?|animations?|fantasy|fantasies|musicals?|shows?)$/;

/**
 * True when the single word at `start` ("family", "kids", …) names people rather than the Family
 * genre. "for" anywhere just before keeps it a genre ("for the kids", "for my whole family").
 */
export function audienceIsPeople(tokens: readonly string[], start: number, end: number): boolean {
  if (end !== start + 1 || !AUDIENCE_WORDS.has(tokens[start])) return false;
  const next = tokens[end] ?? "";
  const afterNext = tokens[end + 1] ?? "";
  if (next === "movie" && afterNext === "night") return true;
  if (GENRE_AFTER.test(next)) return false;
  const before = tokens.slice(Math.max(0, start - 3), start);
  if (before.includes("for")) return false;
  return PEOPLE_BEFORE.has(tokens[start - 1] ?? "") || PEOPLE_AFTER.has(next);
}
