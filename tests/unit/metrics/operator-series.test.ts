import assert from "node:assert/strict";
import { test } from "node:test";
import { latestEvaluation, pacingSeries } from "../../../lib/metrics/insights/operator-series";

const pacing = (bar: number | null) => ({
  version: 1,
  bar,
  previousBar: null,
  targetUsdPerHour: 2,
  observedUsdPerHour: 3.1,
  budgetWindowUsdPerHour: 2.8,
  windowMs: 600_000,
  requests: 120,
  llmShare: 0.5,
  share: 0.3,
  passedShare: 0.31,
  demandUsdPerHour: 6.2,
  reason: "target $2.00/h, observed $3.10/h",
});

test("pacing records become the bar's series; a record of another shape is counted, not charted", () => {
  const { points, unreadable } = pacingSeries([
    { at: 1, payload: pacing(0.8) },
    { at: 2, payload: { version: 2, bar: "high" } },
    { at: 3, payload: pacing(null) },
  ]);
  assert.deepEqual(
    points.map((point) => [point.at, point.bar]),
    [
      [1, 0.8],
      [3, null],
    ],
  );
  assert.equal(unreadable, 1);
});

test("the newest readable evaluation is shown: policies with intervals and drift flags", () => {
  const interval = (value: number) => ({ value, standardError: 0.01, lower: value - 0.02, upper: value + 0.02, effectiveSampleSize: 50 });
  const evaluation = (at: number, dr: number) => ({
    at,
    payload: {
      version: 1,
      window: { from: at - 3_600_000, to: at },
      previousWindow: null,
      impressions: { total: 200, evaluated: 180, excluded: {} },
      method: { confidence: 0.95, interval: "normal", rewardModel: "x", weighting: "per-slot" },
      policies: [{ name: "greedy", description: "best score", impressions: 180, perSlot: { ips: interval(dr), snips: interval(dr), dr: interval(dr) }, sequential: {}, comparedToLogging: "better" }],
      drift: {
        current: {},
        previous: null,
        thresholds: {},
        flags: [{ metric: "feedback-rate", test: "two-proportion-z", previous: 0.1, current: 0.2, statistic: 3.2, threshold: 3, flagged: true, skipped: null }],
        flagged: ["feedback-rate"],
      },
    },
  });
  const { latest, stored, unreadable } = latestEvaluation([evaluation(10, 0.3), evaluation(20, 0.4), { at: 30, payload: { version: 9 } }]);
  assert.equal(stored, 3);
  assert.equal(unreadable, 1);
  assert.equal(latest?.at, 20);
  assert.equal(latest?.policies[0].perSlot.dr.value, 0.4);
  assert.deepEqual(
    latest?.drift.flags.map((flag) => [flag.metric, flag.flagged]),
    [["feedback-rate", true]],
  );
  assert.equal(latestEvaluation([]).latest, null);
});
