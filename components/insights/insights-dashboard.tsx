import type { InsightsData } from "../../lib/metrics/insights/load-insights";
import { ArmsChart } from "./arms-chart";
import { clockTime, milliseconds, percent, REASONER_COLOURS, usd } from "./chart-format";
import { EvaluationPanel } from "./evaluation-panel";
import { LatencyChart } from "./latency-chart";
import { CELL, NoDataYet, Panel, TABLE, TableHead } from "./panel";
import { PacingChart } from "./pacing-chart";
import { RouteMixChart } from "./route-mix-chart";
import { SpendChart } from "./spend-chart";

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-lg bg-zinc-100 px-3 py-2 dark:bg-zinc-800/60">
      <div className="text-xs text-zinc-600 dark:text-zinc-400">{label}</div>
      <div data-testid={testId} className="text-lg font-semibold tabular-nums">
        {value}
      </div>
    </div>
  );
}

const count = (value: number) => Math.round(value).toLocaleString("en-US");

/** The operator's view: every panel from what the store holds (InsightsData), charts beside their numbers. */
export function InsightsDashboard({ data }: { data: InsightsData }) {
  if (!data.available) {
    return <NoDataYet testId="insights-unavailable">{data.reason}</NoDataYet>;
  }
  const { metrics, budget, pacing } = data;
  const hasAnswers = metrics.timeline.some((point) => point.fast + point.offline + point.llm > 0);
  const paths = metrics.latency.filter((row) => row.kind === "path");
  const reasoners = metrics.latency.filter((row) => row.kind === "reasoner");
  const windowHours = budget.windowMs / 3_600_000;
  const lastPacing = pacing.points.at(-1);
  return (
    <div className="grid gap-4">
      <p data-testid="insights-range" className="text-xs text-zinc-600 dark:text-zinc-400">
        {metrics.snapshots === 0
          ? "No metrics snapshot stored yet: each server process stores what it counted every REELCAST_METRICS_SNAPSHOT_SECONDS (60 s by default)."
          : `${count(metrics.snapshots)} snapshots from every server process, ${clockTime(metrics.from)}–${clockTime(metrics.to)} UTC, in ${Math.round(metrics.bucketMs / 1000)} s buckets.`}
        {data.unreadableSnapshots > 0 && ` ${data.unreadableSnapshots} stored snapshots were in a format this version cannot read.`}
      </p>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-8">
        <Figure label="requests" value={count(metrics.totals.requests)} testId="total-requests" />
        <Figure label="fast answers" value={count(metrics.totals.answers.fast)} testId="total-answers-fast" />
        <Figure label="offline reasoner" value={count(metrics.totals.answers.offline)} testId="total-answers-offline" />
        <Figure label="LLM answers" value={count(metrics.totals.answers.llm)} testId="total-answers-llm" />
        <Figure label="LLM spend" value={usd(metrics.totals.spendUsd)} testId="total-spend" />
        <Figure label="feedback events" value={count(metrics.totals.feedback)} testId="total-feedback" />
        <Figure label="fallbacks" value={count(metrics.totals.fallbacks)} testId="total-fallbacks" />
        <Figure label="429s / store errors" value={`${count(metrics.totals.rateLimited)} / ${count(metrics.totals.storeErrors)}`} testId="total-refusals" />
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <Panel testId="panel-route-mix" title="Route mix" note="Answers per time bucket by the reasoner that answered (the router's path and the spend gate's decision).">
          {hasAnswers ? <RouteMixChart timeline={metrics.timeline} /> : <NoDataYet testId="route-mix-empty">No answers recorded yet.</NoDataYet>}
        </Panel>
        <Panel
          testId="panel-spend"
          title="LLM spend against the ceiling"
          note={`Spend settled per bucket and over the trailing ${windowHours === 1 ? "hour" : `${windowHours} h`} budget window; the dashed line is the global ceiling per window${budget.targetUsdPerHour !== null ? ", the green one the pacing target over the same window" : ""}.`}
        >
          <SpendChart timeline={metrics.timeline} ceilingUsd={budget.ceilingUsd} targetUsdPerWindow={budget.targetUsdPerHour === null ? null : budget.targetUsdPerHour * windowHours} />
          <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
            Ceiling <span data-testid="spend-ceiling">{usd(budget.ceilingUsd)}</span> per window; spent in the last window{" "}
            <span data-testid="spend-window">{usd(metrics.timeline.at(-1)?.windowSpendUsd ?? 0)}</span>; LLM calls {count(metrics.totals.llmCalls)}, tokens {count(metrics.totals.tokens)}.
          </p>
        </Panel>
      </div>

      <Panel
        testId="panel-latency"
        title="Latency percentiles"
        note="From the summed latency histograms of every process (interpolated inside buckets, as Prometheus' histogram_quantile): per path, end to end; per reasoner, inside the pipeline."
      >
        {paths.length + reasoners.length === 0 ? (
          <NoDataYet testId="latency-empty">No requests recorded yet.</NoDataYet>
        ) : (
          <div className="grid gap-4 lg:grid-cols-2">
            <div>
              <LatencyChart rows={paths} label="Latency percentiles per path" />
              <LatencyChart rows={reasoners} label="Latency percentiles per reasoner" />
            </div>
            <table className={TABLE}>
              <TableHead columns={["path or reasoner", "requests", "p50", "p95", "p99"]} />
              <tbody>
                {[...paths, ...reasoners].map((row) => (
                  <tr key={`${row.kind}:${row.label}`} data-testid={`latency-${row.kind}-${row.label}`}>
                    <td className={CELL}>
                      {row.kind === "reasoner" && (
                        <span aria-hidden className="mr-1 inline-block size-2 rounded-full" style={{ background: REASONER_COLOURS[row.label as keyof typeof REASONER_COLOURS] }} />
                      )}
                      {row.kind === "reasoner" ? `${row.label} reasoner` : row.label}
                    </td>
                    <td className={CELL} data-testid="count">
                      {count(row.count)}
                    </td>
                    <td className={CELL}>{milliseconds(row.p50Ms)}</td>
                    <td className={CELL}>{milliseconds(row.p95Ms)}</td>
                    <td className={CELL}>{milliseconds(row.p99Ms)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>

      <div className="grid gap-4 lg:grid-cols-2">
        <Panel
          testId="panel-arms"
          title="Explanation arms"
          note="Reward per shown slot (like and play 1, click 0.5, skip 0; a slot's final reward after every event on it), with 95 % Wilson intervals."
        >
          {metrics.arms.length === 0 ? (
            <NoDataYet testId="arms-empty">No explanation shown yet.</NoDataYet>
          ) : (
            <>
              <ArmsChart arms={metrics.arms} />
              <table className={TABLE}>
                <TableHead columns={["arm", "shown", "feedback", "reward", "rate (95 % interval)"]} />
                <tbody>
                  {metrics.arms.map((arm) => (
                    <tr key={arm.arm} data-testid={`arm-${arm.arm}`}>
                      <td className={CELL}>{arm.arm}</td>
                      <td className={CELL} data-testid="shown">
                        {count(arm.shown)}
                      </td>
                      <td className={CELL} data-testid="feedback">
                        {count(arm.feedback)}
                      </td>
                      <td className={CELL} data-testid="reward">
                        {arm.reward.toFixed(1)}
                      </td>
                      <td className={CELL}>
                        {percent(arm.rate)} ({percent(arm.low)}–{percent(arm.high)})
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </Panel>
        <Panel
          testId="panel-pacing"
          title="Spend pacing"
          note="The pacing loop's bar on the router's complexity score (reasoning requests below it get the offline reasoner), as every change it stored."
        >
          {pacing.points.length === 0 ? (
            <NoDataYet testId="pacing-empty">No pacing decision stored yet{budget.targetUsdPerHour === null ? " (REELCAST_LLM_TARGET_USD_PER_HOUR is not set)" : ""}.</NoDataYet>
          ) : (
            <>
              <PacingChart points={pacing.points} />
              <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400" data-testid="pacing-last">
                {clockTime(lastPacing!.at)} UTC: bar {lastPacing!.bar === null ? "none" : lastPacing!.bar.toFixed(3)} — {lastPacing!.reason}
              </p>
            </>
          )}
          {pacing.unreadable > 0 && <p className="mt-1 text-xs text-zinc-500">{pacing.unreadable} pacing records could not be read.</p>}
        </Panel>
      </div>

      <Panel
        testId="panel-evaluation"
        title="Off-policy evaluation and drift"
        note="The log evaluator's latest estimates of the alternative explanation and ordering policies from logged impressions, feedback and propensities, and its drift flags against the previous window."
      >
        <EvaluationPanel evaluation={data.evaluation} />
      </Panel>

      <Panel
        testId="panel-fallbacks"
        title="Fallbacks"
        note="Free paths taken instead of a paid call, by call and cause (no_llm: none configured; budget: a ceiling; circuit_open: the provider kept failing; timeout, invalid-json, …: the call failed)."
      >
        {metrics.fallbacks.length === 0 ? (
          <NoDataYet testId="fallbacks-empty">No fallback recorded.</NoDataYet>
        ) : (
          <table className={TABLE}>
            <TableHead columns={["call", "cause", "count"]} />
            <tbody>
              {metrics.fallbacks.map((row) => (
                <tr key={`${row.call}:${row.cause}`} data-testid={`fallback-${row.call}-${row.cause}`}>
                  <td className={CELL}>{row.call}</td>
                  <td className={CELL}>{row.cause}</td>
                  <td className={CELL}>{count(row.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
    </div>
  );
}
