import type { Catalog } from "../catalog/catalog";
import type { ContentDirectionModel } from "../catalog/content-directions";
import type { CfArtifacts } from "../../catalog/cf-artifacts";
import type { KeywordSearch } from "../retrieval/keyword-search";
import type { CatalogLexicon } from "../language";
import type { CircuitBreakerConfig, LanguageModelHandle, TextSearch } from "../ai";
import type { BanditCatalog, BanditState, PolicyConfig, RandomSource, StoredLogEntry } from "../bandit";
import type { Store } from "../store";
import type { BudgetConfig, BudgetState, PriceTable } from "../../router";
import type { SpendPacing } from "../pacing";
import type { ServingObserver } from "../metrics/serving-observer";

/** The LLM as the reasoning path may use it. */
export interface LlmServices {
  /** Null when no LLM is configured: the offline reasoner answers. */
  handle: LanguageModelHandle | null;
  /** Why `handle` is null, for route.reasons. */
  unavailableReason: string | null;
  /** Whether the LLM also re-ranks the final candidates and writes one-line reasons. */
  rerank: boolean;
  priceTable?: PriceTable;
}

/** The bandit as serving uses it. `state` is mutated in place by the nearline updates. */
export interface BanditRuntime {
  catalog: BanditCatalog;
  state: BanditState;
  policy: PolicyConfig;
  random: RandomSource;
  /**
   * Set when `state` follows the store's event log (the server: one process per core, each
   * applying every process's impressions and feedback). Each request catches up before the
   * bandit chooses, and its own writes are applied in log order. Absent: writes are applied to
   * `state` directly (the CLI, evaluations, most tests).
   */
  log?: { catchUp(): Promise<void>; applyOwn(entry: StoredLogEntry): Promise<void> };
}

/** LLM spend ceilings and the usage inside the current window (replaced after every run). */
export interface BudgetKeeper {
  config: BudgetConfig;
  state: BudgetState;
  /** The providers' circuit breaker settings (lib/ai/circuit-breaker.ts); absent = the defaults. */
  breaker?: CircuitBreakerConfig;
}

/**
 * Everything a request needs, built once per process: the catalog and its indexes, the
 * reasoners, the bandit, the store and the clocks. Passing it in keeps the pipeline's logic
 * testable: tests build one with an in-memory store, a mock LLM and fake clocks.
 */
export interface Engine {
  catalog: Catalog;
  keywordSearch: KeywordSearch;
  /** Collaborative-filtering vectors and index; null when the bundle has none. */
  cf: CfArtifacts | null;
  /** Popularity per item scaled to [0, 1] (the fast path's prior). */
  popularity: Float64Array;
  /** People, titles and genre words of the catalog, for the router and the offline reasoner. */
  lexicon: CatalogLexicon;
  /** Router threshold in [0, 1] (REELCAST_ROUTER_THRESHOLD, default 0.5). */
  routerThreshold: number;
  /** The calendar year, for "recent" and "last decade" (the core reads no clock). */
  currentYear: number;
  /** Milliseconds, monotonic; performance.now in production, a fake in tests. */
  now: () => number;
  /** Semantic search over item text for mood and vibe text; null when unavailable. */
  textSearch: TextSearch | null;
  /** Why `textSearch` is null, for route.reasons; null when it is available. */
  textSearchUnavailable: string | null;
  /** The content axes (violence, darkness, intensity) for "less violent", "darker": item percentiles and text-space axes. */
  contentDirections: ContentDirectionModel;
  llm: LlmServices;
  budget: BudgetKeeper;
  /** Explanations and ordering; null serves retrieval's order without explanations. */
  bandit: BanditRuntime | null;
  /** Sessions, impressions and feedback; null (CLI, evaluation) keeps nothing between requests. */
  store: Store | null;
  /** Unix milliseconds, for stored timestamps and budget windows. */
  epochMs: () => number;
  /** Local hour 0..23, a bandit context feature. */
  hourOfDay: () => number;
  /** A new unguessable session id (matches the request schema's sessionId pattern). */
  newSessionId: () => string;
  /**
   * Spend pacing (REELCAST_LLM_TARGET_USD_PER_HOUR): the bar on the complexity score below which
   * a reasoning request gets the offline reasoner. Absent or null: no pacing, the ceilings alone.
   */
  pacing?: SpendPacing | null;
  /**
   * Told about answers, paid calls, their cost, free paths taken and feedback (the server counts
   * them: lib/metrics); absent in the CLI, evaluations and most tests.
   */
  observer?: ServingObserver;
}
