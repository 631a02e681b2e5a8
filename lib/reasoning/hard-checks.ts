import type { Item } from "../catalog/item";
import { queryText } from "../language/query-text";
import { runtimeLabel, yearLabel } from "./constraint-labels";
import type { ConstraintSubject } from "./constraint-verdict";
import type { Constraints, ConstraintStrength } from "./constraints";
import { credited, viewOf } from "./item-views";
import type { Relaxation } from "./relaxation-state";
import { inRange } from "./value-range";

export type CheckStatus = "satisfied" | "violated" | "unknown";

export type CheckKind = "genre-include" | "genre-exclude" | "years" | "runtime" | "language" | "person-include" | "person-exclude" | "title-exclude" | "item-exclude" | "keyword-exclude";

/** One hard constraint as a test on items: its verdict as stated, and whether an item passes under a relaxation. */
export interface HardCheck {
  kind: CheckKind;
  label: string;
  subject: ConstraintSubject;
  /** Verdict as stated (relaxation 0). */
  status(item: Item): CheckStatus;
  /** Whether the item passes under a relaxation. */
  passes(item: Item, relaxation: Relaxation, status: CheckStatus): boolean;
}

/** Exclusions ("no romance", "not that one", titles, people, keywords) are never relaxed. */
export const isExclusion = (check: HardCheck): boolean => check.kind.endsWith("exclude");

function normaliseTitleText(title: string): string {
  return queryText(title).text.replace(/^(the|a|an) /, "");
}

/** A hard check that a recorded number (year, runtime) lies in a range, which relaxation widens; unrecorded is unknown. */
function rangeCheck(
  kind: "years" | "runtime",
  label: string,
  subject: ConstraintSubject,
  valueOf: (item: Item) => number | null,
  from: number | null,
  to: number | null,
  widening: (relaxation: Relaxation) => number,
): HardCheck {
  return {
    kind,
    label,
    subject,
    status: (item) => {
      const value = valueOf(item);
      return value === null ? "unknown" : inRange(value, from, to) ? "satisfied" : "violated";
    },
    passes: (item, relaxation, status) => (status === "unknown" ? relaxation.allowUnknown : inRange(valueOf(item)!, from, to, widening(relaxation))),
  };
}

/** Builds the hard checks of the constraints, in a fixed order (the order labels are listed in). */
export function hardChecks(constraints: Constraints): HardCheck[] {
  const checks: HardCheck[] = [];
  const hard = (strength: ConstraintStrength) => strength === "hard";
  const includeGenres = constraints.includeGenres.filter((entry) => hard(entry.strength)).map((entry) => entry.genre);
  for (const genre of includeGenres) {
    checks.push({
      kind: "genre-include",
      label: `genre: ${genre}`,
      subject: { kind: "genre", genre },
      status: (item) => (item.genres.includes(genre) ? "satisfied" : item.genres.length === 0 ? "unknown" : "violated"),
      passes: (item, relaxation, status) =>
        status === "satisfied" ||
        relaxation.genreMode === "none" ||
        (relaxation.genreMode === "any" && includeGenres.some((wanted) => item.genres.includes(wanted))) ||
        (status === "unknown" && relaxation.allowUnknown),
    });
  }
  for (const entry of constraints.excludeGenres.filter((candidate) => hard(candidate.strength))) {
    checks.push({
      kind: "genre-exclude",
      label: `no ${entry.genre}`,
      subject: { kind: "excluded-genre", genre: entry.genre },
      status: (item) => (item.genres.includes(entry.genre) ? "violated" : item.genres.length === 0 ? "unknown" : "satisfied"),
      // Exclusions are never relaxed; an item with no recorded genres cannot break one knowingly.
      passes: (_item, _relaxation, status) => status !== "violated",
    });
  }
  const years = constraints.years;
  if (years && hard(years.strength)) {
    checks.push(
      rangeCheck(
        "years",
        yearLabel(years.from, years.to),
        { kind: "years", from: years.from, to: years.to },
        (item) => item.year,
        years.from,
        years.to,
        (relaxation) => relaxation.yearWidening,
      ),
    );
  }
  const runtime = constraints.runtime;
  if (runtime && hard(runtime.strength)) {
    const { minMinutes, maxMinutes } = runtime;
    checks.push(
      rangeCheck(
        "runtime",
        runtimeLabel(minMinutes, maxMinutes),
        { kind: "runtime", minMinutes, maxMinutes },
        (item) => item.runtimeMinutes,
        minMinutes,
        maxMinutes,
        (relaxation) => relaxation.runtimeWidening,
      ),
    );
  }
  const languages = constraints.languages;
  if (languages && hard(languages.strength)) {
    if (languages.include.length > 0) {
      checks.push({
        kind: "language",
        label: `language: ${languages.include.join(" or ")}`,
        subject: { kind: "language", languages: languages.include },
        status: (item) => (item.language === null ? "unknown" : languages.include.includes(item.language) ? "satisfied" : "violated"),
        passes: (_item, relaxation, status) => status === "satisfied" || relaxation.dropLanguage || (status === "unknown" && relaxation.allowUnknown),
      });
    }
    if (languages.exclude.length > 0) {
      checks.push({
        kind: "language",
        label: `not in ${languages.exclude.join(", ")}`,
        subject: { kind: "excluded-language", languages: languages.exclude },
        status: (item) => (item.language === null ? "unknown" : languages.exclude.includes(item.language) ? "violated" : "satisfied"),
        passes: (_item, relaxation, status) => status === "satisfied" || relaxation.dropLanguage || (status === "unknown" && relaxation.allowUnknown),
      });
    }
  }
  for (const person of constraints.people.filter((candidate) => hard(candidate.strength))) {
    const name = person.name.toLowerCase();
    if (person.exclude) {
      checks.push({
        kind: "person-exclude",
        label: `without ${person.name}`,
        subject: { kind: "excluded-person", name: person.name, role: person.role },
        status: (item) => (credited(item, person.role, name) ? "violated" : item.directors.length + item.cast.length === 0 ? "unknown" : "satisfied"),
        passes: (_item, _relaxation, status) => status !== "violated",
      });
    } else {
      checks.push({
        kind: "person-include",
        label: `${person.role === "director" ? "directed by" : "with"} ${person.name}`,
        subject: { kind: "person", name: person.name, role: person.role },
        status: (item) => (credited(item, person.role, name) ? "satisfied" : item.directors.length + item.cast.length === 0 ? "unknown" : "violated"),
        passes: (_item, relaxation, status) => status === "satisfied" || relaxation.dropPeople || (status === "unknown" && relaxation.allowUnknown),
      });
    }
  }
  if (constraints.excludeTitles.length > 0) {
    const titles = new Set(constraints.excludeTitles.map(normaliseTitleText));
    checks.push({
      kind: "title-exclude",
      label: `not ${constraints.excludeTitles.join(", ")}`,
      subject: { kind: "excluded-titles", titles: constraints.excludeTitles },
      status: (item) => {
        const view = viewOf(item);
        view.titles ??= [item.title, ...item.aliases].map(normaliseTitleText);
        return view.titles.some((title) => titles.has(title)) ? "violated" : "satisfied";
      },
      passes: (_item, _relaxation, status) => status !== "violated",
    });
  }
  if (constraints.excludeItemIds.length > 0) {
    const ids = new Set(constraints.excludeItemIds);
    checks.push({
      kind: "item-exclude",
      label: "not shown or rejected before",
      subject: { kind: "not-shown-before" },
      status: (item) => (ids.has(item.id) ? "violated" : "satisfied"),
      passes: (_item, _relaxation, status) => status !== "violated",
    });
  }
  if (constraints.excludeKeywords.length > 0) {
    const unwanted = constraints.excludeKeywords;
    checks.push({
      kind: "keyword-exclude",
      label: `nothing about ${unwanted.join(", ")}`,
      subject: { kind: "excluded-keywords", keywords: unwanted },
      status: (item) => {
        const tags = viewOf(item).tags;
        return unwanted.some((word) => tags.has(word) || tags.has(`${word}s`)) ? "violated" : "satisfied";
      },
      passes: (_item, _relaxation, status) => status !== "violated",
    });
  }
  return checks;
}

/** Hard checks that hardConstraintFilter makes on flat arrays. */
const COLUMNAR_KINDS: ReadonlySet<CheckKind> = new Set(["genre-include", "genre-exclude", "years", "runtime"]);

/** Passes when every check is satisfied; an exclusion also passes when its value is unknown. */
function meetsAll(checks: readonly HardCheck[]): (item: Item) => boolean {
  return (item) => checks.every((check) => check.status(item) === "satisfied" || (isExclusion(check) && check.status(item) === "unknown"));
}

/**
 * A predicate for "meets every hard constraint as stated" (unknown values fail), for scanning
 * the whole catalog cheaply when retrieval found too few candidates.
 */
export function meetsHardConstraints(constraints: Constraints): (item: Item) => boolean {
  return meetsAll(hardChecks(constraints));
}

/**
 * The same predicate without the genre, year and runtime checks, which hardConstraintFilter
 * makes on flat arrays; null when no other hard constraint is set.
 */
export function meetsNonColumnarHardConstraints(constraints: Constraints): ((item: Item) => boolean) | null {
  const checks = hardChecks(constraints).filter((check) => !COLUMNAR_KINDS.has(check.kind));
  return checks.length === 0 ? null : meetsAll(checks);
}
