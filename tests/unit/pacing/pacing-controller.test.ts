import assert from "node:assert/strict";
import { test } from "node:test";
import { createSeededRandom } from "../../../lib/bandit";
import { barForShare, DEFAULT_PACING, nextPacing, shareAtOrAbove, UNPACED, type PacingConfig, type PacingState } from "../../../lib/pacing";

const TICK_MS = 30_000;
const config: PacingConfig = { ...DEFAULT_PACING, targetUsdPerHour: 2, budgetWindowMs: 3_600_000 };

/**
 * A synthetic stream: `perTick(tick)` reasoning requests every 30 s with complexity uniform in
 * [0.5, 1) (seeded), each costing `usd` when it gets the LLM (score at or above the bar). The
 * controller sees what the pacer would: the spend over the two windows and the window's decisions.
 */
function simulate(options: { ticks: number; perTick: (tick: number) => number; usd: number; config?: PacingConfig }) {
  const settings = options.config ?? config;
  const random = createSeededRandom(42);
  const events: Array<{ at: number; score: number; llm: boolean; usd: number }> = [];
  let state: PacingState = UNPACED;
  const history: Array<{ at: number; bar: number | null; changed: boolean; share: number }> = [];
  for (let tick = 0; tick < options.ticks; tick++) {
    const at = tick * TICK_MS;
    for (let index = 0; index < options.perTick(tick); index++) {
      const score = 0.5 + 0.5 * random();
      const llm = state.bar === null || score >= state.bar;
      events.push({ at: at - random() * TICK_MS, score, llm, usd: llm ? options.usd : 0 });
    }
    const inWindow = (windowMs: number) => events.filter((event) => event.at > at - windowMs && event.at <= at);
    const window = inWindow(settings.observeWindowMs);
    const step = nextPacing(
      state,
      { windowUsd: window.reduce((sum, event) => sum + event.usd, 0), budgetWindowUsd: inWindow(settings.budgetWindowMs).reduce((sum, event) => sum + event.usd, 0), decisions: window },
      settings,
    );
    state = step.state;
    history.push({ at, bar: state.bar, changed: step.changed, share: state.share });
  }
  const spentUsdPerHour = (fromTick: number, toTick: number) =>
    (events.filter((event) => event.at >= fromTick * TICK_MS && event.at < toTick * TICK_MS).reduce((sum, event) => sum + event.usd, 0) * 3_600_000) / ((toTick - fromTick) * TICK_MS);
  return { history, spentUsdPerHour, state };
}

test("on a steady stream three times the target, spend converges to the target and the bar to the matching quantile", () => {
  // 50 requests per 30 s at $0.001 is $6/h of demand; $2/h lets a third through: bar ≈ 0.5 + 0.5·(2/3).
  const run = simulate({ ticks: 360, perTick: () => 50, usd: 0.001 });
  const lastHour = run.spentUsdPerHour(240, 360);
  assert.ok(Math.abs(lastHour - 2) / 2 < 0.08, `spend over the last hour $${lastHour.toFixed(3)}/h, target $2/h`);
  const secondHour = run.spentUsdPerHour(120, 240);
  assert.ok(Math.abs(secondHour - 2) / 2 < 0.1, `spend over the second hour $${secondHour.toFixed(3)}/h`);
  assert.ok(run.state.bar !== null && Math.abs(run.state.bar - 0.8333) < 0.03, `bar ${run.state.bar}`);
  const changesLastHour = run.history.slice(240).filter((entry) => entry.changed).length;
  assert.ok(changesLastHour <= 6, `hysteresis: ${changesLastHour} changes of the bar in the last 120 ticks`);
});

test("when demand doubles the bar rises and spend settles on the target again", () => {
  const run = simulate({ ticks: 480, perTick: (tick) => (tick < 240 ? 50 : 100), usd: 0.001 });
  const barBefore = run.history[239].bar!;
  const barAfter = run.history[479].bar!;
  assert.ok(barAfter > barBefore + 0.05, `bar ${barBefore} → ${barAfter}`);
  const lastHour = run.spentUsdPerHour(360, 480);
  assert.ok(Math.abs(lastHour - 2) / 2 < 0.08, `spend over the last hour $${lastHour.toFixed(3)}/h`);
});

test("below the target nobody is paced: the bar stays off", () => {
  // $1.20/h of demand against $2/h.
  const run = simulate({ ticks: 240, perTick: () => 10, usd: 0.001 });
  assert.equal(run.state.bar, null);
  assert.equal(run.state.share, 1);
  assert.equal(run.history.filter((entry) => entry.changed).length, 0, "no record is ever written");
});

test("bounds: a target far below demand stops at the minimum share and the highest bar, never pacing everyone away", () => {
  const tight = { ...config, targetUsdPerHour: 0.001 };
  const run = simulate({ ticks: 240, perTick: () => 50, usd: 0.001, config: tight });
  assert.ok(
    run.history.every((entry) => entry.share >= tight.minShare - 1e-12 && entry.share <= 1),
    "share stays in [minShare, 1]",
  );
  assert.ok(
    run.history.every((entry) => entry.bar === null || entry.bar <= tight.maxBar),
    "bar stays at or below maxBar",
  );
  assert.ok(Math.abs(run.state.share - tight.minShare) < 1e-9, `share ${run.state.share}`);
  assert.ok(run.state.bar !== null && run.state.bar > 0.95);
});

test("a step moves the share by at most maxStep, and too few requests hold the bar", () => {
  const scores = Array.from({ length: 100 }, (_, index) => 0.5 + index / 200);
  const decisions = scores.map((score) => ({ score, llm: true }));
  // $600/h observed with everyone on the LLM: the share wanted is 2/600, but one tick may only halve it.
  const step = nextPacing(UNPACED, { windowUsd: 100, budgetWindowUsd: 0, decisions }, config);
  assert.ok(step.changed);
  assert.ok(step.state.share >= 0.5 - 1e-12, `share ${step.state.share}`);
  assert.equal(step.state.bar, barForShare(scores, step.state.share, config.maxBar));
  const few = nextPacing({ bar: 0.7, share: 0.6 }, { windowUsd: 100, budgetWindowUsd: 100, decisions: decisions.slice(0, config.minSamples - 1) }, config);
  assert.equal(few.changed, false);
  assert.deepEqual(few.state, { bar: 0.7, share: 0.6 });
  assert.match(few.held ?? "", /fewer than 20: bar held/);
});

test("barForShare and shareAtOrAbove are each other's inverse on the sample", () => {
  const scores = [0.6, 0.7, 0.8, 0.9, 0.95];
  assert.equal(barForShare(scores, 0.4, 1), 0.9);
  assert.equal(shareAtOrAbove(scores, 0.9), 0.4);
  assert.equal(barForShare(scores, 1, 1), null);
  assert.equal(barForShare(scores, 0.2, 0.93), 0.93, "capped at maxBar");
});

test("hysteresis: a wanted share within 10 % of what the bar lets through keeps the bar; a larger one moves it", () => {
  const scores = Array.from({ length: 1000 }, (_, index) => 0.5 + index / 2000);
  const bar = barForShare(scores, 0.5, config.maxBar)!;
  const decisions = scores.map((score) => ({ score, llm: score >= bar }));
  const smooth = { ...config, smoothing: 1 };
  // Half got the LLM and $2.16/h was spent: the share that holds $2/h is 0.463, 7 % below 0.5.
  const near = nextPacing({ bar, share: 0.5 }, { windowUsd: 0.36, budgetWindowUsd: 2, decisions }, smooth);
  assert.equal(near.changed, false);
  assert.equal(near.state.bar, bar);
  assert.ok(Math.abs(near.state.share - 2 / 4.32) < 1e-9, "the controller's share still follows, so drift accumulates until it crosses the band");
  // $3/h spent: the share wanted is 0.333, a third below: the bar moves up.
  const far = nextPacing({ bar, share: 0.5 }, { windowUsd: 0.5, budgetWindowUsd: 2, decisions }, smooth);
  assert.equal(far.changed, true);
  assert.ok(far.state.bar! > bar);
  assert.ok(Math.abs(shareAtOrAbove(scores, far.state.bar) - 1 / 3) < 0.002);
});
