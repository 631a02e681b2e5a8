import type { PacingConfig } from "./pacing-config";

/**
 * The spend pacing controller: from the spend the ledger saw and the recent reasoning requests'
 * complexity scores, the bar on the complexity score above which a reasoning request may use the
 * LLM, so that spend tracks a target rate instead of running into the hourly ceiling.
 *
 * Why this shape. Spend is (reasoning demand) × (share let through) × (cost per call), and the
 * bar only moves the share. The demand is unknown and changes over the day, but it can be
 * measured: over the same recent window the ledger says what was spent and this process's
 * decisions say what share of reasoning requests got the LLM, so demand ≈ spent ÷ share. The
 * share that would hold the target is then target ÷ demand — an inversion of the plant rather
 * than a blind nudge, so one tick already lands near the right share at any traffic level.
 * The bar is the quantile of the recent scores at that share: the highest-complexity requests,
 * which the router judges most in need of reasoning, keep the LLM, and the bar adapts to the
 * score distribution instead of assuming one. Both rates come from one window, so a change of
 * bar inside the window does not mislead the estimate the way a rate read alone would.
 *
 * Around that: the share is averaged in log space (the plant is multiplicative, so a factor of 2
 * too high and too low weigh the same), may move at most a factor `maxStep` per tick, stays in
 * [minShare, 1] (the top requests always get through, so the controller always sees spend), and
 * the bar stays at or below maxBar. A small catch-up term aims a little below the target after an
 * hour over it, so the spend over the budget window (the one the ceiling judges) comes back onto
 * the target. Hysteresis: the bar moves only when the share it
 * lets through changes by more than `deadband` (relative), so noise does not rewrite the record
 * every tick. Pure: the caller passes what it read; no clock, no I/O.
 */

/** What the controller carries from one tick to the next. */
export interface PacingState {
  /** The published bar: reasoning requests with complexity below it get the offline reasoner; null = no bar. */
  bar: number | null;
  /** The smoothed share of reasoning requests the controller aims to let through, in [minShare, 1]. */
  share: number;
}

export const UNPACED: PacingState = { bar: null, share: 1 };

export interface PacingObservation {
  /** LLM spend the ledger holds over the last `observeWindowMs` (every process's). */
  windowUsd: number;
  /** LLM spend the ledger holds over the last `budgetWindowMs` (the ceiling's window). */
  budgetWindowUsd: number;
  /** Reasoning requests decided over the last `observeWindowMs`: their complexity and whether they got the LLM. */
  decisions: ReadonlyArray<{ score: number; llm: boolean }>;
}

export interface PacingStep {
  state: PacingState;
  /** True when the bar moved (the caller publishes a record). */
  changed: boolean;
  /** USD per hour over the observation window. */
  observedUsdPerHour: number;
  /** USD per hour over the budget window. */
  budgetWindowUsdPerHour: number;
  /** The rate aimed at this tick (the target with the catch-up term). */
  aimUsdPerHour: number;
  /** Share of the window's reasoning requests that got the LLM. */
  llmShare: number;
  /** Estimated USD per hour if every reasoning request got the LLM; null when it could not be measured. */
  demandUsdPerHour: number | null;
  /** Share of the window's requests at or above the new bar. */
  passedShare: number;
  requests: number;
  /** Why the bar held, when it held for want of information (too few requests); null otherwise. */
  held: string | null;
}

const HOUR_MS = 3_600_000;
const perHour = (usd: number, windowMs: number) => (usd * HOUR_MS) / windowMs;
const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** Share of `scores` at or above `bar` (1 for no bar). */
export function shareAtOrAbove(scores: readonly number[], bar: number | null): number {
  if (bar === null || scores.length === 0) return 1;
  let passed = 0;
  for (const score of scores) if (score >= bar) passed += 1;
  return passed / scores.length;
}

/**
 * The bar letting `share` of the scores through: the k-th highest score for k = ⌈share·n⌉ (ties
 * at the bar pass too), at most `maxBar`; null when the share is everyone.
 */
export function barForShare(scores: readonly number[], share: number, maxBar: number): number | null {
  if (share >= 1 - 1e-9 || scores.length === 0) return null;
  const descending = [...scores].sort((a, b) => b - a);
  const k = clamp(Math.ceil(share * descending.length), 1, descending.length);
  return Math.min(maxBar, descending[k - 1]);
}

/** One tick of the controller. */
export function nextPacing(previous: PacingState, observation: PacingObservation, config: PacingConfig): PacingStep {
  const target = config.targetUsdPerHour;
  const observedUsdPerHour = perHour(observation.windowUsd, config.observeWindowMs);
  const budgetWindowUsdPerHour = perHour(observation.budgetWindowUsd, config.budgetWindowMs);
  // After an hour over the target (a burst the last ticks could not foresee), aim below it so the
  // spend over the ceiling's window comes back onto the target; never above it: an hour under the
  // target was usually an hour without demand (the night), and spending that "saved" budget on the
  // next ramp would overshoot the rate the operator asked for (the replay showed +20 %).
  const aimUsdPerHour = clamp(target + config.catchUpGain * (target - budgetWindowUsdPerHour), target * (1 - config.catchUpGain), target);
  const scores = observation.decisions.map((decision) => decision.score);
  const requests = scores.length;
  const llmShare = requests === 0 ? 0 : observation.decisions.filter((decision) => decision.llm).length / requests;
  const base = { observedUsdPerHour, budgetWindowUsdPerHour, aimUsdPerHour, llmShare, requests };
  const previousShare = clamp(previous.share, config.minShare, 1);
  if (requests < config.minSamples) {
    return {
      ...base,
      state: previous,
      changed: false,
      demandUsdPerHour: null,
      passedShare: shareAtOrAbove(scores, previous.bar),
      held: `${requests} reasoning requests in the window, fewer than ${config.minSamples}: bar held`,
    };
  }

  let demandUsdPerHour: number | null = null;
  let wanted: number;
  if (llmShare > 0) {
    demandUsdPerHour = observedUsdPerHour / llmShare;
    wanted = demandUsdPerHour > 0 ? aimUsdPerHour / demandUsdPerHour : 1;
  } else {
    // Nothing here got the LLM (an open circuit, the ceiling, or a bar above every score), so the
    // demand cannot be measured: probe one step, down if the spend is already over the aim
    // (it comes from elsewhere), up otherwise.
    wanted = observedUsdPerHour > aimUsdPerHour ? previousShare / config.maxStep : previousShare * config.maxStep;
  }
  const stepped = clamp(wanted, previousShare / config.maxStep, previousShare * config.maxStep);
  const bounded = clamp(stepped, config.minShare, 1);
  const share = clamp(Math.exp((1 - config.smoothing) * Math.log(previousShare) + config.smoothing * Math.log(bounded)), config.minShare, 1);

  const candidate = barForShare(scores, share, config.maxBar);
  const passedOld = shareAtOrAbove(scores, previous.bar);
  const passedNew = shareAtOrAbove(scores, candidate);
  const sameBar = candidate === previous.bar;
  // Lifting the bar altogether is never held back: spend is under the aim with everyone let
  // through, so a bar still pacing a few requests would only cost quality.
  const withinBand = candidate !== null && passedOld > 0 && Math.abs(Math.log(passedNew / passedOld)) < Math.log(1 + config.deadband);
  if (sameBar || withinBand) {
    return { ...base, state: { bar: previous.bar, share }, changed: false, demandUsdPerHour, passedShare: passedOld, held: null };
  }
  return { ...base, state: { bar: candidate, share }, changed: true, demandUsdPerHour, passedShare: passedNew, held: null };
}
