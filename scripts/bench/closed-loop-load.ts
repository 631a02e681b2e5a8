import autocannon from "autocannon";
import { summarise } from "./latency-stats";
import type { LoadResult } from "./load-result";

/**
 * One closed-loop load row: each connection sends its next request when the last answered, so
 * the row measures capacity (latency at a given rate is openLoopLoad's job).
 */
export function runLoad(baseUrl: string, label: string, bodies: string[], connections: number, options: { seconds?: number; amount?: number; path?: string }): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let next = 0;
    const instance = autocannon(
      {
        url: `${baseUrl}${options.path ?? "/api/recommend"}`,
        connections,
        ...(options.amount ? { amount: options.amount } : { duration: options.seconds }),
        timeout: 10,
        requests: [
          {
            ...(options.path === "/api/health"
              ? { method: "GET" as const }
              : { method: "POST" as const, headers: { "content-type": "application/json" }, setupRequest: (request: autocannon.Request) => ({ ...request, body: bodies[next++ % bodies.length] }) }),
          },
        ],
      },
      (error: Error | null, result: autocannon.Result) => {
        if (error) return reject(error);
        resolve({
          label,
          connections,
          offeredRate: null,
          seconds: Math.round(result.duration * 100) / 100,
          requests: result.requests.total,
          requestsPerSecond: Math.round(result.requests.total / result.duration),
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
          latencyMs: summarise(latencies),
        });
      },
    );
    instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  });
}
