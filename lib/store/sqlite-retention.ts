import type Database from "better-sqlite3";
import type { PruneOptions } from "./store";
import { addPruneCounts, emptyPruneCounts, type PruneCounts } from "./store-rows";

export { batchWasEmpty } from "./store-rows";

/**
 * Rows a prune transaction starts from: 250 impressions (about 3,000 slot rows) and 250 sessions
 * take a few milliseconds to delete. Under full load every batch waits a turn of the event loop,
 * so fewer rows per batch would fall behind what the requests write.
 */
export const DEFAULT_PRUNE_BATCH = 250;

type Counts = PruneCounts;

/**
 * The retention deletes of the SQLite store, one small batch per call so a prune never holds
 * the write lock for long: requests' writes wait between batches, not behind the whole prune.
 * Each batch function runs inside the caller's IMMEDIATE transaction and returns what it
 * deleted (all zeros when nothing is left).
 */
export function sqliteRetention(db: Database.Database) {
  const statements = {
    latestSnapshotSequence: db.prepare<[], { through: number }>("SELECT coalesce((SELECT through_sequence FROM bandit_state ORDER BY version DESC LIMIT 1), 0) AS through"),
    // An impression goes with its feedback: one whose feedback is not yet in the snapshot stays.
    // Slots logged since schema 8 are packed into the impression row (lib/store/packed-slots.ts):
    // they go with it and are counted from it; older ones are impression_slots rows.
    oldImpressions: db.prepare<[number, number, number, number], { id: string; packedSlots: number }>(
      `SELECT id, coalesce(json_array_length(slots_json), 0) AS packedSlots FROM impressions
        WHERE created_at < ? AND sequence <= ?
          AND NOT EXISTS (SELECT 1 FROM feedback WHERE feedback.impression_id = impressions.id AND feedback.sequence > ?)
        ORDER BY created_at LIMIT ?`,
    ),
    deleteFeedbackOf: db.prepare<[string]>("DELETE FROM feedback WHERE impression_id = ?"),
    deleteSlotsOf: db.prepare<[string]>("DELETE FROM impression_slots WHERE impression_id = ?"),
    deleteImpression: db.prepare<[string]>("DELETE FROM impressions WHERE id = ?"),
    oldSessions: db.prepare<[number, number], { id: string }>("SELECT id FROM sessions WHERE updated_at < ? ORDER BY updated_at LIMIT ?"),
    deleteMessagesOf: db.prepare<[string]>("DELETE FROM conversation_messages WHERE session_id = ?"),
    deleteSession: db.prepare<[string]>("DELETE FROM sessions WHERE id = ?"),
    deleteOldSpend: db.prepare<[number, number]>("DELETE FROM llm_spend WHERE id IN (SELECT id FROM llm_spend WHERE at < ? ORDER BY at LIMIT ?)"),
    deleteOldOperatorRecords: db.prepare<[number, number]>("DELETE FROM operator_records WHERE id IN (SELECT id FROM operator_records WHERE at < ? ORDER BY at LIMIT ?)"),
  };

  return {
    /** The newest snapshot's watermark: events after it are what a restart replays, so they stay. */
    protectedAfterSequence: (): number => statements.latestSnapshotSequence.get()!.through,

    /** One batch of each kind; the caller loops until a batch deletes nothing. */
    pruneBatch: (options: Required<Pick<PruneOptions, "before" | "spendBefore" | "batchSize">>): Counts => {
      const deleted = emptyPruneCounts();
      const through = statements.latestSnapshotSequence.get()!.through;
      for (const { id, packedSlots } of statements.oldImpressions.all(options.before, through, through, options.batchSize)) {
        deleted.feedback += statements.deleteFeedbackOf.run(id).changes;
        deleted.slots += statements.deleteSlotsOf.run(id).changes + packedSlots;
        deleted.impressions += statements.deleteImpression.run(id).changes;
      }
      for (const { id } of statements.oldSessions.all(options.before, options.batchSize)) {
        deleted.conversationMessages += statements.deleteMessagesOf.run(id).changes;
        deleted.sessions += statements.deleteSession.run(id).changes;
      }
      deleted.llmSpend += statements.deleteOldSpend.run(options.spendBefore, options.batchSize * 10).changes;
      deleted.operatorRecords += statements.deleteOldOperatorRecords.run(options.before, options.batchSize).changes;
      return deleted;
    },

    add: addPruneCounts,
    empty: emptyPruneCounts,
  };
}
