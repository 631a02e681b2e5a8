/**
 * One measurement of bench:store (scripts/bench-store.ts), run in its own process: fast requests
 * through `recommend()` with the store the server opens (a file, synchronous NORMAL, feedback
 * FULL, WAL checkpoints on a worker thread, reportingStore around it, the bandit following the
 * event log), timing every store call.
 *
 * The code measured is imported from `--root` (default: this checkout), so the parent can run the
 * same probe against a copy of another commit and interleave the two. Every Store method is
 * timed through a Proxy, whatever methods that commit's Store has: the SQLite adapter does its
 * work synchronously when called (better-sqlite3; the promise only carries the result), so the
 * synchronous part of a call is its cost. The loop runs at raised scheduling priority when the
 * OS allows it (scripts/bench/raised-priority.ts), so that other processes on the machine
 * rarely preempt a timed call; the per-request medians are reported beside the means for the
 * same reason. A session update's callback (the pipeline's own read-modify-write of the
 * session state) runs inside the store call; its time is reported apart.
 *
 * Prints one line: `result {json}`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os, { getPriority, setPriority } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { generateFastPathQueries } from "./fast-path-queries";
import { percentile } from "./latency-stats";
import { TIMING_PRIORITY } from "./raised-priority";

type StoreModule = typeof import("../../lib/store");
type EngineModule = typeof import("../../lib/server/engine-singleton");
type PersistenceModule = typeof import("../../lib/server/bandit-persistence");
type FollowerModule = typeof import("../../lib/server/bandit-log-follower");
type RecommendModule = typeof import("../../lib/pipeline/recommend");
type Store = import("../../lib/store").Store;

const { values } = parseArgs({
  options: {
    root: { type: "string", default: path.resolve(import.meta.dirname, "../..") },
    requests: { type: "string", default: "3000" },
    sessions: { type: "string", default: "200" },
    warmup: { type: "string", default: "300" },
  },
});
const root = path.resolve(values.root!);
const requests = Number(values.requests);
const sessions = Number(values.sessions);
const warmUp = Number(values.warmup);

const load = <T>(file: string): Promise<T> => import(pathToFileURL(path.join(root, file)).href) as Promise<T>;
const storeModule = await load<StoreModule>("lib/store/index.ts");
const { createEngine } = await load<EngineModule>("lib/server/engine-singleton.ts");
const { restoreBanditState } = await load<PersistenceModule>("lib/server/bandit-persistence.ts");
const { followBanditLog } = await load<FollowerModule>("lib/server/bandit-log-follower.ts");
const { recommend } = await load<RecommendModule>("lib/pipeline/recommend.ts");

/** Milliseconds of synchronous work per store method, and of session-update callbacks inside them. */
const spent = new Map<string, { calls: number; ms: number; samples: number[] }>();
let callbackMs = 0;
let requestStoreMs = 0;
const add = (name: string, ms: number) => {
  const entry = spent.get(name) ?? { calls: 0, ms: 0, samples: [] };
  entry.calls++;
  entry.ms += ms;
  entry.samples.push(ms);
  spent.set(name, entry);
  requestStoreMs += ms;
};

/** Times a callback passed to the store (a session update), so it can be told apart from the store's own work. */
function timedCallback(argument: unknown): unknown {
  if (typeof argument !== "function") return argument;
  return (...inner: unknown[]) => {
    const started = performance.now();
    try {
      return (argument as (...values: unknown[]) => unknown)(...inner);
    } finally {
      callbackMs += performance.now() - started;
    }
  };
}

/** The same store, timing the synchronous part of every call (callbacks of the calls' arguments too, one level into objects). */
function timedStore(store: Store): Store {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function" || typeof property !== "string") return value;
      return (...args: unknown[]) => {
        const wrapped = args.map((argument) => {
          if (typeof argument === "function") return timedCallback(argument);
          if (argument && typeof argument === "object" && !Array.isArray(argument)) {
            return Object.fromEntries(
              Object.entries(argument).map(([key, inner]) => [
                key,
                inner && typeof inner === "object" && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).map(([k, v]) => [k, timedCallback(v)])) : timedCallback(inner),
              ]),
            );
          }
          return argument;
        });
        const started = performance.now();
        const result: unknown = (value as (...values: unknown[]) => unknown).apply(target, wrapped);
        add(property, performance.now() - started);
        return result;
      };
    },
  });
}

const directory = mkdtempSync(path.join(os.tmpdir(), "reelcast-bench-store-"));
const opened = storeModule.openSqliteStore({ path: path.join(directory, "bench.sqlite"), synchronous: "NORMAL", feedbackSynchronous: "FULL", backgroundCheckpointMs: 250 });
const store = timedStore(storeModule.reportingStore(opened, { failed: () => undefined, wrote: () => undefined }));
const restored = await restoreBanditState(store);
const engine = await createEngine({ store, banditState: restored.state, seed: 2026, environment: { NODE_ENV: "production" } });
engine.bandit!.log = followBanditLog(store, restored.state, restored.replay.throughSequence, restored.snapshotSequence);

const queries = generateFastPathQueries(engine.catalog.items, { count: requests + warmUp, seed: 2026 });
const sessionIds = Array.from({ length: sessions }, (_, index) => `bench-session-${String(index).padStart(8, "0")}`);
const ask = (index: number) => {
  const query = queries[index % queries.length];
  return recommend({ query: query.query, limit: 10, route: "fast", sessionId: sessionIds[index % sessions], ...(query.discovery === undefined ? {} : { discovery: query.discovery }) }, engine);
};

// The whole process, awaits included (atRaisedPriority times synchronous loops only). Not
// permitted: measured at normal priority, and the result says so.
const previousPriority = getPriority();
const raisedPriority = ((): boolean => {
  try {
    setPriority(TIMING_PRIORITY);
  } catch {
    return false;
  }
  return true;
})();
for (let index = 0; index < warmUp; index++) await ask(index);
spent.clear();
callbackMs = 0;

const perRequestStore: number[] = [];
const perRequest: number[] = [];
const cpuBefore = process.cpuUsage();
// Monotonic microseconds, the clock of --cpu-prof's sample times: the profile is read for this window only.
const windowStartUs = Number(process.hrtime.bigint() / 1000n);
const started = performance.now();
for (let index = warmUp; index < warmUp + requests; index++) {
  requestStoreMs = 0;
  const requestStarted = performance.now();
  await ask(index);
  perRequest.push(performance.now() - requestStarted);
  perRequestStore.push(requestStoreMs);
}
const wallMs = performance.now() - started;
const windowEndUs = Number(process.hrtime.bigint() / 1000n);
const cpu = process.cpuUsage(cpuBefore);
if (raisedPriority) setPriority(previousPriority);
const counts = await opened.counts();
await opened.close();
rmSync(directory, { recursive: true, force: true });

const round = (value: number, places = 4) => Math.round(value * 10 ** places) / 10 ** places;
const storeTotal = [...spent.values()].reduce((sum, entry) => sum + entry.ms, 0);
process.stdout.write(
  `result ${JSON.stringify({
    root,
    requests,
    sessions,
    loadAverage: os.loadavg()[0],
    raisedPriority,
    timedWindowUs: [windowStartUs, windowEndUs],
    storeMsPerRequest: round(storeTotal / requests),
    storeWithoutCallbacksMsPerRequest: round((storeTotal - callbackMs) / requests),
    sessionCallbackMsPerRequest: round(callbackMs / requests),
    storeP50: round(percentile(perRequestStore, 0.5)),
    storeP99: round(percentile(perRequestStore, 0.99)),
    recommendMsPerRequest: round(wallMs / requests),
    recommendP50: round(percentile(perRequest, 0.5)),
    processCpuMsPerRequest: round((cpu.user + cpu.system) / 1000 / requests),
    byMethod: Object.fromEntries(
      [...spent].map(([name, entry]) => [name, { callsPerRequest: round(entry.calls / requests, 2), msPerRequest: round(entry.ms / requests), p50Ms: round(percentile(entry.samples, 0.5)) }]),
    ),
    counts,
  })}\n`,
);
