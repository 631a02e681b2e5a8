import type { RouteDecisionData } from "../lib/chat/chat-message";

function formatMilliseconds(value: number): string {
  return value < 10 ? `${value.toFixed(1)} ms` : value < 1000 ? `${Math.round(value)} ms` : `${(value / 1000).toFixed(2)} s`;
}

function formatCost(usd: number): string {
  return usd === 0 ? "$0" : usd < 0.01 ? `$${usd.toFixed(4)}` : `$${usd.toFixed(2)}`;
}

/** The router's decision for one answer: path, reasoner, latency, tokens and cost, as far as known. */
export function RouteBadge({ route }: { route: RouteDecisionData }) {
  const reasoning = route.path === "reasoning";
  const tokens = (route.inputTokens ?? 0) + (route.outputTokens ?? 0);
  const facts = [
    route.reasoner ? `${route.reasoner} reasoner` : null,
    formatMilliseconds(route.latencyMs),
    tokens > 0 ? `${tokens.toLocaleString("en")} tokens` : null,
    route.estimatedCostUsd !== null ? formatCost(route.estimatedCostUsd) : null,
    route.score !== null ? `score ${route.score.toFixed(2)}${route.threshold !== null ? ` / ${route.threshold.toFixed(2)}` : ""}` : null,
  ].filter((fact): fact is string => fact !== null);
  return (
    <p
      data-testid="route-badge"
      data-route-path={route.path}
      title={route.reasons.join("\n")}
      className={`inline-flex flex-wrap items-center gap-x-2 gap-y-1 rounded-full border px-3 py-1 text-xs ${
        reasoning
          ? "border-fuchsia-300 bg-fuchsia-50 text-fuchsia-900 dark:border-fuchsia-800 dark:bg-fuchsia-950 dark:text-fuchsia-100"
          : "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100"
      }`}
    >
      <span className="font-semibold" data-testid="route-path">
        <span aria-hidden="true">{reasoning ? "◆ " : "⚡ "}</span>
        {reasoning ? "Reasoning path" : "Fast path"}
      </span>
      {facts.map((fact) => (
        <span key={fact} className="opacity-80">
          <span aria-hidden="true">· </span>
          {fact}
        </span>
      ))}
    </p>
  );
}
