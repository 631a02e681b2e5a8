import { randomBytes } from "node:crypto";
import { loadCurrentCatalog } from "../../catalog/bundle-loader";
import { loadCfArtifacts } from "../../catalog/cf-artifacts";
import { loadKeywordIndex } from "../../catalog/keyword-index-stage";
import { openTextIndex } from "../../catalog/text-index";
import { nativeExactScan } from "../../catalog/native-exact-scan";
import type { Environment } from "../catalog/catalog";
import type { Engine } from "../pipeline/engine";
import { popularityScore } from "../catalog/popularity";
import { KeywordSearch } from "../retrieval/keyword-search";
import { buildCatalogLexicon } from "../language";
import { budgetConfigFromEnvironment, emptyBudgetState, routerThresholdFromEnvironment } from "../../router";
import { createBanditCatalog, createBanditState, createSeededRandom, DEFAULT_POLICY, parsePolicy, type BanditState } from "../bandit";
import { circuitBreakerConfigFromEnvironment, createProviderRegistry, loadTextSearch, type ProviderRegistryOptions } from "../ai";
import { createSpendPacing, pacingConfigFromEnvironment } from "../pacing";
import { isStoreError, openStore, reportingStore, storeBackendFromEnvironment, type EventLogNotifications, type Store } from "../store";
import { ReelcastError } from "../errors/reelcast-error";
import { wireEngineMetrics } from "../metrics/engine-metrics";
import { restoreBanditState } from "./bandit-persistence";
import { followBanditLog } from "./bandit-log-follower";
import { loadContentDirections } from "./content-directions-loader";
import { databaseCapFromEnvironment, databaseReadOnlyFromEnvironment, retentionConfigFromEnvironment } from "./retention-config";
import { startRetentionPruner } from "./retention-pruner";
import { evaluationIntervalFromEnvironment, startLogEvaluator } from "./log-evaluator";
import { startSpendPacer } from "./spend-pacer";
import { serverStoreHealth, type StoreHealth } from "./store-health";

export interface CreateEngineOptions {
  catalogRoot?: string;
  environment?: Environment;
  /** Sessions, impressions and feedback; none by default (the CLI and the evaluations). */
  store?: Store | null;
  /** Bandit state to start from; default: restored from `store`, else a fresh one. */
  banditState?: BanditState;
  /** Seed of the bandit's randomness; default random per process. */
  seed?: number | string;
  /** Inject a model instead of the environment's (tests). */
  providers?: ProviderRegistryOptions;
  /** Clocks (tests pass fakes). */
  now?: () => number;
  epochMs?: () => number;
  /** Called after each loading step with its wall time in milliseconds (the cold-start breakdown). */
  onPhase?: (phase: string, milliseconds: number) => void;
}

/** The LLM re-rank is on when an LLM is configured, unless REELCAST_LLM_RERANK=0. */
function rerankEnabled(environment: Environment): boolean {
  return !/^(0|false|off|no)$/i.test(environment.REELCAST_LLM_RERANK?.trim() ?? "");
}

/**
 * The learned session ranker re-orders session taste when the bundle has one, unless
 * REELCAST_SESSION_RANKER=0 (serve the WALS + timeline blend alone, e.g. to compare).
 */
function sessionRankerEnabled(environment: Environment): boolean {
  return !/^(0|false|off|no)$/i.test(environment.REELCAST_SESSION_RANKER?.trim() ?? "");
}

function banditPolicy(environment: Environment) {
  const text = environment.REELCAST_BANDIT_POLICY?.trim();
  if (!text) return DEFAULT_POLICY;
  try {
    return parsePolicy(text);
  } catch (error) {
    throw new ReelcastError("unavailable:api", `REELCAST_BANDIT_POLICY: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Spend pacing when REELCAST_LLM_TARGET_USD_PER_HOUR is set (null otherwise); an unusable target stops the start. */
function spendPacing(environment: Environment, budgetWindowMs: number) {
  try {
    const config = pacingConfigFromEnvironment(environment, budgetWindowMs);
    return config && createSpendPacing(config);
  } catch (error) {
    throw new ReelcastError("unavailable:api", error instanceof Error ? error.message : String(error));
  }
}

/** Loads the catalog bundle, builds the in-memory indexes and wires the reasoners, bandit and store. */
export async function createEngine(options: CreateEngineOptions = {}): Promise<Engine> {
  const environment = options.environment ?? process.env;
  let mark = performance.now();
  const timed = <T>(phase: string, value: T): T => {
    const now = performance.now();
    options.onPhase?.(phase, now - mark);
    mark = now;
    return value;
  };
  const catalog = timed("catalog", loadCurrentCatalog(options.catalogRoot));
  const rawPopularity = catalog.items.map(popularityScore);
  // A fold, not Math.max(...array): spreading more than ~125k arguments overflows the call stack.
  const maxPopularity = rawPopularity.reduce((max, value) => Math.max(max, value), 1e-9);
  const keywordSearch = timed("keyword index", new KeywordSearch(catalog.items, loadKeywordIndex(catalog) ?? undefined));
  const lexicon = timed("lexicon", buildCatalogLexicon(catalog.items, keywordSearch.titles));
  // A bundle built without the CF stage still serves, keyword-only; the reasons say so.
  const cf = timed("cf", catalog.manifest.artifacts.cf === undefined ? null : loadCfArtifacts(catalog, { sessionRanker: sessionRankerEnabled(environment) }));
  let textSearchUnavailable: string | null = null;
  const textSearch = timed(
    "text search",
    catalog.manifest.artifacts["text-vectors"] === undefined
      ? ((textSearchUnavailable = "the catalog bundle has no text vectors"), null)
      : await loadTextSearch(catalog, { environment, openIndex: openTextIndex, exactScan: nativeExactScan }).catch((error: unknown) => {
          textSearchUnavailable = error instanceof Error ? error.message : String(error);
          return null;
        }),
  );
  const contentDirections = timed("content directions", await loadContentDirections(catalog.items, textSearch, cf));
  const providers = createProviderRegistry({ environment, ...options.providers });
  const store = options.store ?? null;
  const banditState = timed("bandit state", options.banditState ?? (store ? (await restoreBanditState(store)).state : createBanditState()));
  const banditCatalog = timed("bandit catalog", createBanditCatalog(catalog.items));
  const now = options.now ?? (() => performance.now());
  const epochMs = options.epochMs ?? (() => Date.now());
  const budgetConfig = budgetConfigFromEnvironment(environment);
  return {
    catalog,
    keywordSearch,
    lexicon,
    routerThreshold: routerThresholdFromEnvironment(environment).threshold,
    currentYear: new Date(epochMs()).getFullYear(),
    cf,
    popularity: Float64Array.from(rawPopularity, (value) => value / maxPopularity),
    now,
    textSearch,
    textSearchUnavailable,
    contentDirections,
    llm: { handle: providers.languageModel, unavailableReason: providers.unavailableReason, rerank: rerankEnabled(environment) },
    budget: { config: budgetConfig, state: emptyBudgetState(), breaker: circuitBreakerConfigFromEnvironment(environment) },
    pacing: spendPacing(environment, budgetConfig.windowMs),
    bandit: {
      catalog: banditCatalog,
      state: banditState,
      policy: banditPolicy(environment),
      random: createSeededRandom(options.seed ?? randomBytes(4).readUInt32LE(0)),
    },
    store,
    epochMs,
    hourOfDay: () => new Date(epochMs()).getHours(),
    newSessionId: () => `s_${randomBytes(16).toString("hex")}`,
  };
}

/** How long after the server's engine is ready it computes the content-direction scores. */
const DIRECTION_WARM_UP_MS = 2_000;

/** How often the server snapshots the bandit state (the event log stays the source of truth). */
const SNAPSHOT_INTERVAL_MS = 30_000;

/**
 * The server's engine: the store (SQLite at REELCAST_DB_PATH, or PostgreSQL), the bandit restored from its
 * snapshot and the log and then following the log (so the processes of a cluster, each with its
 * own engine, hold the same bandit state), and a snapshot timer and the retention pruner in the
 * one process that writes snapshots (REELCAST_SNAPSHOT_WRITER, "0" in all workers but one). A
 * database that cannot be opened does not stop the engine: it answers without one.
 */
async function createServerEngine(): Promise<Engine> {
  const started = performance.now();
  const phases: string[] = [];
  const health = serverStoreHealth();
  const opened = await openServerStore(health);
  phases.push(`bandit restore ${Math.round(performance.now() - started)}`);
  const store = opened && reportingStore(opened.store, health);
  const engine = await createEngine({ store, banditState: opened?.restored.state ?? createBanditState(), onPhase: (phase, milliseconds) => phases.push(`${phase} ${Math.round(milliseconds)}`) });
  const follower = store && opened ? followBanditLog(store, opened.restored.state, opened.restored.replay.throughSequence, opened.restored.snapshotSequence, opened.eventLog) : null;
  if (follower) engine.bandit!.log = follower;
  wireEngineMetrics(engine);
  // One line for operators (and bench's cold-start breakdown): what loading cost.
  // eslint-disable-next-line no-console -- the one operator line of the server
  console.info(
    `[reelcast] engine ready in ${Math.round(performance.now() - started)} ms (${phases.join(", ")} ms); ${engine.catalog.items.length} items${store ? "" : `; without its database (${health.current()?.cause ?? "unavailable"})`}`,
  );
  // The content-direction scores are computed on first use; once the server is up and idle,
  // compute them off the request path so the first "less violent" does not wait for them.
  setTimeout(() => void engine.contentDirections.scores, DIRECTION_WARM_UP_MS).unref();
  // Every process refreshes the shared pacing bar on the pacer's tick; the snapshot writer also computes it.
  if (store && engine.pacing) {
    const retention = retentionConfigFromEnvironment();
    startSpendPacer({ store, pacing: engine.pacing, compute: process.env.REELCAST_SNAPSHOT_WRITER !== "0", restateAfterMs: Math.min(24 * 3_600_000, retention.windowMs / 2) });
  }
  if (store && follower && process.env.REELCAST_SNAPSHOT_WRITER !== "0") {
    const snapshot = () =>
      follower.snapshot(Date.now()).catch(() => {
        // A failed snapshot loses nothing: the next start replays the log from the last good one.
      });
    setInterval(snapshot, SNAPSHOT_INTERVAL_MS).unref();
    // Retention runs beside the snapshots, in this one process: it snapshots before it prunes.
    startRetentionPruner({ store, config: retentionConfigFromEnvironment(), budgetWindowMs: engine.budget.config.windowMs, snapshot: (now) => follower.snapshot(now) });
    // And the log evaluator: one evaluation of each window of the log (lib/server/log-evaluator.ts).
    const evaluationIntervalMs = evaluationIntervalFromEnvironment();
    // eslint-disable-next-line no-console -- one operator line per window with drift or a failed run
    if (evaluationIntervalMs > 0) startLogEvaluator({ store, intervalMs: evaluationIntervalMs, log: (line) => console.info(line) });
  }
  return engine;
}

/**
 * The store the environment names (PostgreSQL at REELCAST_DATABASE_URL, else the SQLite file at
 * REELCAST_DB_PATH) with the bandit state restored from it, or null when it cannot be opened or
 * read (damaged, unreadable, locked or unreachable at start): the engine then loads and answers
 * without it, and the cause is logged once and reported by /api/health.
 */
async function openServerStore(health: StoreHealth): Promise<{ store: Store; eventLog: EventLogNotifications | null; restored: Awaited<ReturnType<typeof restoreBanditState>> } | null> {
  let store: Store | null = null;
  try {
    const opened = await openStore(storeBackendFromEnvironment(), {
      // One commit per request without an fsync (durable against a process crash); feedback
      // events fsync before they are acknowledged (durable against power loss too).
      // WAL checkpoints (the fsyncs) run on a worker thread, off the requests' path.
      sqlite: { synchronous: "NORMAL", feedbackSynchronous: "FULL", backgroundCheckpointMs: 250, maxSizeMb: databaseCapFromEnvironment(), readOnly: databaseReadOnlyFromEnvironment() },
      // PostgreSQL commits every transaction with synchronous_commit=on (its default): each is
      // on disk before the call resolves, feedback and impressions alike.
    });
    store = opened.store;
    return { store, eventLog: opened.eventLog, restored: await restoreBanditState(store) };
  } catch (error) {
    await store?.close().catch(() => undefined);
    if (!isStoreError(error)) throw error;
    health.openFailed(error);
    return null;
  }
}

const globalForEngine = globalThis as typeof globalThis & { reelcastEngine?: Promise<Engine> };

/**
 * The process-wide engine, created on first use. Kept on globalThis so Next's dev hot reloads
 * reuse it instead of reloading the catalog; a failed load is forgotten so the next request
 * retries (e.g. after `npm run catalog:build`).
 */
export function getEngine(): Promise<Engine> {
  if (!globalForEngine.reelcastEngine) {
    globalForEngine.reelcastEngine = createServerEngine().catch((error) => {
      globalForEngine.reelcastEngine = undefined;
      throw error;
    });
  }
  return globalForEngine.reelcastEngine;
}
