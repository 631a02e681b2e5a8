/**
 * `npm run bench [-- --json] [-- --quick]`: end-to-end load on the production server over loopback.
 * Starts `next start`, measures cold start, drives /api/recommend with fast-path and offline
 * reasoning-path queries at 1, 8 and 32 connections, times /api/chat to the first
 * recommendations part, and soaks ≥ 20,000 requests while sampling server RSS.
 */
import autocannon from "autocannon";
import { loadCurrentCatalog } from "../catalog/bundle-loader";
import { chatTimeToFirstCard } from "./bench/chat-first-card";
import { percentile, slope, summarise, type LatencySummary } from "./bench/latency-stats";
import { treeRssMb } from "./bench/process-memory";
import { fastQueries, REASONING_QUERIES } from "./bench/query-sets";
import { startNextServer, type RunningServer } from "./support/next-server";
import { prepareApp } from "./support/prepare-app";

const asJson = process.argv.includes("--json");
const quick = process.argv.includes("--quick");
const log = (line: string) => {
  if (!asJson) process.stdout.write(`${line}\n`);
};

interface LoadResult {
  label: string;
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  errors: number;
  non2xx: number;
  latencyMs: LatencySummary;
}

function runLoad(baseUrl: string, label: string, bodies: string[], connections: number, options: { seconds?: number; amount?: number }): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let next = 0;
    const instance = autocannon(
      {
        url: `${baseUrl}/api/recommend`,
        connections,
        ...(options.amount ? { amount: options.amount } : { duration: options.seconds }),
        timeout: 10,
        requests: [
          {
            method: "POST",
            headers: { "content-type": "application/json" },
            setupRequest: (request: autocannon.Request) => ({ ...request, body: bodies[next++ % bodies.length] }),
          },
        ],
      },
      (error: Error | null, result: autocannon.Result) => {
        if (error) return reject(error);
        resolve({
          label,
          connections,
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

async function measureColdStart(runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const server = await startNextServer({}, 60_000, 25);
    times.push(Math.round(performance.now() - started));
    await server.stop();
  }
  return times;
}

await prepareApp();
const catalog = loadCurrentCatalog();
const fastBodies = fastQueries(catalog, 1000).map((query) => JSON.stringify({ query, limit: 10 }));
const reasoningBodies = REASONING_QUERIES.map((query) => JSON.stringify({ query, limit: 10, route: "reasoning" }));

log("Cold start: spawn `next start` until /api/health answers with the catalog loaded…");
const coldStart = await measureColdStart(quick ? 1 : 3);
log(`  ${coldStart.join(", ")} ms`);

const server: RunningServer = await startNextServer();
const rssAtStart = treeRssMb(server.process.pid!);
const seconds = quick ? 3 : 10;
const loads: LoadResult[] = [];
for (const [label, bodies] of [["fast", fastBodies], ["reasoning (offline)", reasoningBodies]] as const) {
  for (const connections of [1, 8, 32]) {
    await runLoad(server.baseUrl, "warm-up", bodies, connections, { seconds: 1 });
    const result = await runLoad(server.baseUrl, label, bodies, connections, { seconds });
    loads.push(result);
    log(`  ${label} × ${connections}: p50 ${result.latencyMs.p50} ms, p95 ${result.latencyMs.p95}, p99 ${result.latencyMs.p99}, ${result.requestsPerSecond} req/s, errors ${result.errors}, non-2xx ${result.non2xx}`);
  }
}

log("Chat: time to first recommendations part…");
const chat = await chatTimeToFirstCard(server.baseUrl, fastQueries(catalog, quick ? 10 : 50, 11));
log(chat ? `  p50 ${chat.p50} ms, p99 ${chat.p99} ms` : "  /api/chat not available");

const soakTotal = quick ? 4000 : 24_000;
log(`Soak: ${soakTotal} fast requests at 32 connections, sampling RSS…`);
const rssSamples: Array<[number, number]> = [];
const soakStarted = performance.now();
const sampler = setInterval(() => rssSamples.push([(performance.now() - soakStarted) / 1000, treeRssMb(server.process.pid!)]), 1000);
const soak = await runLoad(server.baseUrl, "soak", fastBodies, 32, { amount: soakTotal });
clearInterval(sampler);
const rssAtEnd = treeRssMb(server.process.pid!);
const secondHalf = rssSamples.slice(Math.floor(rssSamples.length / 2));
const rssTrendMbPerMinute = Math.round(slope(secondHalf) * 60 * 100) / 100;
await server.stop();

const report = {
  date: new Date().toISOString(),
  machine: "2 cores, 24 GiB, Node " + process.versions.node,
  coldStartMs: { runs: coldStart, median: percentile(coldStart, 0.5) },
  loads,
  chatTimeToFirstCardMs: chat,
  soak: { ...soak, rssMbBefore: rssAtStart, rssMbAfter: rssAtEnd, rssTrendMbPerMinuteSecondHalf: rssTrendMbPerMinute, rssSamples },
};
if (asJson) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
else {
  log(`Soak: ${soak.requests} requests, p99 ${soak.latencyMs.p99} ms, ${soak.requestsPerSecond} req/s, errors ${soak.errors}, non-2xx ${soak.non2xx}`);
  log(`RSS: ${rssAtStart} MB before, ${rssAtEnd} MB after; second-half trend ${rssTrendMbPerMinute} MB/min`);
}
