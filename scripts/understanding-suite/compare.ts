import type { Constraints } from "../../lib/reasoning/constraints";

/**
 * Exact comparison of understood constraints with the expected ones, field by field. Every
 * structured field is compared, so a constraint the request never stated counts as wrong:
 * genres in and out (with strength), years, runtime, languages (include, exclude, strength),
 * people (name, role, in or out, strength), references (catalog ids), excluded titles, count,
 * sort, and the discovery direction.
 *
 * Not compared: mood and keywords (free text a parser may keep from any request),
 * excludeKeywords (a negated genre may also be kept as a keyword filter; the top-10 check sees
 * any harm), excludeItemIds (session state), a reference's written title and modifier.
 *
 * Discovery is compared as a direction: unset (null), towards the less obvious (≥ 0.5), or
 * towards the popular (< 0.5); "less popular" must turn the knob at least half way, and where
 * the expected answer is towards the popular ("most popular"), unset matches too.
 * A person's role "any" in the expected answer means the words name no role ("Tom Hanks
 * comedies", "without Tom Hanks"): any role understood matches it; a named role ("starring",
 * "directed by") must match exactly.
 */
export const COMPARED_FIELDS = ["includeGenres", "excludeGenres", "years", "runtime", "languages", "people", "references", "excludeTitles", "count", "sort", "discovery"] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export interface FieldMismatch {
  field: ComparedField;
  expected: string;
  actual: string;
}

/** Case, accents and punctuation folded away, for comparing names and titles. */
export const fold = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
const list = (values: readonly string[]) => (values.length === 0 ? "none" : [...values].sort().join(", "));

/** Each compared field as a canonical string; two answers agree on a field when the strings are equal. */
export function describeField(constraints: Constraints, field: ComparedField): string {
  switch (field) {
    case "includeGenres":
    case "excludeGenres":
      return list(constraints[field].map((entry) => `${entry.genre} (${entry.strength})`));
    case "years": {
      const years = constraints.years;
      return years ? `${years.from ?? "…"}–${years.to ?? "…"} (${years.strength})` : "none";
    }
    case "runtime": {
      const runtime = constraints.runtime;
      return runtime ? `${runtime.minMinutes ?? "…"}–${runtime.maxMinutes ?? "…"} min (${runtime.strength})` : "none";
    }
    case "languages": {
      const languages = constraints.languages;
      return languages ? `in ${list(languages.include)}; not ${list(languages.exclude)} (${languages.strength})` : "none";
    }
    case "people":
      return list(constraints.people.map((person) => `${person.exclude ? "not " : ""}${fold(person.name)} as ${person.role} (${person.strength})`));
    case "references":
      return list(constraints.references.map((reference) => reference.itemId ?? `unresolved "${reference.title}"`));
    case "excludeTitles":
      return list(constraints.excludeTitles.map(fold));
    case "count":
      return constraints.count === null ? "none" : String(constraints.count);
    case "sort":
      return constraints.sort;
    case "discovery":
      return constraints.discovery === null ? "unset" : constraints.discovery >= 0.5 ? "towards the less obvious (≥ 0.5)" : "towards the popular (< 0.5)";
  }
}

/**
 * `actual` with the two allowed readings mapped onto the expected one: a role where the
 * expected person has "any", unset discovery where the expected one is towards the popular.
 */
function lenient(expected: Constraints, actual: Constraints, field: ComparedField): Constraints {
  if (field === "people") {
    const unstated = new Set(expected.people.filter((person) => person.role === "any").map((person) => `${fold(person.name)}|${person.exclude}`));
    return { ...actual, people: actual.people.map((person) => (unstated.has(`${fold(person.name)}|${person.exclude}`) ? { ...person, role: "any" } : person)) };
  }
  if (field === "discovery" && expected.discovery !== null && expected.discovery < 0.5 && actual.discovery === null) return { ...actual, discovery: expected.discovery };
  return actual;
}

/** The compared fields on which `actual` differs from `expected`; empty when it is an exact match. */
export function compareConstraints(expected: Constraints, actual: Constraints): FieldMismatch[] {
  const mismatches: FieldMismatch[] = [];
  for (const field of COMPARED_FIELDS) {
    const wanted = describeField(expected, field);
    const got = describeField(lenient(expected, actual, field), field);
    if (wanted !== got) mismatches.push({ field, expected: wanted, actual: got });
  }
  return mismatches;
}
