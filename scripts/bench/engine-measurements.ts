/**
 * Measurements shared by the bench:scale probes (serve-probe.ts, stage-probe.ts): phase markers
 * the parent turns into a per-phase profile, latency loops, and what each serving component
 * costs to build and to keep.
 */
import { loadCfArtifacts } from "../../catalog/cf-artifacts";
import { loadKeywordIndex } from "../../catalog/keyword-index-stage";
import { openTextIndex } from "../../catalog/text-index";
import { createBanditCatalog } from "../../lib/bandit";
import type { Catalog, Environment } from "../../lib/catalog/catalog";
import { loadTextSearch, type TextSearch } from "../../lib/ai";
import { buildCatalogLexicon } from "../../lib/language";
import { KeywordSearch } from "../../lib/retrieval/keyword-search";
import { summarise, type LatencySummary } from "./latency-stats";
import { REASONING_QUERIES } from "./query-sets";

/** Announces a phase to the parent (child-monitor's phaseOf reads "phase: <name>"). */
export function phase(name: string): void {
  process.stdout.write(`phase: ${name}\n`);
}

/** Prints one result record for the parent: `result {json}`. The parent merges every such line. */
export function emitResult(record: Record<string, unknown>): void {
  process.stdout.write(`result ${JSON.stringify(record)}\n`);
}

export const rssMb = () => Math.round(process.memoryUsage().rss / 1048576);

/** Heap + off-heap bytes in use after a full collection (needs --expose-gc; otherwise no collection). */
function liveMb(): number {
  // Twice: the first collection's sweeping can still be releasing memory when it returns.
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  collect?.();
  const usage = process.memoryUsage();
  return (usage.heapUsed + usage.external) / 1048576;
}

/** Runs `call` once per input after `warmUp` untimed calls; milliseconds per call. */
export async function timeCalls<T>(inputs: readonly T[], call: (input: T) => unknown, warmUp = 50): Promise<LatencySummary> {
  for (const input of inputs.slice(0, warmUp)) await call(input);
  const latencies: number[] = [];
  for (const input of inputs) {
    const before = performance.now();
    await call(input);
    latencies.push(performance.now() - before);
  }
  return summarise(latencies);
}

/** The mood half of each reasoning query, repeated to `count`: what semantic search embeds. */
export function moodQueries(count: number): string[] {
  return Array.from({ length: count }, (_, index) => REASONING_QUERIES[index % REASONING_QUERIES.length]);
}

/** Semantic search over the item text vectors (exact scan, or the bundle's HNSW text index from 40k items), as the reasoning path calls it. */
export async function timeTextSearch(textSearch: TextSearch | null, count = 200): Promise<LatencySummary | null> {
  if (!textSearch) return null;
  return timeCalls(moodQueries(count), (query) => textSearch.searchText(query, 100), 10);
}

/**
 * The fast path's retrieval broken into its steps over the same queries, to see which one grows:
 * BM25F scoring (every posting of every query term, then a sort of all hits), the whole-query
 * title match (trigram candidates, edit distance), title mentions inside the query, the fused
 * keyword search, and the CF neighbours of the top keyword hit.
 */
export async function timeFastPathSteps(
  queries: readonly string[],
  keyword: KeywordSearch,
  cf: { similarItems(itemIndex: number, k: number): unknown } | null,
): Promise<Record<string, LatencySummary>> {
  const steps: Record<string, LatencySummary> = {
    bm25: await timeCalls(queries, (query) => keyword.bm25.search(query, 200)),
    titleMatch: await timeCalls(queries, (query) => keyword.titles.match(query, 20)),
    titleMentions: await timeCalls(queries, (query) => keyword.titles.findMentions(query)),
    keywordSearch: await timeCalls(queries, (query) => keyword.search(query, 100)),
  };
  if (cf) {
    const seeds = queries.map((query) => keyword.search(query, 1)[0]?.itemIndex ?? 0);
    steps.cfNeighbours = await timeCalls(seeds, (seed) => cf.similarItems(seed, 100));
  }
  return steps;
}

export interface ComponentCost {
  name: string;
  seconds: number;
  /** Heap + off-heap memory the component keeps (memory-mapped files not counted), MB. */
  retainedMb: number;
}

/**
 * Builds each in-memory serving component once (first the catalog itself when `source` is a
 * loader), timing it and measuring what it retains, then drops it: keyword search (BM25F + title trigrams), catalog lexicon, CF
 * artifacts, text search, bandit catalog. Mirrors what lib/server/engine-singleton's
 * createEngine builds, so the parent can say which part of the load grows fastest.
 */
export async function componentCosts(source: Catalog | (() => Catalog), environment: Environment): Promise<ComponentCost[]> {
  const costs: ComponentCost[] = [];
  // The component under measurement lives here, not in a local: an awaited result can linger in
  // a suspended frame's registers and be collected only during the next measurement, which would
  // then come out smaller by that much.
  const held: { component: unknown } = { component: null };
  const measure = async (name: string, build: () => unknown) => {
    phase(`component: ${name}`);
    held.component = null;
    const before = liveMb();
    const started = performance.now();
    held.component = await build();
    const seconds = Math.round((performance.now() - started) / 10) / 100;
    costs.push({ name, seconds, retainedMb: Math.round(liveMb() - before) });
  };
  if (typeof source === "function") await measure("catalog: items.jsonl read + validated, interactions", source);
  const catalog = typeof source === "function" ? (held.component as Catalog) : source;
  // As createEngine does: the bundle's prebuilt BM25F index when it has one, built from the items otherwise.
  await measure("keyword search (BM25F index from the bundle, title trigrams)", () => new KeywordSearch(catalog.items, loadKeywordIndex(catalog) ?? undefined));
  const keywordSearch = held.component as KeywordSearch;
  await measure("catalog lexicon (people, titles, genres)", () => buildCatalogLexicon(catalog.items, keywordSearch.titles));
  if (catalog.manifest.artifacts.cf !== undefined) await measure("CF artifacts (vectors, HNSW view, fold-in)", () => loadCfArtifacts(catalog));
  if (catalog.manifest.artifacts["text-vectors"] !== undefined) await measure("text search (GloVe SIF model + item vectors)", () => loadTextSearch(catalog, { environment, openIndex: openTextIndex }));
  await measure("bandit catalog", () => createBanditCatalog(catalog.items));
  held.component = null;
  return costs;
}
