import type pg from "pg";
import { packSlots } from "../packed-slots";
import type { FeedbackRecord, ImpressionRecord, NewFeedback, NewImpression, RecordFeedbackResult } from "../store";
import { StoreConflictError, StoreNotFoundError } from "../store-errors";
import { timeOrderedId } from "../time-ordered-id";
import { advisoryKey } from "./advisory-locks";
import { inTransaction, sqlState, type PostgresConnection, type Queryable } from "./connection";
import { NEXT_SEQUENCE, notifyInserted } from "./event-log";
import { toFeedback, type FeedbackRow, writtenImpression } from "../store-rows";
import { slotsOfRow, toImpressionRecord, type ImpressionRow } from "./impression-rows";

const INSERT_IMPRESSION = `WITH ${NEXT_SEQUENCE},
  ins AS (
    INSERT INTO impressions (id, sequence, session_id, created_at, policy, feature_version, context_json, slots_json, slot_features, slot_count)
    SELECT $1, value, $2, $3, $4, $5, $6, $7, $8, $9 FROM next
    ON CONFLICT (id) DO NOTHING RETURNING sequence)
  ${notifyInserted(10)}`;

const INSERT_FEEDBACK = `WITH ${NEXT_SEQUENCE},
  ins AS (
    INSERT INTO feedback (sequence, impression_id, item_id, event, at, client_event_id)
    SELECT value, $1, $2, $3, $4, $5 FROM next RETURNING sequence)
  ${notifyInserted(6)}`;

/**
 * Writes an impression (slots packed into its row) inside the caller's transaction, as the last
 * step of it: its sequence is taken here, and the counter's lock is held until the commit.
 */
export async function writeImpression(client: Queryable, impression: NewImpression, channel: string, now: () => number): Promise<ImpressionRecord> {
  const id = impression.id ?? timeOrderedId(now());
  const packed = packSlots(impression.slots);
  const features = Buffer.from(packed.slotFeatures.buffer, packed.slotFeatures.byteOffset, packed.slotFeatures.byteLength);
  const { rows } = await client.query<{ sequence: number }>(INSERT_IMPRESSION, [
    id,
    impression.sessionId,
    impression.createdAt,
    impression.policy,
    impression.featureVersion,
    JSON.stringify(impression.context),
    packed.slotsJson,
    features,
    impression.slots.length,
    channel,
  ]);
  // No row: the id exists. Throwing rolls the transaction back, and the sequence with it.
  if (rows.length === 0) throw new StoreConflictError(`Impression ${JSON.stringify(id)} already exists.`);
  return writtenImpression(impression, id, rows[0].sequence);
}

export async function readImpression(client: Queryable, id: string): Promise<ImpressionRecord> {
  const { rows } = await client.query<ImpressionRow>("SELECT * FROM impressions WHERE id = $1", [id]);
  if (rows.length === 0) throw new StoreNotFoundError("impression", id);
  return toImpressionRecord(rows[0]);
}

/** Attempts of a feedback write that met a concurrent one using the same client event id. */
const FEEDBACK_ATTEMPTS = 3;

async function recordFeedbackOnce(client: pg.PoolClient, feedback: NewFeedback, schema: string, channel: string): Promise<RecordFeedbackResult> {
  // One writer per slot at a time: what it reads as the slot's earlier events is exactly what
  // precedes it in the log (as replay computes them). FOR KEY SHARE keeps the impression from
  // being pruned meanwhile (a prune batch locks it FOR UPDATE).
  const found = await client.query<ImpressionRow>("SELECT impressions.*, pg_advisory_xact_lock(hashtextextended($2, 0)) FROM impressions WHERE id = $1 FOR KEY SHARE", [
    feedback.impressionId,
    advisoryKey(schema, "slot", JSON.stringify([feedback.impressionId, feedback.itemId])),
  ]);
  const impression = found.rows[0];
  if (!impression) throw new StoreNotFoundError("impression", feedback.impressionId);
  const slot = slotsOfRow(impression).find((each) => each.itemId === feedback.itemId);
  if (!slot) throw new StoreNotFoundError("item", feedback.itemId, `Impression ${JSON.stringify(feedback.impressionId)} did not show item ${JSON.stringify(feedback.itemId)}.`);
  const clientEventId = feedback.clientEventId ?? null;
  // After the lock: a new statement sees every event of the slot committed before it.
  const { rows } = await client.query<FeedbackRow>("SELECT * FROM feedback WHERE (impression_id = $1 AND item_id = $2) OR client_event_id = $3 ORDER BY sequence", [
    feedback.impressionId,
    feedback.itemId,
    clientEventId,
  ]);
  const existing = rows.filter((row) => row.impression_id === feedback.impressionId && row.item_id === feedback.itemId);
  let duplicate: FeedbackRow | undefined;
  if (clientEventId !== null) {
    duplicate = rows.find((row) => row.client_event_id === clientEventId);
    if (duplicate && (duplicate.impression_id !== feedback.impressionId || duplicate.item_id !== feedback.itemId || duplicate.event !== feedback.event)) {
      throw new StoreConflictError(`Feedback event id ${JSON.stringify(clientEventId)} was already used for another event.`);
    }
  } else {
    duplicate = existing.find((row) => row.event === feedback.event && row.client_event_id === null);
  }
  const base = { slot, sessionId: impression.session_id, featureVersion: impression.feature_version };
  if (duplicate) {
    const original = duplicate;
    return { ...base, status: "duplicate", feedback: toFeedback(original), previousEvents: existing.filter((row) => row.sequence < original.sequence).map((row) => row.event) };
  }
  const inserted = await client.query<{ sequence: number }>(INSERT_FEEDBACK, [feedback.impressionId, feedback.itemId, feedback.event, feedback.at, clientEventId, channel]);
  const record: FeedbackRecord = { impressionId: feedback.impressionId, itemId: feedback.itemId, event: feedback.event, at: feedback.at, clientEventId, sequence: inserted.rows[0].sequence };
  return { ...base, status: "recorded", feedback: record, previousEvents: existing.map((row) => row.event) };
}

/**
 * Stores a feedback event in one transaction; the promise resolves after COMMIT, which with
 * synchronous_commit=on (PostgreSQL's default; the store never lowers it) returns only once the
 * commit record is flushed to disk: an acknowledged event survives a crash of the server or the
 * machine.
 */
export async function recordPostgresFeedback(connection: PostgresConnection, feedback: NewFeedback, channel: string): Promise<RecordFeedbackResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(connection, (client) => recordFeedbackOnce(client, feedback, connection.schema, channel));
    } catch (error) {
      // Another slot's writer committed the same client event id first: the next attempt finds
      // it (a duplicate, or a conflict when it names another event).
      if (sqlState(error) === "23505" && attempt < FEEDBACK_ATTEMPTS) continue;
      if (sqlState(error) === "23503") throw new StoreNotFoundError("impression", feedback.impressionId);
      throw error;
    }
  }
}
