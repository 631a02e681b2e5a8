import assert from "node:assert/strict";
import { test } from "node:test";
import { evaluateWindow, evaluationConfig } from "../../../lib/evaluation";
import { syntheticLog } from "../../../lib/evaluation/synthetic-log";
import { driftFlags } from "../../../lib/evaluation/drift";
import { windowStats } from "../../../lib/evaluation/window-stats";

const WINDOW = 15 * 60_000;
const previous = syntheticLog({ seed: 101, impressions: 1500, from: 0, to: WINDOW });

test("drift flags stay quiet against an unshifted window", () => {
  const current = syntheticLog({ seed: 102, impressions: 1500, from: WINDOW, to: 2 * WINDOW });
  const result = evaluateWindow({ current, previous });
  assert.deepEqual(result.drift.flagged, []);
  // Every metric was tested (enough trials and requests on both sides).
  assert.deepEqual(
    result.drift.flags.filter((flag) => flag.skipped !== null).map((flag) => flag.metric),
    [],
  );
  assert.equal(result.drift.flags.length, 10);
});

test("drift flags fire on a shifted window: feedback rate, the LLM and offline shares, fallbacks and latency", () => {
  const current = syntheticLog({ seed: 103, impressions: 1500, from: WINDOW, to: 2 * WINDOW, shifted: true });
  const result = evaluateWindow({ current, previous });
  for (const metric of ["feedback-rate", "route-share:llm", "route-share:offline", "fallback-rate", "latency-p50", "latency-p95", "latency-p95:fast"]) {
    assert.ok(result.drift.flagged.includes(metric), `${metric} in ${JSON.stringify(result.drift.flagged)}`);
  }
  const llm = result.drift.flags.find((flag) => flag.metric === "route-share:llm")!;
  assert.ok(llm.previous! > llm.current!);
  assert.ok(llm.statistic! >= 3);
});

test("too few trials skip a test instead of flagging it; thresholds come from the config", () => {
  const tiny = windowStats(syntheticLog({ seed: 7, impressions: 10, from: 0, to: WINDOW, shifted: true }).impressions);
  const flags = driftFlags(windowStats(previous.impressions), tiny, evaluationConfig().drift);
  // Ten requests: every route, fallback and latency test is skipped (50 slots still test the feedback rate).
  const skipped = flags.filter((flag) => flag.skipped !== null);
  assert.deepEqual(
    skipped.map((flag) => flag.metric),
    flags.filter((flag) => flag.metric !== "feedback-rate").map((flag) => flag.metric),
  );
  assert.ok(skipped.every((flag) => !flag.flagged && flag.statistic === null));
  const lenient = driftFlags(
    windowStats(previous.impressions),
    tiny,
    evaluationConfig({ drift: { minimumCount: 1, latencyMinimumCount: 1, zThreshold: 0, minimumRateChange: 0, latencyRelativeChange: 0 } }).drift,
  );
  assert.ok(lenient.some((flag) => flag.flagged));
});
