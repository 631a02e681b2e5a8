/**
 * Child process of bench:scale, run when the real catalog build did not finish: it repeats the
 * build's steps in memory (read, join, serialise items, every BUILD_STAGE) and goes on past the
 * step that broke, so each later stage and the serving components are still measured at that
 * size (the CF stage's content-based cold-start vectors only for a timed sample: sampled-cf-
 * stage.ts). The items are written once as the bundle's items.jsonl (timed), but the bundle is
 * never published; serving is measured on the in-memory catalog with
 * `retrieveFast` (the fast path's retrieval: keyword + title + CF). Prints `phase:` lines,
 * the stages' own log lines and `result {json}` lines.
 * Usage: tsx scripts/bench/stage-probe.ts <dataRoot> <workDir>
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { BUNDLE_FILES, writeInteractions } from "../../catalog/bundle-files";
import { writeJsonLines } from "../../catalog/json-lines";
import { findDataLocation } from "../../catalog/data-dir";
import { joinCatalog } from "../../catalog/join";
import { RejectedRowCounter } from "../../catalog/rejected-rows";
import { readMovieLens } from "../../catalog/sources/movielens";
import { readTmdb } from "../../catalog/sources/tmdb";
import { BUILD_STAGES } from "../../catalog/stages";
import { loadCfArtifacts } from "../../catalog/cf-artifacts";
import { loadKeywordIndex } from "../../catalog/keyword-index-stage";
import { openTextIndex } from "../../catalog/text-index";
import { loadTextSearch } from "../../lib/ai";
import { indexItems, type Catalog } from "../../lib/catalog/catalog";
import { BUNDLE_SCHEMA_VERSION, type BundleManifest } from "../../lib/catalog/manifest";
import { popularityScore } from "../../lib/catalog/popularity";
import { retrieveFast } from "../../lib/retrieval/fast-path";
import { KeywordSearch } from "../../lib/retrieval/keyword-search";
import { componentCosts, emitResult, phase, rssMb, timeCalls, timeFastPathSteps, timeTextSearch } from "./engine-measurements";
import { fastQueries } from "./query-sets";
import { createCfStage } from "../../catalog/cf-stage";

/** Untrained items given content-based vectors in the probe; the rest is extrapolated. */
const CONTENT_VECTOR_SAMPLE = 1000;
const sampledCfStage = createCfStage({ contentVectorSample: CONTENT_VECTOR_SAMPLE });

const [dataRoot, workDir] = process.argv.slice(2);
if (!dataRoot || !workDir) throw new Error("usage: stage-probe.ts <dataRoot> <workDir>");
const location = findDataLocation([dataRoot]);
if (!location?.tmdbDir) throw new Error(`no synthetic ml-latest-small + tmdb-5000 under ${dataRoot}`);
const environment = { ...process.env, OPENAI_API_KEY: "", OPENAI_BASE_URL: "", REELCAST_LLM_MODEL: "" };
const seconds = (since: number) => Math.round((performance.now() - since) / 10) / 100;

const rejected = new RejectedRowCounter();
phase("read MovieLens CSVs");
const movieLens = await readMovieLens(location.movieLensDir, rejected);
phase("read TMDB CSVs");
const tmdb = await readTmdb(location.tmdbDir, rejected);
phase("join + validate");
const joined = joinCatalog(movieLens, tmdb, rejected);
emitResult({ probeItems: joined.items.length, probeInteractions: joined.interactions.users.length });

// The same layout as a real bundle, so the text-vectors stage caches its vocabulary next to it.
const bundleDir = path.join(workDir, "probe-catalog", "bundles", "probe");
mkdirSync(bundleDir, { recursive: true });
phase("write items.jsonl (JSON Lines, chunked)");
let started = performance.now();
let itemsJson: { ok: boolean; seconds: number; megabytes?: number; error?: string };
try {
  const bytes = writeJsonLines(path.join(bundleDir, BUNDLE_FILES.items), joined.items);
  itemsJson = { ok: true, seconds: seconds(started), megabytes: Math.round(bytes / 1048576) };
} catch (error) {
  itemsJson = { ok: false, seconds: seconds(started), error: (error as Error).message };
}
emitResult({ itemsJson });
writeInteractions(bundleDir, joined.interactions);
const manifest = {
  schemaVersion: BUNDLE_SCHEMA_VERSION,
  buildKey: "probe",
  builtAt: new Date().toISOString(),
  buildSeconds: 0,
  peakRssMb: 0,
  sources: [],
  warnings: [],
  rejected: rejected.list(),
  counts: {
    items: joined.items.length,
    movieLensItems: 0,
    coldStartItems: 0,
    itemsWithTmdb: joined.itemsWithTmdb,
    interactions: joined.interactions.users.length,
    users: joined.interactions.userCount,
    tags: movieLens.tags.length,
  },
  artifacts: {},
} as BundleManifest;
const catalog: Catalog = { manifest, items: joined.items, indexOf: indexItems(joined.items), interactions: joined.interactions, bundleDir };
const stageSeconds: Record<string, number> = {};
// The CF stage with its quadratic content-vector step sampled (catalog/cf-stage.ts createCfStage).
const stages = BUILD_STAGES.map((stage) => (stage.name === sampledCfStage.name ? sampledCfStage : stage));
for (const stage of stages) {
  process.stdout.write(`Stage ${stage.name}…\n`);
  started = performance.now();
  manifest.artifacts[stage.name] = await stage.run({ catalog, bundleDir, log: (line) => process.stdout.write(`  ${line}\n`), seed: 42, environment });
  stageSeconds[stage.name] = seconds(started);
  process.stdout.write(`  ${stage.name} done in ${stageSeconds[stage.name]} s\n`);
}
emitResult({ stageSeconds, contentVectorSample: (manifest.artifacts.cf as { contentSample?: unknown } | undefined)?.contentSample ?? null, rssAfterStagesMb: rssMb() });

phase("serving: keyword index, CF artifacts, text search");
started = performance.now();
const keyword = new KeywordSearch(catalog.items, loadKeywordIndex(catalog) ?? undefined);
const cf = manifest.artifacts.cf === undefined ? null : loadCfArtifacts(catalog);
const textSearch = manifest.artifacts["text-vectors"] === undefined ? null : await loadTextSearch(catalog, { environment, openIndex: openTextIndex });
const rawPopularity = Float64Array.from(catalog.items, popularityScore);
const maxPopularity = rawPopularity.reduce((max, value) => Math.max(max, value), 1e-9);
const popularity = rawPopularity.map((value) => value / maxPopularity);
const servingBuildSeconds = seconds(started);
const queries = fastQueries(catalog, 1000, 3);
phase("fast path: retrieveFast × 1000");
const retrieveFastMs = await timeCalls(queries, (query) => retrieveFast({ query, limit: 10 }, { keyword, cf, popularity }));
phase("fast path steps × 1000 each");
const fastPathStepsMs = await timeFastPathSteps(queries, keyword, cf);
phase("semantic text search × 200");
const textSearchMs = await timeTextSearch(textSearch);
emitResult({ servingBuildSeconds, retrieveFastMs, fastPathStepsMs, textSearchMs, rssServingMb: rssMb() });
emitResult({ components: await componentCosts(catalog, environment) });
