import type { ConstraintVerdict, RecommendedItem, RecommendResponse, Relaxation } from "../lib/pipeline/contract";

/** One line of "why this?": the server's verdict on one stated constraint, in plain words. */
export interface VerdictLine {
  status: ConstraintVerdict["status"];
  /** Plain words, without the mark ("a thriller", "104 minutes (you asked under two hours)"). */
  text: string;
  /** A preference ("ideally …") rather than a requirement. */
  soft: boolean;
}

/** The mark before a line and what it means for screen readers. */
export const VERDICT_MARKS: Record<ConstraintVerdict["status"], { mark: string; meaning: string }> = {
  met: { mark: "✓", meaning: "met" },
  "not-met": { mark: "✗", meaning: "not met" },
  relaxed: { mark: "~", meaning: "relaxed" },
  unknown: { mark: "?", meaning: "cannot be checked" },
};

/** A film of a genre, as a person says it: "a thriller", "science fiction", "animated". */
const GENRE_NOUNS: Record<string, string> = {
  Action: "an action film",
  Adventure: "an adventure",
  Animation: "animated",
  Comedy: "a comedy",
  Crime: "a crime film",
  Documentary: "a documentary",
  Drama: "a drama",
  Family: "a family film",
  Fantasy: "a fantasy",
  "Film-Noir": "a film noir",
  Foreign: "a foreign film",
  History: "a historical film",
  Horror: "a horror film",
  IMAX: "an IMAX film",
  Musical: "a musical",
  Mystery: "a mystery",
  Romance: "a romance",
  "Sci-Fi": "science fiction",
  Thriller: "a thriller",
  "TV Movie": "a TV movie",
  War: "a war film",
  Western: "a western",
};

/** A genre as a kind of film to leave out: "no horror", "no musicals". */
const GENRE_MASS: Record<string, string> = {
  Action: "action",
  Adventure: "adventure",
  Animation: "animation",
  Comedy: "comedy",
  Crime: "crime",
  Documentary: "documentaries",
  Drama: "drama",
  Family: "family films",
  Fantasy: "fantasy",
  "Film-Noir": "film noir",
  Foreign: "foreign films",
  History: "historical films",
  Horror: "horror",
  IMAX: "IMAX",
  Musical: "musicals",
  Mystery: "mystery",
  Romance: "romance",
  "Sci-Fi": "science fiction",
  Thriller: "thrillers",
  "TV Movie": "TV movies",
  War: "war films",
  Western: "westerns",
};

export const genreNoun = (genre: string) => GENRE_NOUNS[genre] ?? `a ${genre.toLowerCase()} film`;
export const genreMass = (genre: string) => GENRE_MASS[genre] ?? `${genre.toLowerCase()} films`;

const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six"];

/** 120 → "two hours", 90 → "an hour and a half", 104 → "104 minutes". */
export function durationWords(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0 || hours >= NUMBER_WORDS.length) return `${minutes} minutes`;
  if (rest === 0) return hours === 1 ? "an hour" : `${NUMBER_WORDS[hours]} hours`;
  // "90 minutes" is how people say it; "an hour and a half" is rarer.
  if (rest === 30 && hours > 1) return `${NUMBER_WORDS[hours]} and a half hours`;
  return `${minutes} minutes`;
}

/** A runtime range as asked: "under two hours", "at least 90 minutes", "between 80 and 100 minutes". */
export function runtimeRangeWords(minMinutes: number | null, maxMinutes: number | null): string {
  if (minMinutes !== null && maxMinutes !== null) return `between ${durationWords(minMinutes)} and ${durationWords(maxMinutes)}`;
  if (maxMinutes !== null) return `under ${durationWords(maxMinutes)}`;
  return minMinutes !== null ? `at least ${durationWords(minMinutes)}` : "any length";
}

/** A year range as asked: "the 2000s", "2003", "1985–2004", "1990 or later", "1979 or earlier". */
export function yearRangeWords(from: number | null, to: number | null): string {
  if (from !== null && to !== null) {
    if (from === to) return `${from}`;
    if (from % 10 === 0 && to === from + 9) return `the ${from}s`;
    return `${from}–${to}`;
  }
  if (from !== null) return `${from} or later`;
  return to !== null ? `${to} or earlier` : "any year";
}

// TMDB records Cantonese as "cn", which is no ISO 639-1 code.
const LANGUAGE_OVERRIDES: Record<string, string> = { cn: "Cantonese", xx: "no spoken language" };
let languageNames: Intl.DisplayNames | null | undefined;

/** "fr" → "French"; the code itself when the runtime cannot name it. */
export function languageName(code: string): string {
  if (LANGUAGE_OVERRIDES[code]) return LANGUAGE_OVERRIDES[code];
  if (languageNames === undefined) {
    try {
      languageNames = new Intl.DisplayNames(["en"], { type: "language" });
    } catch {
      languageNames = null;
    }
  }
  try {
    const name = languageNames?.of(code);
    return name && name !== code ? name : code.toUpperCase();
  } catch {
    return code.toUpperCase();
  }
}

const orList = (values: readonly string[]) => (values.length <= 1 ? values.join("") : `${values.slice(0, -1).join(", ")} or ${values[values.length - 1]}`);

/** Why a broken constraint was let through, from the answer's relaxation. */
function relaxedBecause(relaxation: Relaxation | null, fallback: string): string {
  if (!relaxation) return fallback;
  switch (relaxation.how) {
    case "any-of":
      return "too few films had every genre you asked for, so one was enough";
    case "dropped":
      return `too few matches, so the ${relaxation.constraint === "genres" ? "genre" : relaxation.constraint === "people" ? "cast and crew" : relaxation.constraint} was set aside`;
    default:
      return fallback;
  }
}

function lineText(verdict: ConstraintVerdict, item: RecommendedItem): string {
  const { constraint, status, relaxation } = verdict;
  const soft = verdict.strength === "soft";
  switch (constraint.kind) {
    case "genre": {
      const noun = genreNoun(constraint.genre);
      if (status === "met") return soft ? `${noun}, as you preferred` : noun;
      if (status === "unknown") return "genres not recorded";
      if (status === "relaxed") return `not ${noun}: ${relaxedBecause(relaxation, "the genre was relaxed to fill the list")}`;
      return `not ${noun}${soft ? " (only a preference)" : ""}`;
    }
    case "excluded-genre": {
      const mass = genreMass(constraint.genre);
      if (status === "met") return `no ${mass}`;
      if (status === "unknown") return `genres not recorded, so “no ${mass}” cannot be checked`;
      return `${genreNoun(constraint.genre)}${soft ? ", which you would rather avoid" : ""}`;
    }
    case "years": {
      const asked = yearRangeWords(constraint.from, constraint.to);
      if (status === "unknown" || item.year === null) return "release year not recorded";
      if (status === "met") return `released ${item.year} (you ${soft ? "preferred" : "asked for"} ${asked})`;
      if (status === "relaxed") {
        const range = relaxation?.range;
        const widened = range ? yearRangeWords(range.from, range.to) : relaxation?.applied;
        return `released ${item.year}: ${widened ? `years widened to ${widened}` : "the years were widened to fill the list"}`;
      }
      return `released ${item.year} (you ${soft ? "preferred" : "asked for"} ${asked})`;
    }
    case "runtime": {
      const asked = runtimeRangeWords(constraint.minMinutes, constraint.maxMinutes);
      if (status === "unknown" || item.runtimeMinutes === null) return "runtime not recorded";
      const length = `${item.runtimeMinutes} minutes`;
      if (status === "met") return `${length} (you ${soft ? "preferred" : "asked"} ${asked})`;
      if (status === "relaxed") {
        const range = relaxation?.range;
        return `${length}: ${range ? `runtime widened to ${runtimeRangeWords(range.from, range.to)}` : "the runtime was widened to fill the list"}`;
      }
      return `${length} (you ${soft ? "preferred" : "asked"} ${asked})`;
    }
    case "language":
    case "excluded-language": {
      if (status === "unknown" || item.language === null) return "original language not recorded";
      const spoken = `in ${languageName(item.language)}`;
      const asked = orList(constraint.languages.map(languageName));
      if (status === "met") return spoken;
      if (status === "relaxed") return `${spoken}: ${relaxedBecause(relaxation, "the language was relaxed to fill the list")}`;
      return `${spoken} (you ${soft ? "preferred" : "asked for"} ${constraint.kind === "language" ? asked : `not ${asked}`})`;
    }
    case "person": {
      const directed = item.directors.some((name) => name.toLowerCase() === constraint.name.toLowerCase());
      if (status === "met") return directed ? `directed by ${constraint.name}` : `with ${constraint.name}`;
      if (status === "unknown") return "cast and crew not recorded";
      if (status === "relaxed") return `without ${constraint.name}: ${relaxedBecause(relaxation, "that was relaxed to fill the list")}`;
      return `without ${constraint.name}${soft ? " (only a preference)" : ""}`;
    }
    case "excluded-person":
      if (status === "met") return `without ${constraint.name}`;
      if (status === "unknown") return `cast and crew not recorded, so “without ${constraint.name}” cannot be checked`;
      return `with ${constraint.name}${soft ? ", whom you would rather avoid" : ""}`;
    case "excluded-titles":
      return status === "met" ? `not ${orList(constraint.titles)}` : `this is ${orList(constraint.titles)}`;
    case "excluded-keywords":
      return status === "met" ? `not tagged ${orList(constraint.keywords.map((keyword) => `“${keyword}”`))}` : `tagged ${orList(constraint.keywords.map((keyword) => `“${keyword}”`))}`;
    case "not-shown-before":
      return status === "met" ? "new in this conversation" : "shown earlier in this conversation";
  }
}

/**
 * The card's "what you asked for" lines, straight from the server's verdicts: nothing is guessed
 * from the film's facts here; the words only say what the server judged. Older answers without
 * verdicts give no lines.
 */
export function verdictLines(item: RecommendedItem): VerdictLine[] {
  const lines = (item.verdicts ?? []).map((verdict) => ({ status: verdict.status, text: lineText(verdict, item), soft: verdict.strength === "soft" }));
  // Two required genres the catalog did not record read the same: say it once.
  return lines.filter((line, index) => lines.findIndex((other) => other.text === line.text) === index);
}

/**
 * One relaxation of the answer in plain words ("widened the release years to 1985–2004 (you asked
 * for the 1990s)", "set the language aside (French)"), from its data and the constraints it
 * relaxed; the server's own sentence when the data says too little.
 */
export function relaxationWords(step: Relaxation, constraints: RecommendResponse["constraints"] | null | undefined): string {
  const hardGenres = constraints?.includeGenres.filter((entry) => entry.strength === "hard").map((entry) => genreMass(entry.genre)) ?? [];
  switch (step.constraint) {
    case "years": {
      const years = constraints?.years;
      if (!step.range || !years) return step.text;
      return `widened the release years to ${yearRangeWords(step.range.from, step.range.to)} (you asked for ${yearRangeWords(years.from, years.to)})`;
    }
    case "runtime": {
      const runtime = constraints?.runtime;
      if (!step.range || !runtime) return step.text;
      return `stretched the running time to ${runtimeRangeWords(step.range.from, step.range.to)} (you asked ${runtimeRangeWords(runtime.minMinutes, runtime.maxMinutes)})`;
    }
    case "genres":
      if (hardGenres.length === 0) return step.text;
      return step.how === "any-of" ? `accepted films with any one of the genres (${orList(hardGenres)})` : `set the genre aside (${hardGenres.join(", ")})`;
    case "language": {
      const languages = constraints?.languages?.include ?? [];
      return languages.length > 0 ? `set the language aside (${orList(languages.map(languageName))})` : "set the language aside";
    }
    case "people":
      return step.asked ? `set aside the wish for ${step.asked}` : step.text;
    case "unrecorded-data":
      return "let in films whose year, runtime, language, genres or credits are not recorded";
  }
}
