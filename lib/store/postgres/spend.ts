import type { LlmSpendReservation, LlmSpendTotals } from "../store";
import { StoreInvalidInputError } from "../store-errors";
import { advisoryKey, lockForTransaction } from "./advisory-locks";
import { inTransaction, queryRows, type PostgresConnection } from "./connection";

/**
 * The LLM spend ledger on PostgreSQL. Every reservation of every replica takes one advisory
 * transaction lock first, so reservations run one at a time: each one's sums (a statement that
 * starts after the lock, READ COMMITTED) include every reservation committed before it, and the
 * check and the insert commit together. Two replicas cannot both pass a ceiling that only one
 * request fits under. The lock is held for three short statements.
 */
export function postgresSpend(connection: PostgresConnection) {
  const lockKey = advisoryKey(connection.schema, "llm-spend");
  return {
    reserve: (reservation: LlmSpendReservation): Promise<{ id: number | null; spent: LlmSpendTotals }> =>
      inTransaction(connection, async (client) => {
        await lockForTransaction(client, lockKey);
        const { rows } = await client.query<{ global_usd: number; session_usd: number; client_usd: number }>(
          `SELECT coalesce(sum(usd), 0) AS global_usd,
                  coalesce(sum(usd) FILTER (WHERE session_id = $2), 0) AS session_usd,
                  coalesce(sum(usd) FILTER (WHERE client = $3), 0) AS client_usd
             FROM llm_spend WHERE at >= $1`,
          [reservation.since, reservation.sessionId, reservation.client],
        );
        const spent: LlmSpendTotals = {
          sessionUsd: reservation.sessionId === null ? 0 : rows[0].session_usd,
          globalUsd: rows[0].global_usd,
          clientUsd: reservation.client === null ? 0 : rows[0].client_usd,
        };
        if (!reservation.approve(spent)) return { id: null, spent };
        // Rows past the budget windows are deleted by the retention prune (Store.prune), not here.
        const inserted = await client.query<{ id: number }>("INSERT INTO llm_spend (session_id, client, at, usd) VALUES ($1, $2, $3, $4) RETURNING id", [
          reservation.sessionId,
          reservation.client,
          reservation.at,
          reservation.usd,
        ]);
        return { id: inserted.rows[0].id, spent };
      }),
    /** A plain read: no advisory lock, since nothing is reserved on it. */
    totalSince: async (since: number): Promise<number> => (await queryRows<{ usd: number }>(connection, "SELECT coalesce(sum(usd), 0) AS usd FROM llm_spend WHERE at >= $1", [since]))[0].usd,
    settle: async (id: number, usd: number): Promise<void> => {
      const rows = await queryRows(connection, "UPDATE llm_spend SET usd = $1, settled = true WHERE id = $2 RETURNING id", [usd, id]);
      if (rows.length === 0) throw new StoreInvalidInputError(`No LLM spend reservation ${id}.`);
    },
  };
}
