/**
 * `npm run bench [-- --json] [-- --quick] [-- --write [--section NAME]]` (`-- --store postgres`:
 * scripts/bench-store-backends.ts instead): end-to-end load on the
 * production server over loopback. Starts the production server (scripts/serve.mjs, as `npm start`
 * runs it; --workers N), measures cold start, drives /api/recommend with fast-path and offline
 * reasoning-path queries at 1, 8 and 32 connections and open loops at 300 (fast) and 150
 * (reasoning) req/s, each row beside the GET /api/health floor in the same run (alternating
 * rounds; scripts/bench/floor-ratio.ts) and reported as ratios to it, times /api/chat to the first
 * recommendations part (fast, offline reasoning, and with an LLM stand-in answering after a
 * fixed delay: preview and final cards), and soaks ≥ 20,000 requests while sampling server RSS.
 * --write records the "End-to-end load (npm run bench)" section of docs/BENCHMARKS.md (--section: another one).
 */
import { loadCurrentCatalog } from "../catalog/bundle-loader";
import { chatPreviewAndFinal, chatTimeToFirstCard } from "./bench/chat-first-card";
import { startOpenAiTestServer } from "../support/openai-test-server";
import { runLoad } from "./bench/closed-loop-load";
import { BENCH_ROWS, benchTargets, describeRow, floorTableMarkdown, targetsMarkdown } from "./bench/bench-rows";
import { measureAgainstFloor, type RowAgainstFloor } from "./bench/floor-ratio";
import { describeCommit, runContext } from "./support/run-context";
import { percentile } from "./bench/latency-stats";
import { treeRssMb } from "./bench/process-memory";
import { rssTrendMbPerMinute, sampleRss } from "./bench/rss-sampler";
import { fastQueries, REASONING_QUERIES } from "./bench/query-sets";
import { serverSessionIds, sessionBodies } from "./bench/server-sessions";
import { startNextServer, type RunningServer } from "../support/next-server";
import { prepareApp } from "./support/prepare-app";
import { replaceMarkdownSection } from "./support/markdown-section";
import os from "node:os";

// --store postgres: the store backends' bench instead, SQLite beside PostgreSQL in one run
// (scripts/bench-store-backends.ts, also npm run bench:store-backends).
if (process.argv.includes("--store")) {
  await import("./bench-store-backends");
  process.exit(process.exitCode ?? 0);
}

const asJson = process.argv.includes("--json");
// Server processes (REELCAST_WORKERS); default: the server's own default, one per core.
const workersArgument = process.argv.indexOf("--workers");
const workers = workersArgument > 0 ? Number(process.argv[workersArgument + 1]) : os.availableParallelism();
const serverEnvironment: Record<string, string> = { REELCAST_WORKERS: String(workers) };
const write = process.argv.includes("--write");
const quick = process.argv.includes("--quick");
// --section NAME: write another section of docs/BENCHMARKS.md (a "before" run kept beside the current one).
const sectionArgument = process.argv.indexOf("--section");
const section = sectionArgument > 0 ? process.argv[sectionArgument + 1] : "End-to-end load (npm run bench)";
// Read when the run starts: the figures go with this commit, date, machine and load.
const context = runContext();
const log = (line: string) => {
  if (!asJson) process.stdout.write(`${line}\n`);
};

/** Cold start: spawn to /api/health answering with everything loaded, plus the server's own breakdown. */
async function measureColdStart(runs: number): Promise<Array<{ readyMs: number; engineLine: string | null }>> {
  const results: Array<{ readyMs: number; engineLine: string | null }> = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const server = await startNextServer(serverEnvironment, 60_000, 25);
    const readyMs = Math.round(performance.now() - started);
    const engineLine = /\[reelcast\] engine ready in [^\n]*/.exec(server.output())?.[0] ?? null;
    results.push({ readyMs, engineLine });
    await server.stop();
  }
  return results;
}

await prepareApp(process.cwd(), { log });
const catalog = loadCurrentCatalog();
// Returning visitors: requests cycle through 200 sessions (stored, read and updated per request),
// whose ids each server under test issues (scripts/bench/server-sessions.ts).
const SESSIONS = 200;
const fastQueryList = fastQueries(catalog, 1000);

log(`Cold start: spawn the server (${workers} worker process${workers === 1 ? "" : "es"}) until /api/health answers with the catalog loaded…`);
const coldStartRuns = await measureColdStart(quick ? 1 : 5);
const coldStart = coldStartRuns.map((run) => run.readyMs);
log(`  ${coldStart.join(", ")} ms; ${coldStartRuns[coldStartRuns.length - 1].engineLine ?? "no engine line"}`);

const server: RunningServer = await startNextServer(serverEnvironment);
await server.allWorkersServing();
const sessionIds = await serverSessionIds(server.baseUrl, SESSIONS);
const fastBodies = sessionBodies(fastQueryList, sessionIds);
const reasoningBodies = sessionBodies(REASONING_QUERIES, sessionIds, { route: "reasoning" }, 7);
const rssAtStart = treeRssMb(server.process.pid!);
// Every row beside the floor, GET /api/health (a Next route handler that does no work beyond
// Next's request handling), under the same load shape, in alternating stretches: the machine's
// other jobs fall on both alike and the ratio keeps what the server does (scripts/bench/floor-ratio.ts).
const floorOptions = { rounds: quick ? 2 : 5, secondsPerRound: quick ? 1.5 : 3 };
const rows: RowAgainstFloor[] = [];
await runLoad(server.baseUrl, "warm-up", [], 32, { seconds: 1, path: "/api/health" });
for (const row of BENCH_ROWS) {
  const bodies = row.path === "fast" ? fastBodies : reasoningBodies;
  await runLoad(server.baseUrl, "warm-up", bodies, row.shape.connections, { seconds: 1 });
  const measured = await measureAgainstFloor(server.baseUrl, row.label, bodies, row.shape, floorOptions);
  rows.push(measured);
  log(`  ${describeRow(measured)}`);
}

log("Chat: time to first recommendations part…");
const chat = await chatTimeToFirstCard(server.baseUrl, fastQueries(catalog, quick ? 10 : 100, 11));
log(chat ? `  fast: p50 ${chat.p50} ms, p99 ${chat.p99} ms` : "  /api/chat not available");
const chatReasoning = await chatTimeToFirstCard(server.baseUrl, quick ? REASONING_QUERIES.slice(0, 5) : REASONING_QUERIES, { body: { route: "reasoning" } });
log(chatReasoning ? `  reasoning (offline): p50 ${chatReasoning.p50} ms, p99 ${chatReasoning.p99} ms` : "  /api/chat not available");

const soakTotal = quick ? 4000 : 24_000;
// The leak check runs twice as long, so its second-half trend spans more than a minute.
const cappedSoakTotal = soakTotal * 2;
log(`Soak: ${soakTotal} fast requests at 32 connections, sampling RSS…`);
const sampler = sampleRss(server.process.pid!);
const soak = await runLoad(server.baseUrl, "soak", fastBodies, 32, { amount: soakTotal });
const rssSamples = sampler.stop();
const rssAtEnd = treeRssMb(server.process.pid!);
const rssTrend = rssTrendMbPerMinute(rssSamples);
await server.stop();

// Leak check: the same soak with the V8 old space capped at 256 MB. A leak would fail or grow
// without bound; lazy garbage collection (the default heap grows towards its large limit) would not.
const CAPPED_HEAP_MB = 256;
log(`Soak again with --max-old-space-size=${CAPPED_HEAP_MB} (leak check)…`);
const cappedServer = await startNextServer({ ...serverEnvironment, NODE_OPTIONS: `--max-old-space-size=${CAPPED_HEAP_MB}` });
await cappedServer.allWorkersServing();
const cappedSampler = sampleRss(cappedServer.process.pid!);
const cappedBodies = sessionBodies(fastQueryList, await serverSessionIds(cappedServer.baseUrl, SESSIONS));
const cappedSoak = await runLoad(cappedServer.baseUrl, "soak (256 MB heap)", cappedBodies, 32, { amount: cappedSoakTotal });
const cappedSamples = cappedSampler.stop();
const cappedTrend = rssTrendMbPerMinute(cappedSamples);
await cappedServer.stop();
log(
  `  ${cappedSoak.requests} requests, ${cappedSoak.requestsPerSecond} req/s, errors ${cappedSoak.errors + cappedSoak.non2xx}; RSS ${cappedSamples[0]?.[1]} → ${cappedSamples[cappedSamples.length - 1]?.[1]} MB, second-half trend ${cappedTrend} MB/min`,
);

// The reasoning path with an LLM: a local OpenAI-compatible server answering after a fixed delay
// (a stand-in for a hosted model's latency; no network here), to time the fast preview cards.
const LLM_DELAY_MS = 800;
log(`Chat with an LLM answering in ${LLM_DELAY_MS} ms: first (preview) and final cards…`);
const llm = await startOpenAiTestServer();
llm.handler = (request) =>
  request.response_format?.json_schema?.name === "constraints"
    ? { content: JSON.stringify({ includeGenres: ["Comedy"], runtime: { maxMinutes: 100 } }), fault: { kind: "delay", milliseconds: LLM_DELAY_MS } }
    : { content: "{}" };
const llmServer = await startNextServer({ ...serverEnvironment, OPENAI_API_KEY: "bench", OPENAI_BASE_URL: llm.baseURL, REELCAST_LLM_MODEL: "bench-model", REELCAST_LLM_RERANK: "0" });
const chatWithLlm = await chatPreviewAndFinal(llmServer.baseUrl, quick ? REASONING_QUERIES.slice(0, 3) : REASONING_QUERIES);
await llmServer.stop();
await llm.close();
log(`  first card p50 ${chatWithLlm.firstCard.p50} ms, final p50 ${chatWithLlm.finalCards.p50} ms; ${chatWithLlm.previews} of ${chatWithLlm.finalCards.count ?? "?"} answers showed a preview`);

const targets = benchTargets(rows, soak.errors + soak.non2xx);
const report = {
  ...context,
  loadAverageAtEnd: Math.round(os.loadavg()[0] * 10) / 10,
  workers,
  coldStartMs: { runs: coldStart, median: percentile(coldStart, 0.5), engine: coldStartRuns.map((run) => run.engineLine) },
  floorRounds: floorOptions,
  rows,
  targets,
  chatTimeToFirstCardMs: { fast: chat, reasoningOffline: chatReasoning, withLlm: { llmDelayMs: LLM_DELAY_MS, ...chatWithLlm } },
  soak: { ...soak, rssMbBefore: rssAtStart, rssMbAfter: rssAtEnd, rssTrendMbPerMinuteSecondHalf: rssTrend, rssSamples },
  cappedHeapSoak: { heapMb: CAPPED_HEAP_MB, ...cappedSoak, rssTrendMbPerMinuteSecondHalf: cappedTrend, rssSamples: cappedSamples },
};
if (asJson) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
else {
  log(`Soak: ${soak.requests} requests, p99 ${soak.latencyMs.p99} ms, ${soak.requestsPerSecond} req/s, errors ${soak.errors}, non-2xx ${soak.non2xx}`);
  log(`RSS: ${rssAtStart} MB before, ${rssAtEnd} MB after; second-half trend ${rssTrend} MB/min`);
}

if (write) {
  const verdict = (met: boolean) => (met ? "met" : "**not met**");
  const body = [
    `Command: \`npm run bench -- --write${quick ? " --quick" : ""}${workersArgument > 0 ? ` --workers ${workers}` : ""}\` (scripts/bench.ts) · ${report.date.slice(0, 16).replace("T", " ")} UTC · ${describeCommit(context)} · ${context.machine} · 1-minute load average ${context.loadAverageAtStart} at the start, ${report.loadAverageAtEnd} at the end (the machine is shared; the ratios are what to compare across runs) · load generator autocannon (closed loops) and scripts/bench/open-loop-load.ts (open loops) in the same machine, competing with the server for the cores · production server as \`npm start\` runs it (scripts/serve.mjs, ${workers} worker process${workers === 1 ? "" : "es"}) over loopback, SQLite store in a fresh temporary file (every request reads and updates its session and stores its impression without an fsync; feedback commits fsync; WAL checkpoints on a worker thread).`,
    "",
    'Bodies: fast = 1,000 queries from `fastQueries` (titles, typos, genres, people, "movies like X"); reasoning = the 20 REASONING_QUERIES with route "reasoning" (offline reasoner, no LLM); each request carries one of 200 session ids.',
    "",
    `**Every row beside the floor.** The floor is GET /api/health, a Next.js route handler that does no work beyond Next's own request handling, driven with the row's load shape (the same connections, the same open-loop rate). Row and floor run in ${floorOptions.rounds} alternating rounds of ${floorOptions.secondsPerRound} s each (floor first in odd rounds, the row first in even ones) after a 1 s warm-up of the row, so whatever else the machine does falls on both: req/s ÷ floor is the share of the framework's own throughput the row keeps, p99 ÷ floor how many times the floor's tail it takes. Open loops time each request from its due time (no coordinated omission); their req/s is what was served of the offered rate.`,
    "",
    floorTableMarkdown(rows),
    "",
    "Targets (issue 20, and the earlier ones they tighten):",
    "",
    targetsMarkdown(targets),
    "",
    `**Cold start** (spawn the server → /api/health answers with catalog, indexes, CF, text encoder, bandit and store loaded), ${coldStart.length} runs: ${coldStart.join(", ")} ms, median **${percentile(coldStart, 0.5)} ms** (target ≤ 2,000 ms: ${verdict(percentile(coldStart, 0.5) <= 2000)}). The server's own line for the last run: \`${coldStartRuns[coldStartRuns.length - 1].engineLine ?? "none"}\`.`,
    "",
    "**Chat, time to first card** (sending a message → the first `data-recommendations` part of the /api/chat stream), one request at a time:",
    "",
    "| case | requests | p50 ms | p95 ms | p99 ms | max ms |",
    "|---|---:|---:|---:|---:|---:|",
    ...(chat ? [`| fast path | ${chat.count} | ${chat.p50} | ${chat.p95} | ${chat.p99} | ${chat.max} |`] : []),
    ...(chatReasoning ? [`| reasoning path, offline reasoner | ${chatReasoning.count} | ${chatReasoning.p50} | ${chatReasoning.p95} | ${chatReasoning.p99} | ${chatReasoning.max} |`] : []),
    `| reasoning path with an LLM answering in ${LLM_DELAY_MS} ms: first (fast preview) cards | ${chatWithLlm.firstCard.count} | ${chatWithLlm.firstCard.p50} | ${chatWithLlm.firstCard.p95} | ${chatWithLlm.firstCard.p99} | ${chatWithLlm.firstCard.max} |`,
    `| … the same answers' final (LLM-reasoned) cards | ${chatWithLlm.finalCards.count} | ${chatWithLlm.finalCards.p50} | ${chatWithLlm.finalCards.p95} | ${chatWithLlm.finalCards.p99} | ${chatWithLlm.finalCards.max} |`,
    "",
    `The LLM stand-in is the local OpenAI-compatible test server (support/openai-test-server.ts) answering the constraint call after ${LLM_DELAY_MS} ms: no network exists here, and the point is what Reelcast adds around a model, not the model. ${chatWithLlm.previews} of ${chatWithLlm.finalCards.count} answers showed the fast preview first.`,
    "",
    `**Soak and memory**: ${soak.requests} fast requests at 32 connections in ${soak.seconds} s (${soak.requestsPerSecond} req/s), p50 ${soak.latencyMs.p50} / p99 ${soak.latencyMs.p99} ms, errors + non-2xx ${soak.errors + soak.non2xx}. Server RSS (process tree) ${rssAtStart} MB before the load rows, ${rssAtEnd} MB after the soak; trend over the soak's second half **${rssTrend} MB/min** (samples every second: ${rssSamples
      .filter((_, index) => index % Math.max(1, Math.floor(rssSamples.length / 8)) === 0)
      .map(([second, mb]) => `${Math.round(second)} s ${mb} MB`)
      .join(", ")}).`,
    "",
    `**Leak check**: a soak twice as long (${cappedSoak.requests} requests, same bodies and connections) against a server whose V8 old space is capped at ${CAPPED_HEAP_MB} MB: ${cappedSoak.requestsPerSecond} req/s, errors + non-2xx ${cappedSoak.errors + cappedSoak.non2xx}, RSS ${cappedSamples[0]?.[1]} → ${cappedSamples[cappedSamples.length - 1]?.[1]} MB, second-half trend **${cappedTrend} MB/min**. A leak would exhaust the capped heap; what the default-heap soak shows is V8 growing its heap lazily towards its (multi-GB) default limit, not retained memory.`,
  ].join("\n");
  replaceMarkdownSection("docs/BENCHMARKS.md", section, body);
  log("wrote the End-to-end load section of docs/BENCHMARKS.md");
}
