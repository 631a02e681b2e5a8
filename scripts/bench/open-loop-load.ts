import http from "node:http";
import { loadResult, type LoadResult, type LoadSamples } from "./load-result";

/**
 * Open-loop load: request i is due at start + i / rate, whatever happened to the ones before,
 * over a pool of `connections` keep-alive sockets (a request waits for a free one). Latency is
 * measured from the due time, so a server that falls behind shows it (no coordinated omission).
 * A rate-limited closed loop (autocannon's overallRate) instead starts every connection's timer
 * together, so all connections fire in the same millisecond: bursts of 32 requests that measure
 * the burst, not the rate. Latencies run from each request's due time to its last response byte.
 */
export async function openLoopLoad(url: string, label: string, bodies: readonly string[], options: OpenLoopOptions): Promise<LoadResult> {
  return loadResult(label, { connections: options.connections, offeredRate: options.rate }, [await openLoopSamples(url, bodies, options)]);
}

export interface OpenLoopOptions {
  rate: number;
  seconds: number;
  connections: number;
}

/** The open loop's raw samples; `bodies` null sends GETs (the /api/health floor). */
export async function openLoopSamples(url: string, bodies: readonly string[] | null, options: OpenLoopOptions): Promise<LoadSamples> {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const total = Math.round(options.rate * options.seconds);
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const send = (body: string | null, dueAt: number) =>
    new Promise<void>((resolve) => {
      const request = http.request(
        body === null
          ? { host: target.hostname, port: target.port, path: target.pathname, method: "GET", agent }
          : { host: target.hostname, port: target.port, path: target.pathname, method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
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
      request.end(body ?? undefined);
    });
  const started = performance.now();
  const inFlight: Array<Promise<void>> = [];
  let next = 0;
  while (next < total) {
    const now = performance.now();
    // Everything due by now goes out; then sleep until the next one is due (timers are ~1 ms).
    while (next < total && started + (next * 1000) / options.rate <= now) {
      inFlight.push(send(bodies === null ? null : bodies[next % bodies.length], started + (next * 1000) / options.rate));
      next++;
    }
    const wait = started + (next * 1000) / options.rate - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.floor(wait))));
  }
  await Promise.all(inFlight);
  agent.destroy();
  return { seconds: (performance.now() - started) / 1000, errors, non2xx, latencies };
}
