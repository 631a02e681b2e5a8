import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import { LATENCY_BUCKETS_SECONDS } from "./latency-buckets";
import type { ServerObserver } from "./server-observer";
import { reasonerOf, type ServingObserver } from "./serving-observer";

/** The LLM budget as the spend gate sees it at scrape time (lib/pipeline/spend-gate.ts readSpendWindow). */
export interface BudgetReading {
  /** USD every server process spent or reserved inside the current window. */
  spentUsd: number;
  /** The global ceiling per window, USD. */
  ceilingUsd: number;
  windowSeconds: number;
}

/**
 * The Prometheus series, registered in `registry`, fed by the same observations as the snapshots.
 * Every worker process counts its own; the cluster primary sums them at scrape time
 * (scripts/serve/metrics-aggregator.mjs), so counters and histograms use the default "sum"
 * aggregation, and the budget gauges, which every process reads from the one shared ledger, "max"
 * (the same value from each). Label values come from fixed sets (path-label.ts, the reasoners, the
 * permit kinds, the failure causes, the bandit's explanation arms): no client text reaches them.
 */
export function createPrometheusMetrics(registry: Registry, readBudget: () => Promise<BudgetReading | null>): ServingObserver & ServerObserver {
  const registers = [registry];
  const requests = new Counter({
    name: "reelcast_http_requests_total",
    help: "HTTP requests answered, by path and status (aborted: closed before an answer started).",
    labelNames: ["path", "status"],
    registers,
  });
  const requestSeconds = new Histogram({
    name: "reelcast_http_request_duration_seconds",
    help: "Time from a request's arrival to the end of its answer, by path.",
    labelNames: ["path"],
    buckets: [...LATENCY_BUCKETS_SECONDS],
    registers,
  });
  const recommendSeconds = new Histogram({
    name: "reelcast_recommend_duration_seconds",
    help: "Time in the recommendation pipeline, by the reasoner that answered (fast, offline, llm).",
    labelNames: ["reasoner"],
    buckets: [...LATENCY_BUCKETS_SECONDS],
    registers,
  });
  const llmCalls = new Counter({
    name: "reelcast_llm_calls_total",
    help: "Paid provider calls, by permit kind (reasoning covers the reasoner and its re-rank) and outcome.",
    labelNames: ["call", "outcome"],
    registers,
  });
  const tokens = new Counter({ name: "reelcast_llm_tokens_total", help: "Tokens of the reasoning path's LLM calls (reasoner and re-rank), by direction.", labelNames: ["direction"], registers });
  const spend = new Counter({ name: "reelcast_llm_spend_usd_total", help: "USD settled for paid provider calls, by permit kind.", labelNames: ["call"], registers });
  const fallbacks = new Counter({ name: "reelcast_fallbacks_total", help: "Free paths taken instead of a paid call, by call and cause.", labelNames: ["call", "cause"], registers });
  const impressions = new Counter({ name: "reelcast_bandit_impressions_total", help: "Slots shown, by explanation arm.", labelNames: ["arm"], registers });
  const feedback = new Counter({ name: "reelcast_bandit_feedback_total", help: "New feedback events on shown slots, by explanation arm and event.", labelNames: ["arm", "event"], registers });
  const reward = new Gauge({
    name: "reelcast_bandit_reward_sum",
    help: "Net reward of the slots shown, by explanation arm (reward rate = this / reelcast_bandit_impressions_total).",
    labelNames: ["arm"],
    registers,
  });
  const storeErrors = new Counter({ name: "reelcast_store_errors_total", help: "Store calls that failed, by cause.", labelNames: ["cause"], registers });
  const rateLimited = new Counter({ name: "reelcast_rate_limited_total", help: "Requests refused by fair use (429), by limit.", labelNames: ["limit"], registers });
  new Gauge({
    name: "reelcast_metrics_processes",
    help: "Server processes whose counts this scrape sums.",
    registers,
    aggregator: "sum",
    collect() {
      this.set(1);
    },
  });

  // The budget, read once per scrape for the three gauges.
  let reading: Promise<BudgetReading | null> | null = null;
  const budget = () =>
    (reading ??= readBudget()
      .catch(() => null)
      .finally(() => setTimeout(() => (reading = null), 0)));
  const budgetGauge = (name: string, help: string, value: (reading: BudgetReading) => number) =>
    new Gauge({
      name,
      help,
      registers,
      aggregator: "max",
      async collect() {
        const current = await budget();
        if (current) this.set(value(current));
      },
    });
  budgetGauge("reelcast_llm_budget_usd", "The global LLM ceiling per budget window, USD.", (current) => current.ceilingUsd);
  budgetGauge("reelcast_llm_budget_spent_usd", "USD spent or reserved in the current budget window, by every server process.", (current) => current.spentUsd);
  budgetGauge("reelcast_llm_budget_left_usd", "USD left under the global ceiling in the current budget window.", (current) => Math.max(0, current.ceilingUsd - current.spentUsd));
  budgetGauge("reelcast_llm_budget_window_seconds", "Length of the LLM budget window, seconds.", (current) => current.windowSeconds);

  return {
    answered(answer) {
      recommendSeconds.observe({ reasoner: reasonerOf(answer.route) }, answer.route.latencyMs / 1000);
      if (answer.route.inputTokens) tokens.inc({ direction: "input" }, answer.route.inputTokens);
      if (answer.route.outputTokens) tokens.inc({ direction: "output" }, answer.route.outputTokens);
      for (const item of answer.items) if (item.explanation) impressions.inc({ arm: item.explanation.kind });
    },
    paidCall: (call, outcome) => llmCalls.inc({ call, outcome }),
    spent: (call, usd) => {
      if (usd > 0) spend.inc({ call }, usd);
    },
    fellBack: (call, cause) => fallbacks.inc({ call, cause }),
    feedback(arm, event, rewardChange) {
      feedback.inc({ arm, event });
      if (rewardChange !== 0) reward.inc({ arm }, rewardChange);
    },
    requestServed(path, status, seconds) {
      requests.inc({ path, status });
      requestSeconds.observe({ path }, seconds);
    },
    storeFailed: (cause) => storeErrors.inc({ cause }),
    rateLimited: (limit) => rateLimited.inc({ limit }),
  };
}
