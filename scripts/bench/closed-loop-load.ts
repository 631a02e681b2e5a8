import autocannon from "autocannon";
import { loadResult, type LoadResult, type LoadSamples } from "./load-result";

export interface ClosedLoopOptions {
  seconds?: number;
  amount?: number;
  /** /api/recommend unless given; GET for /api/health, POST of `bodies` otherwise. */
  path?: string;
}

/**
 * Closed-loop load: each connection sends its next request when the last answered, so it
 * measures capacity (latency at a given rate is the open loop's job). Raw samples, so that
 * stretches of the same row can be added up.
 */
export function closedLoopSamples(baseUrl: string, bodies: readonly string[], connections: number, options: ClosedLoopOptions): Promise<LoadSamples> {
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
        resolve({ seconds: result.duration, errors: result.errors + result.timeouts, non2xx: result.non2xx, latencies });
      },
    );
    instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  });
}

/** One closed-loop load row. */
export async function runLoad(baseUrl: string, label: string, bodies: string[], connections: number, options: ClosedLoopOptions): Promise<LoadResult> {
  return loadResult(label, { connections, offeredRate: null }, [await closedLoopSamples(baseUrl, bodies, connections, options)]);
}
