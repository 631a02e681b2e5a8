/**
 * Child process of bench:scale: loads a catalog bundle into a serving engine and times the
 * in-process pipeline over 1,000 fast queries. Prints one JSON line.
 * Usage: tsx scripts/bench/serve-probe.ts <catalogRoot>
 */
import { recommend, recommendRequestSchema } from "../../lib/pipeline";
import { createEngine } from "../../lib/server/engine-singleton";
import { summarise } from "./latency-stats";
import { fastQueries } from "./query-sets";

const catalogRoot = process.argv[2];
const started = performance.now();
const engine = await createEngine({ catalogRoot });
const loadMs = Math.round(performance.now() - started);
const queries = fastQueries(engine.catalog, 1000, 3);
for (const query of queries.slice(0, 50)) await recommend(recommendRequestSchema.parse({ query, route: "fast" }), engine);
const latencies: number[] = [];
for (const query of queries) {
  const request = recommendRequestSchema.parse({ query, route: "fast" });
  const before = performance.now();
  await recommend(request, engine);
  latencies.push(performance.now() - before);
}
process.stdout.write(
  `${JSON.stringify({ items: engine.catalog.items.length, loadMs, fastPathMs: summarise(latencies), rssMb: Math.round(process.memoryUsage().rss / 1048576) })}\n`,
);
