import type { Item } from "../catalog/item";
import type { AppliedItem, Constraints } from "../reasoning";
import type { ConstraintSubject, VerdictStatus } from "../reasoning/constraint-verdict";
import type { CatalogYears, ConstraintVerdict, Relaxation } from "./contract";

/** Which relaxation can admit a film that breaks a hard constraint of this kind. */
const RELAXED_BY: Partial<Record<ConstraintSubject["kind"], Relaxation["constraint"]>> = {
  genre: "genres",
  years: "years",
  runtime: "runtime",
  language: "language",
  "excluded-language": "language",
  person: "people",
};

/** Exclusions pass on unrecorded values without any relaxation ("no horror" on a film with no genres). */
const EXCLUSIONS: ReadonlySet<ConstraintSubject["kind"]> = new Set(["excluded-genre", "excluded-person", "excluded-titles", "excluded-keywords", "not-shown-before"]);

const within = (value: number, low: number | null, high: number | null) => (low === null || value >= low) && (high === null || value <= high);

function credited(item: Item, name: string, role: "cast" | "director" | "any"): boolean {
  const wanted = name.toLowerCase();
  const directors = role !== "cast" && item.directors.some((person) => person.toLowerCase() === wanted);
  return directors || (role !== "director" && item.cast.some((person) => person.toLowerCase() === wanted));
}

/** One soft constraint (a preference: it scored, it did not filter) judged by the filter's tests. */
function softStatus(item: Item, subject: ConstraintSubject): VerdictStatus {
  const known = (value: unknown) => value !== null && !(Array.isArray(value) && value.length === 0);
  const verdict = (isKnown: boolean, met: () => boolean): VerdictStatus => (!isKnown ? "unknown" : met() ? "met" : "not-met");
  switch (subject.kind) {
    case "genre":
      return verdict(known(item.genres), () => item.genres.includes(subject.genre));
    case "excluded-genre":
      return verdict(known(item.genres), () => !item.genres.includes(subject.genre));
    case "years":
      return verdict(item.year !== null, () => within(item.year!, subject.from, subject.to));
    case "runtime":
      return verdict(item.runtimeMinutes !== null, () => within(item.runtimeMinutes!, subject.minMinutes, subject.maxMinutes));
    case "language":
      return verdict(item.language !== null, () => subject.languages.includes(item.language!));
    case "excluded-language":
      return verdict(item.language !== null, () => !subject.languages.includes(item.language!));
    case "person":
      return verdict(item.directors.length + item.cast.length > 0, () => credited(item, subject.name, subject.role));
    case "excluded-person":
      return verdict(item.directors.length + item.cast.length > 0, () => !credited(item, subject.name, subject.role));
    default:
      return "unknown";
  }
}

/** The soft constraints of a request as subjects, in the order hard ones are listed. */
function softSubjects(constraints: Constraints): ConstraintSubject[] {
  const subjects: ConstraintSubject[] = [];
  for (const entry of constraints.includeGenres) if (entry.strength === "soft") subjects.push({ kind: "genre", genre: entry.genre });
  for (const entry of constraints.excludeGenres) if (entry.strength === "soft") subjects.push({ kind: "excluded-genre", genre: entry.genre });
  if (constraints.years?.strength === "soft") subjects.push({ kind: "years", from: constraints.years.from, to: constraints.years.to });
  if (constraints.runtime?.strength === "soft") subjects.push({ kind: "runtime", minMinutes: constraints.runtime.minMinutes, maxMinutes: constraints.runtime.maxMinutes });
  const languages = constraints.languages;
  if (languages?.strength === "soft") {
    if (languages.include.length > 0) subjects.push({ kind: "language", languages: languages.include });
    if (languages.exclude.length > 0) subjects.push({ kind: "excluded-language", languages: languages.exclude });
  }
  for (const person of constraints.people) {
    if (person.strength === "soft") subjects.push({ kind: person.exclude ? "excluded-person" : "person", name: person.name, role: person.role });
  }
  return subjects;
}

/**
 * A film's verdicts for the card's "why this?": the filter's own verdict on every hard constraint
 * (a broken one is "relaxed", with the answer's relaxation that let it in; an unrecorded value on
 * a required field names the "unrecorded-data" relaxation), then every soft one.
 */
export function constraintVerdicts(item: Item, applied: Pick<AppliedItem, "verdicts" | "relaxationLevel">, constraints: Constraints, relaxations: readonly Relaxation[]): ConstraintVerdict[] {
  const relaxation = (constraint: Relaxation["constraint"] | undefined) => (constraint ? (relaxations.find((step) => step.constraint === constraint) ?? null) : null);
  const hard = applied.verdicts.map(({ subject, status }): ConstraintVerdict => {
    if (status === "satisfied") return { constraint: subject, strength: "hard", status: "met", relaxation: null };
    if (status === "unknown") {
      const admittedBy = EXCLUSIONS.has(subject.kind) ? null : relaxation("unrecorded-data");
      return { constraint: subject, strength: "hard", status: "unknown", relaxation: admittedBy };
    }
    // A broken hard constraint only ever passes after a stated relaxation of it.
    return applied.relaxationLevel > 0
      ? { constraint: subject, strength: "hard", status: "relaxed", relaxation: relaxation(RELAXED_BY[subject.kind]) }
      : { constraint: subject, strength: "hard", status: "not-met", relaxation: null };
  });
  const soft = softSubjects(constraints).map((subject): ConstraintVerdict => ({ constraint: subject, strength: "soft", status: softStatus(item, subject), relaxation: null }));
  return [...hard, ...soft];
}

// The year span of a catalog, computed once per items array.
const yearSpans = new WeakMap<readonly Item[], { earliest: number; latest: number }>();

function yearSpan(items: readonly Item[]): { earliest: number; latest: number } | null {
  let span = yearSpans.get(items);
  if (!span) {
    let earliest = Number.POSITIVE_INFINITY;
    let latest = Number.NEGATIVE_INFINITY;
    for (const item of items) {
      if (item.year === null) continue;
      if (item.year < earliest) earliest = item.year;
      if (item.year > latest) latest = item.year;
    }
    if (!Number.isFinite(earliest)) return null;
    span = { earliest, latest };
    yearSpans.set(items, span);
  }
  return span;
}

/**
 * The asked-for years against the catalog's span: "none" when no catalog film can be from them
 * ("from 2022" in a catalog ending in 2018), "partial" when they reach past either end ("the
 * 2010s"), null when the catalog covers them or no years were asked.
 */
export function catalogYearsFor(items: readonly Item[], asked: { from: number | null; to: number | null } | null): CatalogYears | null {
  if (!asked || (asked.from === null && asked.to === null)) return null;
  const span = yearSpan(items);
  if (!span) return null;
  const { from, to } = asked;
  const base = { askedFrom: from, askedTo: to, earliestYear: span.earliest, latestYear: span.latest };
  if ((from !== null && from > span.latest) || (to !== null && to < span.earliest)) return { ...base, coverage: "none" };
  if ((to !== null && to > span.latest) || (from !== null && from < span.earliest)) return { ...base, coverage: "partial" };
  return null;
}
