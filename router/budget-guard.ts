/**
 * The budget guard: per-session and global ceilings on LLM spend per time window, and on how
 * many offline reasoner runs a window may take (the CPU's budget). Pure: the caller keeps the
 * state (plain JSON), passes the clock in, and stores what `recordUsage` returns.
 */

export interface BudgetConfig {
  /** Length of the sliding window, milliseconds (e.g. 3_600_000 for an hour). */
  windowMs: number;
  /** USD one session may spend on LLM calls per window. */
  sessionUsdPerWindow: number;
  /** USD all server processes together may spend per window (shared through the store's ledger). */
  globalUsdPerWindow: number;
  /** Offline reasoner runs per window for the whole process before the fast path takes over. */
  globalOfflineRunsPerWindow: number;
  /** Offline reasoner runs per window for one session. */
  sessionOfflineRunsPerWindow: number;
  /**
   * The fraction (0..1] of each global ceiling (USD and offline runs) one client address may take
   * per window, so one client cannot spend everyone's budget. 1 turns the per-client share off.
   */
  clientShare: number;
}

/**
 * Defaults: $0.05 per session-hour, $5 per hour overall; the offline reasoner is cheap. A client
 * address may take a tenth of each global ceiling: $0.50 an hour is ten sessions' worth (a family
 * or an office behind one address still gets the LLM), while it takes ten addresses, not one
 * client leaving out its session id, to leave everyone else with only the fast path.
 */
export const DEFAULT_BUDGET: BudgetConfig = {
  windowMs: 3_600_000,
  sessionUsdPerWindow: 0.05,
  globalUsdPerWindow: 5,
  globalOfflineRunsPerWindow: 100_000,
  sessionOfflineRunsPerWindow: 2_000,
  clientShare: 0.1,
};

export interface UsageEvent {
  /** Milliseconds (the caller's clock; only differences matter). */
  atMs: number;
  sessionId: string | null;
  /** The client address it counts against (lib/server/client-address.ts); null when unknown. */
  client?: string | null;
  reasoner: "llm" | "offline";
  usd: number;
}

/** Offline reasoner runs that started in one bucket of the window (windowMs / OFFLINE_BUCKETS). */
export interface OfflineBucket {
  startMs: number;
  runs: number;
  bySession: Record<string, number>;
  /** Runs per client address (absent in states saved before clients were counted). */
  byClient?: Record<string, number>;
}

/** Buckets per window for offline runs: counts, not events, since a window may hold 100,000 runs. */
const OFFLINE_BUCKETS = 60;

/** Recent usage inside the window, oldest first. JSON-serialisable. */
export interface BudgetState {
  /** LLM calls inside the window (each costs money, so they are few and kept exactly). */
  events: UsageEvent[];
  /** Offline reasoner runs per bucket, so the state and each check stay small under load. */
  offlineBuckets: OfflineBucket[];
}

export function emptyBudgetState(): BudgetState {
  return { events: [], offlineBuckets: [] };
}

export type BudgetDecision = {
  /** What the reasoning request may use: the LLM, the offline reasoner, or only the fast path. */
  use: "llm" | "offline" | "fast";
  /** Why, for route.reasons ("session LLM budget spent: $0.051 of $0.050 this hour …"). */
  reason: string;
  /** Why the LLM may not be used ("global LLM budget reached: …"), without what runs instead; null when it may. */
  refusal: string | null;
  sessionUsd: number;
  globalUsd: number;
  /** USD the client spent in the window (0 without a client). */
  clientUsd: number;
};

function windowEvents(state: BudgetState, config: BudgetConfig, nowMs: number): UsageEvent[] {
  return state.events.filter((event) => nowMs - event.atMs < config.windowMs && event.atMs <= nowMs);
}

/** Buckets still inside the window (a bucket counts while its start is within it). */
function windowBuckets(state: BudgetState, config: BudgetConfig, nowMs: number): OfflineBucket[] {
  return (state.offlineBuckets ?? []).filter((bucket) => nowMs - bucket.startMs < config.windowMs && bucket.startMs <= nowMs);
}

const money = (usd: number) => `$${usd.toFixed(usd < 0.1 ? 4 : 2)}`;
const windowText = (config: BudgetConfig) => (config.windowMs % 3_600_000 === 0 ? `${config.windowMs / 3_600_000} h` : `${Math.round(config.windowMs / 60_000)} min`);

/**
 * Decides what a request routed to reasoning may use. The LLM when no LLM ceiling would be
 * crossed by this request's estimated cost; else the offline reasoner, unless its run ceilings
 * are reached too, in which case the fast path. Without an LLM configured it starts at offline.
 */
export function guardBudget(input: {
  state: BudgetState;
  config: BudgetConfig;
  nowMs: number;
  sessionId: string | null;
  /** The client address (lib/server/client-address.ts); null or absent: no per-client share. */
  client?: string | null;
  /** Estimated USD of this request's LLM calls (router/cost-model.ts). */
  estimatedUsd: number;
  llmAvailable: boolean;
  /** Why the LLM is not available, when it is not ("LLM skipped: …"); default "no LLM configured". */
  unavailableReason?: string;
  /**
   * LLM spend in the window as every server process recorded it (the store's ledger). The guard
   * uses the larger of each total and this process's own record: the ledger holds the other
   * processes' calls, the process's record works without a store.
   */
  recorded?: { sessionUsd: number; globalUsd: number; clientUsd?: number };
}): BudgetDecision {
  const { config, sessionId } = input;
  const client = input.client ?? null;
  const events = windowEvents(input.state, config, input.nowMs);
  let globalUsd = 0;
  let sessionUsd = 0;
  let clientUsd = 0;
  let globalOffline = 0;
  let sessionOffline = 0;
  let clientOffline = 0;
  for (const event of events) {
    globalUsd += event.usd;
    if (sessionId !== null && event.sessionId === sessionId) sessionUsd += event.usd;
    if (client !== null && event.client === client) clientUsd += event.usd;
  }
  if (input.recorded) {
    globalUsd = Math.max(globalUsd, input.recorded.globalUsd);
    if (sessionId !== null) sessionUsd = Math.max(sessionUsd, input.recorded.sessionUsd);
    if (client !== null) clientUsd = Math.max(clientUsd, input.recorded.clientUsd ?? 0);
  }
  for (const bucket of windowBuckets(input.state, config, input.nowMs)) {
    globalOffline += bucket.runs;
    if (sessionId !== null) sessionOffline += bucket.bySession[sessionId] ?? 0;
    if (client !== null) clientOffline += bucket.byClient?.[client] ?? 0;
  }
  const share = clientShareOf(config);
  const clientUsdCeiling = config.globalUsdPerWindow * share;
  // At least one run: a tiny lowered ceiling times the share must not refuse every client outright.
  const clientOfflineCeiling = Math.max(1, Math.floor(config.globalOfflineRunsPerWindow * share));
  const spent = { sessionUsd, globalUsd, clientUsd };
  const offlineOrFast = (why: string): BudgetDecision => {
    if (globalOffline >= config.globalOfflineRunsPerWindow) {
      return {
        use: "fast",
        reason: `${why}; offline reasoner limit reached (${globalOffline} of ${config.globalOfflineRunsPerWindow} runs per ${windowText(config)}), fast path instead`,
        refusal: why,
        ...spent,
      };
    }
    if (sessionId !== null && sessionOffline >= config.sessionOfflineRunsPerWindow) {
      return {
        use: "fast",
        reason: `${why}; session offline reasoner limit reached (${sessionOffline} of ${config.sessionOfflineRunsPerWindow} runs per ${windowText(config)}), fast path instead`,
        refusal: why,
        ...spent,
      };
    }
    if (client !== null && share < 1 && clientOffline >= clientOfflineCeiling) {
      return {
        use: "fast",
        reason: `${why}; this client's share of the offline reasoner reached (${clientOffline} of ${clientOfflineCeiling} runs per ${windowText(config)}), fast path instead`,
        refusal: why,
        ...spent,
      };
    }
    return { use: "offline", reason: `${why}; offline reasoner instead`, refusal: why, ...spent };
  };
  if (!input.llmAvailable) return offlineOrFast(input.unavailableReason ?? "no LLM configured");
  if (globalUsd + input.estimatedUsd > config.globalUsdPerWindow) {
    return offlineOrFast(`global LLM budget reached: ${money(globalUsd)} spent of ${money(config.globalUsdPerWindow)} per ${windowText(config)}`);
  }
  if (sessionId !== null && sessionUsd + input.estimatedUsd > config.sessionUsdPerWindow) {
    return offlineOrFast(`session LLM budget reached: ${money(sessionUsd)} spent of ${money(config.sessionUsdPerWindow)} per ${windowText(config)}`);
  }
  if (client !== null && share < 1 && clientUsd + input.estimatedUsd > clientUsdCeiling) {
    return offlineOrFast(`this client's share of the LLM budget reached: ${money(clientUsd)} spent of ${money(clientUsdCeiling)} per ${windowText(config)}`);
  }
  return {
    use: "llm",
    reason: `within LLM budget (session ${money(sessionUsd)} of ${money(config.sessionUsdPerWindow)}, global ${money(globalUsd)} of ${money(config.globalUsdPerWindow)} per ${windowText(config)})`,
    refusal: null,
    ...spent,
  };
}

/** The configured share, kept in (0, 1] (a state or config from before shares existed counts as 1). */
function clientShareOf(config: BudgetConfig): number {
  const share = config.clientShare;
  return Number.isFinite(share) && share > 0 && share <= 1 ? share : 1;
}

/** The state after a run (LLM spend or an offline run), with events outside the window dropped. */
export function recordUsage(state: BudgetState, event: UsageEvent, config: BudgetConfig): BudgetState {
  const buckets = windowBuckets(state, config, event.atMs);
  if (event.reasoner === "llm") return { events: [...windowEvents(state, config, event.atMs), event], offlineBuckets: buckets };
  const width = Math.max(1, Math.floor(config.windowMs / OFFLINE_BUCKETS));
  const startMs = Math.floor(event.atMs / width) * width;
  const last = buckets[buckets.length - 1];
  const bucket: OfflineBucket = last && last.startMs === startMs ? { ...last, bySession: { ...last.bySession }, byClient: { ...last.byClient } } : { startMs, runs: 0, bySession: {}, byClient: {} };
  bucket.runs += 1;
  if (event.sessionId !== null) bucket.bySession[event.sessionId] = (bucket.bySession[event.sessionId] ?? 0) + 1;
  if (event.client) bucket.byClient![event.client] = (bucket.byClient![event.client] ?? 0) + 1;
  return { events: windowEvents(state, config, event.atMs), offlineBuckets: last && last.startMs === startMs ? [...buckets.slice(0, -1), bucket] : [...buckets, bucket] };
}

/**
 * Budget config from environment variables (passed in, not read): REELCAST_LLM_BUDGET_WINDOW_MS,
 * REELCAST_LLM_BUDGET_SESSION_USD, REELCAST_LLM_BUDGET_GLOBAL_USD, REELCAST_OFFLINE_RUNS_GLOBAL,
 * REELCAST_OFFLINE_RUNS_SESSION, REELCAST_CLIENT_BUDGET_SHARE (a fraction in (0, 1]); unset or
 * invalid values keep the defaults.
 */
export function budgetConfigFromEnvironment(environment: Readonly<Record<string, string | undefined>>): BudgetConfig {
  const number = (name: string, fallback: number) => {
    const value = Number(environment[name]);
    return environment[name] !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;
  };
  // The server runs one process per core. LLM spend is shared through the store's ledger, so the
  // USD ceilings apply whole; offline runs are counted per process (they cost that process's CPU),
  // so each enforces its share of the global run ceiling.
  const processes = Math.max(1, Math.floor(number("REELCAST_WORKER_COUNT", 1)));
  const share = number("REELCAST_CLIENT_BUDGET_SHARE", DEFAULT_BUDGET.clientShare);
  return {
    windowMs: number("REELCAST_LLM_BUDGET_WINDOW_MS", DEFAULT_BUDGET.windowMs) || DEFAULT_BUDGET.windowMs,
    sessionUsdPerWindow: number("REELCAST_LLM_BUDGET_SESSION_USD", DEFAULT_BUDGET.sessionUsdPerWindow),
    globalUsdPerWindow: number("REELCAST_LLM_BUDGET_GLOBAL_USD", DEFAULT_BUDGET.globalUsdPerWindow),
    globalOfflineRunsPerWindow: Math.floor(number("REELCAST_OFFLINE_RUNS_GLOBAL", DEFAULT_BUDGET.globalOfflineRunsPerWindow) / processes),
    sessionOfflineRunsPerWindow: number("REELCAST_OFFLINE_RUNS_SESSION", DEFAULT_BUDGET.sessionOfflineRunsPerWindow),
    // 0 would refuse every client everything: outside (0, 1] the default holds.
    clientShare: share > 0 && share <= 1 ? share : DEFAULT_BUDGET.clientShare,
  };
}
