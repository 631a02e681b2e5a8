import type Database from "better-sqlite3";
import { operatorRecordJson, operatorRecordQuery } from "./operator-record-input";
import type { JsonValue, OperatorRecord } from "./store";

interface OperatorRecordRow {
  id: number;
  kind: string;
  at: number;
  payload_json: string;
}

/** The SQLite store's operator records (lib/store/store.ts OperatorRecord); each call is one statement. */
export function sqliteOperatorRecords(db: Database.Database) {
  const statements = {
    insert: db.prepare<[string, number, string], { id: number }>("INSERT INTO operator_records (kind, at, payload_json) VALUES (?, ?, ?) RETURNING id"),
    newest: db.prepare<[string, number, number], OperatorRecordRow>("SELECT * FROM (SELECT * FROM operator_records WHERE kind = ? AND at >= ? ORDER BY at DESC, id DESC LIMIT ?) ORDER BY at, id"),
  };
  return {
    append: (record: { kind: string; at: number; payload: JsonValue }): OperatorRecord => {
      const json = operatorRecordJson(record);
      const { id } = statements.insert.get(record.kind, record.at, json)!;
      return { id, kind: record.kind, at: record.at, payload: JSON.parse(json) as JsonValue };
    },
    list: (kind: string, options?: { since?: number; limit?: number }): OperatorRecord[] => {
      const { since, limit } = operatorRecordQuery(kind, options);
      return statements.newest.all(kind, since, limit).map((row) => ({ id: row.id, kind: row.kind, at: row.at, payload: JSON.parse(row.payload_json) as JsonValue }));
    },
  };
}
