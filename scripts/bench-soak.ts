/**
 * `npm run bench:soak [-- --seconds 180 --workers 2 --heap-mb 256]`: a long soak of
 * fast-path requests (32 connections, closed loop) against the production server with each
 * process's V8 old space capped, sampling the process tree's RSS every second and, every minute,
 * each server process's anonymous (heap) and file-backed (memory-mapped bundle, SQLite shared
 * memory) resident memory. Tells a leak (growth past the cap, a crash) from heaps filling up to
 * their caps and mapped files being paged in. Prints JSON.
 */
import { readdirSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadCurrentCatalog } from "../catalog/bundle-loader";
import { runLoad } from "./bench/closed-loop-load";
import { fastQueries } from "./bench/query-sets";
import { rssTrendMbPerMinute, sampleRss } from "./bench/rss-sampler";
import { serverSessionIds, sessionBodies } from "./bench/server-sessions";
import { startNextServer } from "../support/next-server";
import { describeRun, runContext } from "./support/run-context";

const { values } = parseArgs({ options: { seconds: { type: "string" }, workers: { type: "string" }, "heap-mb": { type: "string" } } });
const seconds = Number(values.seconds ?? 180);
const workers = values.workers ?? "2";
const heapMb = Number(values["heap-mb"] ?? 256);

/** Resident memory of each server process (scripts/serve.mjs), in MB, by kind. */
function perProcessMemory(): Array<{ pid: number; anonMb: number; fileMb: number }> {
  const kilobytes = (status: string, field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        if (!readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("serve.mjs")) return [];
        const status = readFileSync(`/proc/${pid}/status`, "utf8");
        return [{ pid: Number(pid), anonMb: Math.round(kilobytes(status, "RssAnon") / 1024), fileMb: Math.round(kilobytes(status, "RssFile") / 1024) }];
      } catch {
        return []; // the process ended between listing and reading
      }
    });
}

const catalog = loadCurrentCatalog();
// Date, commit and machine of this run, read as it starts.
const run = runContext();
const server = await startNextServer({ REELCAST_WORKERS: workers, NODE_OPTIONS: `--max-old-space-size=${heapMb}` });
// Returning visitors over 200 sessions the server issued.
const bodies = sessionBodies(fastQueries(catalog, 1000), await serverSessionIds(server.baseUrl, 200));
await server.allWorkersServing();
const perMinute: Array<{ atSeconds: number; processes: ReturnType<typeof perProcessMemory> }> = [];
const started = performance.now();
const sampler = sampleRss(server.process.pid!, 1000, (index) => {
  if (index % 60 === 0) perMinute.push({ atSeconds: Math.round((performance.now() - started) / 1000), processes: perProcessMemory() });
});
const result = await runLoad(server.baseUrl, "soak", bodies, 32, { seconds });
const samples = sampler.stop();
perMinute.push({ atSeconds: Math.round((performance.now() - started) / 1000), processes: perProcessMemory() });
const restarts = (server.output().match(/exited \(/g) ?? []).length;
await server.stop();
process.stdout.write(
  `${JSON.stringify(
    {
      run: describeRun(run),
      ...run,
      workers: Number(workers),
      heapCapMb: heapMb,
      requests: result.requests,
      requestsPerSecond: result.requestsPerSecond,
      errors: result.errors + result.non2xx,
      workerRestarts: restarts,
      treeRssMb: { first: samples[0]?.[1], last: samples[samples.length - 1]?.[1], every30s: samples.filter((_, index) => index % 30 === 0).map((sample) => sample[1]) },
      trendMbPerMinute: { secondHalf: rssTrendMbPerMinute(samples), lastQuarter: rssTrendMbPerMinute(samples, 0.75) },
      perMinute,
    },
    null,
    2,
  )}\n`,
);
