import { durationWords, genreMass, genreNoun, languageName, orList, runtimeRangeWords, yearRangeWords } from "../lib/chat/plain-words";
import type { ConstraintVerdict, RecommendedItem, RecommendResponse, Relaxation } from "../lib/pipeline/contract";

export { durationWords, languageName, runtimeRangeWords, yearRangeWords };

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
