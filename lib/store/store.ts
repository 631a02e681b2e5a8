/**
 * The durable store behind the app: impressions (what was shown, with propensities), feedback
 * events, sessions and bandit state snapshots. Asynchronous so that a networked adapter
 * (PostgreSQL) can implement the same interface; the embedded SQLite adapter resolves each
 * promise only after its transaction has committed.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** A sparse feature vector as the bandit logs it. */
export interface StoredFeatures {
  indexes: number[];
  values: number[];
}

export interface NewImpressionSlot {
  itemId: string;
  /** 0-based slot. */
  position: number;
  explanationKind: string;
  explanationText: string;
  /** Probability the policy showed this item with this explanation in this slot, in (0, 1]. */
  propensity: number;
  features: StoredFeatures;
}

export interface NewImpression {
  /** Generated when absent: a time-ordered UUID (version 7). */
  id?: string;
  sessionId: string | null;
  /** Unix milliseconds. */
  createdAt: number;
  /** Policy label, e.g. "epsilon-greedy(0.1)". */
  policy: string;
  /** The bandit feature version that built `slots[].features`. */
  featureVersion: number;
  /** The request context the bandit saw (any JSON object). */
  context: JsonObject;
  slots: NewImpressionSlot[];
}

export interface ImpressionSlotRecord extends NewImpressionSlot {
  impressionId: string;
}

export interface ImpressionRecord {
  id: string;
  /** Position in the global event log (impressions and feedback share one sequence). */
  sequence: number;
  sessionId: string | null;
  createdAt: number;
  policy: string;
  featureVersion: number;
  context: JsonObject;
  slots: ImpressionSlotRecord[];
}

/**
 * What answering a request writes: the impression it showed (slots, propensities, features) and
 * its session's new turn, stored together or not at all.
 */
export interface NewAnswer {
  /** Null when nothing was shown through the bandit (no bandit, or no items). */
  impression: NewImpression | null;
  /** Null without a session. A read-modify-write of the session's state, as `updateSession`. */
  session: { id: string; at: number; update: (state: JsonObject | null) => JsonObject } | null;
}

export interface RecordedAnswer {
  impression: ImpressionRecord | null;
  session: SessionRecord | null;
}

export interface NewFeedback {
  impressionId: string;
  itemId: string;
  /** like | skip | seen | undo | click | play | dismiss (validated by the route against lib/bandit). */
  event: string;
  /** Unix milliseconds. */
  at: number;
  /**
   * The client's id for this event, its idempotency key: the same id stored twice is one event,
   * so a person may like, undo and like again (three ids, three events). Absent or null: the
   * event is one per (impression, item, event name), as before event ids existed.
   */
  clientEventId?: string | null;
}

export interface FeedbackRecord extends NewFeedback {
  sequence: number;
  clientEventId: string | null;
}

export interface RecordFeedbackResult {
  /**
   * "duplicate" when this event was already recorded (the same client event id, or without one
   * the same impression, item and event): nothing changed.
   */
  status: "recorded" | "duplicate";
  /** The stored event (the original one for a duplicate). */
  feedback: FeedbackRecord;
  /** The shown slot the event is about, with the features the bandit update needs. */
  slot: ImpressionSlotRecord;
  sessionId: string | null;
  /** Events recorded for the same slot before this one, oldest first. */
  previousEvents: string[];
  /** The bandit feature version of the impression (what `slot.features` were built with). */
  featureVersion: number;
}

export interface SessionRecord {
  id: string;
  createdAt: number;
  updatedAt: number;
  /** Opaque to the store: previous constraints, liked / disliked item ids, turns… */
  state: JsonObject;
}

/** A message of a session's conversation as the chat showed it (a UI message, opaque to the store). */
export interface NewConversationMessage {
  /** Unique within the conversation. */
  id: string;
  role: "user" | "assistant";
  message: JsonObject;
  /** How an answer was made (its request, the session it was answered from…); null for a question. */
  turn?: JsonObject | null;
}

export interface ConversationMessageRecord {
  sessionId: string;
  /** 0-based place in the conversation. */
  position: number;
  id: string;
  role: "user" | "assistant";
  /** Unix milliseconds. */
  createdAt: number;
  message: JsonObject;
  turn: JsonObject | null;
}

export interface BanditStateRecord {
  version: number;
  savedAt: number;
  /** The last event-log sequence folded into `state`: replay from the next one. */
  throughSequence: number;
  state: JsonValue;
}

export type EventLogEntry =
  | {
      type: "impression";
      sequence: number;
      impressionId: string;
      sessionId: string | null;
      createdAt: number;
      policy: string;
      featureVersion: number;
      slots: ImpressionSlotRecord[];
    }
  | {
      type: "feedback";
      sequence: number;
      impressionId: string;
      itemId: string;
      event: string;
      at: number;
      /** Features of the slot the event is about (so replay needs no join). */
      features: StoredFeatures;
      featureVersion: number;
      /** Events of the same slot logged before this one, oldest first (replay from any point). */
      previousEvents: string[];
    };

/** LLM spend inside a window, as every server process recorded it (reservations included). */
export interface LlmSpendTotals {
  /** USD spent or reserved by the session (0 for a request without one). */
  sessionUsd: number;
  /** USD spent or reserved by everyone. */
  globalUsd: number;
  /** USD spent or reserved by the client address (0 for a request without one). */
  clientUsd: number;
}

export interface LlmSpendReservation {
  sessionId: string | null;
  /** The client address the spend counts against (lib/server/client-address.ts); null when unknown. */
  client: string | null;
  /** Unix milliseconds of the request. */
  at: number;
  /** The estimated USD to reserve (replaced by the actual cost when settled). */
  usd: number;
  /** Unix milliseconds: spend recorded at or after this counts towards the totals. */
  since: number;
  /**
   * Decides, from the totals before this request, whether it may spend (a pure function: it runs
   * inside the write transaction, so no other process can reserve between the check and the write).
   */
  approve: (spent: LlmSpendTotals) => boolean;
}

export interface StoreCounts {
  impressions: number;
  slots: number;
  feedback: number;
  sessions: number;
  banditStates: number;
  llmSpend: number;
  conversationMessages: number;
}

/** What the retention prune deletes: everything older than the window the caller chose. */
export interface PruneOptions {
  /** Unix milliseconds: sessions not updated since, and impressions created before, are deleted. */
  before: number;
  /**
   * Unix milliseconds for LLM spend rows (default `before`). The caller keeps at least the
   * longest budget window, or pruning would hand the budget back.
   */
  spendBefore?: number;
  /** Impressions and sessions per transaction (spend rows ten times it). Default 250. */
  batchSize?: number;
}

export interface PruneResult {
  sessions: number;
  conversationMessages: number;
  impressions: number;
  slots: number;
  feedback: number;
  llmSpend: number;
  /** Operator records older than the window. */
  operatorRecords: number;
  /** Transactions it took. */
  batches: number;
  /**
   * The newest bandit snapshot's watermark when the prune ran: no event after it was deleted
   * (a restart replays them), nor an impression with feedback after it.
   */
  protectedAfterSequence: number;
}

/** A kind of operator record: lowercase letters, digits and dashes, e.g. "pacing", "evaluation". */
export const OPERATOR_RECORD_KIND = /^[a-z][a-z0-9-]{0,39}$/;
/** A record's JSON payload may take at most this many bytes. */
export const OPERATOR_RECORD_MAX_BYTES = 256 * 1024;

/**
 * A timestamped JSON record the outer loop keeps for every server process and the operator: the
 * spend pacer's decisions, the log evaluator's estimates, metrics snapshots. The store knows only
 * the kind; each writer owns its payload's shape.
 */
export interface OperatorRecord {
  id: number;
  kind: string;
  /** Unix milliseconds. */
  at: number;
  payload: JsonValue;
}

export interface Store {
  /** Stores an impression and its slots atomically. Throws StoreConflictError on a reused id. */
  recordImpression(impression: NewImpression): Promise<ImpressionRecord>;
  /**
   * A served request's writes in one transaction and one commit: the impression with its slots,
   * and the session update (its callback runs inside the transaction, as in `updateSession`).
   * Either both are stored or neither; errors as recordImpression and updateSession.
   */
  recordAnswer(answer: NewAnswer): Promise<RecordedAnswer>;
  /** Throws StoreNotFoundError("impression") when unknown. */
  getImpression(id: string): Promise<ImpressionRecord>;
  /**
   * Stores a feedback event; idempotent on its client event id (or, without one, on impression,
   * item and event). Throws StoreNotFoundError("impression") for an unknown impression,
   * StoreNotFoundError("item") for an item that impression did not show, and
   * StoreConflictError for a client event id already used for a different event.
   */
  recordFeedback(feedback: NewFeedback): Promise<RecordFeedbackResult>;
  listFeedback(impressionId: string): Promise<FeedbackRecord[]>;
  /** Every feedback event on the impressions of a session, oldest first. */
  listSessionFeedback(sessionId: string): Promise<FeedbackRecord[]>;
  /**
   * Appends messages to the end of a session's conversation, in one transaction. With
   * `replaceAnswerId` the first message replaces the conversation's last message instead, which
   * must be the assistant message with that id (a regenerated answer); StoreConflictError when it
   * is not, or when a message id is already in the conversation. StoreInvalidInputError for a
   * malformed message (bad id or role, a message over 512 KiB).
   */
  appendConversation(sessionId: string, messages: readonly NewConversationMessage[], at: number, options?: { replaceAnswerId?: string }): Promise<ConversationMessageRecord[]>;
  /** The last `limit` messages of a session's conversation (default 200), oldest first, and how many it holds. */
  listConversation(sessionId: string, options?: { limit?: number }): Promise<{ messages: ConversationMessageRecord[]; total: number }>;
  /** The conversation's last message, or null when it has none. */
  lastConversationMessage(sessionId: string): Promise<ConversationMessageRecord | null>;
  /** The session's state is read-only: the SQLite adapter hands the same frozen object to the next reader while the row is unchanged. */
  getSession(id: string): Promise<SessionRecord | null>;
  /** Creates or replaces a session's state. */
  saveSession(id: string, state: JsonObject, at: number): Promise<SessionRecord>;
  /** Read-modify-write of a session's state in one transaction (`null` when it is new; read-only, as getSession's). */
  updateSession(id: string, at: number, update: (state: JsonObject | null) => JsonObject): Promise<SessionRecord>;
  /**
   * The LLM spend ledger shared by every server process: sums the spend since
   * `reservation.since`, asks `approve`, and when it approves records the estimate, all in one
   * write transaction, so two processes cannot both pass a ceiling only one request fits under.
   * `id` is null when refused (nothing written). Throws StoreInvalidInputError for a negative or
   * non-finite amount or time.
   */
  reserveLlmSpend(reservation: LlmSpendReservation): Promise<{ id: number | null; spent: LlmSpendTotals }>;
  /**
   * Every server process's LLM spend recorded at or after `since` (the global total
   * reserveLlmSpend checks a ceiling against): a plain read, no lock and nothing written. Throws
   * StoreInvalidInputError for a non-finite time.
   */
  llmSpendSince(since: number): Promise<number>;
  /** Replaces a reservation's estimate with what the calls cost. Throws StoreInvalidInputError for an unknown id or an invalid amount (caller bugs). */
  settleLlmSpend(id: number, usd: number): Promise<void>;
  /** Saves a new bandit snapshot version; keeps the latest few versions. */
  saveBanditState(snapshot: { state: JsonValue; throughSequence: number; savedAt: number }): Promise<BanditStateRecord>;
  /** The newest snapshot, or null. */
  loadBanditState(): Promise<BanditStateRecord | null>;
  /** The newest event-log sequence (0 when empty). */
  lastSequence(): Promise<number>;
  /** Event-log entries with sequence > `afterSequence` (default 0), oldest first, at most `limit` (default 1000). */
  readEventLog(options?: { afterSequence?: number; limit?: number }): Promise<EventLogEntry[]>;
  counts(): Promise<StoreCounts>;
  /**
   * Appends an operator record. Throws StoreInvalidInputError for a kind outside
   * OPERATOR_RECORD_KIND, a non-finite time or a payload over OPERATOR_RECORD_MAX_BYTES.
   */
  appendOperatorRecord(record: { kind: string; at: number; payload: JsonValue }): Promise<OperatorRecord>;
  /**
   * The newest `limit` (default 100, at most 10,000) records of `kind` at or after `since`
   * (default: all), returned oldest first; ties in time keep the order they were appended in.
   */
  listOperatorRecords(kind: string, options?: { since?: number; limit?: number }): Promise<OperatorRecord[]>;
  /**
   * Deletes what is older than the retention window in small transactions (between them,
   * requests' writes go ahead): sessions not updated since `before` with their conversations,
   * impressions created before it with their slots and feedback, LLM spend before `spendBefore`,
   * operator records before `before`.
   * Never an event the newest bandit snapshot does not already hold (save one first).
   */
  prune(options: PruneOptions): Promise<PruneResult>;
  /**
   * Checkpoints the WAL into the database and truncates it to zero bytes, so the space a prune
   * freed is not held by a WAL at its peak size. `truncated` is false when readers or writers
   * kept it from completing within a short wait (the next call tries again).
   */
  truncateWal(): Promise<{ truncated: boolean }>;
  /**
   * A cheap check that the store can still be written: takes the write lock, writes nothing,
   * rolls back, and checks the size cap. Throws the store's typed error (busy when another
   * process holds the lock past `timeoutMs`, unavailable for a read-only or full database).
   */
  probeWrite(options?: { timeoutMs?: number }): Promise<void>;
  close(): Promise<void>;
}
