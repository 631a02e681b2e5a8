import http from "node:http";
import { summarise } from "./latency-stats";
import type { LoadResult } from "./load-result";

/**
 * Open-loop load: request i is due at start + i / rate, whatever happened to the ones before,
 * over a pool of `connections` keep-alive sockets (a request waits for a free one). Latency is
 * measured from the due time, so a server that falls behind shows it (no coordinated omission).
 * A rate-limited closed loop (autocannon's overallRate) instead starts every connection's timer
 * together, so all connections fire in the same millisecond: bursts of 32 requests that measure
 * the burst, not the rate. Latencies run from each request's due time to its last response byte.
 */
export async function openLoopLoad(url: string, label: string, bodies: readonly string[], options: { rate: number; seconds: number; connections: number }): Promise<LoadResult> {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const total = Math.round(options.rate * options.seconds);
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const send = (body: string, dueAt: number) =>
    new Promise<void>((resolve) => {
      const request = http.request(
        { host: target.hostname, port: target.port, path: target.pathname, method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
        (response) => {
          if ((response.statusCode ?? 0) < 200 || (response.statusCode ?? 0) >= 300) non2xx++;
          response.resume();
          response.on("end", () => {
            latencies.push(performance.now() - dueAt);
            resolve();
          });
        },
      );
      request.setTimeout(10_000, () => request.destroy(new Error("timeout")));
      request.on("error", () => {
        errors++;
        resolve();
      });
      request.end(body);
    });
  const started = performance.now();
  const inFlight: Array<Promise<void>> = [];
  let next = 0;
  while (next < total) {
    const now = performance.now();
    // Everything due by now goes out; then sleep until the next one is due (timers are ~1 ms).
    while (next < total && started + (next * 1000) / options.rate <= now) {
      inFlight.push(send(bodies[next % bodies.length], started + (next * 1000) / options.rate));
      next++;
    }
    const wait = started + (next * 1000) / options.rate - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.floor(wait))));
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return {
    label,
    offeredRate: options.rate,
    connections: options.connections,
    seconds: Math.round(seconds * 100) / 100,
    requests: latencies.length,
    requestsPerSecond: Math.round(latencies.length / seconds),
    errors,
    non2xx,
    latencyMs: summarise(latencies),
  };
}
