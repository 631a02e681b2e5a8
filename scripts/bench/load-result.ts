import { summarise, type LatencySummary } from "./latency-stats";

/** One row of load against the server: what was sent, what came back, how fast. */
export interface LoadResult {
  label: string;
  connections: number;
  /** Offered requests per second (open loop), or null for a closed loop. */
  offeredRate: number | null;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  errors: number;
  non2xx: number;
  latencyMs: LatencySummary;
}

/** What one stretch of load measured, before summarising: stretches of the same row add up. */
export interface LoadSamples {
  seconds: number;
  errors: number;
  non2xx: number;
  /** One per answered request, in milliseconds. */
  latencies: number[];
}

/** One LoadResult from one or more stretches of the same load (rounds of an interleaved run). */
export function loadResult(label: string, shape: { connections: number; offeredRate: number | null }, stretches: readonly LoadSamples[]): LoadResult {
  const seconds = stretches.reduce((sum, stretch) => sum + stretch.seconds, 0);
  const latencies = stretches.flatMap((stretch) => stretch.latencies);
  return {
    label,
    connections: shape.connections,
    offeredRate: shape.offeredRate,
    seconds: Math.round(seconds * 100) / 100,
    requests: latencies.length,
    requestsPerSecond: seconds > 0 ? Math.round(latencies.length / seconds) : 0,
    errors: stretches.reduce((sum, stretch) => sum + stretch.errors, 0),
    non2xx: stretches.reduce((sum, stretch) => sum + stretch.non2xx, 0),
    latencyMs: summarise(latencies),
  };
}
