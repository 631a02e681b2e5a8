import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from "./migrations";
import { packSlots, unpackSlots } from "./packed-slots";
import { parsedJsonCache } from "./parsed-json-cache";
import { sqliteOperatorRecords } from "./sqlite-operator-records";
import { batchWasEmpty, DEFAULT_PRUNE_BATCH, sqliteRetention } from "./sqlite-retention";
import { timeOrderedId } from "./time-ordered-id";
import { conversationJson, ID_PATTERN, isJsonObject, validateImpression } from "./store-validation";
import { toConversationMessage, toFeedback, type ConversationRow, type FeedbackRow, type ImpressionRowColumns, toImpressionRecord, writtenImpression } from "./store-rows";
import { startWalCheckpointer } from "./wal-checkpointer";
import type {
  BanditStateRecord,
  ConversationMessageRecord,
  EventLogEntry,
  ImpressionRecord,
  ImpressionSlotRecord,
  JsonObject,
  JsonValue,
  LlmSpendReservation,
  LlmSpendTotals,
  NewAnswer,
  NewConversationMessage,
  PruneResult,
  NewFeedback,
  NewImpression,
  RecordedAnswer,
  RecordFeedbackResult,
  SessionRecord,
  Store,
  StoreCounts,
  StoredFeatures,
} from "./store";
import { StoreBusyError, StoreConflictError, StoreCorruptError, StoreError, StoreInvalidInputError, StoreNotFoundError, StoreSchemaError, StoreUnavailableError } from "./store-errors";

export interface SqliteStoreOptions {
  /** Database file (created with its directory when missing), or ":memory:" for tests. */
  path: string;
  /**
   * How long a write waits for another connection's lock before StoreBusyError. Default
   * 2000 ms: past that a client is better told to retry than left hanging.
   */
  busyTimeoutMs?: number;
  /**
   * FULL (default): each commit fsyncs the WAL, so an acknowledged event survives kill -9 AND
   * power loss. NORMAL also survives kill -9 (a committed transaction is in the WAL file in the
   * OS page cache, which outlives the process) but may lose the last commits on power loss or
   * an OS crash; it saves one fsync per commit.
   */
  synchronous?: "FULL" | "NORMAL";
  /**
   * The level for feedback commits only (default: `synchronous`). The server runs NORMAL with
   * FULL here: an impression or session update (one per request) skips its fsync and survives
   * kill -9, while a feedback event — what a person did — is on disk before it is acknowledged,
   * and its fsync also makes every earlier WAL frame durable.
   */
  feedbackSynchronous?: "FULL" | "NORMAL";
  /**
   * Checkpoint the WAL from a worker thread every this many milliseconds instead of inside the
   * commit that crosses 1000 pages (the server: 250). Default: SQLite's automatic checkpoint.
   */
  backgroundCheckpointMs?: number;
  /** Run PRAGMA quick_check when opening (O(database size)). Default true. */
  verifyOnOpen?: boolean;
  /** Snapshots of bandit state to keep. Default 5. */
  keepBanditStates?: number;
  /** Clock for migration timestamps. Default Date.now. */
  now?: () => number;
  /**
   * The operator's cap on the database size in MiB (PRAGMA max_page_count): past it every write
   * that needs a new page fails as a full disk would (SQLITE_FULL). Default: no cap.
   */
  maxSizeMb?: number;
  /**
   * Refuse every write (PRAGMA query_only) as a read-only file would (SQLITE_READONLY): a
   * maintenance mode, and how tests get a read-only database when they run as root.
   */
  readOnly?: boolean;
}

/** Parsed session states kept per connection (a few KB each): more than the requests a process has in flight. */
const SESSION_CACHE_ENTRIES = 256;

/** How long probeWrite waits for the write lock by default: other processes hold it for milliseconds. */
const PROBE_WAIT_MS = 500;

interface ImpressionRow extends ImpressionRowColumns {
  /** Schema 8 on (lib/store/packed-slots.ts); null for an impression whose slots are impression_slots rows. */
  slots_json: string | null;
  slot_features: Uint8Array | null;
}

interface SlotRow {
  impression_id: string;
  item_id: string;
  position: number;
  explanation_kind: string;
  explanation_text: string;
  propensity: number;
  features_json: string;
}

function sqliteCode(error: unknown): string | null {
  const code: unknown = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === "string" && code.startsWith("SQLITE_") ? code : null;
}

/** Maps SQLite failures to the store's typed errors; anything else passes through. */
function translateSqliteError(error: unknown, databasePath: string, busyTimeoutMs: number): unknown {
  if (error instanceof StoreError) return error;
  const code = sqliteCode(error);
  if (code === null) return error;
  const message = (error as Error).message;
  if (code === "SQLITE_NOTADB") return new StoreCorruptError(databasePath, `not an SQLite database: ${message}`, error);
  if (code.startsWith("SQLITE_CORRUPT")) return new StoreCorruptError(databasePath, `malformed: ${message}`, error);
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return new StoreBusyError(databasePath, busyTimeoutMs, error);
  if (code.startsWith("SQLITE_CANTOPEN") || code.startsWith("SQLITE_READONLY") || code.startsWith("SQLITE_IOERR") || code === "SQLITE_FULL" || code === "SQLITE_PERM") {
    return new StoreUnavailableError(databasePath, `${code}: ${message}`, error);
  }
  return error;
}

const toSlot = (row: SlotRow): ImpressionSlotRecord => ({
  impressionId: row.impression_id,
  itemId: row.item_id,
  position: row.position,
  explanationKind: row.explanation_kind,
  explanationText: row.explanation_text,
  propensity: row.propensity,
  features: JSON.parse(row.features_json) as StoredFeatures,
});

/**
 * Opens (creating and migrating when needed) the embedded SQLite store in WAL mode. Throws
 * StoreCorruptError for a file that is not a database or fails its integrity check,
 * StoreBusyError when another process holds it locked past the busy timeout,
 * StoreSchemaError when the file comes from a newer schema, StoreUnavailableError when the
 * file cannot be opened.
 */
export function openSqliteStore(options: SqliteStoreOptions): Store {
  const databasePath = options.path === ":memory:" ? options.path : path.resolve(options.path);
  const busyTimeoutMs = options.busyTimeoutMs ?? 2000;
  const keepBanditStates = options.keepBanditStates ?? 5;
  const synchronous = options.synchronous ?? "FULL";
  const feedbackSynchronous = options.feedbackSynchronous ?? synchronous;
  const now = options.now ?? Date.now;
  const translate = (error: unknown) => translateSqliteError(error, databasePath, busyTimeoutMs);

  let database: Database.Database | null = null;
  try {
    if (databasePath !== ":memory:") mkdirSync(path.dirname(databasePath), { recursive: true });
    database = new Database(databasePath, { timeout: busyTimeoutMs });
    const journalMode = database.pragma("journal_mode = WAL", { simple: true });
    if (journalMode !== "wal" && databasePath !== ":memory:") throw new StoreUnavailableError(databasePath, `could not enable WAL mode (journal_mode is ${String(journalMode)})`);
    database.pragma(`synchronous = ${synchronous}`);
    database.pragma("foreign_keys = ON");
    if (options.verifyOnOpen ?? true) {
      const rows = database.pragma("quick_check") as Array<{ quick_check: string }>;
      const problems = rows.map((row) => row.quick_check).filter((result) => result !== "ok");
      if (problems.length > 0) throw new StoreCorruptError(databasePath, `integrity check failed: ${problems.slice(0, 3).join("; ")}`);
    }
    migrate(database, now);
    if (options.backgroundCheckpointMs !== undefined && databasePath !== ":memory:") database.pragma("wal_autocheckpoint = 0");
    if (options.maxSizeMb !== undefined) {
      const pageSize = database.pragma("page_size", { simple: true }) as number;
      // SQLite keeps the cap at least the current size: a database already past it takes no new pages.
      database.pragma(`max_page_count = ${Math.max(1, Math.floor((options.maxSizeMb * 1024 * 1024) / pageSize))}`);
    }
    if (options.readOnly) database.pragma("query_only = ON");
    // Opening and migrating waited for locks inside SQLite (nothing else runs yet); from here on
    // `run` waits for them without blocking the event loop.
    database.pragma("busy_timeout = 0");
  } catch (error) {
    database?.close();
    throw translate(error);
  }
  const db = database;

  const statements = {
    nextSequence: db.prepare<[], { value: number }>("UPDATE event_sequence SET value = value + 1 WHERE id = 1 RETURNING value"),
    lastSequence: db.prepare<[], { value: number }>("SELECT value FROM event_sequence WHERE id = 1"),
    insertImpression: db.prepare<[string, number, string | null, number, string, number, string, string, Uint8Array]>(
      "INSERT INTO impressions (id, sequence, session_id, created_at, policy, feature_version, context_json, slots_json, slot_features) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    ),
    impressionExists: db.prepare<[string], { found: number }>("SELECT 1 AS found FROM impressions WHERE id = ?"),
    impressionById: db.prepare<[string], ImpressionRow>("SELECT * FROM impressions WHERE id = ?"),
    slotsOf: db.prepare<[string], SlotRow>("SELECT * FROM impression_slots WHERE impression_id = ? ORDER BY position"),
    slot: db.prepare<[string, string], SlotRow>("SELECT * FROM impression_slots WHERE impression_id = ? AND item_id = ?"),
    feedbackOfSlot: db.prepare<[string, string], FeedbackRow>("SELECT * FROM feedback WHERE impression_id = ? AND item_id = ? ORDER BY sequence"),
    feedbackOf: db.prepare<[string], FeedbackRow>("SELECT * FROM feedback WHERE impression_id = ? ORDER BY sequence"),
    insertFeedback: db.prepare("INSERT INTO feedback (sequence, impression_id, item_id, event, at, client_event_id) VALUES (?, ?, ?, ?, ?, ?)"),
    feedbackByClientId: db.prepare<[string], FeedbackRow>("SELECT * FROM feedback WHERE client_event_id = ?"),
    feedbackOfSession: db.prepare<[string], FeedbackRow>(
      "SELECT feedback.* FROM feedback JOIN impressions ON impressions.id = feedback.impression_id WHERE impressions.session_id = ? ORDER BY feedback.sequence",
    ),
    lastMessage: db.prepare<[string], ConversationRow>("SELECT * FROM conversation_messages WHERE session_id = ? ORDER BY position DESC LIMIT 1"),
    messageById: db.prepare<[string, string], { position: number }>("SELECT position FROM conversation_messages WHERE session_id = ? AND id = ?"),
    insertMessage: db.prepare<[string, number, string, string, number, string, string | null]>(
      "INSERT INTO conversation_messages (session_id, position, id, role, created_at, message_json, turn_json) VALUES (?, ?, ?, ?, ?, ?, ?)",
    ),
    deleteMessage: db.prepare<[string, number]>("DELETE FROM conversation_messages WHERE session_id = ? AND position = ?"),
    lastMessages: db.prepare<[string, number], ConversationRow>("SELECT * FROM (SELECT * FROM conversation_messages WHERE session_id = ? ORDER BY position DESC LIMIT ?) ORDER BY position"),
    messageCount: db.prepare<[string], { total: number }>("SELECT count(*) AS total FROM conversation_messages WHERE session_id = ?"),
    session: db.prepare<[string], { id: string; created_at: number; updated_at: number; state_json: string }>("SELECT * FROM sessions WHERE id = ?"),
    upsertSession: db.prepare<[string, number, number, string], { created_at: number }>(
      "INSERT INTO sessions (id, created_at, updated_at, state_json) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, state_json = excluded.state_json RETURNING created_at",
    ),
    insertBanditState: db.prepare<[number, number, string], { version: number }>(
      "INSERT INTO bandit_state (version, saved_at, through_sequence, state_json) VALUES ((SELECT coalesce(max(version), 0) + 1 FROM bandit_state), ?, ?, ?) RETURNING version",
    ),
    pruneBanditStates: db.prepare("DELETE FROM bandit_state WHERE version <= (SELECT max(version) FROM bandit_state) - ?"),
    latestBanditState: db.prepare<[], { version: number; saved_at: number; through_sequence: number; state_json: string }>("SELECT * FROM bandit_state ORDER BY version DESC LIMIT 1"),
    eventLog: db.prepare<[number, number, number], { type: "impression" | "feedback"; sequence: number; id: string; item_id: string | null }>(
      `SELECT 'impression' AS type, sequence, id, NULL AS item_id FROM impressions WHERE sequence > ?
       UNION ALL
       SELECT 'feedback' AS type, sequence, impression_id AS id, item_id FROM feedback WHERE sequence > ?
       ORDER BY sequence LIMIT ?`,
    ),
    counts: db.prepare<[], StoreCounts>(
      `SELECT (SELECT count(*) FROM impressions) AS impressions,
              (SELECT count(*) FROM impression_slots) + (SELECT coalesce(sum(json_array_length(slots_json)), 0) FROM impressions) AS slots,
              (SELECT count(*) FROM feedback) AS feedback, (SELECT count(*) FROM sessions) AS sessions,
              (SELECT count(*) FROM bandit_state) AS banditStates, (SELECT count(*) FROM llm_spend) AS llmSpend,
              (SELECT count(*) FROM conversation_messages) AS conversationMessages`,
    ),
    globalSpend: db.prepare<[number], { usd: number }>("SELECT coalesce(sum(usd), 0) AS usd FROM llm_spend WHERE at >= ?"),
    sessionSpend: db.prepare<[string, number], { usd: number }>("SELECT coalesce(sum(usd), 0) AS usd FROM llm_spend WHERE session_id = ? AND at >= ?"),
    clientSpend: db.prepare<[string, number], { usd: number }>("SELECT coalesce(sum(usd), 0) AS usd FROM llm_spend WHERE client = ? AND at >= ?"),
    insertSpend: db.prepare<[string | null, string | null, number, number], { id: number }>("INSERT INTO llm_spend (session_id, client, at, usd) VALUES (?, ?, ?, ?) RETURNING id"),
    settleSpend: db.prepare("UPDATE llm_spend SET usd = ?, settled = 1 WHERE id = ?"),
    touchSequence: db.prepare("UPDATE event_sequence SET value = value WHERE id = 1"),
    pageCounts: db.prepare<[], { pages: number; free: number; cap: number }>(
      "SELECT (SELECT page_count FROM pragma_page_count) AS pages, (SELECT freelist_count FROM pragma_freelist_count) AS free, (SELECT max_page_count FROM pragma_max_page_count) AS cap",
    ),
  };

  /** An impression's slots, in position order, from its packed columns or (logged before schema 8) its impression_slots rows. */
  const slotsOf = (row: ImpressionRow): ImpressionSlotRecord[] =>
    row.slots_json !== null && row.slot_features !== null
      ? unpackSlots(row.slots_json, row.slot_features).map((slot) => ({ ...slot, impressionId: row.id }))
      : statements.slotsOf.all(row.id).map(toSlot);

  /** The slot of `row` that showed `itemId`, or undefined. */
  const slotOf = (row: ImpressionRow, itemId: string): ImpressionSlotRecord | undefined => {
    if (row.slots_json !== null && row.slot_features !== null) return slotsOf(row).find((slot) => slot.itemId === itemId);
    const slotRow = statements.slot.get(row.id, itemId);
    return slotRow ? toSlot(slotRow) : undefined;
  };

  const readImpression = (id: string): ImpressionRecord => {
    const row = statements.impressionById.get(id);
    if (!row) throw new StoreNotFoundError("impression", id);
    return toImpressionRecord(row, slotsOf(row));
  };

  /** Writes an impression with its slots packed into its row; runs inside the caller's transaction. */
  const writeImpression = (impression: NewImpression): ImpressionRecord => {
    const id = impression.id ?? timeOrderedId(now());
    if (statements.impressionExists.get(id)) throw new StoreConflictError(`Impression ${JSON.stringify(id)} already exists.`);
    const sequence = statements.nextSequence.get()!.value;
    const packed = packSlots(impression.slots);
    statements.insertImpression.run(
      id,
      sequence,
      impression.sessionId,
      impression.createdAt,
      impression.policy,
      impression.featureVersion,
      JSON.stringify(impression.context),
      packed.slotsJson,
      packed.slotFeatures,
    );
    return writtenImpression(impression, id, sequence);
  };

  const recordImpression = db.transaction(writeImpression);

  const recordFeedback = db.transaction((feedback: NewFeedback): RecordFeedbackResult => {
    const impressionRow = statements.impressionById.get(feedback.impressionId);
    if (!impressionRow) throw new StoreNotFoundError("impression", feedback.impressionId);
    const slot = slotOf(impressionRow, feedback.itemId);
    if (!slot) throw new StoreNotFoundError("item", feedback.itemId, `Impression ${JSON.stringify(feedback.impressionId)} did not show item ${JSON.stringify(feedback.itemId)}.`);
    const sessionId = impressionRow.session_id;
    const existing = statements.feedbackOfSlot.all(feedback.impressionId, feedback.itemId);
    const clientEventId = feedback.clientEventId ?? null;
    let duplicate: FeedbackRow | undefined;
    if (clientEventId !== null) {
      duplicate = statements.feedbackByClientId.get(clientEventId);
      if (duplicate && (duplicate.impression_id !== feedback.impressionId || duplicate.item_id !== feedback.itemId || duplicate.event !== feedback.event)) {
        throw new StoreConflictError(`Feedback event id ${JSON.stringify(clientEventId)} was already used for another event.`);
      }
    } else {
      duplicate = existing.find((row) => row.event === feedback.event && row.client_event_id === null);
    }
    if (duplicate) {
      return {
        status: "duplicate",
        feedback: toFeedback(duplicate),
        slot,
        sessionId,
        previousEvents: existing.filter((row) => row.sequence < duplicate.sequence).map((row) => row.event),
        featureVersion: impressionRow.feature_version,
      };
    }
    const sequence = statements.nextSequence.get()!.value;
    statements.insertFeedback.run(sequence, feedback.impressionId, feedback.itemId, feedback.event, feedback.at, clientEventId);
    return {
      status: "recorded",
      feedback: { impressionId: feedback.impressionId, itemId: feedback.itemId, event: feedback.event, at: feedback.at, clientEventId, sequence },
      slot,
      sessionId,
      previousEvents: existing.map((row) => row.event),
      featureVersion: impressionRow.feature_version,
    };
  });

  // Sessions of the requests in flight and a few before: a request's reads of its session parse it once.
  const sessionStates = parsedJsonCache(SESSION_CACHE_ENTRIES);
  const readSession = (id: string): SessionRecord | null => {
    const row = statements.session.get(id);
    return row ? { id: row.id, createdAt: row.created_at, updatedAt: row.updated_at, state: sessionStates.parse(id, row.state_json) } : null;
  };

  const writeSession = (id: string, state: JsonObject, at: number): SessionRecord => {
    if (!isJsonObject(state)) throw new StoreInvalidInputError("Session state must be a JSON object.");
    const json = JSON.stringify(state);
    const { created_at: createdAt } = statements.upsertSession.get(id, at, at, json)!;
    // Read-only from here on, as a read's: the session's next request takes it without a parse.
    return { id, createdAt, updatedAt: at, state: sessionStates.remember(id, json, state) };
  };

  const applySessionUpdate = (id: string, at: number, update: (state: JsonObject | null) => JsonObject) => writeSession(id, update(readSession(id)?.state ?? null), at);
  const updateSession = db.transaction(applySessionUpdate);

  // One transaction, one commit: the impression and the session turn of a served request.
  const recordAnswer = db.transaction((answer: NewAnswer): RecordedAnswer => ({
    impression: answer.impression ? writeImpression(answer.impression) : null,
    session: answer.session ? applySessionUpdate(answer.session.id, answer.session.at, answer.session.update) : null,
  }));

  const appendConversation = db.transaction((sessionId: string, messages: readonly NewConversationMessage[], at: number, replaceAnswerId: string | undefined): ConversationMessageRecord[] => {
    const rows = messages.map((message) => ({ message, ...conversationJson(message) }));
    const last = statements.lastMessage.get(sessionId);
    let position = last ? last.position + 1 : 0;
    if (replaceAnswerId !== undefined) {
      if (!last || last.role !== "assistant" || last.id !== replaceAnswerId) {
        throw new StoreConflictError(`Answer ${JSON.stringify(replaceAnswerId)} is not the last message of the conversation: only the last answer can be replaced.`);
      }
      statements.deleteMessage.run(sessionId, last.position);
      position = last.position;
    }
    const records: ConversationMessageRecord[] = [];
    for (const row of rows) {
      if (statements.messageById.get(sessionId, row.message.id)) throw new StoreConflictError(`The conversation already holds a message ${JSON.stringify(row.message.id)}.`);
      statements.insertMessage.run(sessionId, position, row.message.id, row.message.role, at, row.messageJson, row.turnJson);
      records.push({ sessionId, position, id: row.message.id, role: row.message.role, createdAt: at, message: row.message.message, turn: row.message.turn ?? null });
      position++;
    }
    return records;
  });

  const saveBanditState = db.transaction((snapshot: { state: JsonValue; throughSequence: number; savedAt: number }): BanditStateRecord => {
    const { version } = statements.insertBanditState.get(snapshot.savedAt, snapshot.throughSequence, JSON.stringify(snapshot.state))!;
    statements.pruneBanditStates.run(keepBanditStates);
    return { version, savedAt: snapshot.savedAt, throughSequence: snapshot.throughSequence, state: snapshot.state };
  });

  const reserveLlmSpend = db.transaction((reservation: LlmSpendReservation): { id: number | null; spent: LlmSpendTotals } => {
    const spent = {
      sessionUsd: reservation.sessionId === null ? 0 : statements.sessionSpend.get(reservation.sessionId, reservation.since)!.usd,
      globalUsd: statements.globalSpend.get(reservation.since)!.usd,
      clientUsd: reservation.client === null ? 0 : statements.clientSpend.get(reservation.client, reservation.since)!.usd,
    };
    if (!reservation.approve(spent)) return { id: null, spent };
    // Rows past the budget windows are deleted by the retention prune (Store.prune), not here.
    return { id: statements.insertSpend.get(reservation.sessionId, reservation.client, reservation.at, reservation.usd)!.id, spent };
  });

  const retention = sqliteRetention(db);
  const pruneBatch = db.transaction(retention.pruneBatch);
  const operatorRecords = sqliteOperatorRecords(db);

  const checkpointer =
    options.backgroundCheckpointMs !== undefined && databasePath !== ":memory:" ? startWalCheckpointer({ path: databasePath, intervalMs: options.backgroundCheckpointMs, busyTimeoutMs }) : null;

  let closed = false;
  /**
   * Runs a synchronous database step, mapping SQLite errors to typed store errors. When another
   * process holds the write lock, the step is retried between event-loop turns until
   * `busyTimeoutMs`: SQLite's own busy handler would sleep inside the call and stall every
   * request of this process (the server runs one process per core, all writing one database).
   * A step that meets a lock has changed nothing: every write starts with BEGIN IMMEDIATE or is
   * a single statement.
   */
  const run = async <T>(step: () => T, waitMs = busyTimeoutMs): Promise<T> => {
    let started: number | null = null;
    for (let attempt = 0; ; attempt++) {
      if (closed) throw new StoreUnavailableError(databasePath, "the store was closed");
      try {
        return step();
      } catch (error) {
        if (!(sqliteCode(error) ?? "").startsWith("SQLITE_BUSY")) throw translate(error);
        started ??= performance.now();
        if (performance.now() - started >= waitMs) throw translate(error);
        // The lock is usually held for a fraction of a millisecond: try again right after the
        // pending I/O, then back off to timers.
        await new Promise((resolve) => (attempt < 4 ? setImmediate(resolve) : setTimeout(resolve, Math.min(attempt - 3, 10))));
      }
    }
  };

  return {
    recordImpression: (impression) =>
      run(() => {
        validateImpression(impression);
        // IMMEDIATE takes the write lock up front, so the sequence read and the inserts cannot
        // interleave with another process's writer.
        return recordImpression.immediate(impression);
      }),
    recordAnswer: (answer) =>
      run(() => {
        if (answer.impression) validateImpression(answer.impression);
        if (answer.session && !Number.isFinite(answer.session.at)) throw new StoreInvalidInputError("Session time must be a finite number of milliseconds.");
        return recordAnswer.immediate(answer);
      }),
    getImpression: (id) => run(() => readImpression(id)),
    recordFeedback: (feedback) =>
      run(() => {
        if (!Number.isFinite(feedback.at)) throw new StoreInvalidInputError("Feedback time must be a finite number of milliseconds.");
        if (!/^[a-z][a-z-]{0,31}$/.test(feedback.event)) throw new StoreInvalidInputError(`Feedback event ${JSON.stringify(feedback.event)} is not a valid event name.`);
        if (feedback.clientEventId != null && !ID_PATTERN.test(feedback.clientEventId))
          throw new StoreInvalidInputError(`Feedback event id ${JSON.stringify(feedback.clientEventId)} must be 1-200 letters, digits or _:.-`);
        if (feedbackSynchronous === synchronous) return recordFeedback.immediate(feedback);
        db.pragma(`synchronous = ${feedbackSynchronous}`);
        try {
          return recordFeedback.immediate(feedback);
        } finally {
          db.pragma(`synchronous = ${synchronous}`);
        }
      }),
    listFeedback: (impressionId) => run(() => statements.feedbackOf.all(impressionId).map(toFeedback)),
    listSessionFeedback: (sessionId) => run(() => statements.feedbackOfSession.all(sessionId).map(toFeedback)),
    appendConversation: (sessionId, messages, at, options = {}) =>
      run(() => {
        if (!Number.isFinite(at)) throw new StoreInvalidInputError("Conversation time must be a finite number of milliseconds.");
        if (typeof sessionId !== "string" || sessionId.length === 0) throw new StoreInvalidInputError("A conversation needs a session id.");
        return appendConversation.immediate(sessionId, messages, at, options.replaceAnswerId);
      }),
    listConversation: (sessionId, options = {}) =>
      run(() => ({
        messages: statements.lastMessages.all(sessionId, Math.max(1, Math.floor(options.limit ?? 200))).map(toConversationMessage),
        total: statements.messageCount.get(sessionId)!.total,
      })),
    lastConversationMessage: (sessionId) =>
      run(() => {
        const row = statements.lastMessage.get(sessionId);
        return row ? toConversationMessage(row) : null;
      }),
    getSession: (id) => run(() => readSession(id)),
    saveSession: (id, state, at) => run(() => writeSession(id, state, at)),
    updateSession: (id, at, update) => run(() => updateSession.immediate(id, at, update)),
    saveBanditState: (snapshot) => run(() => saveBanditState.immediate(snapshot)),
    loadBanditState: () =>
      run(() => {
        const row = statements.latestBanditState.get();
        return row ? { version: row.version, savedAt: row.saved_at, throughSequence: row.through_sequence, state: JSON.parse(row.state_json) as JsonValue } : null;
      }),
    lastSequence: () => run(() => statements.lastSequence.get()!.value),
    readEventLog: (options = {}) =>
      run(() => {
        const after = options.afterSequence ?? 0;
        const rows = statements.eventLog.all(after, after, Math.max(1, options.limit ?? 1000));
        // A page's feedback mostly concerns a few impressions: read and unpack each once.
        const impressions = new Map<string, { featureVersion: number; slots: Map<string, ImpressionSlotRecord> }>();
        const impressionOf = (id: string) => {
          let impression = impressions.get(id);
          if (!impression) {
            const row = statements.impressionById.get(id)!;
            impression = { featureVersion: row.feature_version, slots: new Map(slotsOf(row).map((slot) => [slot.itemId, slot])) };
            impressions.set(id, impression);
          }
          return impression;
        };
        return rows.map((row): EventLogEntry => {
          if (row.type === "impression") {
            const impression = readImpression(row.id);
            return {
              type: "impression",
              sequence: row.sequence,
              impressionId: impression.id,
              sessionId: impression.sessionId,
              createdAt: impression.createdAt,
              policy: impression.policy,
              featureVersion: impression.featureVersion,
              slots: impression.slots,
            };
          }
          const impression = impressionOf(row.id);
          const slotFeedback = statements.feedbackOfSlot.all(row.id, row.item_id!);
          const feedback = slotFeedback.find((each) => each.sequence === row.sequence)!;
          return {
            type: "feedback",
            sequence: row.sequence,
            impressionId: row.id,
            itemId: feedback.item_id,
            event: feedback.event,
            at: feedback.at,
            features: impression.slots.get(row.item_id!)!.features,
            featureVersion: impression.featureVersion,
            previousEvents: slotFeedback.filter((each) => each.sequence < row.sequence).map((each) => each.event),
          };
        });
      }),
    reserveLlmSpend: (reservation) =>
      run(() => {
        if (!(Number.isFinite(reservation.usd) && reservation.usd >= 0)) throw new StoreInvalidInputError(`LLM spend must be a finite, non-negative USD amount, got ${reservation.usd}.`);
        if (!Number.isFinite(reservation.at) || !Number.isFinite(reservation.since)) throw new StoreInvalidInputError("LLM spend times must be finite numbers of milliseconds.");
        return reserveLlmSpend.immediate(reservation);
      }),
    llmSpendSince: (since) =>
      run(() => {
        if (!Number.isFinite(since)) throw new StoreInvalidInputError("LLM spend times must be finite numbers of milliseconds.");
        return statements.globalSpend.get(since)!.usd;
      }),
    settleLlmSpend: (id, usd) =>
      run(() => {
        if (!(Number.isFinite(usd) && usd >= 0)) throw new StoreInvalidInputError(`LLM spend must be a finite, non-negative USD amount, got ${usd}.`);
        if (statements.settleSpend.run(usd, id).changes === 0) throw new StoreInvalidInputError(`No LLM spend reservation ${id}.`);
      }),
    counts: () => run(() => statements.counts.get()!),
    appendOperatorRecord: (record) => run(() => operatorRecords.append(record)),
    listOperatorRecords: (kind, options) => run(() => operatorRecords.list(kind, options)),
    prune: async (options) => {
      if (!Number.isFinite(options.before) || (options.spendBefore !== undefined && !Number.isFinite(options.spendBefore))) {
        throw new StoreInvalidInputError("Prune times must be finite numbers of milliseconds.");
      }
      const limits = { before: options.before, spendBefore: options.spendBefore ?? options.before, batchSize: Math.max(1, Math.floor(options.batchSize ?? DEFAULT_PRUNE_BATCH)) };
      let total = retention.empty();
      let batches = 0;
      const protectedAfterSequence = await run(() => retention.protectedAfterSequence());
      for (;;) {
        const batch = await run(() => pruneBatch.immediate(limits));
        batches++;
        total = retention.add(total, batch);
        if (batchWasEmpty(batch)) break;
        // Requests' writes queued behind this batch go first.
        await new Promise((resolve) => setImmediate(resolve));
      }
      return { ...total, batches, protectedAfterSequence } satisfies PruneResult;
    },
    truncateWal: async () => {
      if (databasePath === ":memory:") return { truncated: true };
      if (checkpointer) return { truncated: await checkpointer.truncate() };
      return run(() => {
        const [result] = db.pragma("wal_checkpoint(TRUNCATE)") as Array<{ busy: number }>;
        return { truncated: result.busy === 0 };
      });
    },
    probeWrite: (probe = {}) =>
      run(() => {
        db.exec("BEGIN IMMEDIATE");
        try {
          statements.touchSequence.run();
        } finally {
          db.exec("ROLLBACK");
        }
        const { pages, free, cap } = statements.pageCounts.get()!;
        if (pages >= cap && free === 0) {
          throw new StoreUnavailableError(databasePath, "SQLITE_FULL: the database reached its size cap", Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" }));
        }
      }, probe.timeoutMs ?? PROBE_WAIT_MS),
    close: async () => {
      if (closed) return;
      closed = true;
      await checkpointer?.close();
      db.close();
    },
  };
}

/**
 * Applies pending migrations; refuses a database from a newer schema. The version is read inside
 * the write transaction, so server processes opening a new database at once (one per core)
 * apply each migration exactly once: the others wait on the lock, then see it applied.
 */
function migrate(database: Database.Database, now: () => number): void {
  database.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT");
  const currentVersion = () => (database.prepare("SELECT coalesce(max(version), 0) AS version FROM schema_version").get() as { version: number }).version;
  const applied = (version: number) => database.prepare("SELECT 1 FROM schema_version WHERE version = ?").get(version) !== undefined;
  // Nothing to apply: no write lock taken, so a server starts while another process writes.
  if (currentVersion() <= LATEST_SCHEMA_VERSION && MIGRATIONS.every((migration) => applied(migration.version))) return;
  for (const migration of MIGRATIONS) {
    database
      .transaction(() => {
        const current = currentVersion();
        if (current > LATEST_SCHEMA_VERSION) {
          throw new StoreSchemaError(`The database has schema version ${current}; this code knows up to ${LATEST_SCHEMA_VERSION}. Upgrade Reelcast instead of opening it with older code.`);
        }
        // By presence, not by the highest version: a migration numbered below one already applied
        // (two branches adding migrations at once) still runs.
        if (applied(migration.version)) return;
        database.exec(migration.sql);
        database.prepare("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)").run(migration.version, migration.name, now());
      })
      .immediate();
  }
}
