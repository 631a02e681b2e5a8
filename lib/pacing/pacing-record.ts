import type { JsonValue } from "../store";
import type { PacingStep } from "./pacing-controller";

/** The operator record kind the pacer writes (Store.appendOperatorRecord). */
export const PACING_RECORD_KIND = "pacing";

/**
 * The payload of a "pacing" operator record: one change of the bar, with everything that moved
 * it. Written by the one process that computes (lib/server/spend-pacer.ts), read by every server
 * process (the newest record is the bar all of them apply) and charted by the insights page.
 * A `type` (not an interface) so it is assignable to the store's JsonValue as it is.
 */
export type PacingRecordPayload = {
  version: 1;
  /** The bar on the router's complexity score: reasoning requests below it get the offline reasoner. Null: no bar. */
  bar: number | null;
  /** The bar before this record (null: none). */
  previousBar: number | null;
  /** REELCAST_LLM_TARGET_USD_PER_HOUR when it was computed. */
  targetUsdPerHour: number;
  /** LLM spend rate over the observation window (every process's, from the ledger), USD per hour. */
  observedUsdPerHour: number;
  /** LLM spend over the budget window (the hourly ceiling's), as USD per hour. */
  budgetWindowUsdPerHour: number;
  /** The observation window, milliseconds. */
  windowMs: number;
  /** Reasoning requests in the window the share and the quantile were read from. */
  requests: number;
  /** Share of them that got the LLM. */
  llmShare: number;
  /** The controller's smoothed share to let through. */
  share: number;
  /** Share of the window's requests at or above the new bar. */
  passedShare: number;
  /** Estimated USD per hour if every reasoning request got the LLM; null when unmeasurable. */
  demandUsdPerHour: number | null;
  /** Why, in one line: target, observed rate, share, old → new bar. */
  reason: string;
};

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const usd = (value: number) => `$${value.toFixed(2)}`;
const percent = (value: number) => `${(value * 100).toFixed(value < 0.1 ? 1 : 0)}%`;

/**
 * A bar or a score with as many decimals as it takes to tell the two apart (complexity scores
 * crowd near 1: 0.973 and 0.968 would both read 0.97).
 */
export function formatScore(value: number, other?: number | null): string {
  for (const digits of [2, 3, 4]) {
    if (other === undefined || other === null || value.toFixed(digits) !== other.toFixed(digits)) return value.toFixed(digits);
  }
  return value.toFixed(4);
}

const barText = (bar: number | null, other: number | null) => (bar === null ? "none" : formatScore(bar, other));

/** The record of a tick that moved the bar. */
export function pacingRecordPayload(step: PacingStep, previousBar: number | null, targetUsdPerHour: number, windowMs: number): PacingRecordPayload {
  const reason =
    `target ${usd(targetUsdPerHour)}/h, observed ${usd(step.observedUsdPerHour)}/h over ${Math.round(windowMs / 60_000)} min (${usd(step.budgetWindowUsdPerHour)}/h over the budget window), ` +
    `${step.requests} reasoning requests of which ${percent(step.llmShare)} got the LLM → let ${percent(step.passedShare)} through: bar ${barText(previousBar, step.state.bar)} → ${barText(step.state.bar, previousBar)}`;
  return {
    version: 1,
    bar: step.state.bar === null ? null : round(step.state.bar, 6),
    previousBar: previousBar === null ? null : round(previousBar, 6),
    targetUsdPerHour,
    observedUsdPerHour: round(step.observedUsdPerHour, 6),
    budgetWindowUsdPerHour: round(step.budgetWindowUsdPerHour, 6),
    windowMs,
    requests: step.requests,
    llmShare: round(step.llmShare, 6),
    share: round(step.state.share, 6),
    passedShare: round(step.passedShare, 6),
    demandUsdPerHour: step.demandUsdPerHour === null ? null : round(step.demandUsdPerHour, 6),
    reason,
  };
}

const isNumber = (value: JsonValue | undefined): value is number => typeof value === "number" && Number.isFinite(value);
const isBar = (value: JsonValue | undefined): value is number | null => value === null || (isNumber(value) && value >= 0 && value <= 1);

/**
 * A stored payload read back, or null when it is not a pacing payload this code understands (a
 * newer version, a damaged row): the reader then keeps the bar it had rather than guess.
 */
export function parsePacingRecordPayload(payload: JsonValue): PacingRecordPayload | null {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return null;
  const numbers = ["targetUsdPerHour", "observedUsdPerHour", "budgetWindowUsdPerHour", "windowMs", "requests", "llmShare", "share", "passedShare"] as const;
  if (payload.version !== 1 || !isBar(payload.bar) || !isBar(payload.previousBar) || typeof payload.reason !== "string") return null;
  if (!numbers.every((name) => isNumber(payload[name]))) return null;
  if (payload.demandUsdPerHour !== null && !isNumber(payload.demandUsdPerHour)) return null;
  return payload as PacingRecordPayload;
}
