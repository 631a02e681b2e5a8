/**
 * `npx tsx scripts/bench-chat.ts [--write] [--quick]`: time to first card over /api/chat — from
 * sending the message to the first `data-recommendations` part of the stream — for fast-path
 * queries and for the reasoning-path queries (sent with route "reasoning"), one request at a
 * time against the production server (scripts/serve.mjs) on loopback. --write records the section in docs/BENCHMARKS.md.
 */
import path from "node:path";
import { loadCurrentCatalog } from "../catalog/bundle-loader";
import { chatTimeToFirstCard } from "./bench/chat-first-card";
import type { LatencySummary } from "./bench/latency-stats";
import { fastQueries, REASONING_QUERIES } from "./bench/query-sets";
import { replaceMarkdownSection } from "./support/markdown-section";
import { startNextServer } from "../support/next-server";
import { prepareApp } from "./support/prepare-app";
import { describeRun, runContext } from "./support/run-context";

const quick = process.argv.includes("--quick");
const run = runContext();
const write = process.argv.includes("--write");

await prepareApp();
const catalog = loadCurrentCatalog();
const server = await startNextServer();
try {
  // Warm-up: the first requests pay for JIT and lazy module loading.
  await chatTimeToFirstCard(server.baseUrl, fastQueries(catalog, 10, 3));
  const fast = await chatTimeToFirstCard(server.baseUrl, fastQueries(catalog, quick ? 20 : 200, 11));
  const reasoningQueries = Array.from({ length: quick ? 1 : 5 }, () => REASONING_QUERIES).flat();
  const reasoning = await chatTimeToFirstCard(server.baseUrl, reasoningQueries, { body: { route: "reasoning" } });
  const probe = await fetch(`${server.baseUrl}/api/recommend`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: REASONING_QUERIES[0], route: "reasoning", limit: 8 }),
  });
  const reasoningPath = ((await probe.json()) as { route: { path: string; reasoner: string | null } }).route;
  const row = (label: string, summary: LatencySummary | null) =>
    summary ? `| ${label} | ${summary.count} | ${summary.p50} | ${summary.p95} | ${summary.p99} | ${summary.max} |` : `| ${label} | – | /api/chat missing | | | |`;
  const table = [
    "| queries | requests | p50 ms | p95 ms | p99 ms | max ms |",
    "|---|---:|---:|---:|---:|---:|",
    row("fast path (titles, typos, genres, people, “movies like X”)", fast),
    row(`reasoning-path queries, route "reasoning" (answered by: ${reasoningPath.path}${reasoningPath.reasoner ? `, ${reasoningPath.reasoner}` : ""})`, reasoning),
  ].join("\n");
  process.stdout.write(`${table}\n`);
  if (write) {
    const body = `\`npx tsx scripts/bench-chat.ts --write\` (${describeRun(run)}): time from sending a chat message to the first \`data-recommendations\` part of the /api/chat UI message stream (the first card's data reaching the client), one request at a time over loopback against the production server, after 10 warm-up requests. Fast queries: \`fastQueries(catalog, 200, seed 11)\` from scripts/bench/query-sets.ts; reasoning queries: the 20 REASONING_QUERIES × 5. The issue's target on the fast path is 150 ms.

${table}

On the reasoning path the stream sends fast candidates first once the pipeline calls \`onProgress\` (lib/chat/progressive-recommend.ts); until then the first card waits for the whole pipeline, so that row is the time to the final cards.`;
    replaceMarkdownSection(path.join("docs", "BENCHMARKS.md"), "Chat time to first card", body);
    process.stdout.write("Wrote the section to docs/BENCHMARKS.md\n");
  }
} finally {
  await server.stop();
}
