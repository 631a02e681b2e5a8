import { buildCatalogLexicon } from "../../../lib/language/catalog-lexicon";
import type { Constraints } from "../../../lib/reasoning/constraints";
import { reasonOffline } from "../../../lib/reasoning/offline-reasoner";
import { realCatalog } from "../../support/real-catalog";

/**
 * Generated known-answer classes for the request reader: every template × every slot value, each
 * checked on the offline reasoner's constraints (as eval:understanding checks them). A class
 * fails with the first few requests that break it, so one run shows the pattern, not one phrase.
 */
let lexicon: ReturnType<typeof buildCatalogLexicon> | undefined;

export function parse(query: string): Constraints {
  lexicon ??= buildCatalogLexicon(realCatalog().items);
  return reasonOffline(query, { lexicon, currentYear: 2026 }).constraints;
}

/** Every combination of the slot lists, filled into each template ("{a} and {b}"). */
export function expand<Slots extends Record<string, unknown>>(
  templates: readonly string[],
  rows: readonly Slots[],
  fill: (template: string, row: Slots) => string,
): Array<{ query: string; row: Slots }> {
  return templates.flatMap((template) => rows.map((row) => ({ query: fill(template, row), row })));
}

/** Cartesian product of named lists. */
export function product<T extends Record<string, readonly unknown[]>>(lists: T): Array<{ [K in keyof T]: T[K][number] }> {
  let rows: Array<Record<string, unknown>> = [{}];
  for (const [name, values] of Object.entries(lists)) rows = rows.flatMap((row) => values.map((value) => ({ ...row, [name]: value })));
  return rows as Array<{ [K in keyof T]: T[K][number] }>;
}

/** Runs `check` on every case; returns the failures as readable lines ("query: why"). */
export function failures<Case extends { query: string }>(cases: readonly Case[], check: (constraints: Constraints, testCase: Case) => string | null): string[] {
  const failed: string[] = [];
  for (const testCase of cases) {
    const problem = check(parse(testCase.query), testCase);
    if (problem) failed.push(`${testCase.query} → ${problem}`);
  }
  return failed;
}

/** An assertion message listing the first failures and how many there were of how many. */
export function report(failed: readonly string[], total: number): string {
  return `${failed.length} of ${total} failed:\n  ${failed.slice(0, Number(process.env.SHOW_FAILURES ?? 15)).join("\n  ")}`;
}

export const genresOf = (list: Constraints["includeGenres"]) =>
  list
    .map((entry) => entry.genre)
    .sort()
    .join("+");
