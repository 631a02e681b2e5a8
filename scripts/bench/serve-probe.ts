/**
 * Child process of bench:scale: loads a catalog bundle into the serving engine (createEngine,
 * as the server does, without a store) and measures: load time and resident memory, fast-path
 * latency through the whole pipeline (`recommend`, route forced to fast: keyword + title + CF
 * retrieval, bandit ordering, presentation) over 1,000 fixed queries, the retrieval step alone
 * (`retrieveFast`), semantic text search (reasoning path: exact scan, or the text index from 40k items), and then the build cost
 * and retained memory of each engine component. Prints `phase:` lines and `result {json}` lines.
 * Usage: tsx scripts/bench/serve-probe.ts <catalogRoot>
 */
import { loadCurrentCatalog } from "../../catalog/bundle-loader";
import { recommend, recommendRequestSchema } from "../../lib/pipeline";
import { retrieveFast } from "../../lib/retrieval/fast-path";
import { createEngine } from "../../lib/server/engine-singleton";
import { componentCosts, emitResult, moodQueries, phase, rssMb, timeCalls, timeFastPathSteps, timeTextSearch } from "./engine-measurements";
import { fastQueries } from "./query-sets";
import { createTextSearch, textVectorsArtifact, type TextSearch } from "../../lib/ai";
import type { Catalog } from "../../lib/catalog/catalog";

function textIndexArtifact(catalog: Catalog) {
  return catalog.manifest.artifacts["text-vectors"] === undefined ? null : (textVectorsArtifact(catalog).index ?? null);
}

/** Mean share of the exact scan's top k that the indexed search returns, over the distinct mood queries. */
async function textIndexRecall(indexed: TextSearch, exact: TextSearch, k: number): Promise<number> {
  const queries = [...new Set(moodQueries(200))];
  let recall = 0;
  for (const query of queries) {
    const wanted = new Set((await exact.searchText(query, k)).map((hit) => hit.itemIndex));
    const found = (await indexed.searchText(query, k)).filter((hit) => wanted.has(hit.itemIndex)).length;
    recall += found / Math.max(1, wanted.size);
  }
  return Math.round((recall / queries.length) * 10_000) / 10_000;
}

const catalogRoot = process.argv[2];
if (!catalogRoot) throw new Error("usage: serve-probe.ts <catalogRoot>");
// No LLM: the fast path never calls one, and the probe must not spend money or wait on a network.
const environment = { ...process.env, OPENAI_API_KEY: "", OPENAI_BASE_URL: "", REELCAST_LLM_MODEL: "" };

phase("load engine (createEngine)");
const started = performance.now();
const engine = await createEngine({ catalogRoot, environment, seed: 1 });
const loadSeconds = Math.round((performance.now() - started) / 10) / 100;
const rssAfterLoadMb = rssMb();
emitResult({ items: engine.catalog.items.length, loadSeconds, rssAfterLoadMb });

const queries = fastQueries(engine.catalog, 1000, 3);
phase("fast path: recommend(route fast) × 1000");
const fastPathMs = await timeCalls(queries, (query) => recommend(recommendRequestSchema.parse({ query, route: "fast" }), engine));
phase("fast path: retrieveFast × 1000");
const resources = { keyword: engine.keywordSearch, cf: engine.cf, popularity: engine.popularity };
const retrieveFastMs = await timeCalls(queries, (query) => retrieveFast({ query, limit: 10 }, resources));
phase("fast path steps × 1000 each");
const fastPathStepsMs = await timeFastPathSteps(queries, engine.keywordSearch, engine.cf);
phase("semantic text search × 200");
const textSearchMs = await timeTextSearch(engine.textSearch);
emitResult({ fastPathMs, retrieveFastMs, fastPathStepsMs, textSearchMs, rssServingMb: rssMb() });
if (engine.textSearch && textIndexArtifact(engine.catalog)) {
  // The engine searched through the bundle's text index: time the exact scan it replaces on the
  // same queries, and how much of the exact top 100 the index finds.
  phase("semantic text search, exact scan × 200");
  const exactSearch = createTextSearch(engine.textSearch.encoder, engine.textSearch.itemTextVectors);
  const textSearchExactMs = await timeTextSearch(exactSearch);
  const textIndexRecallAt100 = await textIndexRecall(engine.textSearch, exactSearch, 100);
  emitResult({ textSearchExactMs, textIndexRecallAt100 });
}

emitResult({ components: await componentCosts(() => loadCurrentCatalog(catalogRoot), environment) });
