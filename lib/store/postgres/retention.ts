import { emptyPruneCounts, type PruneCounts } from "../store-rows";
import { inTransaction, type PostgresConnection } from "./connection";

export const LATEST_SNAPSHOT_SEQUENCE = "SELECT coalesce((SELECT through_sequence FROM bandit_state ORDER BY version DESC LIMIT 1), 0) AS through";

/**
 * One retention batch in one transaction; the caller loops until a batch deletes nothing.
 *
 * Other replicas write meanwhile, so the batch protects what SQLite's write lock protected: the
 * candidate impressions are locked FOR UPDATE (a feedback write holds its impression FOR KEY
 * SHARE, which conflicts), and only then, in a new statement that sees every event committed
 * before the lock, are those with feedback after the snapshot's watermark set aside. An event
 * the newest snapshot lacks is never deleted; a feedback write that waited on a deleted
 * impression fails as an unknown impression, as if it had come after the prune.
 */
export function prunePostgresBatch(connection: PostgresConnection, limits: { before: number; spendBefore: number; batchSize: number }): Promise<PruneCounts> {
  return inTransaction(connection, async (client) => {
    const deleted = emptyPruneCounts();
    const through = (await client.query<{ through: number }>(LATEST_SNAPSHOT_SEQUENCE)).rows[0].through;
    const candidates = await client.query<{ id: string }>(
      `SELECT id FROM impressions
        WHERE created_at < $1 AND sequence <= $2
          AND NOT EXISTS (SELECT 1 FROM feedback WHERE feedback.impression_id = impressions.id AND feedback.sequence > $2)
        ORDER BY created_at LIMIT $3 FOR UPDATE`,
      [limits.before, through, limits.batchSize],
    );
    if (candidates.rows.length > 0) {
      const safe = await client.query<{ id: string; slot_count: number }>(
        "SELECT id, slot_count FROM impressions WHERE id = ANY($1) AND NOT EXISTS (SELECT 1 FROM feedback WHERE feedback.impression_id = impressions.id AND feedback.sequence > $2)",
        [candidates.rows.map((row) => row.id), through],
      );
      const ids = safe.rows.map((row) => row.id);
      deleted.feedback = (await client.query("DELETE FROM feedback WHERE impression_id = ANY($1)", [ids])).rowCount ?? 0;
      deleted.impressions = (await client.query("DELETE FROM impressions WHERE id = ANY($1)", [ids])).rowCount ?? 0;
      deleted.slots = safe.rows.reduce((sum, row) => sum + row.slot_count, 0);
    }
    // A session updated while this ran is re-checked by the DELETE itself (READ COMMITTED
    // re-evaluates updated_at on the row version it waited for), so it stays.
    const sessions = await client.query<{ id: string }>(
      "DELETE FROM sessions WHERE id IN (SELECT id FROM sessions WHERE updated_at < $1 ORDER BY updated_at LIMIT $2) AND updated_at < $1 RETURNING id",
      [limits.before, limits.batchSize],
    );
    deleted.sessions = sessions.rows.length;
    if (sessions.rows.length > 0) {
      deleted.conversationMessages = (await client.query("DELETE FROM conversation_messages WHERE session_id = ANY($1)", [sessions.rows.map((row) => row.id)])).rowCount ?? 0;
    }
    deleted.llmSpend =
      (await client.query("DELETE FROM llm_spend WHERE id IN (SELECT id FROM llm_spend WHERE at < $1 ORDER BY at LIMIT $2)", [limits.spendBefore, limits.batchSize * 10])).rowCount ?? 0;
    deleted.operatorRecords =
      (await client.query("DELETE FROM operator_records WHERE id IN (SELECT id FROM operator_records WHERE at < $1 ORDER BY at LIMIT $2)", [limits.before, limits.batchSize])).rowCount ?? 0;
    return deleted;
  });
}
