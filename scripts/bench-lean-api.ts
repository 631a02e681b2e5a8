/**
 * `npm run bench:lean-api [-- --rounds 3] [-- --seconds 10] [-- --before DIR] [-- --write]`: the
 * lean API handler (lib/server/lean-api.ts) against the Next routes it stands in front of, in
 * one run, rounds interleaved so the machine's load falls on both alike. Each server (the
 * production server, 2 workers by default, as `npm start` runs it) is measured beside its own
 * framework floor, GET /api/health (a Next route handler either way):
 *
 *   health × 32 closed loop · fast × 32 closed loop (and its ratio to health) · fast open loop at
 *   300 req/s over 32 connections · offline reasoning open loop at 150 req/s over 32 connections
 *
 * Variants: "lean handler" (the default server), "Next routes" (REELCAST_LEAN_API=0, the same
 * endpoints through Next), and with --before DIR the server of another checkout with its own
 * build (e.g. the commit before the lean handler). --write records the section "Lean API handler
 * (npm run bench:lean-api)" of docs/BENCHMARKS.md.
 */
import os from "node:os";
import path from "node:path";
import { loadCurrentCatalog } from "../catalog/bundle-loader";
import { runLoad } from "./bench/closed-loop-load";
import { percentile } from "./bench/latency-stats";
import type { LoadResult } from "./bench/load-result";
import { openLoopLoad } from "./bench/open-loop-load";
import { treeCpuMs } from "./bench/process-cpu";
import { fastQueries, REASONING_QUERIES } from "./bench/query-sets";
import { serverSessionIds, sessionBodies } from "./bench/server-sessions";
import { replaceMarkdownSection } from "./support/markdown-section";
import { describeRun, runContext } from "./support/run-context";
import { startNextServer } from "../support/next-server";
import { prepareApp } from "./support/prepare-app";

const argument = (name: string) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const rounds = Number(argument("--rounds") ?? 3);
const seconds = Number(argument("--seconds") ?? 10);
const beforeTree = argument("--before");
const write = process.argv.includes("--write");
const FAST_RATE = 300;
const REASONING_RATE = 150;
const SESSIONS = 200;

interface Variant {
  label: string;
  /** The checkout whose scripts/serve.mjs and .next build serve (default: this one). */
  tree: string;
  environment: Record<string, string>;
}
const projectRoot = process.cwd();
const variants: Variant[] = [
  { label: "Next routes (REELCAST_LEAN_API=0)", tree: projectRoot, environment: { REELCAST_LEAN_API: "0" } },
  { label: "lean handler", tree: projectRoot, environment: {} },
  ...(beforeTree ? [{ label: `before (${path.basename(path.resolve(beforeTree))})`, tree: path.resolve(beforeTree), environment: {} }] : []),
];

interface RoundResult {
  health: LoadResult;
  fast: LoadResult;
  /** Server CPU (primary and workers) per request in the fast closed-loop row, ms. */
  fastCpuMs: number;
  healthCpuMs: number;
  fastOpen: LoadResult;
  reasoningOpen: LoadResult;
}

await prepareApp();
const fastQueryList = fastQueries(loadCurrentCatalog(), 1000);

async function measure(variant: Variant): Promise<RoundResult> {
  // The server process starts in the variant's checkout (serve.mjs reads .next from its cwd).
  process.chdir(variant.tree);
  const server = await startNextServer(variant.environment).finally(() => process.chdir(projectRoot));
  try {
    await server.allWorkersServing();
    const sessionIds = await serverSessionIds(server.baseUrl, SESSIONS);
    const fastBodies = sessionBodies(fastQueryList, sessionIds);
    const reasoningBodies = sessionBodies(REASONING_QUERIES, sessionIds, { route: "reasoning" }, 7);
    await runLoad(server.baseUrl, "warm-up", [], 32, { seconds: 1, path: "/api/health" });
    const pid = server.process.pid!;
    let cpuBefore = treeCpuMs(pid);
    const health = await runLoad(server.baseUrl, "GET /api/health", [], 32, { seconds, path: "/api/health" });
    const healthCpuMs = (treeCpuMs(pid) - cpuBefore) / health.requests;
    await runLoad(server.baseUrl, "warm-up", fastBodies, 32, { seconds: 1 });
    cpuBefore = treeCpuMs(pid);
    const fast = await runLoad(server.baseUrl, "fast", fastBodies, 32, { seconds });
    const fastCpuMs = (treeCpuMs(pid) - cpuBefore) / fast.requests;
    const fastOpen = await openLoopLoad(`${server.baseUrl}/api/recommend`, "fast", fastBodies, { rate: FAST_RATE, seconds: seconds * 2, connections: 32 });
    await runLoad(server.baseUrl, "warm-up", reasoningBodies, 8, { seconds: 1 });
    const reasoningOpen = await openLoopLoad(`${server.baseUrl}/api/recommend`, "reasoning (offline)", reasoningBodies, { rate: REASONING_RATE, seconds: seconds * 2, connections: 32 });
    return { health, fast, fastCpuMs, healthCpuMs, fastOpen, reasoningOpen };
  } finally {
    await server.stop();
  }
}

const results = new Map<string, RoundResult[]>(variants.map((variant) => [variant.label, []]));
const log = (line: string) => process.stdout.write(`${line}\n`);
const loadAverage = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(" ");
const loadBefore = loadAverage();
// Date, commit and machine of this run, read as it starts.
const run = runContext();
for (let round = 0; round < rounds; round++) {
  // Alternate the order, so neither variant always runs first (a warmer or quieter machine).
  const order = round % 2 === 0 ? variants : [...variants].reverse();
  for (const variant of order) {
    const result = await measure(variant);
    results.get(variant.label)!.push(result);
    const ratio = result.fast.requestsPerSecond / result.health.requestsPerSecond;
    log(
      `round ${round + 1} ${variant.label}: health ${result.health.requestsPerSecond} req/s (${result.healthCpuMs.toFixed(2)} ms CPU each), fast ${result.fast.requestsPerSecond} req/s (${Math.round(ratio * 100)} % of health, p99 ${result.fast.latencyMs.p99} ms, ${result.fastCpuMs.toFixed(2)} ms CPU each); ` +
        `open loop fast ${FAST_RATE}/s p99 ${result.fastOpen.latencyMs.p99} ms (${result.fastOpen.requestsPerSecond} served), reasoning ${REASONING_RATE}/s p99 ${result.reasoningOpen.latencyMs.p99} ms; errors ${[result.health, result.fast, result.fastOpen, result.reasoningOpen].reduce((sum, load) => sum + load.errors + load.non2xx, 0)} · load average ${loadAverage()}`,
    );
  }
}
const loadAfter = loadAverage();

const median = (values: number[]) => percentile(values, 0.5);
const summaryRows = variants.map((variant) => {
  const runs = results.get(variant.label)!;
  const ratios = runs.map((run) => run.fast.requestsPerSecond / run.health.requestsPerSecond);
  return {
    label: variant.label,
    health: median(runs.map((run) => run.health.requestsPerSecond)),
    fast: median(runs.map((run) => run.fast.requestsPerSecond)),
    ratio: median(ratios),
    ratios,
    fastP99Closed: median(runs.map((run) => run.fast.latencyMs.p99)),
    fastCpuMs: median(runs.map((run) => run.fastCpuMs)),
    healthCpuMs: median(runs.map((run) => run.healthCpuMs)),
    fastOpenP99: runs.map((run) => run.fastOpen.latencyMs.p99),
    fastOpenServed: median(runs.map((run) => run.fastOpen.requestsPerSecond)),
    reasoningOpenP99: runs.map((run) => run.reasoningOpen.latencyMs.p99),
    errors: runs.reduce((sum, run) => sum + [run.health, run.fast, run.fastOpen, run.reasoningOpen].reduce((total, load) => total + load.errors + load.non2xx, 0), 0),
  };
});
const table = [
  "| server | health × 32 req/s | fast × 32 req/s | fast ÷ health (per round) | fast × 32 p99 ms | server CPU ms per request: health, fast | fast open loop 300/s p99 ms (per round) | served req/s | reasoning open loop 150/s p99 ms (per round) | errors + non-2xx |",
  "|---|---:|---:|---|---:|---|---|---:|---|---:|",
  ...summaryRows.map(
    (row) =>
      `| ${row.label} | ${row.health} | ${row.fast} | **${Math.round(row.ratio * 100)} %** (${row.ratios.map((ratio) => `${Math.round(ratio * 100)}`).join(", ")}) | ${row.fastP99Closed} | ${row.healthCpuMs.toFixed(2)}, ${row.fastCpuMs.toFixed(2)} | **${median(row.fastOpenP99)}** (${row.fastOpenP99.join(", ")}) | ${row.fastOpenServed} | **${median(row.reasoningOpenP99)}** (${row.reasoningOpenP99.join(", ")}) | ${row.errors} |`,
  ),
];
log("");
for (const line of table) log(line);

if (write) {
  const body = [
    `Command: \`npm run bench:lean-api -- --rounds ${rounds} --seconds ${seconds}${beforeTree ? " --before <checkout>" : ""} --write\` (scripts/bench-lean-api.ts) · ${describeRun(run)} · load average ${loadBefore} before, ${loadAfter} after (other work shared the machine) · production server as \`npm start\` runs it (scripts/serve.mjs, ${os.availableParallelism()} workers), autocannon and the open-loop client on the same cores, loopback, a fresh SQLite store per server.`,
    "",
    `Each server beside its own floor, GET /api/health (a Next route handler in every variant), ${rounds} rounds with the variants' order alternating; medians, with each round's figure in brackets. Closed loop: ${seconds} s at 32 connections. Server CPU per request: user + system time of the server's processes (/proc) across the closed-loop row, divided by its requests. Open loop: requests due evenly at the rate over a pool of 32 connections for ${seconds * 2} s, latency from each request's due time. Bodies as in \`npm run bench\`: 1,000 fast queries and the 20 offline reasoning queries over 200 server-issued sessions.`,
    "",
    ...table,
    "",
    `Targets (issue 20): fast × 32 ≥ 60 % of health's throughput in the same run; fast open loop ${FAST_RATE}/s p99 ≤ 15 ms; reasoning open loop ${REASONING_RATE}/s p99 ≤ 40 ms.`,
  ].join("\n");
  replaceMarkdownSection("docs/BENCHMARKS.md", "Lean API handler (npm run bench:lean-api)", body);
  log("wrote the Lean API handler section of docs/BENCHMARKS.md");
}
