/**
 * Aggregation and rendering of eval:understanding results. Held-out queries are reduced to
 * counts here: nothing this module prints or returns names a held-out query, its text or its
 * failure (the parser's authors read the output).
 */
import { COMPARED_FIELDS, type ComparedField, type FieldMismatch } from "./compare";
import type { SuiteQuery } from "./generate";
import { CLASS_NAMES, type ClassName, type Split } from "./suite-types";

export const ROUTES = ["reasoning", "auto"] as const;
export type Route = (typeof ROUTES)[number];

export const TARGETS = { exactPerClass: 0.97, satisfactionOverall: 0.98 } as const;

export interface QueryOutcome {
  query: SuiteQuery;
  /** Fields the reasoner got wrong; empty for an exact match. */
  mismatches: FieldMismatch[];
  /** The reasoner threw (counts as a miss). */
  error: string | null;
  reasonerMs: number;
  /** Top-10 satisfaction per route run; null where nothing can be judged. */
  satisfaction: Partial<Record<Route, number | null>>;
  /** The path the pipeline took per route run ("fast" | "reasoning"). */
  path: Partial<Record<Route, string>>;
  /** Shown titles per route (kept for dev queries only). */
  shown: Partial<Record<Route, string[]>>;
}

export interface SatisfactionSummary {
  judged: number;
  mean: number | null;
  fullySatisfied: number;
  reasoningPathShare: number;
}

export interface ClassSummary {
  className: ClassName | "all";
  split: Split;
  total: number;
  exact: number;
  fieldMisses: Record<ComparedField, number>;
  satisfaction: Partial<Record<Route, SatisfactionSummary>>;
}

const isExact = (outcome: QueryOutcome) => outcome.error === null && outcome.mismatches.length === 0;

function summarise(outcomes: readonly QueryOutcome[], className: ClassName | "all", split: Split, routes: readonly Route[]): ClassSummary {
  const fieldMisses = Object.fromEntries(COMPARED_FIELDS.map((field) => [field, 0])) as Record<ComparedField, number>;
  for (const outcome of outcomes) for (const mismatch of outcome.mismatches) fieldMisses[mismatch.field] += 1;
  const satisfaction: ClassSummary["satisfaction"] = {};
  for (const route of routes) {
    const scores = outcomes.map((outcome) => outcome.satisfaction[route]).filter((score): score is number => typeof score === "number");
    satisfaction[route] = {
      judged: scores.length,
      mean: scores.length === 0 ? null : scores.reduce((sum, score) => sum + score, 0) / scores.length,
      fullySatisfied: scores.filter((score) => score >= 1).length,
      reasoningPathShare: outcomes.length === 0 ? 0 : outcomes.filter((outcome) => outcome.path[route] === "reasoning").length / outcomes.length,
    };
  }
  return { className, split, total: outcomes.length, exact: outcomes.filter(isExact).length, fieldMisses, satisfaction };
}

/** One summary per class and split, then the overall one per split. */
export function summariseAll(outcomes: readonly QueryOutcome[], splits: readonly Split[], routes: readonly Route[]): ClassSummary[] {
  const summaries: ClassSummary[] = [];
  for (const split of splits) {
    const inSplit = outcomes.filter((outcome) => outcome.query.split === split);
    for (const className of CLASS_NAMES) summaries.push(summarise(inSplit.filter((outcome) => outcome.query.className === className), className, split, routes));
    summaries.push(summarise(inSplit, "all", split, routes));
  }
  return summaries;
}

export interface TargetCheck {
  name: string;
  value: string;
  pass: boolean;
}

/** The issue's targets on one split: exact match ≥ 97 % on every class, top-10 satisfaction ≥ 98 % overall (forced reasoning route). */
export function checkTargets(summaries: readonly ClassSummary[], split: Split): TargetCheck[] {
  const inSplit = summaries.filter((summary) => summary.split === split);
  const classes = inSplit.filter((summary) => summary.className !== "all" && summary.total > 0);
  const worst = classes.reduce<ClassSummary | null>((low, summary) => (low === null || rate(summary) < rate(low) ? summary : low), null);
  const checks: TargetCheck[] = [];
  if (worst) {
    const failing = classes.filter((summary) => rate(summary) < TARGETS.exactPerClass).map((summary) => summary.className);
    checks.push({
      name: `exact match ≥ ${percent(TARGETS.exactPerClass)} on every class (${split})`,
      value: `lowest ${worst.className} ${percent(rate(worst))}; ${failing.length} of ${classes.length} classes below${failing.length ? `: ${failing.join(", ")}` : ""}`,
      pass: failing.length === 0,
    });
  }
  const overall = inSplit.find((summary) => summary.className === "all")?.satisfaction.reasoning;
  if (overall && overall.mean !== null) {
    checks.push({ name: `top-10 satisfaction ≥ ${percent(TARGETS.satisfactionOverall)} overall (${split}, reasoning route)`, value: percent(overall.mean), pass: overall.mean >= TARGETS.satisfactionOverall });
  }
  return checks;
}

export const rate = (summary: ClassSummary): number => (summary.total === 0 ? 0 : summary.exact / summary.total);
export const percent = (value: number | null | undefined): string => (value === null || value === undefined ? "—" : `${(value * 100).toFixed(1)}%`);

/** The dev failures of one class, at most `limit`, as lines a parser author can act on. */
export function devFailureLines(outcomes: readonly QueryOutcome[], className: ClassName, limit = 10): string[] {
  return outcomes
    .filter((outcome) => outcome.query.split === "dev" && outcome.query.className === className && !isExact(outcome))
    .slice(0, limit)
    .map((outcome) =>
      outcome.error !== null
        ? `"${outcome.query.text}": the reasoner threw (${outcome.error})`
        : `"${outcome.query.text}": ${outcome.mismatches.map((mismatch) => `${mismatch.field} expected ${mismatch.expected}, got ${mismatch.actual}`).join("; ")}`,
    );
}

/** Dev failures grouped by field and what was expected vs understood, most frequent first (the patterns to fix). */
export function devFailurePatterns(outcomes: readonly QueryOutcome[], limit = 15): { pattern: string; count: number; example: string }[] {
  const patterns = new Map<string, { count: number; example: string }>();
  for (const outcome of outcomes) {
    if (outcome.query.split !== "dev") continue;
    for (const mismatch of outcome.mismatches) {
      const shape = (text: string) => text.replace(/\b\d{4}\b/g, "YYYY").replace(/(?<![\d.])\d+(?![\d.])/g, "N").replace(/"[^"]*"/g, '"…"');
      const key = `${outcome.query.className} · ${mismatch.field}: expected ${shape(mismatch.expected)}, got ${shape(mismatch.actual)}`;
      const known = patterns.get(key);
      if (known) known.count += 1;
      else patterns.set(key, { count: 1, example: outcome.query.text });
    }
  }
  return [...patterns]
    .map(([pattern, value]) => ({ pattern, ...value }))
    .sort((a, b) => b.count - a.count)
    .slice(0, limit);
}

/** Plain-text report for the terminal: tables for both splits, dev failures, held-out counts only. */
export function renderText(input: { summaries: readonly ClassSummary[]; outcomes: readonly QueryOutcome[]; splits: readonly Split[]; routes: readonly Route[]; targetSplit: Split; header: string }): string {
  const lines: string[] = [input.header, ""];
  for (const split of input.splits) {
    lines.push(`== ${split} ==`);
    lines.push(["class".padEnd(16), "queries".padStart(7), "exact".padStart(8), ...input.routes.map((route) => `top-10 ${route}`.padStart(18))].join(" "));
    for (const summary of input.summaries.filter((entry) => entry.split === split)) {
      lines.push(
        [
          summary.className.padEnd(16),
          String(summary.total).padStart(7),
          percent(rate(summary)).padStart(8),
          ...input.routes.map((route) => {
            const satisfaction = summary.satisfaction[route];
            return `${percent(satisfaction?.mean)} (${satisfaction?.judged ?? 0})`.padStart(18);
          }),
        ].join(" "),
      );
    }
    lines.push("");
  }
  if (input.splits.includes("dev")) {
    lines.push("== dev failures (first 10 per class) ==");
    for (const className of CLASS_NAMES) {
      const failures = devFailureLines(input.outcomes, className);
      if (failures.length === 0) continue;
      lines.push(`-- ${className}`);
      for (const failure of failures) lines.push(`  ${failure}`);
    }
    lines.push("");
  }
  if (input.splits.includes("held-out")) {
    lines.push("== held-out (counts only; its queries are never printed) ==");
    for (const summary of input.summaries.filter((entry) => entry.split === "held-out")) lines.push(`  ${summary.className}: ${summary.exact}/${summary.total} exact`);
    lines.push("");
  }
  lines.push(`== targets (${input.targetSplit}) ==`);
  for (const check of checkTargets(input.summaries, input.targetSplit)) lines.push(`  ${check.pass ? "PASS" : "FAIL"}  ${check.name}: ${check.value}`);
  return `${lines.join("\n")}\n`;
}
