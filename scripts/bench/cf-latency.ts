import type { CfArtifacts } from "../../catalog/cf-artifacts";
import type { Catalog } from "../../lib/catalog/catalog";
import { createSeededRandom, randomInteger } from "../../lib/retrieval/seeded-random";
import { percentile } from "./latency-stats";
import { atRaisedPriority, TIMING_PRIORITY } from "./raised-priority";

/** In-process latency of the CF operations the fast path calls, on the real catalog bundle. */
export interface CfLatencyResult {
  dimensions: number;
  indexedItems: number;
  loadMs: number;
  /** Whether the timing loops ran at raised scheduling priority. */
  raisedPriority: boolean;
  operations: Array<{ operation: string; runs: number; p50: number; p99: number }>;
}

/**
 * Times `runs` calls each of fold-in (1–20 liked items, 0–3 disliked, drawn from items with
 * ratings), similar-items (k = 50) and recommend-for-user (k = 50, pool 200; plain, with the
 * timeline blend, and re-ordered by the session ranker when the bundle has one), with a fixed seed.
 */
export function runCfLatency(catalog: Catalog, cf: CfArtifacts, loadMs: number, runs = 1000, seed = 2026): CfLatencyResult {
  const random = createSeededRandom(seed);
  const rated = catalog.items.map((item, index) => (item.ratingCount >= 3 ? index : -1)).filter((index) => index >= 0);
  const pick = () => rated[randomInteger(random, rated.length)];
  const sessions = Array.from({ length: runs }, () => ({
    liked: Array.from({ length: 1 + randomInteger(random, 20) }, pick),
    disliked: Array.from({ length: randomInteger(random, 4) }, pick),
  }));
  let raisedPriority = true;
  const time = (operation: string, call: (run: number) => unknown) => {
    for (let run = 0; run < Math.min(100, runs); run += 1) call(run); // JIT warm-up
    const [samples, raised] = atRaisedPriority(() =>
      sessions.map((_, run) => {
        const started = performance.now();
        call(run);
        return performance.now() - started;
      }),
    );
    raisedPriority &&= raised;
    return { operation, runs, p50: Math.round(percentile(samples, 0.5) * 1000) / 1000, p99: Math.round(percentile(samples, 0.99) * 1000) / 1000 };
  };
  const userVectors = sessions.map((session) => cf.foldIn(session));
  const operations = [
    time("fold-in (1–20 liked, 0–3 disliked)", (run) => cf.foldIn(sessions[run])),
    time("similar items, k = 50", (run) => cf.similarItems(sessions[run].liked[0], 50)),
    time("recommend for a user vector, k = 50", (run) => cf.recommendForUser(userVectors[run], 50, { exclude: new Set(sessions[run].liked) })),
    time("recommend, WALS + timeline blend (served), k = 50", (run) =>
      cf.recommendForUser(userVectors[run], 50, { exclude: new Set(sessions[run].liked), timeline: { ...cf.timeline, history: sessions[run].liked.slice(0, cf.timeline.historyLength) } }),
    ),
    ...(cf.sessionRanker
      ? [
          time(`recommend, blend + session ranker (served; best ${cf.sessionRanker.depth} re-ordered), k = 50`, (run) =>
            cf.recommendForUser(userVectors[run], 50, {
              exclude: new Set([...sessions[run].liked, ...sessions[run].disliked]),
              timeline: { ...cf.timeline, history: sessions[run].liked.slice(0, cf.timeline.historyLength) },
              reranker: { model: cf.sessionRanker!, likedItems: sessions[run].liked, dislikedItems: sessions[run].disliked },
            }),
          ),
        ]
      : []),
  ];
  return { dimensions: cf.dimensions, indexedItems: cf.index.size, loadMs: Math.round(loadMs * 10) / 10, raisedPriority, operations };
}

export function cfLatencyMarkdown(result: CfLatencyResult): string {
  return [
    `Real catalog bundle: ${result.dimensions}-d WALS vectors, ${result.indexedItems} items in the memory-mapped usearch index; \`loadCfArtifacts\` takes ${result.loadMs} ms (read vectors, map the index, fold-in Gram matrix). One call at a time on one thread after 100 warm-up calls${result.raisedPriority ? `, timed at raised scheduling priority (nice ${TIMING_PRIORITY}) because the machine is shared` : ""}; sessions drawn with seed 2026 from items with ≥ 3 ratings.`,
    "",
    "| operation | runs | p50 | p99 |",
    "|---|---:|---:|---:|",
    ...result.operations.map((row) => `| ${row.operation} | ${row.runs} | ${row.p50} ms | ${row.p99} ms |`),
  ].join("\n");
}
