import type { EvaluationView } from "../../lib/metrics/insights/operator-series";
import { clockTime } from "./chart-format";
import { CELL, NoDataYet, TABLE, TableHead } from "./panel";

type Interval = { value: number | null; lower: number | null; upper: number | null };

const estimate = (interval: Interval) => (interval.value === null ? "–" : `${interval.value.toFixed(3)} (${interval.lower?.toFixed(3) ?? "–"} to ${interval.upper?.toFixed(3) ?? "–"})`);
const figure = (value: number | null) => (value === null ? "–" : Math.abs(value) < 10 ? value.toFixed(3) : Math.round(value).toString());

const VERDICT_CLASS: Record<string, string> = {
  better: "text-emerald-700 dark:text-emerald-400 font-medium",
  worse: "text-rose-700 dark:text-rose-400 font-medium",
};

/** The log evaluator's newest run: per-policy estimates with intervals, and the drift flags against the previous window. */
export function EvaluationPanel({ evaluation }: { evaluation: { latest: EvaluationView | null; stored: number; unreadable: number } }) {
  const latest = evaluation.latest;
  if (!latest) {
    return (
      <NoDataYet testId="evaluation-empty">
        No evaluation stored yet: the log evaluator stores its estimates and drift flags on its schedule
        {evaluation.unreadable > 0 ? ` (${evaluation.unreadable} stored in a format this page cannot read)` : ""}.
      </NoDataYet>
    );
  }
  const flagged = latest.drift.flags.filter((flag) => flag.flagged);
  return (
    <div data-testid="evaluation-latest" className="grid gap-4 lg:grid-cols-2">
      <div>
        <p className="mb-2 text-xs text-zinc-600 dark:text-zinc-400">
          Run at {clockTime(latest.at)} UTC over {clockTime(latest.window.from)}–{clockTime(latest.window.to)}: {latest.impressions.evaluated} of {latest.impressions.total} impressions evaluated.
          Expected reward per impression, per-slot weights, {Math.round((latest.method?.confidence ?? 0.95) * 100)} % intervals.
        </p>
        <table className={TABLE}>
          <TableHead columns={["policy", "DR", "SNIPS", "IPS", "vs logging"]} />
          <tbody>
            {latest.policies.map((policy) => (
              <tr key={policy.name} data-testid={`policy-${policy.name}`} title={policy.description}>
                <td className={CELL}>{policy.name}</td>
                <td className={CELL}>{estimate(policy.perSlot.dr)}</td>
                <td className={CELL}>{estimate(policy.perSlot.snips)}</td>
                <td className={CELL}>{estimate(policy.perSlot.ips)}</td>
                <td className={`${CELL} ${VERDICT_CLASS[policy.comparedToLogging] ?? ""}`}>{policy.comparedToLogging}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div>
        <p className="mb-2 text-xs text-zinc-600 dark:text-zinc-400" data-testid="drift-summary">
          Drift against the previous window: {flagged.length === 0 ? "nothing flagged" : `flagged ${flagged.map((flag) => flag.metric).join(", ")}`}.
        </p>
        <table className={TABLE}>
          <TableHead columns={["metric", "before", "now", "statistic / threshold"]} />
          <tbody>
            {latest.drift.flags.map((flag) => (
              <tr key={flag.metric} data-testid={`drift-${flag.metric}`} className={flag.flagged ? "bg-amber-50 dark:bg-amber-950/40" : undefined} title={flag.skipped ?? undefined}>
                <td className={CELL}>
                  {flag.flagged && <span className="mr-1 font-semibold text-amber-700 dark:text-amber-400">⚑</span>}
                  {flag.metric}
                </td>
                <td className={CELL}>{figure(flag.previous)}</td>
                <td className={CELL}>{figure(flag.current)}</td>
                <td className={CELL}>{flag.skipped ? "not tested" : `${figure(flag.statistic)} / ${figure(flag.threshold)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
