import type pg from "pg";
import { parsedJsonCache } from "../parsed-json-cache";
import type { ConversationMessageRecord, JsonObject, NewConversationMessage, SessionRecord } from "../store";
import { toConversationMessage, type ConversationRow } from "../store-rows";
import { StoreConflictError, StoreInvalidInputError } from "../store-errors";
import { conversationJson, isJsonObject } from "../store-validation";
import { advisoryKey, lockForTransaction } from "./advisory-locks";
import { inTransaction, sqlState, type PostgresConnection, type Queryable } from "./connection";

/** Parsed session states kept per process (a few KB each): more than the requests it has in flight. */
const SESSION_CACHE_ENTRIES = 256;

interface SessionRow {
  id: string;
  created_at: number;
  updated_at: number;
  state_json: string;
}

/** Sessions and their conversations on PostgreSQL, as the SQLite store keeps them. */
export function postgresSessions(connection: PostgresConnection) {
  const { schema } = connection;
  // A session's parsed state is handed out frozen while its row holds the same text (as SQLite's).
  const states = parsedJsonCache(SESSION_CACHE_ENTRIES);
  const toSession = (row: SessionRow): SessionRecord => ({ id: row.id, createdAt: row.created_at, updatedAt: row.updated_at, state: states.parse(row.id, row.state_json) });

  const write = async (client: Queryable, id: string, state: JsonObject, at: number): Promise<SessionRecord> => {
    if (!isJsonObject(state)) throw new StoreInvalidInputError("Session state must be a JSON object.");
    const { rows } = await client.query<{ created_at: number }>(
      "INSERT INTO sessions (id, created_at, updated_at, state_json) VALUES ($1, $2, $2, $3) ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, state_json = excluded.state_json RETURNING created_at",
      [id, at, JSON.stringify(state)],
    );
    return { id, createdAt: rows[0].created_at, updatedAt: at, state };
  };

  /**
   * The session's row locked FOR UPDATE until the transaction ends, or null when there is none
   * yet. A row that does not exist cannot be locked, so two first turns of a new session would
   * both read null: creators take an advisory lock on the id first and read again, and the
   * second one finds the first one's row.
   */
  const lockSession = async (client: Queryable, id: string): Promise<SessionRecord | null> => {
    const select = "SELECT * FROM sessions WHERE id = $1 FOR UPDATE";
    let { rows } = await client.query<SessionRow>(select, [id]);
    if (rows.length === 0) {
      await lockForTransaction(client, advisoryKey(schema, "new-session", id));
      ({ rows } = await client.query<SessionRow>(select, [id]));
    }
    return rows.length === 0 ? null : toSession(rows[0]);
  };

  /** Read-modify-write inside the caller's transaction; `update` runs once, on the locked state. */
  const applyUpdate = async (client: Queryable, id: string, at: number, update: (state: JsonObject | null) => JsonObject): Promise<SessionRecord> =>
    write(client, id, update((await lockSession(client, id))?.state ?? null), at);

  const appendConversation = async (sessionId: string, messages: readonly NewConversationMessage[], at: number, replaceAnswerId: string | undefined): Promise<ConversationMessageRecord[]> => {
    const rows = messages.map((message) => ({ message, ...conversationJson(message) }));
    return inTransaction(connection, async (client: pg.PoolClient) => {
      // One appender per conversation at a time: positions are read, then taken.
      await lockForTransaction(client, advisoryKey(schema, "conversation", sessionId));
      const last = (await client.query<ConversationRow>("SELECT * FROM conversation_messages WHERE session_id = $1 ORDER BY position DESC LIMIT 1", [sessionId])).rows[0];
      let position = last ? last.position + 1 : 0;
      if (replaceAnswerId !== undefined) {
        if (!last || last.role !== "assistant" || last.id !== replaceAnswerId) {
          throw new StoreConflictError(`Answer ${JSON.stringify(replaceAnswerId)} is not the last message of the conversation: only the last answer can be replaced.`);
        }
        await client.query("DELETE FROM conversation_messages WHERE session_id = $1 AND position = $2", [sessionId, last.position]);
        position = last.position;
      }
      const records: ConversationMessageRecord[] = [];
      for (const row of rows) {
        try {
          await client.query("INSERT INTO conversation_messages (session_id, position, id, role, created_at, message_json, turn_json) VALUES ($1, $2, $3, $4, $5, $6, $7)", [
            sessionId,
            position,
            row.message.id,
            row.message.role,
            at,
            row.messageJson,
            row.turnJson,
          ]);
        } catch (error) {
          // Under the lock positions cannot collide: a unique violation is the message id.
          if (sqlState(error) === "23505") throw new StoreConflictError(`The conversation already holds a message ${JSON.stringify(row.message.id)}.`);
          throw error;
        }
        records.push({ sessionId, position, id: row.message.id, role: row.message.role, createdAt: at, message: row.message.message, turn: row.message.turn ?? null });
        position++;
      }
      return records;
    });
  };

  return {
    applyUpdate,
    appendConversation,
    get: async (client: Queryable, id: string): Promise<SessionRecord | null> => {
      const { rows } = await client.query<SessionRow>("SELECT * FROM sessions WHERE id = $1", [id]);
      return rows.length === 0 ? null : toSession(rows[0]);
    },
    save: write,
    listConversation: async (client: Queryable, sessionId: string, limit: number) => {
      const { rows } = await client.query<ConversationRow>("SELECT * FROM (SELECT * FROM conversation_messages WHERE session_id = $1 ORDER BY position DESC LIMIT $2) AS tail ORDER BY position", [
        sessionId,
        limit,
      ]);
      const { rows: counted } = await client.query<{ total: number }>("SELECT count(*) AS total FROM conversation_messages WHERE session_id = $1", [sessionId]);
      return { messages: rows.map(toConversationMessage), total: counted[0].total };
    },
    lastConversationMessage: async (client: Queryable, sessionId: string): Promise<ConversationMessageRecord | null> => {
      const { rows } = await client.query<ConversationRow>("SELECT * FROM conversation_messages WHERE session_id = $1 ORDER BY position DESC LIMIT 1", [sessionId]);
      return rows.length === 0 ? null : toConversationMessage(rows[0]);
    },
  };
}
