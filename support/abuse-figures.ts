import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Where each abuse test leaves its figures for `npm run test:abuse` to tabulate. */
export const FIGURES_DIRECTORY = path.resolve("test-results/abuse");

/**
 * One row of docs/RELIABILITY.md: what was tried against the running server and what came back.
 * Counts and bytes only; a figure with a unit says it in its label.
 */
export interface AbuseFigure {
  /** The fault or abuse, e.g. "20 concurrent 100 MB uploads". */
  fault: string;
  /** Requests (or events, or connections) sent. */
  tried: number;
  /** How they ended: HTTP status → count, plus "connection closed" and the like. */
  outcomes: Record<string, number>;
  /** Acknowledged writes, and how many of them the database holds afterwards. */
  acked?: number;
  found?: number;
  /** Anything else measured, label → value ("peak RSS growth (MB)": 12). */
  measured?: Record<string, number | string>;
}

/** Records a figure as test-results/abuse/<slug>.json (the runner reads every file there). */
export function recordFigure(figure: AbuseFigure): void {
  mkdirSync(FIGURES_DIRECTORY, { recursive: true });
  const slug = figure.fault
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80);
  writeFileSync(path.join(FIGURES_DIRECTORY, `${slug}.json`), `${JSON.stringify(figure, null, 2)}\n`);
}

/** Tallies outcomes: `tally(outcomes, 429)` adds one to "429". */
export function tally(outcomes: Record<string, number>, outcome: string | number): void {
  const key = String(outcome);
  outcomes[key] = (outcomes[key] ?? 0) + 1;
}
