/**
 * npm run eval:logs — the log evaluator (lib/evaluation) outside the server.
 *
 *   npm run eval:logs -- --synthetic [--seed 22] [--impressions 4000] [--coverage-seeds 20] [--write]
 *     A synthetic log with a known truth (lib/evaluation/synthetic-log.ts): every policy's IPS,
 *     SNIPS and DR against its exact true value, how often the intervals cover the truth over
 *     `--coverage-seeds` further seeds, and the drift flags on an unshifted and a shifted window.
 *     --write puts the figures in docs/EVALUATION.md ("Log evaluator (eval:logs)").
 *
 *   npm run eval:logs -- [--db path] [--to ISO|ms] [--window-minutes 1440]
 *     A store file (default REELCAST_DB_PATH): the window ending at --to (default: the newest
 *     event) and the one before it, read as the server reads them.
 *
 *   --json <file> writes the full result(s) as JSON.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { EXPLANATION_KINDS } from "../lib/bandit/arms";
import { evaluateWindow, type EvaluationResult, type IntervalEstimate } from "../lib/evaluation";
import { exactPolicyValue, syntheticLog, syntheticTrueReward } from "../lib/evaluation/synthetic-log";
import { explanationPolicy, GREEDY_POLICY, LOGGING_POLICY, RELEVANCE_ORDER_POLICY, UNIFORM_POLICY, type EvaluatedPolicy } from "../lib/evaluation/target-policies";
import { readEvaluationWindows } from "../lib/server/evaluation-window-reader";
import { DEFAULT_FEEDBACK_HORIZON_MS } from "../lib/server/log-evaluator";
import { databasePathFromEnvironment, openSqliteStore } from "../lib/store";
import { replaceMarkdownSection } from "./support/markdown-section";
import { describeRun, runContext } from "./support/run-context";

const { values: options } = parseArgs({
  options: {
    synthetic: { type: "boolean", default: false },
    seed: { type: "string", default: "22" },
    impressions: { type: "string", default: "4000" },
    "coverage-seeds": { type: "string", default: "20" },
    db: { type: "string" },
    to: { type: "string" },
    "window-minutes": { type: "string", default: "1440" },
    json: { type: "string" },
    write: { type: "boolean", default: false },
  },
});

const WINDOW_MS = 15 * 60_000;
const ESTIMATORS = ["ips", "snips", "dr"] as const;
const KNOWN_POLICIES = new Map<string, EvaluatedPolicy>(
  [LOGGING_POLICY, GREEDY_POLICY, UNIFORM_POLICY, RELEVANCE_ORDER_POLICY, ...EXPLANATION_KINDS.map((_, kind) => explanationPolicy(kind))].map((policy) => [policy.name, policy]),
);

// Date, commit and machine of this run, read as it starts.
const run = runContext();
/** The run's date, commit and machine, and what the evaluation cost. */
const runLine = (seconds: number) => `${describeRun(run)} · ${seconds.toFixed(1)} s`;

const fixed = (value: number | null, places = 3) => (value === null ? "—" : value.toFixed(places));
const cell = (estimate: IntervalEstimate, truth?: number) => {
  if (estimate.value === null || estimate.upper === null) return "—";
  const covered = truth === undefined ? "" : estimate.lower! <= truth && truth <= estimate.upper ? " ✓" : " ✗";
  return `${fixed(estimate.value)} ± ${fixed(estimate.upper - estimate.value)}${covered}`;
};

function estimatesTable(result: EvaluationResult, truth?: (name: string) => number): string {
  const header = truth
    ? ["| policy | true value | per-slot IPS | per-slot SNIPS | per-slot DR | ESS | sequential DR | sequential ESS | vs logging |", "|---|---|---|---|---|---|---|---|---|"]
    : ["| policy | per-slot IPS | per-slot SNIPS | per-slot DR | ESS | sequential DR | sequential ESS | vs logging |", "|---|---|---|---|---|---|---|---|"];
  const rows = result.policies.map((policy) => {
    const value = truth?.(policy.name);
    const cells = [
      `\`${policy.name}\``,
      ...(value === undefined ? [] : [fixed(value)]),
      ...ESTIMATORS.map((estimator) => cell(policy.perSlot[estimator], value)),
      Math.round(policy.perSlot.dr.effectiveSampleSize).toLocaleString("en"),
      cell(policy.sequential.dr, value),
      Math.round(policy.sequential.dr.effectiveSampleSize).toLocaleString("en"),
      policy.comparedToLogging,
    ];
    return `| ${cells.join(" | ")} |`;
  });
  return [...header, ...rows].join("\n");
}

function driftTable(result: EvaluationResult): string {
  const rows = result.drift.flags.map(
    (flag) =>
      `| ${flag.metric} | ${flag.test} | ${fixed(flag.previous)} | ${fixed(flag.current)} | ${flag.statistic === null ? `skipped: ${flag.skipped}` : fixed(flag.statistic, 2)} | ${flag.threshold} | ${flag.flagged ? "**flagged**" : "quiet"} |`,
  );
  return ["| metric | test | previous | current | statistic | threshold | flag |", "|---|---|---|---|---|---|---|", ...rows].join("\n");
}

/** Over further seeds: how often each per-slot estimator's interval covers its policy's exact value. */
function coverage(seeds: number, impressions: number, firstSeed: number): { text: string; covered: Record<string, number>; checks: number } {
  const covered: Record<string, number> = { ips: 0, snips: 0, dr: 0, "sequential dr": 0 };
  let checks = 0;
  let better = 0;
  for (let seed = firstSeed; seed < firstSeed + seeds; seed++) {
    const window = syntheticLog({ seed, impressions, from: 0, to: WINDOW_MS });
    const result = evaluateWindow({ current: window, previous: null });
    for (const policy of result.policies) {
      const truth = exactPolicyValue(window, KNOWN_POLICIES.get(policy.name)!, syntheticTrueReward);
      checks += 1;
      for (const estimator of ESTIMATORS) {
        const estimate = policy.perSlot[estimator];
        if (estimate.lower !== null && estimate.upper !== null && estimate.lower <= truth && truth <= estimate.upper) covered[estimator] += 1;
      }
      const sequential = policy.sequential.dr;
      if (sequential.lower !== null && sequential.upper !== null && sequential.lower <= truth && truth <= sequential.upper) covered["sequential dr"] += 1;
      if (policy.name === "explanation:hidden-gem" && policy.comparedToLogging === "better") better += 1;
    }
  }
  const share = (count: number) => `${((100 * count) / checks).toFixed(1)} %`;
  const text = `Over seeds ${firstSeed}–${firstSeed + seeds - 1} (${impressions.toLocaleString("en")} impressions each, ${checks} policy estimates): the 95 % intervals covered the exact true value for per-slot IPS ${share(covered.ips)}, SNIPS ${share(covered.snips)}, DR ${share(covered.dr)}, and sequential DR ${share(covered["sequential dr"])}; "explanation:hidden-gem" was found better than the logging policy on ${better} of ${seeds} seeds.`;
  return { text, covered, checks };
}

async function synthetic(): Promise<void> {
  const started = performance.now();
  const seed = Number(options.seed);
  const impressions = Number(options.impressions);
  const previous = syntheticLog({ seed: seed + 1000, impressions, from: 0, to: WINDOW_MS });
  const current = syntheticLog({ seed, impressions, from: WINDOW_MS, to: 2 * WINDOW_MS });
  const shifted = syntheticLog({ seed: seed + 2000, impressions, from: WINDOW_MS, to: 2 * WINDOW_MS, shifted: true });
  const cpuBefore = process.cpuUsage();
  const result = evaluateWindow({ current, previous });
  const cpu = process.cpuUsage(cpuBefore);
  const evaluationMs = (cpu.user + cpu.system) / 1000;
  const shiftedResult = evaluateWindow({ current: shifted, previous });
  const truth = (name: string) => exactPolicyValue(current, KNOWN_POLICIES.get(name)!, syntheticTrueReward);
  const table = estimatesTable(result, truth);
  console.log(`Synthetic log, seed ${seed}, ${impressions} impressions (evaluated in ${evaluationMs.toFixed(0)} ms of CPU)\n\n${table}\n`);
  console.log(`Drift, unshifted window: ${result.drift.flagged.length === 0 ? "no flags" : result.drift.flagged.join(", ")}`);
  console.log(`Drift, shifted window: ${shiftedResult.drift.flagged.join(", ") || "no flags"}\n`);
  const seeds = Number(options["coverage-seeds"]);
  const coverageImpressions = 2000;
  const sweep = seeds > 0 ? coverage(seeds, coverageImpressions, seed + 1) : null;
  if (sweep) console.log(sweep.text);
  if (options.json) writeFileSync(options.json, JSON.stringify({ run, result, shiftedResult }, null, 2));
  if (!options.write) return;
  const body = [
    `Command: \`npm run eval:logs -- --synthetic --seed ${seed} --impressions ${impressions} --coverage-seeds ${seeds} --write\` (scripts/eval-logs.ts) · ${runLine((performance.now() - started) / 1000)}.`,
    "",
    "**What it is.** The evaluator over the real logs (lib/evaluation, pure), run by the server on a schedule (lib/server/log-evaluator.ts: every `REELCAST_EVALUATION_INTERVAL_MS`, default 15 min, one record per window in the snapshot-writer process; feedback counts within 5 min of its impression, and a window is evaluated once that has passed) and stored as an operator record of kind `evaluation` (GET /api/insights/evaluation with the admin token; /insights). Every impression logs its slate's choices (lib/bandit/slate-choices.ts: the reachable films in retrieval order, the logit of each explanation true of each, each explanation's position logit, the policy kind, ε and the band) and how it was served (lib/pipeline/serving-record.ts). From the choices the evaluator rebuilds the logging policy's distribution after any earlier slots — checked against every logged propensity; an impression that does not rebuild is set aside and counted — and scores these policies:",
    "",
    "- `logging`: the policy that served, rebuilt; its estimate is the window's realised reward (every weight 1): the baseline.",
    "- `greedy`: the logging model without exploration (ε = 0): what exploration costs, or buys when the model is wrong.",
    "- `uniform`: uniformly random within the relevance band: the floor a learned policy must clear.",
    "- `relevance-order`: retrieval's order, with the model's best explanation for each film: what the bandit's reordering buys.",
    "- `explanation:<kind>`: that explanation wherever it is true of the film, in the greedy order (the model's elsewhere), one per explanation offered in at least 30 logged choice sets: whether an explanation is under- or over-used.",
    "",
    "Estimators: IPS, SNIPS and DR from lib/bandit/off-policy.ts. Per-slot weights π_p(a)/μ_p(a) use both policies' exact marginal probabilities of the (film, explanation) at each slot, by dynamic programming over the sets of films already shown (the band depends on nothing else; at most a few dozen sets per slot with the serving band); they assume, as the bandit does, that a slot's reward depends on what is shown there and its position. Sequential weights (products of the logged conditional ratios) assume nothing and are shown for comparison: for deterministic policies over five slots their effective sample size collapses. DR's reward model: the mean reward per (explanation, position), shrunk by 10 pseudo-observations towards the explanation's and the window's means, cross-fitted over two folds of the window (the bandit's own model was trained online on these same rewards, and scoring its alternatives would need features of films not shown, which the log does not keep). Intervals: normal approximation, estimate ± 1.96 standard errors across impressions (delta method for SNIPS): cheap enough to run every window in a serving process; the coverage sweep below measures how well it holds. ESS: Kish effective sample size of the weights at the slot where it is smallest. A value is the expected reward per impression summed over its slots (like or play 1, \"more like this\" 0.5, skip or no reaction 0).",
    "",
    `**Synthetic log** (lib/evaluation/synthetic-log.ts), ${impressions.toLocaleString("en")} impressions of 5 slots, in the stored format: ε-greedy logging (ε = 0.2) over scores that favour "crowd-favourite" and "picked-for-you"; a band 3 wide; one impression in ten pins a film first. The TRUE expected reward of a slot depends only on its explanation and position (base × 1/(1 + 0.3·position), base: hidden-gem 0.45, because-you-liked 0.3, crowd-favourite 0.2, picked-for-you 0.15), so "hidden-gem" — rated worst by the logging scores — is truly the best explanation. A slot is liked with that probability (reward 1), else skipped with probability 0.3. The true value of each policy is computed exactly on the window's own choice sets (its exact marginals × the true reward). ✓ = the interval covers the true value.`,
    "",
    table,
    "",
    `Evaluating the ${impressions.toLocaleString("en")}-impression window took ${evaluationMs.toFixed(0)} ms of CPU here (process CPU time, this window and the previous one's statistics; ${result.policies.length} policies, both weightings); the server runs it in steps of 100 impressions between requests.`,
    "",
    ...(sweep ? [sweep.text, ""] : []),
    `**Drift flags** against a previous window (seed ${seed + 1000}) of the same synthetic serving (routes fast 70 % / offline 20 % / LLM 10 %, 5 % fallbacks among reasoning requests, log-normal latency around 8 / 25 / 900 ms). Rates: two-proportion z-test, flagged at |z| ≥ 3 with a change of at least 0.02 and ≥ 30 trials in each window; latency percentiles: flagged at a relative change ≥ 25 % with ≥ 50 requests in each window (lib/evaluation/evaluation-config.ts). Unshifted window (seed ${seed}): ${result.drift.flagged.length === 0 ? "no flags" : result.drift.flagged.join(", ")}.`,
    "",
    driftTable(result),
    "",
    `Shifted window (seed ${seed + 2000}: the LLM's share falls to 2 %, fallbacks rise to 25 %, latency × 1.5, skips doubled): flagged ${shiftedResult.drift.flagged.join(", ")}.`,
    "",
    driftTable(shiftedResult),
  ].join("\n");
  replaceMarkdownSection(path.join("docs", "EVALUATION.md"), "Log evaluator (eval:logs)", body);
  console.log("\nWrote docs/EVALUATION.md (Log evaluator (eval:logs)).");
}

function parseTime(text: string): number {
  const number = Number(text);
  if (Number.isFinite(number)) return number;
  const parsed = Date.parse(text);
  if (!Number.isFinite(parsed)) throw new RangeError(`--to must be Unix milliseconds or an ISO date, got ${JSON.stringify(text)}.`);
  return parsed;
}

async function fromStore(): Promise<void> {
  const file = options.db ?? databasePathFromEnvironment();
  const store = openSqliteStore({ path: file, readOnly: true });
  try {
    const started = performance.now();
    const last = await store.lastSequence();
    const [newest] = last > 0 ? await store.readEventLog({ afterSequence: last - 1, limit: 1 }) : [];
    const to = options.to ? parseTime(options.to) : newest ? (newest.type === "impression" ? newest.createdAt : newest.at) + 1 : Date.now();
    const windowMs = Number(options["window-minutes"]) * 60_000;
    const windows = [
      { from: to - windowMs, to },
      { from: to - 2 * windowMs, to: to - windowMs },
    ];
    const read = await readEvaluationWindows(store, { windows, feedbackHorizonMs: DEFAULT_FEEDBACK_HORIZON_MS, maxImpressions: Number.POSITIVE_INFINITY, pause: async () => undefined });
    const result = evaluateWindow({ current: read.windows[0], previous: read.windows[1] });
    console.log(
      `${file}: ${new Date(windows[0].from).toISOString()} – ${new Date(to).toISOString()}, ${result.impressions.total} impressions (${result.impressions.evaluated} evaluated; set aside: ${JSON.stringify(result.impressions.excluded)}); previous window ${read.stats.impressionsFound[1]}.\n`,
    );
    console.log(estimatesTable(result));
    console.log(`\n${driftTable(result)}\n\nflagged: ${result.drift.flagged.join(", ") || "none"} · ${runLine((performance.now() - started) / 1000)}`);
    if (options.json) writeFileSync(options.json, JSON.stringify({ run, ...result }, null, 2));
  } finally {
    await store.close();
  }
}

await (options.synthetic ? synthetic() : fromStore());
