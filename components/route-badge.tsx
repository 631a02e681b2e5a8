import type { RouteDecisionData } from "../lib/chat/chat-message";
import { FOCUS_RING } from "./focus-ring";

function formatMilliseconds(value: number): string {
  return value < 10 ? `${value.toFixed(1)} ms` : value < 1000 ? `${Math.round(value)} ms` : `${(value / 1000).toFixed(2)} s`;
}

function formatCost(usd: number): string {
  return usd === 0 ? "$0" : usd < 0.01 ? `$${usd.toFixed(4)}` : `$${usd.toFixed(2)}`;
}

/** The badge's words: "quick match" for the fast path, "thought it through" for the reasoning path. */
export function routeLabel(path: RouteDecisionData["path"]): string {
  return path === "reasoning" ? "Thought it through" : "Quick match";
}

/** The developer facts behind an answer, for the details disclosure (never on the badge itself). */
export function routeDetails(route: RouteDecisionData): Array<{ label: string; value: string }> {
  const tokens = (route.inputTokens ?? 0) + (route.outputTokens ?? 0);
  const rows: Array<{ label: string; value: string | null }> = [
    { label: "Path", value: route.path },
    { label: "Reasoner", value: route.reasoner },
    { label: "Time", value: formatMilliseconds(route.latencyMs) },
    { label: "Router score", value: route.score === null ? null : `${route.score.toFixed(2)}${route.threshold !== null ? ` (threshold ${route.threshold.toFixed(2)})` : ""}` },
    { label: "Tokens", value: tokens > 0 ? tokens.toLocaleString("en") : null },
    { label: "Estimated cost", value: route.estimatedCostUsd === null ? null : formatCost(route.estimatedCostUsd) },
    { label: "Actual cost", value: route.actualCostUsd === null || route.actualCostUsd === undefined ? null : formatCost(route.actualCostUsd) },
  ];
  return rows.filter((row): row is { label: string; value: string } => row.value !== null);
}

/**
 * How the answer was found, for people: "Quick match" or "Thought it through" and a plain reason;
 * router scores, model names, cost and the router's notes sit in a closed "details" disclosure.
 */
export function RouteBadge({ route }: { route: RouteDecisionData }) {
  const reasoning = route.path === "reasoning";
  // Streams from before plainReason existed carry none; the label alone is still true.
  const reason = route.plainReason ?? null;
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="route">
      <p
        data-testid="route-badge"
        data-route-path={route.path}
        className={`inline-flex flex-wrap items-center gap-x-1.5 rounded-full border px-3 py-1 text-xs ${
          reasoning
            ? "border-fuchsia-300 bg-fuchsia-50 text-fuchsia-900 dark:border-fuchsia-800 dark:bg-fuchsia-950 dark:text-fuchsia-100"
            : "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
        }`}
      >
        <span className="font-semibold" data-testid="route-path">
          <span aria-hidden="true">{reasoning ? "◆ " : "⚡ "}</span>
          {routeLabel(route.path)}
        </span>
        {reason && (
          <span data-testid="route-reason">
            <span aria-hidden="true">· </span>
            {reason}
          </span>
        )}
      </p>
      <details className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="route-details">
        <summary className={`cursor-pointer rounded select-none hover:text-zinc-900 dark:hover:text-zinc-200 ${FOCUS_RING}`}>Details</summary>
        <div className="mt-1 rounded-lg border border-zinc-200 bg-white p-2 dark:border-zinc-800 dark:bg-zinc-900">
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
            {routeDetails(route).map((row) => (
              <div key={row.label} className="contents">
                <dt className="font-medium">{row.label}</dt>
                <dd>{row.value}</dd>
              </div>
            ))}
          </dl>
          {route.reasons.length > 0 && (
            <ul className="mt-1.5 list-disc space-y-0.5 pl-4" data-testid="route-notes">
              {route.reasons.map((note, index) => (
                <li key={`${index}-${note}`}>{note}</li>
              ))}
            </ul>
          )}
        </div>
      </details>
    </div>
  );
}
