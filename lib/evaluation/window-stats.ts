import { slotReward } from "../bandit/rewards";
import type { WindowImpression } from "./window-input";

export const ROUTES = ["fast", "offline", "llm"] as const;
export type Route = (typeof ROUTES)[number];

export interface LatencySummary {
  count: number;
  /** Milliseconds (nearest rank); null without requests. */
  p50: number | null;
  p95: number | null;
}

/** What the drift flags compare between windows. */
export interface WindowStats {
  impressions: number;
  /** Shown slots, and those with a standing reaction (like, skip, "more like this"…). */
  slots: number;
  reactedSlots: number;
  /** reactedSlots / slots; null without slots. */
  feedbackRate: number | null;
  /** Impressions that logged how they were served (`context.serving`; older ones did not). */
  served: number;
  routes: Record<Route, number>;
  /** Served impressions whose request asked for the reasoning path. */
  reasoningRequested: number;
  /** Reasoning requests not answered by the LLM although one was configured (lib/pipeline/serving-record.ts), by cause. */
  fallbacks: number;
  fallbackCauses: Record<string, number>;
  latency: LatencySummary & { byRoute: Record<Route, LatencySummary> };
}

interface Serving {
  route: Route;
  requested: "fast" | "reasoning";
  fallback: string | null;
  latencyMs: number;
}

function servingOf(context: Readonly<Record<string, unknown>>): Serving | null {
  const serving = context.serving;
  if (typeof serving !== "object" || serving === null) return null;
  const { route, requested, fallback, latencyMs } = serving as Record<string, unknown>;
  if (!(ROUTES as readonly unknown[]).includes(route) || (requested !== "fast" && requested !== "reasoning")) return null;
  if (typeof latencyMs !== "number" || !Number.isFinite(latencyMs) || (fallback !== null && typeof fallback !== "string")) return null;
  return { route: route as Route, requested, fallback, latencyMs };
}

/** Nearest-rank percentile of ascending values. */
function percentile(sorted: readonly number[], share: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))];
}

function summarise(latencies: number[]): LatencySummary {
  const sorted = latencies.sort((left, right) => left - right);
  return { count: sorted.length, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) };
}

export function windowStats(impressions: readonly WindowImpression[]): WindowStats {
  let slots = 0;
  let reactedSlots = 0;
  let served = 0;
  let reasoningRequested = 0;
  let fallbacks = 0;
  const routes: Record<Route, number> = { fast: 0, offline: 0, llm: 0 };
  const fallbackCauses: Record<string, number> = {};
  const latencies: number[] = [];
  const byRoute: Record<Route, number[]> = { fast: [], offline: [], llm: [] };
  for (const impression of impressions) {
    for (const slot of impression.slots) {
      slots += 1;
      if (slotReward(slot.events) !== null) reactedSlots += 1;
    }
    const serving = servingOf(impression.context);
    if (!serving) continue;
    served += 1;
    routes[serving.route] += 1;
    if (serving.requested === "reasoning") reasoningRequested += 1;
    if (serving.fallback !== null) {
      fallbacks += 1;
      fallbackCauses[serving.fallback] = (fallbackCauses[serving.fallback] ?? 0) + 1;
    }
    latencies.push(serving.latencyMs);
    byRoute[serving.route].push(serving.latencyMs);
  }
  return {
    impressions: impressions.length,
    slots,
    reactedSlots,
    feedbackRate: slots > 0 ? reactedSlots / slots : null,
    served,
    routes,
    reasoningRequested,
    fallbacks,
    fallbackCauses,
    latency: { ...summarise(latencies), byRoute: { fast: summarise(byRoute.fast), offline: summarise(byRoute.offline), llm: summarise(byRoute.llm) } },
  };
}
