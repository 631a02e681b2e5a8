import { operatorRecordJson, operatorRecordQuery } from "../operator-record-input";
import type { JsonValue, OperatorRecord } from "../store";
import { queryRows, type PostgresConnection } from "./connection";

interface OperatorRecordRow {
  id: number;
  kind: string;
  at: number;
  payload_json: string;
}

/** Operator records (lib/store/store.ts OperatorRecord) on PostgreSQL; each call is one statement. */
export function postgresOperatorRecords(connection: PostgresConnection) {
  return {
    append: async (record: { kind: string; at: number; payload: JsonValue }): Promise<OperatorRecord> => {
      const json = operatorRecordJson(record);
      const [row] = await queryRows<{ id: number }>(connection, "INSERT INTO operator_records (kind, at, payload_json) VALUES ($1, $2, $3) RETURNING id", [record.kind, record.at, json]);
      return { id: row.id, kind: record.kind, at: record.at, payload: JSON.parse(json) as JsonValue };
    },
    list: async (kind: string, options?: { since?: number; limit?: number }): Promise<OperatorRecord[]> => {
      const { since, limit } = operatorRecordQuery(kind, options);
      const rows = await queryRows<OperatorRecordRow>(
        connection,
        "SELECT * FROM (SELECT * FROM operator_records WHERE kind = $1 AND at >= $2::float8 ORDER BY at DESC, id DESC LIMIT $3) AS newest ORDER BY at, id",
        [kind, since, limit],
      );
      return rows.map((row) => ({ id: row.id, kind: row.kind, at: row.at, payload: JSON.parse(row.payload_json) as JsonValue }));
    },
  };
}
