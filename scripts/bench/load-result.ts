import type { LatencySummary } from "./latency-stats";

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
