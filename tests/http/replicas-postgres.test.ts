import assert from "node:assert/strict";
import { test, type TestContext } from "node:test";
import { catchUpFromLog, createBanditState, deserializeBanditState, serializeBanditState, type SerializedBanditState } from "../../lib/bandit";
import { recommendResponseSchema, type RecommendResponse } from "../../lib/pipeline/contract";
import type { Store } from "../../lib/store";
import { startNextServer, type RunningServer } from "../../support/next-server";
import { startOpenAiTestServer, type ChatCompletionRequest, type ChatReply, type OpenAiTestServer } from "../../support/openai-test-server";
import { postgresSkip, withTestDatabase, type TestDatabase } from "../unit/store/helpers/store-backends";

/**
 * Two production servers (replicas) on different ports over ONE PostgreSQL database (a fresh
 * schema of the database at REELCAST_TEST_DATABASE_URL, dropped afterwards; skipped without it
 * outside CI, failing under CI, as the store suite does). Each replica is one process
 * (REELCAST_WORKERS=1), so a replica's bandit state is that process's: the one its snapshot
 * writer saves. Shown on the wire:
 *  (a) interleaved answers and feedback on both: every bandit snapshot either replica saved
 *      equals a replay of the log through its watermark, and each replica saved one through the
 *      last event;
 *  (b) reasoning requests arriving at both at the same moment: the ledger's reservations never
 *      pass the session or the global ceiling, and the provider is called once per reservation;
 *  (c) kill -9 of one replica mid-feedback: every 202 either replica gave is in the database,
 *      and the other replica keeps answering.
 */

/** Reasoning prompts for this query cost about $0.00088 each (estimate; the answer settles at about half). */
const REASONING = "a sci-fi movie that feels like Blade Runner but was made in the 90s";
/** Two reservations fit one session, a third does not. */
const SESSION_CEILING_USD = 0.0022;
/** After the session's two, about five more fit the whole service. */
const GLOBAL_CEILING_USD = 0.0058;
const FAST_QUERIES = ["toy story", "comedy", "tom hanks", "pixar", "heat", "alien", "western", "horror", "war", "musical", "crime", "romance", "jaws", "the matrix", "drama", "space"];
const EVENTS = ["click", "like", "play", "skip", "dismiss"] as const;

type Replicas = readonly [RunningServer, RunningServer];

const CI_WITHOUT_DATABASE =
  "CI is set but REELCAST_TEST_DATABASE_URL is not: the replica test must run against PostgreSQL in CI (.ci/run starts a throw-away cluster with scripts/ci/postgres-cluster.sh and exports it).";

test("two replicas over one PostgreSQL: one bandit state, shared spend ceilings, no acknowledged feedback lost to kill -9", { skip: postgresSkip() }, async (t) => {
  if (!process.env.REELCAST_TEST_DATABASE_URL?.trim()) assert.fail(CI_WITHOUT_DATABASE);
  await withTestDatabase("postgres", async (database) => {
    const llm = await startOpenAiTestServer();
    const { connectionString, schema } = database.postgres!;
    const environment = {
      REELCAST_DATABASE_URL: connectionString,
      REELCAST_DATABASE_SCHEMA: schema,
      REELCAST_WORKERS: "1",
      OPENAI_API_KEY: "test-key",
      OPENAI_BASE_URL: llm.baseURL,
      REELCAST_LLM_MODEL: "test-model",
      // The provider is held on purpose in (b): no call may time out meanwhile.
      REELCAST_LLM_TIMEOUT_MS: "120000",
      REELCAST_LLM_BUDGET_SESSION_USD: String(SESSION_CEILING_USD),
      REELCAST_LLM_BUDGET_GLOBAL_USD: String(GLOBAL_CEILING_USD),
      // Every request comes from 127.0.0.1: the per-address share would be a third ceiling.
      REELCAST_CLIENT_BUDGET_SHARE: "1",
      // Each replica's snapshot writer saves its state every second (beside the retention run)
      // instead of every 30 s: the snapshots are how the test sees each replica's state.
      REELCAST_RETENTION_INTERVAL_MS: "1000",
      REELCAST_EVALUATION_INTERVAL_MS: "0",
    };
    // Both at once on an empty schema: the migrations run once, under the advisory lock.
    const started = await Promise.allSettled([startNextServer(environment, 180_000), startNextServer(environment, 180_000)]);
    const running = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    try {
      const failed = started.find((result) => result.status === "rejected");
      if (failed) throw failed.reason;
      const replicas = running as unknown as Replicas;
      const versions = await database.sql("SELECT version, count(*)::int AS n FROM schema_version GROUP BY version ORDER BY version");
      assert.ok(versions.length > 0 && versions.every((row) => row.n === 1), `each migration applied once: ${JSON.stringify(versions)}`);

      await t.test("(a) both replicas' bandit states equal a replay of the log", (context) => bothStatesEqualTheLog(context, database, replicas));
      await t.test("(b) session and global LLM ceilings hold for requests arriving at both replicas at once", (context) => ceilingsHoldAcrossReplicas(context, database, replicas, llm));
      await t.test("(c) kill -9 of one replica loses no acknowledged feedback; the other keeps serving", (context) => killOneReplica(context, database, replicas));
    } finally {
      for (const server of running) await server.stop();
      await llm.close();
    }
  });
});

async function postJson(server: RunningServer, route: string, body: unknown): Promise<Response> {
  return fetch(`${server.baseUrl}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

async function recommend(server: RunningServer, body: Record<string, unknown>): Promise<RecommendResponse> {
  const response = await postJson(server, "/api/recommend", body);
  const text = await response.text();
  assert.equal(response.status, 200, text);
  return recommendResponseSchema.parse(JSON.parse(text));
}

/** The state a fresh bandit reaches by replaying the log through `through`, as bandit:rebuild does. */
async function replayThrough(store: Store, through: number): Promise<SerializedBanditState> {
  const state = createBanditState();
  await catchUpFromLog(state, async (afterSequence) => (await store.readEventLog({ afterSequence, limit: 500 })).filter((entry) => entry.sequence <= through));
  return serializeBanditState(state);
}

interface SnapshotRow {
  version: number;
  through: number;
  state: string;
}

/**
 * Waits until both replicas have saved a snapshot through the log's last event. A snapshot
 * writer saves only when its state moved past its own last snapshot, so two snapshots through
 * the same event come from two processes: one per replica (each runs one).
 */
async function snapshotsThroughTheEnd(database: TestDatabase, replicasExpected: number): Promise<{ last: number; snapshots: SnapshotRow[] }> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const [{ value }] = await database.sql("SELECT value::int AS value FROM event_sequence WHERE id = 1");
    const snapshots = (await database.sql("SELECT version, through_sequence::int AS through, state_json AS state FROM bandit_state ORDER BY version")) as unknown as SnapshotRow[];
    const last = Number(value);
    if (snapshots.filter((row) => row.through === last).length >= replicasExpected) return { last, snapshots };
    if (Date.now() > deadline)
      assert.fail(`no ${replicasExpected} snapshots through event ${last} within a minute: ${JSON.stringify(snapshots.map(({ version, through }) => ({ version, through })))}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Every stored snapshot against a replay of the log through its watermark; returns how many were compared. */
async function compareSnapshotsWithReplay(database: TestDatabase, snapshots: readonly SnapshotRow[]): Promise<number> {
  const store = await database.open();
  try {
    for (const snapshot of snapshots) {
      const live = serializeBanditState(deserializeBanditState(JSON.parse(snapshot.state)));
      assert.deepEqual(live, await replayThrough(store, snapshot.through), `snapshot v${snapshot.version} (through event ${snapshot.through}) equals the log's replay`);
    }
    return snapshots.length;
  } finally {
    await store.close();
  }
}

async function bothStatesEqualTheLog(context: TestContext, database: TestDatabase, replicas: Replicas): Promise<void> {
  let feedbackSent = 0;
  let crossReplica = 0;
  // Each round: one answer from each replica at the same moment, then feedback on both answers,
  // sent to both replicas at once (half of it to the replica that did not give the answer).
  for (let round = 0; round < 8; round++) {
    const answers = await Promise.all(replicas.map((server, index) => recommend(server, { query: FAST_QUERIES[(2 * round + index) % FAST_QUERIES.length], limit: 6 })));
    const sends: Array<Promise<Response>> = [];
    answers.forEach((answer, answered) => {
      assert.ok(answer.impressionId, "the answer was logged");
      answer.items.slice(0, 4).forEach((item, position) => {
        const to = (answered + position) % 2;
        if (to !== answered) crossReplica++;
        sends.push(postJson(replicas[to], "/api/feedback", { impressionId: answer.impressionId, itemId: item.id, event: EVENTS[(round + position) % EVENTS.length] }));
      });
    });
    for (const response of await Promise.all(sends)) assert.equal(response.status, 202, await response.text());
    feedbackSent += sends.length;
  }
  const { last, snapshots } = await snapshotsThroughTheEnd(database, 2);
  const compared = await compareSnapshotsWithReplay(database, snapshots);
  const [{ impressions, feedback }] = await database.sql("SELECT (SELECT count(*)::int FROM impressions) AS impressions, (SELECT count(*)::int FROM feedback) AS feedback");
  assert.equal(feedback, feedbackSent);
  context.diagnostic(
    `bandit: 16 answers (8 per replica) and ${feedbackSent} feedback events (${crossReplica} sent to the replica that did not answer) made ${impressions} impressions and ${feedback} feedback rows, log through event ${last}; ${compared} stored snapshots each equal the log's replay through their watermark, ${snapshots.filter((row) => row.through === last).length} of them (one per replica) through the last event`,
  );
}

interface LedgerRow {
  session: string | null;
  usd: number;
  settled: boolean;
}

const ledger = async (database: TestDatabase) => (await database.sql("SELECT session_id AS session, usd, settled FROM llm_spend ORDER BY id")) as unknown as LedgerRow[];
const sum = (rows: readonly LedgerRow[]) => rows.reduce((total, row) => total + row.usd, 0);
const constraintCalls = (llm: OpenAiTestServer) => llm.requests.filter((request) => request.body.response_format?.json_schema?.name === "constraints").length;

/**
 * Sends `bodies` to the replicas in turn, all at the same moment, with every reasoner call held
 * at the provider until each request either answered (refused: offline reasoner) or reached the
 * provider (reserved): then no reservation is settled yet, so the ledger's unsettled rows are
 * exactly this burst's reservations at their estimates, read by `whileHeld`.
 */
async function burst(
  llm: OpenAiTestServer,
  replicas: Replicas,
  bodies: ReadonlyArray<Record<string, unknown>>,
  whileHeld: () => Promise<void>,
): Promise<{ answers: Array<{ replica: number; answer: RecommendResponse }>; calls: number }> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const callsBefore = constraintCalls(llm);
  llm.handler = (request: ChatCompletionRequest): ChatReply => {
    const name = request.response_format?.json_schema?.name;
    if (name === "constraints")
      return {
        content: JSON.stringify({ includeGenres: [{ genre: "Sci-Fi", strength: "hard" }], years: { from: 1990, to: 1999, strength: "hard" }, mood: "dark dystopian noir" }),
        fault: { kind: "wait", until: held },
      };
    if (name === "rerank") return { content: JSON.stringify({ picks: [] }) };
    return { content: "{}" };
  };
  let answered = 0;
  const pending = bodies.map((body, index) =>
    recommend(replicas[index % 2], body).then((answer) => {
      answered++;
      return { replica: index % 2, answer };
    }),
  );
  try {
    const deadline = Date.now() + 120_000;
    while (answered + constraintCalls(llm) - callsBefore < bodies.length) {
      if (Date.now() > deadline) assert.fail(`${answered} answered and ${constraintCalls(llm) - callsBefore} at the provider of ${bodies.length}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await whileHeld();
  } finally {
    release();
  }
  const answers = await Promise.all(pending);
  return { answers, calls: constraintCalls(llm) - callsBefore };
}

const servedByLlm = (answer: RecommendResponse) => answer.route.reasoner?.startsWith("llm:") === true;

async function ceilingsHoldAcrossReplicas(context: TestContext, database: TestDatabase, replicas: Replicas, llm: OpenAiTestServer): Promise<void> {
  assert.equal((await ledger(database)).length, 0, "nothing spent before");
  // One session, eight reasoning requests at once, four on each replica.
  const { sessionId } = await recommend(replicas[0], { query: "toy story", limit: 3 });
  assert.ok(sessionId);
  let heldSession: LedgerRow[] = [];
  const session = await burst(
    llm,
    replicas,
    Array.from({ length: 8 }, () => ({ query: REASONING, route: "reasoning", limit: 5, sessionId })),
    async () => {
      heldSession = await ledger(database);
    },
  );
  assert.ok(heldSession.every((row) => row.session === sessionId && !row.settled));
  const sessionEstimate = Math.max(...heldSession.map((row) => row.usd));
  assert.ok(heldSession.length >= 1 && sum(heldSession) <= SESSION_CEILING_USD, `reserved $${sum(heldSession)} in ${heldSession.length} rows within the session's $${SESSION_CEILING_USD}`);
  assert.ok(sum(heldSession) + sessionEstimate > SESSION_CEILING_USD, "the requests refused would have crossed the session ceiling");
  const sessionLlm = session.answers.filter(({ answer }) => servedByLlm(answer));
  assert.equal(session.calls, heldSession.length, "one provider call per reservation, none without one");
  assert.equal(sessionLlm.length, heldSession.length);
  for (const { answer } of session.answers.filter(({ answer }) => !servedByLlm(answer))) {
    assert.equal(answer.route.reasoner, "offline");
    assert.ok(
      answer.route.reasons.some((reason) => /session LLM budget/.test(reason)),
      answer.route.reasons.join(" | "),
    );
  }
  const afterSession = await ledger(database);
  assert.ok(sum(afterSession) <= SESSION_CEILING_USD && afterSession.every((row) => row.settled), "settled within the ceiling");

  // Twelve new sessions at once, six on each replica: only the global ceiling binds.
  let heldGlobal: LedgerRow[] = [];
  const global = await burst(
    llm,
    replicas,
    Array.from({ length: 12 }, () => ({ query: REASONING, route: "reasoning", limit: 5 })),
    async () => {
      heldGlobal = await ledger(database);
    },
  );
  const reserved = heldGlobal.filter((row) => !row.settled);
  const globalEstimate = Math.max(...reserved.map((row) => row.usd));
  assert.ok(reserved.length >= 2, `${reserved.length} reservations: the ceiling left room for several`);
  assert.ok(sum(heldGlobal) <= GLOBAL_CEILING_USD, `spent and reserved $${sum(heldGlobal)} within the global $${GLOBAL_CEILING_USD}`);
  assert.ok(sum(heldGlobal) + globalEstimate > GLOBAL_CEILING_USD, "the requests refused would have crossed the global ceiling");
  const globalLlm = global.answers.filter(({ answer }) => servedByLlm(answer));
  assert.equal(global.calls, reserved.length, "one provider call per reservation, none without one");
  assert.equal(globalLlm.length, reserved.length);
  for (const { answer } of global.answers.filter(({ answer }) => !servedByLlm(answer))) {
    assert.ok(
      answer.route.reasons.some((reason) => /global LLM budget/.test(reason)),
      answer.route.reasons.join(" | "),
    );
  }
  const final = await ledger(database);
  assert.equal(final.length, heldSession.length + reserved.length, "a ledger row per provider call");
  assert.ok(sum(final) <= GLOBAL_CEILING_USD);
  const perReplica = (answers: typeof session.answers) => [0, 1].map((replica) => answers.filter((entry) => entry.replica === replica).length).join(" + ");
  context.diagnostic(
    `spend: one session, 8 reasoning requests at once on both replicas: ${heldSession.length} reserved ($${sum(heldSession).toFixed(6)} of the session's $${SESSION_CEILING_USD}; one more at $${sessionEstimate} would cross it), served by the LLM on replicas ${perReplica(sessionLlm)}, ${8 - sessionLlm.length} offline; ` +
      `12 new sessions at once: ${reserved.length} reserved, ledger $${sum(heldGlobal).toFixed(6)} of the global $${GLOBAL_CEILING_USD} while held (one more at $${globalEstimate} would cross it), served by the LLM on replicas ${perReplica(globalLlm)}, ${12 - globalLlm.length} offline; provider constraint calls ${session.calls + global.calls} = ledger rows ${final.length}, settled total $${sum(final).toFixed(6)}`,
  );
}

async function killOneReplica(context: TestContext, database: TestDatabase, replicas: Replicas): Promise<void> {
  const [survivor, victim] = replicas;
  // 8 answers, 4 from each replica: 8 × 10 items × 5 events = 400 distinct feedback events.
  const targets: Array<{ impressionId: string; itemId: string; event: string }> = [];
  for (let index = 0; index < 8; index++) {
    const answer = await recommend(replicas[index % 2], { query: FAST_QUERIES[(index + 5) % FAST_QUERIES.length], limit: 10 });
    for (const item of answer.items) for (const event of EVENTS) targets.push({ impressionId: answer.impressionId!, itemId: item.id, event });
  }
  const acknowledged: Array<(typeof targets)[number] & { replica: number }> = [];
  let next = 0;
  let killed = false;
  let victimErrors = 0;
  let survivorAfterKill = 0;
  const killAfter = Math.floor(targets.length / 3);
  // 8 senders; event i goes to replica i % 2. After the kill the victim's events fail to connect
  // (never acknowledged), the survivor's go on.
  const sender = async () => {
    while (next < targets.length) {
      const index = next++;
      const replica = index % 2;
      let response: Response;
      try {
        response = await postJson(replicas[replica], "/api/feedback", targets[index]);
      } catch {
        assert.equal(replica, 1, "only the killed replica's connections fail");
        victimErrors++;
        continue;
      }
      const text = await response.text();
      assert.equal(response.status, 202, text);
      acknowledged.push({ ...targets[index], replica });
      if (killed && replica === 0) survivorAfterKill++;
      if (!killed && acknowledged.length >= killAfter) {
        killed = true;
        victim.kill("SIGKILL");
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, sender));
  assert.ok(killed);
  await new Promise((resolve) => (victim.process.exitCode !== null || victim.process.signalCode !== null ? resolve(null) : victim.process.once("exit", resolve)));
  assert.equal(victim.process.signalCode, "SIGKILL");
  assert.ok(survivorAfterKill > 0, "the survivor acknowledged feedback after the kill");
  // The survivor keeps answering: a new answer, logged.
  const after = await recommend(survivor, { query: "jaws", limit: 5 });
  assert.ok(after.impressionId);
  const health = await fetch(`${survivor.baseUrl}/api/health`);
  assert.equal(health.status, 200);

  const rows = await database.sql("SELECT impression_id, item_id, event FROM feedback");
  const stored = new Set(rows.map((row) => `${row.impression_id} ${row.item_id} ${row.event}`));
  const missing = acknowledged.filter((target) => !stored.has(`${target.impressionId} ${target.itemId} ${target.event}`));
  assert.deepEqual(missing, [], "every acknowledged event is in the database");
  // The survivor's state still equals the log, with the victim's last events in it.
  const { last, snapshots } = await snapshotsThroughTheEnd(database, 1);
  const newest = snapshots.filter((row) => row.through === last);
  await compareSnapshotsWithReplay(database, newest);
  context.diagnostic(
    `kill -9: ${next} feedback events sent to both replicas, the victim killed after ${killAfter} acknowledgements; ${acknowledged.length} acknowledged (${acknowledged.filter((entry) => entry.replica === 1).length} by the victim, ${acknowledged.filter((entry) => entry.replica === 0).length} by the survivor, ${survivorAfterKill} of those after the kill), ${victimErrors} failed to connect; ${acknowledged.length - missing.length} of ${acknowledged.length} acknowledged found in the database (${rows.length} feedback rows in all); the survivor answered again and its snapshot through event ${last} equals the log's replay`,
  );
}
