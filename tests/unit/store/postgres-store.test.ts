/**
 * What only the PostgreSQL store has: migrations raced by replicas starting together, lock
 * timeouts and an unreachable server as typed errors, LISTEN/NOTIFY wake-ups for the event log's
 * followers (and catching up by sequence after a dropped connection), and fair-use counters
 * shared through the database.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import pg from "pg";
import { RateLimiterRes } from "rate-limiter-flexible";
import { catchUpFromLog, createBanditState, serializeBanditState, type BanditState } from "../../../lib/bandit";
import { followBanditLog } from "../../../lib/server/bandit-log-follower";
import { createFairUseLimiters, processLimiter } from "../../../lib/server/fair-use-limiters";
import { storeOutageOf, StoreBusyError, StoreUnavailableError, type EventLogEntry, type Store } from "../../../lib/store";
import { openPostgresStore, type PostgresStore } from "../../../lib/store/postgres/postgres-store";
import { eventLogChannel } from "../../../lib/store/postgres/event-log";
import { LATEST_POSTGRES_SCHEMA_VERSION } from "../../../lib/store/postgres/migrations";
import { postgresTest, type TestDatabase } from "./helpers/store-backends";
import { sampleImpression } from "./helpers/temporary-database";

const postgresOf = (database: TestDatabase) => database.postgres!;

postgresTest("migrations: four replicas opening an empty schema at once apply each migration exactly once", async (database) => {
  const stores = await Promise.all([1, 2, 3, 4].map((replica) => database.open({ now: () => replica })));
  const versions = await database.sql("SELECT version, applied_at FROM schema_version ORDER BY version");
  assert.deepEqual(
    versions.map((row) => row.version),
    Array.from({ length: LATEST_POSTGRES_SCHEMA_VERSION }, (_, index) => index + 1),
  );
  assert.equal(new Set(versions.map((row) => row.applied_at)).size, 1, "one replica applied all of them");
  // Every replica works on the one schema.
  await stores[3].recordImpression(sampleImpression({ id: "from-the-fourth" }));
  assert.equal((await stores[0].getImpression("from-the-fourth")).sequence, 1);
  // An up-to-date schema opens while another connection holds the migration lock's table busy.
  await (await database.open()).close();
});

postgresTest("a write that waits on another connection's lock past the busy timeout is a typed busy error, writing nothing", async (database) => {
  const store = await database.open({ busyTimeoutMs: 150 });
  await store.recordImpression(sampleImpression({ id: "impression-1" }));
  const { connectionString, schema } = postgresOf(database);
  const other = new pg.Client({ connectionString, options: `-c search_path=${schema}` });
  await other.connect();
  try {
    await other.query("BEGIN");
    await other.query("UPDATE event_sequence SET value = value WHERE id = 1"); // holds the counter's row lock
    await assert.rejects(store.recordFeedback({ impressionId: "impression-1", itemId: "ml:1", event: "like", at: 1 }), (error: unknown) => {
      assert.ok(error instanceof StoreBusyError, `expected StoreBusyError, got ${String(error)}`);
      assert.equal(storeOutageOf(error)?.cause, "locked");
      return true;
    });
    await assert.rejects(store.probeWrite({ timeoutMs: 50 }), StoreBusyError);
    await other.query("ROLLBACK");
    assert.equal((await store.counts()).feedback, 0);
    assert.equal((await store.recordFeedback({ impressionId: "impression-1", itemId: "ml:1", event: "like", at: 1 })).status, "recorded");
    await store.probeWrite();
  } finally {
    await other.end();
  }
});

postgresTest("a read-only server is the read-only outage", async (database) => {
  const { connectionString, schema } = postgresOf(database);
  await (await database.open()).close();
  // Options in the URL come before the store's own (search_path, synchronous_commit).
  const store = await openPostgresStore({ connectionString: `${connectionString}?options=${encodeURIComponent("-c default_transaction_read_only=on")}`, schema });
  try {
    await assert.rejects(store.probeWrite(), (error: unknown) => storeOutageOf(error)?.cause === "read-only");
    await assert.rejects(store.recordImpression(sampleImpression()), (error: unknown) => storeOutageOf(error)?.cause === "read-only");
  } finally {
    await store.close();
  }
});

test("a PostgreSQL server that cannot be reached is a typed unavailable error naming no password", async () => {
  // Port 1 on the loopback: nothing listens there.
  await assert.rejects(openPostgresStore({ connectionString: "postgres://reelcast:secret@127.0.0.1:1/reelcast", connectTimeoutMs: 2000 }), (error: unknown) => {
    assert.ok(error instanceof StoreUnavailableError, `expected StoreUnavailableError, got ${String(error)}`);
    assert.equal(storeOutageOf(error)?.cause, "unavailable");
    assert.ok(!error.message.includes("secret"), error.message);
    return true;
  });
});

/** A store that reports every event-log read, so a test can wait for the follower's without a clock. */
function watchedStore(store: PostgresStore) {
  const reads: Array<{ after: number; sequences: number[] }> = [];
  const waiters: Array<{ sequence: number; resolve: () => void }> = [];
  let lastSequenceCalls = 0;
  const watched: Store = {
    ...store,
    lastSequence: () => {
      lastSequenceCalls++;
      return store.lastSequence();
    },
    readEventLog: async (options) => {
      const entries: EventLogEntry[] = await store.readEventLog(options);
      reads.push({ after: options?.afterSequence ?? 0, sequences: entries.map((entry) => entry.sequence) });
      const highest = entries.length > 0 ? entries[entries.length - 1].sequence : -1;
      for (const waiter of waiters.splice(0)) {
        if (highest >= waiter.sequence) waiter.resolve();
        else waiters.push(waiter);
      }
      return entries;
    },
  };
  return {
    watched,
    reads,
    lastSequenceCalls: () => lastSequenceCalls,
    readThrough: (sequence: number) => new Promise<void>((resolve) => waiters.push({ sequence, resolve })),
  };
}

const nextNotification = (store: PostgresStore, atLeast: number) =>
  new Promise<number | null>((resolve) => {
    const stop = store.eventLog.subscribe((sequence) => {
      if (sequence !== null && sequence >= atLeast) {
        stop();
        resolve(sequence);
      }
    });
  });

const connected = (store: PostgresStore) =>
  new Promise<void>((resolve) => {
    const stop = store.eventLog.subscribe((sequence) => {
      if (sequence === null) {
        stop();
        resolve();
      }
    });
  });

/**
 * Resolves when the LISTEN connection, up now, has dropped and connected again. A subscriber
 * that arrives while connected is told null once at once (notifications may have been missed
 * before it came), so the reconnect is the second null.
 */
const reconnected = (store: PostgresStore) => {
  assert.ok(store.eventLog.connected(), "connected before the drop");
  return new Promise<void>((resolve) => {
    let nulls = 0;
    const stop = store.eventLog.subscribe((sequence) => {
      if (sequence === null && ++nulls === 2) {
        stop();
        resolve();
      }
    });
  });
};

/** A writing replica, and a reading one whose bandit follows the log with its notifications. */
async function followingReplica(database: TestDatabase) {
  const writer = (await database.open()) as PostgresStore;
  const reader = (await database.open()) as PostgresStore;
  const watch = watchedStore(reader);
  const state = createBanditState();
  return { writer, reader, watch, state, follower: followBanditLog(watch.watched, state, 0, 0, reader.eventLog) };
}

async function assertStateIsReplay(state: BanditState, store: Store): Promise<void> {
  const replayed = createBanditState();
  await catchUpFromLog(replayed, (afterSequence) => store.readEventLog({ afterSequence }));
  assert.deepEqual(serializeBanditState(state), serializeBanditState(replayed));
}

postgresTest("followers wake on NOTIFY: another replica's events are applied without a request asking, and an idle catchUp reads nothing", async (database) => {
  const { writer, reader, watch, state, follower } = await followingReplica(database);
  try {
    await connected(reader);
    await follower.catchUp(); // the catch-up by sequence the connection started
    const callsBefore = watch.lastSequenceCalls() + watch.reads.length;
    await follower.catchUp();
    await follower.catchUp();
    assert.equal(watch.lastSequenceCalls() + watch.reads.length, callsBefore, "nothing was notified: catchUp asked the store nothing");

    const applied = watch.readThrough(2);
    const impression = await writer.recordImpression(sampleImpression({ id: "from-the-writer" }));
    await writer.recordFeedback({ impressionId: impression.id, itemId: "ml:2", event: "like", at: 5 });
    await applied; // the follower read the log because it was notified, no request involved
    await follower.catchUp();
    await assertStateIsReplay(state, reader);
  } finally {
    follower.stop();
  }
});

postgresTest("a follower whose LISTEN connection drops catches up by sequence on reconnecting, missing nothing committed meanwhile", async (database) => {
  const { writer, reader, watch, state, follower } = await followingReplica(database);
  try {
    await connected(reader);
    // Listen before writing: the notification may arrive before the writer's commit returns.
    const notifiedFirst = nextNotification(reader, 1);
    await writer.recordImpression(sampleImpression({ id: "before" }));
    await notifiedFirst;
    // Drop the LISTEN connection of this schema's channel, then write while it reconnects.
    const back = reconnected(reader);
    const terminated = await database.sql(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN "${eventLogChannel(postgresOf(database).schema)}"'`);
    assert.equal(terminated.length, 1, "one LISTEN connection dropped");
    // Write only once the reader has seen the drop (its reconnect waits 100 ms), so the writes
    // fall in the gap that only the catch-up by sequence can fill.
    while (reader.eventLog.connected()) await new Promise((resolve) => setImmediate(resolve));
    const caughtUp = watch.readThrough(3);
    await writer.recordImpression(sampleImpression({ id: "while-down-1" }));
    await writer.recordImpression(sampleImpression({ id: "while-down-2" }));
    await back;
    await caughtUp;
    await follower.catchUp();
    await assertStateIsReplay(state, reader);
    assert.ok(
      watch.reads.some((read) => read.sequences.includes(2) && read.sequences.includes(3)),
      "the events of the gap were read from the log",
    );
  } finally {
    follower.stop();
  }
});

postgresTest("fair use through PostgreSQL: two replicas' limiters share one count per client", async (database) => {
  const { connectionString, schema } = postgresOf(database);
  await (await database.open()).close(); // the schema, with fair_use_limits
  const environment = { REELCAST_DATABASE_URL: connectionString, REELCAST_DATABASE_SCHEMA: schema };
  const config = { enabled: true, requestsPerSecond: 1, burst: 0, burstWindowSeconds: 1, newSessionsPerHour: 5 };
  const replicas = [1, 2].map(() => createFairUseLimiters(config, (options) => processLimiter({ ...options, keyPrefix: `${options.keyPrefix}-${schema}` }, environment)));
  const outcomes = await Promise.allSettled(Array.from({ length: 12 }, (_, index) => replicas[index % 2].newSessions.consume("10.0.0.7")));
  assert.equal(outcomes.filter((outcome) => outcome.status === "fulfilled").length, 5, "five new sessions per hour, counted across both replicas");
  for (const outcome of outcomes) if (outcome.status === "rejected") assert.ok(outcome.reason instanceof RateLimiterRes, `a refusal, not an error: ${String(outcome.reason)}`);
  const rows = await database.sql("SELECT count(*)::int AS keys FROM fair_use_limits");
  assert.equal(rows[0].keys, 1, "one shared counter row");
});
