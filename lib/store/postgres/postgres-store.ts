import type { BanditStateRecord, JsonValue, PruneResult, Store, StoreCounts } from "../store";
import { StoreBusyError, StoreInvalidInputError } from "../store-errors";
import { validateConversationAppend, validateFeedback, validateImpression, validatePruneTimes, validateSpendAmount, validateSpendReservation } from "../store-validation";
import { advisoryKey, lockForTransaction } from "./advisory-locks";
import { connectPostgres, inTransaction, queryRows, sqlState, type PostgresConnection, type PostgresConnectionOptions } from "./connection";
import { eventLogChannel, readPostgresEventLog } from "./event-log";
import { readImpression, recordPostgresFeedback, writeImpression } from "./impressions";
import { postgresSessions } from "./sessions";
import { migratePostgres } from "./migrations";
import { listenForEventLog, type EventLogNotifications } from "./notifications";
import { postgresOperatorRecords } from "./operator-records";
import { addPruneCounts, batchWasEmpty, emptyPruneCounts, toFeedback, type FeedbackRow } from "../store-rows";
import { LATEST_SNAPSHOT_SEQUENCE, prunePostgresBatch } from "./retention";
import { postgresSpend } from "./spend";

export interface PostgresStoreOptions extends PostgresConnectionOptions {
  /** Snapshots of bandit state to keep. Default 5. */
  keepBanditStates?: number;
  /** Clock for migration timestamps and generated impression ids. Default Date.now. */
  now?: () => number;
}

/** The PostgreSQL store, and the wake-ups of its event log's followers. */
export interface PostgresStore extends Store {
  readonly eventLog: EventLogNotifications;
}

/** Impressions and sessions per prune transaction by default (as the SQLite store's). */
const DEFAULT_PRUNE_BATCH = 250;
/** How long probeWrite waits for the event counter's lock by default: writers hold it for milliseconds. */
const PROBE_WAIT_MS = 500;

const COUNTS = `SELECT (SELECT count(*) FROM impressions) AS impressions,
  (SELECT coalesce(sum(slot_count), 0) FROM impressions)::bigint AS slots,
  (SELECT count(*) FROM feedback) AS feedback, (SELECT count(*) FROM sessions) AS sessions,
  (SELECT count(*) FROM bandit_state) AS "banditStates", (SELECT count(*) FROM llm_spend) AS "llmSpend",
  (SELECT count(*) FROM conversation_messages) AS "conversationMessages"`;

/**
 * Opens the PostgreSQL store at `connectionString` (schema `schema`, created and migrated when
 * needed: several replicas may start at once). Throws StoreUnavailableError when the server
 * cannot be reached, StoreSchemaError for a schema from newer code.
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  const connection = connectPostgres(options);
  const now = options.now ?? Date.now;
  try {
    await migratePostgres(connection, now);
  } catch (error) {
    await connection.pool.end().catch(() => undefined);
    throw error;
  }
  return postgresStore(connection, { keepBanditStates: options.keepBanditStates ?? 5, now });
}

function postgresStore(connection: PostgresConnection, options: { keepBanditStates: number; now: () => number }): PostgresStore {
  const { pool, schema } = connection;
  const channel = eventLogChannel(schema);
  const sessions = postgresSessions(connection);
  const spend = postgresSpend(connection);
  const operatorRecords = postgresOperatorRecords(connection);
  const eventLog = listenForEventLog(connection.clientConfig, channel);
  // One statement outside a transaction: the pool's own (autocommit) query.
  const single = <T>(step: (client: typeof pool) => Promise<T>) => step(pool).catch((error: unknown) => Promise.reject(connection.translate(error)));

  return {
    eventLog,
    recordImpression: async (impression) => {
      validateImpression(impression);
      return inTransaction(connection, (client) => writeImpression(client, impression, channel, options.now));
    },
    recordAnswer: async (answer) => {
      if (answer.impression) validateImpression(answer.impression);
      if (answer.session && !Number.isFinite(answer.session.at)) throw new StoreInvalidInputError("Session time must be a finite number of milliseconds.");
      return inTransaction(connection, async (client) => {
        // The session first: its update may throw before any sequence is taken, and the
        // impression's sequence (the counter's lock) is held only for the last statement and the commit.
        const session = answer.session ? await sessions.applyUpdate(client, answer.session.id, answer.session.at, answer.session.update) : null;
        const impression = answer.impression ? await writeImpression(client, answer.impression, channel, options.now) : null;
        return { impression, session };
      });
    },
    getImpression: (id) => single((client) => readImpression(client, id)),
    recordFeedback: async (feedback) => {
      validateFeedback(feedback);
      return recordPostgresFeedback(connection, feedback, channel);
    },
    listFeedback: async (impressionId) => (await queryRows<FeedbackRow>(connection, "SELECT * FROM feedback WHERE impression_id = $1 ORDER BY sequence", [impressionId])).map(toFeedback),
    listSessionFeedback: async (sessionId) =>
      (
        await queryRows<FeedbackRow>(
          connection,
          "SELECT feedback.* FROM feedback JOIN impressions ON impressions.id = feedback.impression_id WHERE impressions.session_id = $1 ORDER BY feedback.sequence",
          [sessionId],
        )
      ).map(toFeedback),
    appendConversation: async (sessionId, messages, at, appendOptions = {}) => {
      validateConversationAppend(sessionId, at);
      return sessions.appendConversation(sessionId, messages, at, appendOptions.replaceAnswerId);
    },
    listConversation: (sessionId, listOptions = {}) => single((client) => sessions.listConversation(client, sessionId, Math.max(1, Math.floor(listOptions.limit ?? 200)))),
    lastConversationMessage: (sessionId) => single((client) => sessions.lastConversationMessage(client, sessionId)),
    getSession: (id) => single((client) => sessions.get(client, id)),
    saveSession: (id, state, at) => single((client) => sessions.save(client, id, state, at)),
    updateSession: (id, at, update) => inTransaction(connection, (client) => sessions.applyUpdate(client, id, at, update)),
    reserveLlmSpend: async (reservation) => {
      validateSpendReservation(reservation);
      return spend.reserve(reservation);
    },
    llmSpendSince: async (since) => {
      if (!Number.isFinite(since)) throw new StoreInvalidInputError("LLM spend times must be finite numbers of milliseconds.");
      return spend.totalSince(since);
    },
    settleLlmSpend: async (id, usd) => {
      validateSpendAmount(usd);
      return spend.settle(id, usd);
    },
    saveBanditState: (snapshot) =>
      inTransaction(connection, async (client): Promise<BanditStateRecord> => {
        // Each replica's snapshot writer may save at the same moment: versions are taken one at a time.
        await lockForTransaction(client, advisoryKey(schema, "bandit-state"));
        const { rows } = await client.query<{ version: number }>(
          "INSERT INTO bandit_state (version, saved_at, through_sequence, state_json) VALUES ((SELECT coalesce(max(version), 0) + 1 FROM bandit_state), $1, $2, $3) RETURNING version",
          [snapshot.savedAt, snapshot.throughSequence, JSON.stringify(snapshot.state)],
        );
        await client.query("DELETE FROM bandit_state WHERE version <= $1", [rows[0].version - options.keepBanditStates]);
        return { version: rows[0].version, savedAt: snapshot.savedAt, throughSequence: snapshot.throughSequence, state: snapshot.state };
      }),
    loadBanditState: async () => {
      const rows = await queryRows<{ version: number; saved_at: number; through_sequence: number; state_json: string }>(connection, "SELECT * FROM bandit_state ORDER BY version DESC LIMIT 1");
      return rows.length === 0 ? null : { version: rows[0].version, savedAt: rows[0].saved_at, throughSequence: rows[0].through_sequence, state: JSON.parse(rows[0].state_json) as JsonValue };
    },
    lastSequence: async () => (await queryRows<{ value: number }>(connection, "SELECT value FROM event_sequence WHERE id = 1"))[0].value,
    readEventLog: (logOptions = {}) => readPostgresEventLog(connection, logOptions.afterSequence ?? 0, Math.max(1, logOptions.limit ?? 1000)),
    counts: async () => (await queryRows<StoreCounts & Record<string, number>>(connection, COUNTS))[0],
    appendOperatorRecord: (record) => operatorRecords.append(record),
    listOperatorRecords: (kind, listOptions) => operatorRecords.list(kind, listOptions),
    prune: async (pruneOptions) => {
      validatePruneTimes(pruneOptions);
      const limits = { before: pruneOptions.before, spendBefore: pruneOptions.spendBefore ?? pruneOptions.before, batchSize: Math.max(1, Math.floor(pruneOptions.batchSize ?? DEFAULT_PRUNE_BATCH)) };
      const protectedAfterSequence = (await queryRows<{ through: number }>(connection, LATEST_SNAPSHOT_SEQUENCE))[0].through;
      let total = emptyPruneCounts();
      let batches = 0;
      for (;;) {
        const batch = await prunePostgresBatch(connection, limits);
        batches++;
        total = addPruneCounts(total, batch);
        if (batchWasEmpty(batch)) break;
      }
      return { ...total, batches, protectedAfterSequence } satisfies PruneResult;
    },
    // PostgreSQL manages its own write-ahead log (checkpoints recycle its segments within
    // max_wal_size); there is no file for the application to truncate, so there is never
    // anything left to do.
    truncateWal: async () => ({ truncated: true }),
    probeWrite: async (probe = {}) => {
      const timeoutMs = probe.timeoutMs ?? PROBE_WAIT_MS;
      // Locks the event counter as a writer would (read-only or unreachable servers fail here),
      // writes nothing, rolls back.
      const client = await pool.connect().catch((error: unknown) => Promise.reject(connection.translate(error)));
      let broken = false;
      try {
        await client.query("BEGIN");
        await client.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.floor(timeoutMs))}`);
        await client.query("SELECT value FROM event_sequence WHERE id = 1 FOR NO KEY UPDATE");
      } catch (error) {
        if (sqlState(error) === "55P03") throw new StoreBusyError(connection.where, timeoutMs, error);
        throw connection.translate(error);
      } finally {
        await client.query("ROLLBACK").catch(() => (broken = true));
        client.release(broken);
      }
    },
    close: async () => {
      await eventLog.close();
      await pool.end().catch(() => undefined);
    },
  };
}
