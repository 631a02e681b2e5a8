/**
 * `npm run bench -- --store postgres [--quick] [--write] [--json]` (or `npm run bench:store-backends`):
 * SQLite beside PostgreSQL in one run, every row taking turns between them so the machine's other
 * load falls on both alike.
 *  1. Production servers (one process each) at 1 and 2 replicas over one database of each backend:
 *     feedback write latency (open loop at FEEDBACK_RATE events/s over all replicas, from each
 *     event's due time to its 202) and recommend throughput (closed loop, 16 connections over
 *     all replicas, fast-path queries of returning sessions).
 *  2. An open-loop ramp of feedback events/s on the 2-replica deployments until p99 passes 50 ms
 *     (or fewer than 95 % are served) in two steps in a row (one noisy step on a shared machine
 *     does not end it): the whole write path on this machine.
 *  3. The same ramp straight into the store from this process (no HTTP, no bandit): how far the
 *     database itself carries the writes, with PostgreSQL's CPU and WAL bytes per event.
 * PostgreSQL is REELCAST_TEST_DATABASE_URL when set, else a throw-away cluster
 * (scripts/ci/postgres-cluster.sh) with PostgreSQL's default settings. --write records the
 * section "Store backends: SQLite and PostgreSQL" of docs/BENCHMARKS.md.
 */
import os from "node:os";
import path from "node:path";
import { mkdtempSync, rmSync } from "node:fs";
import pg from "pg";
import { loadCurrentCatalog } from "../catalog/bundle-loader";
import { openSqliteStore, type Store } from "../lib/store";
import { openPostgresStore } from "../lib/store/postgres/postgres-store";
import { startDeployment, type BackendName, type Deployment } from "./bench/backend-deployment";
import { closedLoopSamples } from "./bench/closed-loop-load";
import { loadResult, type LoadResult, type LoadSamples } from "./bench/load-result";
import { openLoopSamples } from "./bench/open-loop-load";
import { treeCpuMs } from "./bench/process-cpu";
import { fastQueries } from "./bench/query-sets";
import { describeCommit, runContext } from "./support/run-context";
import { serverSessionIds, sessionBodies } from "./bench/server-sessions";
import { feedbackEvent, seedImpressions, storeWriteSamples, type FeedbackTarget } from "./bench/store-write-ramp";
import { benchPostgres } from "./bench/throwaway-postgres";
import { replaceMarkdownSection } from "./support/markdown-section";
import { prepareApp } from "./support/prepare-app";

const asJson = process.argv.includes("--json");
const write = process.argv.includes("--write");
const quick = process.argv.includes("--quick");
const storeArgument = process.argv.indexOf("--store");
if (storeArgument > 0 && process.argv[storeArgument + 1] !== "postgres") throw new Error("--store takes postgres (measured beside SQLite, the default store, in the same run)");
const SECTION = "Store backends: SQLite and PostgreSQL (npm run bench -- --store postgres)";
const BACKENDS: readonly BackendName[] = ["sqlite", "postgres"];
/** Feedback events per second offered in the latency rows, over all replicas. */
const FEEDBACK_RATE = 100;
/** Recommend connections in the throughput rows, over all replicas. */
const CONNECTIONS = 16;
const ROUNDS = quick ? 2 : 4;
const ROUND_SECONDS = quick ? 1.5 : 3;
const STEP_SECONDS = quick ? 1.5 : 3;
const HTTP_RAMP = quick ? [50, 200, 800] : [50, 100, 150, 200, 300, 400, 600, 800, 1000, 1300, 1600, 2000];
const STORE_RAMP = quick ? [100, 400, 1600] : [100, 200, 300, 400, 600, 800, 1000, 1500, 2000, 3000, 4000, 6000, 8000];
const P99_LIMIT_MS = 50;
const context = runContext();
const log = (line: string) => {
  if (!asJson) process.stdout.write(`${line}\n`);
};

/** Stretches that ran side by side (one per replica) as one: wall time is the longest, samples add up. */
function sideBySide(stretches: readonly LoadSamples[]): LoadSamples {
  return {
    seconds: Math.max(...stretches.map((stretch) => stretch.seconds)),
    errors: stretches.reduce((sum, stretch) => sum + stretch.errors, 0),
    non2xx: stretches.reduce((sum, stretch) => sum + stretch.non2xx, 0),
    latencies: stretches.flatMap((stretch) => stretch.latencies),
  };
}

/** Slots to send feedback about: answers from each replica in turn. */
async function answerTargets(deployment: Deployment, answers: number): Promise<FeedbackTarget[]> {
  const targets: FeedbackTarget[] = [];
  const queries = fastQueries(loadCurrentCatalog(), answers, 3);
  for (let index = 0; index < answers; index++) {
    const server = deployment.replicas[index % deployment.replicas.length];
    const response = await fetch(`${server.baseUrl}/api/recommend`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: queries[index], limit: 10 }) });
    const body = (await response.json()) as { impressionId?: string; items?: Array<{ id: string }> };
    if (!response.ok || !body.impressionId || !body.items) throw new Error(`no impression from ${server.baseUrl} (HTTP ${response.status})`);
    for (const item of body.items) targets.push({ impressionId: body.impressionId, itemId: item.id });
  }
  return targets;
}

interface Measured {
  deployment: Deployment;
  targets: FeedbackTarget[];
  recommendBodies: string[][];
  sent: number;
  feedback: LoadSamples[];
  recommend: LoadSamples[];
}

/** Open-loop feedback at `rate` over all replicas (each its share), every event a new one. */
async function feedbackStretch(measured: Measured, rate: number, seconds: number): Promise<LoadSamples> {
  const { replicas } = measured.deployment;
  const perReplica = Math.round((rate / replicas.length) * seconds);
  const first = measured.sent;
  measured.sent += perReplica * replicas.length;
  return sideBySide(
    await Promise.all(
      replicas.map((replica, index) => {
        const bodies = Array.from({ length: perReplica }, (_, n) => JSON.stringify(feedbackEvent(measured.targets, first + n * replicas.length + index, `bench-${process.pid}`)));
        return openLoopSamples(`${replica.baseUrl}/api/feedback`, bodies, { rate: rate / replicas.length, seconds, connections: 16 });
      }),
    ),
  );
}

async function recommendStretch(measured: Measured, seconds: number): Promise<LoadSamples> {
  const { replicas } = measured.deployment;
  return sideBySide(await Promise.all(replicas.map((replica, index) => closedLoopSamples(replica.baseUrl, measured.recommendBodies[index], CONNECTIONS / replicas.length, { seconds }))));
}

interface RampStep {
  backend: BackendName;
  result: LoadResult;
  /** CPU per event served: the server processes (HTTP ramp) or this process (store ramp), and PostgreSQL's. */
  cpuMsPerEvent: number;
  postgresCpuMsPerEvent: number | null;
  walBytesPerEvent: number | null;
}

const passedLimit = (result: LoadResult) => result.latencyMs.p99 > P99_LIMIT_MS || result.requests < 0.95 * Math.round((result.offeredRate ?? 0) * STEP_SECONDS) || result.errors + result.non2xx > 0;
/** A backend's ramp ends after two steps in a row past the limit: one noisy step on a shared machine does not end it. */
function twoInARowPassed(steps: readonly RampStep[], backend: BackendName): boolean {
  const lastTwo = steps.filter((step) => step.backend === backend).slice(-2);
  return lastTwo.length === 2 && lastTwo.every((step) => passedLimit(step.result));
}
const round2 = (value: number) => Math.round(value * 100) / 100;

async function walPosition(client: pg.Client): Promise<string> {
  return (await client.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn")).rows[0].lsn;
}

async function walBytesSince(client: pg.Client, from: string): Promise<number> {
  return Number((await client.query<{ bytes: string }>("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn)::bigint AS bytes", [from])).rows[0].bytes);
}

await prepareApp(process.cwd(), { log });
const postgres = benchPostgres(process.cwd());
const admin = new pg.Client({ connectionString: postgres.url });
await admin.connect();
const postgresVersion = (await admin.query<{ server_version: string }>("SHOW server_version")).rows[0].server_version;
const postgresSettings = (
  await admin.query<{ name: string; setting: string }>(
    "SELECT name, setting FROM pg_settings WHERE name IN ('shared_buffers', 'synchronous_commit', 'fsync', 'wal_level', 'max_wal_size') ORDER BY name",
  )
).rows
  .map((row) => `${row.name}=${row.setting}`)
  .join(", ");
const postgresCpuMs = () => (postgres.postmasterPid ? treeCpuMs(postgres.postmasterPid) : Number.NaN);

const deployments: Measured[] = [];
try {
  log(`Starting 1 and 2 replicas over SQLite and over PostgreSQL ${postgresVersion} (${postgresSettings})…`);
  for (const replicas of [1, 2]) {
    for (const backend of BACKENDS) {
      const deployment = await startDeployment(backend, replicas, { name: `${backend}${replicas}`, postgresUrl: postgres.url });
      const sessions = await serverSessionIds(deployment.replicas[0].baseUrl, 100);
      const queries = fastQueries(loadCurrentCatalog(), 1000);
      deployments.push({
        deployment,
        targets: await answerTargets(deployment, quick ? 60 : 200),
        recommendBodies: deployment.replicas.map((_, index) => sessionBodies(queries, sessions, {}, index * 50)),
        sent: 0,
        feedback: [],
        recommend: [],
      });
      log(`  ${backend} × ${replicas}: ${deployment.replicas.map((replica) => replica.baseUrl).join(", ")}`);
    }
  }

  log(`Feedback at ${FEEDBACK_RATE} events/s and recommend at ${CONNECTIONS} connections: ${ROUNDS} rounds of ${ROUND_SECONDS} s per deployment, taking turns…`);
  for (const measured of deployments) {
    await feedbackStretch(measured, FEEDBACK_RATE, 1);
    await recommendStretch(measured, 1);
  }
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? deployments : [...deployments].reverse();
    for (const measured of order) {
      measured.feedback.push(await feedbackStretch(measured, FEEDBACK_RATE, ROUND_SECONDS));
      measured.recommend.push(await recommendStretch(measured, ROUND_SECONDS));
    }
  }
  const rows = deployments.map((measured) => {
    const label = `${measured.deployment.backend} × ${measured.deployment.replicas.length}`;
    return {
      backend: measured.deployment.backend,
      replicas: measured.deployment.replicas.length,
      feedback: loadResult(`${label} feedback`, { connections: 16 * measured.deployment.replicas.length, offeredRate: FEEDBACK_RATE }, measured.feedback),
      recommend: loadResult(`${label} recommend`, { connections: CONNECTIONS, offeredRate: null }, measured.recommend),
    };
  });
  for (const row of rows) {
    log(
      `  ${row.backend} × ${row.replicas}: feedback p50 ${row.feedback.latencyMs.p50} / p99 ${row.feedback.latencyMs.p99} ms (${row.feedback.requests} events, errors ${row.feedback.errors + row.feedback.non2xx}); recommend ${row.recommend.requestsPerSecond} req/s, p50 ${row.recommend.latencyMs.p50} / p99 ${row.recommend.latencyMs.p99} ms`,
    );
  }

  log(`Feedback ramp on 2 replicas until p99 passes ${P99_LIMIT_MS} ms (${STEP_SECONDS} s a step, backends taking turns)…`);
  const httpRamp: RampStep[] = [];
  const httpDone = new Set<BackendName>();
  for (const [stepIndex, rate] of HTTP_RAMP.entries()) {
    const order = stepIndex % 2 === 0 ? BACKENDS : [...BACKENDS].reverse();
    for (const backend of order) {
      if (httpDone.has(backend)) continue;
      const measured = deployments.find((entry) => entry.deployment.backend === backend && entry.deployment.replicas.length === 2)!;
      const cpuBefore = measured.deployment.serverCpuMs();
      const postgresBefore = postgresCpuMs();
      const result = loadResult(`${backend} ${rate}/s`, { connections: 32, offeredRate: rate }, [await feedbackStretch(measured, rate, STEP_SECONDS)]);
      const served = Math.max(1, result.requests);
      httpRamp.push({
        backend,
        result,
        cpuMsPerEvent: round2((measured.deployment.serverCpuMs() - cpuBefore) / served),
        postgresCpuMsPerEvent: backend === "postgres" && postgres.postmasterPid ? round2((postgresCpuMs() - postgresBefore) / served) : null,
        walBytesPerEvent: null,
      });
      log(`  ${backend} ${rate}/s: served ${result.requestsPerSecond}/s, p50 ${result.latencyMs.p50} / p99 ${result.latencyMs.p99} ms, errors ${result.errors + result.non2xx}`);
      if (twoInARowPassed(httpRamp, backend)) httpDone.add(backend);
    }
    if (httpDone.size === BACKENDS.length) break;
  }
  for (const measured of deployments.splice(0)) await measured.deployment.stop();

  log("Store write ramp from this process (no HTTP, no bandit)…");
  const directory = mkdtempSync(path.join(os.tmpdir(), "reelcast-store-ramp-"));
  const schema = `bench_store_ramp_${process.pid}`;
  // As the server opens each: SQLite fsyncs each feedback commit; PostgreSQL commits with synchronous_commit=on.
  const stores: Record<BackendName, Store> = {
    sqlite: openSqliteStore({ path: path.join(directory, "reelcast.sqlite"), synchronous: "NORMAL", feedbackSynchronous: "FULL", backgroundCheckpointMs: 250 }),
    postgres: await openPostgresStore({ connectionString: postgres.url, schema }),
  };
  const storeRamp: RampStep[] = [];
  try {
    const targets = { sqlite: await seedImpressions(stores.sqlite, 300), postgres: await seedImpressions(stores.postgres, 300) };
    // A first stretch per store, not recorded: the first writes pay for cold caches and a growing WAL.
    for (const backend of BACKENDS) await storeWriteSamples(stores[backend], targets[backend], { rate: STORE_RAMP[0], seconds: 1, prefix: "warm-up", maxInFlight: 64 });
    const storeDone = new Set<BackendName>();
    for (const [stepIndex, rate] of STORE_RAMP.entries()) {
      const order = stepIndex % 2 === 0 ? BACKENDS : [...BACKENDS].reverse();
      for (const backend of order) {
        if (storeDone.has(backend)) continue;
        const cpuBefore = process.cpuUsage();
        const postgresBefore = postgresCpuMs();
        const walBefore = backend === "postgres" ? await walPosition(admin) : null;
        const samples = await storeWriteSamples(stores[backend], targets[backend], { rate, seconds: STEP_SECONDS, prefix: `ramp-${rate}`, maxInFlight: 64 });
        const result = loadResult(`${backend} store ${rate}/s`, { connections: 64, offeredRate: rate }, [samples]);
        const served = Math.max(1, result.requests);
        const cpu = process.cpuUsage(cpuBefore);
        storeRamp.push({
          backend,
          result,
          cpuMsPerEvent: round2((cpu.user + cpu.system) / 1000 / served),
          postgresCpuMsPerEvent: backend === "postgres" && postgres.postmasterPid ? round2((postgresCpuMs() - postgresBefore) / served) : null,
          walBytesPerEvent: walBefore === null ? null : Math.round((await walBytesSince(admin, walBefore)) / served),
        });
        log(`  ${backend} ${rate}/s: served ${result.requestsPerSecond}/s, p50 ${result.latencyMs.p50} / p99 ${result.latencyMs.p99} ms, errors ${result.errors}`);
        if (twoInARowPassed(storeRamp, backend)) storeDone.add(backend);
      }
      if (storeDone.size === BACKENDS.length) break;
    }
  } finally {
    await stores.sqlite.close();
    await stores.postgres.close();
    rmSync(directory, { recursive: true, force: true });
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  }

  const loadAverageAtEnd = Math.round(os.loadavg()[0] * 10) / 10;
  const report = { ...context, loadAverageAtEnd, postgres: { version: postgresVersion, settings: postgresSettings }, rows, httpRamp, storeRamp };
  if (asJson) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  if (write) {
    replaceMarkdownSection(path.join("docs", "BENCHMARKS.md"), SECTION, backendsMarkdown(report));
    log(`Wrote "${SECTION}" in docs/BENCHMARKS.md`);
  }
} finally {
  for (const measured of deployments) await measured.deployment.stop().catch(() => undefined);
  await admin.end().catch(() => undefined);
  postgres.stop();
}

/** The carried rate: the highest step within the limit before the first that passed it. */
function carried(steps: readonly RampStep[], backend: BackendName): { carried: RampStep | null; passed: RampStep | null } {
  const own = steps.filter((step) => step.backend === backend);
  const passedIndex = own.findIndex((step) => passedLimit(step.result));
  const within = passedIndex === -1 ? own : own.slice(0, passedIndex);
  return { carried: within.at(-1) ?? null, passed: passedIndex === -1 ? null : own[passedIndex] };
}

function rampTable(steps: readonly RampStep[], cpuHeading: string): string[] {
  const rates = [...new Set(steps.map((step) => step.result.offeredRate ?? 0))];
  const withWal = steps.some((step) => step.walBytesPerEvent !== null);
  const cells = (backend: BackendName, rate: number): string[] => {
    const step = steps.find((each) => each.backend === backend && each.result.offeredRate === rate);
    const extra = backend === "postgres" ? (withWal ? 2 : 1) : 0;
    if (!step) return Array.from({ length: 3 + extra }, () => "—");
    const own = [String(step.result.requestsPerSecond), `${step.result.latencyMs.p50} / ${step.result.latencyMs.p99}${passedLimit(step.result) ? " ✗" : ""}`, String(step.cpuMsPerEvent)];
    if (backend === "postgres") own.push(String(step.postgresCpuMsPerEvent ?? "n/a"));
    if (backend === "postgres" && withWal) own.push(String(step.walBytesPerEvent ?? "n/a"));
    return own;
  };
  return [
    `| offered events/s | SQLite served/s | SQLite p50 / p99 ms | SQLite ${cpuHeading} | PostgreSQL served/s | PostgreSQL p50 / p99 ms | PostgreSQL ${cpuHeading} | PostgreSQL processes' CPU ms/event${withWal ? " | WAL bytes/event" : ""} |`,
    `|---:|---:|---:|---:|---:|---:|---:|---:|${withWal ? "---:|" : ""}`,
    ...rates.map((rate) => `| ${rate} | ${[...cells("sqlite", rate), ...cells("postgres", rate)].join(" | ")} |`),
  ];
}

function describeCarried(steps: readonly RampStep[], backend: BackendName): string {
  const { carried: within, passed } = carried(steps, backend);
  const name = backend === "sqlite" ? "SQLite" : "PostgreSQL";
  if (!within) return `${name}: past ${P99_LIMIT_MS} ms at the first step`;
  return `${name} carried **${within.result.requestsPerSecond} events/s** with p99 ${within.result.latencyMs.p99} ms${passed ? `; at ${passed.result.offeredRate}/s p99 was ${passed.result.latencyMs.p99} ms (served ${passed.result.requestsPerSecond}/s)` : " (the ramp's last step; the limit was not reached)"}`;
}

function backendsMarkdown(report: {
  date: string;
  machine: string;
  loadAverageAtStart: number;
  loadAverageAtEnd: number;
  postgres: { version: string; settings: string };
  rows: Array<{ backend: BackendName; replicas: number; feedback: LoadResult; recommend: LoadResult }>;
  httpRamp: RampStep[];
  storeRamp: RampStep[];
}): string {
  return [
    `Command: \`npm run bench -- --store postgres${quick ? " --quick" : ""} --write\` (scripts/bench-store-backends.ts). ${describeCommit(context)}, ${report.date}, ${report.machine}; load average ${report.loadAverageAtStart} at the start, ${report.loadAverageAtEnd} at the end (the machine is shared: every row takes turns between the backends so that the other load falls on both). PostgreSQL ${report.postgres.version}, a throw-away cluster on the same machine (scripts/ci/postgres-cluster.sh, default settings: ${report.postgres.settings}); SQLite as the server opens it (WAL, each feedback commit fsynced). Each replica is one server process (REELCAST_WORKERS=1); the load generator runs on the same two cores.`,
    "",
    `**Replicas**: feedback at ${FEEDBACK_RATE} events/s offered (open loop, over all replicas, latency from each event's due time to its 202) and recommend throughput (closed loop, ${CONNECTIONS} connections over all replicas, fast-path queries of 100 returning sessions), ${ROUNDS} rounds of ${ROUND_SECONDS} s each.`,
    "",
    "| backend | replicas | feedback events | feedback p50 ms | feedback p99 ms | recommend req/s | recommend p50 ms | recommend p99 ms | errors |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...report.rows.map(
      (row) =>
        `| ${row.backend === "sqlite" ? "SQLite" : "PostgreSQL"} | ${row.replicas} | ${row.feedback.requests} | ${row.feedback.latencyMs.p50} | ${row.feedback.latencyMs.p99} | ${row.recommend.requestsPerSecond} | ${row.recommend.latencyMs.p50} | ${row.recommend.latencyMs.p99} | ${row.feedback.errors + row.feedback.non2xx + row.recommend.errors + row.recommend.non2xx} |`,
    ),
    "",
    `**Feedback ramp through 2 replicas** (open loop, ${STEP_SECONDS} s a step, until p99 passes ${P99_LIMIT_MS} ms or fewer than 95 % are served (✗) in two steps in a row): ${describeCarried(report.httpRamp, "sqlite")}; ${describeCarried(report.httpRamp, "postgres")}. Server CPU is both replicas' processes per event served.`,
    "",
    ...rampTable(report.httpRamp, "server CPU ms/event"),
    "",
    `**Store write ramp** (Store.recordFeedback from the bench process, no HTTP and no bandit, open loop with at most 64 in flight, ${STEP_SECONDS} s a step, the same stopping rule; PostgreSQL through the store's pool of 10 connections): ${describeCarried(report.storeRamp, "sqlite")}; ${describeCarried(report.storeRamp, "postgres")}. Client CPU is the bench process's per event; PostgreSQL's is every backend process's; WAL bytes from pg_current_wal_lsn().`,
    "",
    ...rampTable(report.storeRamp, "client CPU ms/event"),
    "",
    "What this means for running past one machine, with the arithmetic: docs/SCALE-OUT.md.",
  ].join("\n");
}
