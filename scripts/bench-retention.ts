/**
 * `npm run bench:retention [-- --minutes 60 --sample-seconds 30 --retention-seconds 300
 * --connections 32 --workers 2]`: the production server at maximum closed-loop load (fast-path
 * requests without a session id, so every request stores a new session and an impression: the
 * fastest way to fill the database) with retention at a short window, sampling the database,
 * WAL and shared-memory file sizes every few seconds. Writes its section of docs/BENCHMARKS.md.
 *
 * Bounded: the largest total size (database + WAL + SHM) in the last quarter of the run is at
 * most BOUND_MARGIN above the largest in the first quarter. The default window is a twelfth of
 * the run, so the first quarter already holds a full window plus a prune interval of data (the
 * steady state); anything still growing after it shows as a last quarter above the first.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { loadCurrentCatalog } from "../catalog/bundle-loader";
import { runLoad } from "./bench/closed-loop-load";
import { fastQueries } from "./bench/query-sets";
import { replaceMarkdownSection } from "./support/markdown-section";
import { describeRun, runContext } from "./support/run-context";
import { startNextServer } from "../support/next-server";

const BOUND_MARGIN = 0.2;

const { values } = parseArgs({
  options: {
    minutes: { type: "string" },
    "sample-seconds": { type: "string" },
    "retention-seconds": { type: "string" },
    connections: { type: "string" },
    workers: { type: "string" },
  },
});
const minutes = Number(values.minutes ?? 60);
const sampleSeconds = Number(values["sample-seconds"] ?? (minutes >= 30 ? 30 : 5));
const retentionSeconds = Number(values["retention-seconds"] ?? Math.max(10, Math.round((minutes * 60) / 12)));
const connections = Number(values.connections ?? 32);
const workers = values.workers ?? String(os.cpus().length);

const mb = (bytes: number) => Math.round((bytes / 1_048_576) * 10) / 10;
const sizeOf = (file: string) => (existsSync(file) ? statSync(file).size : 0);

interface Sample {
  atSeconds: number;
  databaseBytes: number;
  walBytes: number;
  shmBytes: number;
}

const catalog = loadCurrentCatalog();
// Our own file, so the row counts can be read once the server has stopped.
// Date, commit and machine of this run, read as it starts.
const run = runContext();
const directory = mkdtempSync(path.join(os.tmpdir(), "reelcast-retention-"));
const server = await startNextServer({
  REELCAST_DB_PATH: path.join(directory, "reelcast.sqlite"),
  REELCAST_WORKERS: workers,
  REELCAST_RATE_LIMIT: "off",
  OPENAI_API_KEY: "",
  OPENAI_BASE_URL: "",
  REELCAST_RETENTION_MS: String(retentionSeconds * 1000),
});
const databasePath = server.databasePath;
let counts: Record<string, number> = {};
const samples: Sample[] = [];
let load: Awaited<ReturnType<typeof runLoad>>;
let pruneLines: string[] = [];
try {
  await server.allWorkersServing();
  // No session id: each request starts (and stores) a new session, as the one client did.
  const bodies = fastQueries(catalog, 2000).map((query, index) => JSON.stringify({ query, limit: index % 10 === 0 ? 50 : 10 }));
  const started = performance.now();
  const sample = () => {
    const taken = {
      atSeconds: Math.round((performance.now() - started) / 1000),
      databaseBytes: sizeOf(databasePath),
      walBytes: sizeOf(`${databasePath}-wal`),
      shmBytes: sizeOf(`${databasePath}-shm`),
    };
    samples.push(taken);
    // Each sample as it is taken: an hour's series is not lost if the run dies before its summary.
    process.stdout.write(`[retention] ${JSON.stringify(taken)}\n`);
  };
  sample();
  const sampler = setInterval(sample, sampleSeconds * 1000);
  load = await runLoad(server.baseUrl, "retention", bodies, connections, { seconds: minutes * 60 });
  clearInterval(sampler);
  sample();
  pruneLines = server
    .output()
    .split("\n")
    .filter((line) => line.includes("[reelcast] retention:"));
} finally {
  await server.stop().catch(() => undefined);
}
try {
  const raw = new Database(databasePath, { readonly: true });
  counts = raw.prepare("SELECT (SELECT count(*) FROM sessions) AS sessions, (SELECT count(*) FROM impressions) AS impressions").get() as Record<string, number>;
  raw.close();
} finally {
  rmSync(directory, { recursive: true, force: true });
}

const total = (each: Sample) => each.databaseBytes + each.walBytes + each.shmBytes;
const quarter = Math.max(1, Math.floor(samples.length / 4));
const firstQuarterMax = Math.max(...samples.slice(0, quarter).map(total));
const lastQuarterMax = Math.max(...samples.slice(-quarter).map(total));
const bounded = lastQuarterMax <= firstQuarterMax * (1 + BOUND_MARGIN);

const everyNth = Math.max(1, Math.ceil(samples.length / 40));
const table = samples
  .filter((_, index) => index % everyNth === 0 || index === samples.length - 1)
  .map((each) => `| ${each.atSeconds} | ${mb(each.databaseBytes)} | ${mb(each.walBytes)} | ${mb(each.shmBytes)} | ${mb(total(each))} |`)
  .join("\n");

const summary = {
  minutes,
  retentionSeconds,
  connections,
  workers: Number(workers),
  requests: load!.requests,
  requestsPerSecond: load!.requestsPerSecond,
  errors: load!.errors,
  non2xx: load!.non2xx,
  firstQuarterMaxMb: mb(firstQuarterMax),
  lastQuarterMaxMb: mb(lastQuarterMax),
  finalMb: mb(total(samples[samples.length - 1])),
  bounded,
  prunes: pruneLines.length,
  ...counts,
};
console.log(JSON.stringify(summary, null, 2));

replaceMarkdownSection(
  "docs/BENCHMARKS.md",
  "Database size under maximum load with retention (bench:retention)",
  `\`npm run bench:retention -- --minutes ${minutes} --retention-seconds ${retentionSeconds} --sample-seconds ${sampleSeconds} --connections ${connections} --workers ${workers}\`

Run: ${describeRun(run)}.

The production server (${workers} processes) at maximum closed-loop load: ${connections} connections of fast-path requests without a session id (every request stores a new session and an impression; one in ten asks for 50 cards), rate limiting off, retention window ${retentionSeconds} s (REELCAST_RETENTION_MS), so the pruner runs every ${Math.max(10, retentionSeconds / 10)} s. ${load!.requests} requests in ${minutes} min (${load!.requestsPerSecond}/s), ${load!.non2xx} non-2xx, ${load!.errors} errors; ${pruneLines.length} prunes that deleted rows.

Rule: bounded when the largest total (database + WAL + SHM) in the last quarter of the samples is at most ${BOUND_MARGIN * 100} % above the largest in the first quarter (the window is a twelfth of the run, so the first quarter already reaches the steady state). First quarter max ${mb(firstQuarterMax)} MB, last quarter max ${mb(lastQuarterMax)} MB: **${bounded ? "bounded" : "NOT bounded"}**. Final size ${mb(total(samples[samples.length - 1]))} MB.

| seconds | database MB | WAL MB | SHM MB | total MB |
|---:|---:|---:|---:|---:|
${table}`,
);
if (!bounded) process.exitCode = 1;
