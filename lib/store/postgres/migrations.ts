import type pg from "pg";
import { StoreSchemaError } from "../store-errors";
import type { Migration } from "../migrations";
import { advisoryKey } from "./advisory-locks";
import type { PostgresConnection } from "./connection";

/**
 * The PostgreSQL schema's versioned migrations, numbered on their own (the SQLite file's
 * migrations in lib/store/migrations.ts carry its history; this schema starts at what SQLite
 * version 9 holds, without the pre-version-8 impression_slots rows). Never edit a released
 * migration: add the next one.
 *
 * Times are Unix milliseconds in bigint columns; JSON is kept as the text the store wrote (it
 * is only ever read back whole, so jsonb's parse on every write would buy nothing).
 */
const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "impressions, feedback, sessions, conversations, bandit state, LLM spend, operator records",
    sql: `
      -- One counter orders impressions and feedback together. A writer increments it inside its
      -- transaction, which holds the row lock until it commits: sequences are handed out in
      -- commit order and a rolled-back transaction hands its number back, so a follower reading
      -- "sequence > n" never misses an event that commits later with a smaller number.
      CREATE TABLE event_sequence (
        id integer PRIMARY KEY CHECK (id = 1),
        value bigint NOT NULL
      );
      INSERT INTO event_sequence (id, value) VALUES (1, 0);

      CREATE TABLE sessions (
        id text PRIMARY KEY,
        created_at bigint NOT NULL,
        updated_at bigint NOT NULL,
        state_json text NOT NULL
      );
      CREATE INDEX sessions_by_update ON sessions (updated_at);

      -- An impression's slots packed into its row (lib/store/packed-slots.ts); slot_count keeps
      -- counts() and the prune from parsing slots_json.
      CREATE TABLE impressions (
        id text PRIMARY KEY,
        sequence bigint NOT NULL UNIQUE,
        session_id text,
        created_at bigint NOT NULL,
        policy text NOT NULL,
        feature_version integer NOT NULL,
        context_json text NOT NULL,
        slots_json text NOT NULL,
        slot_features bytea NOT NULL,
        slot_count integer NOT NULL
      );
      CREATE INDEX impressions_by_session ON impressions (session_id, created_at);
      CREATE INDEX impressions_by_time ON impressions (created_at);

      CREATE TABLE feedback (
        sequence bigint PRIMARY KEY,
        impression_id text NOT NULL REFERENCES impressions (id),
        item_id text NOT NULL,
        event text NOT NULL,
        at bigint NOT NULL,
        client_event_id text UNIQUE
      );
      CREATE INDEX feedback_by_slot ON feedback (impression_id, item_id, sequence);
      CREATE INDEX feedback_by_time ON feedback (at);
      CREATE UNIQUE INDEX feedback_once_without_id ON feedback (impression_id, item_id, event) WHERE client_event_id IS NULL;

      CREATE TABLE bandit_state (
        version integer PRIMARY KEY,
        saved_at bigint NOT NULL,
        through_sequence bigint NOT NULL,
        state_json text NOT NULL
      );

      CREATE TABLE llm_spend (
        id bigserial PRIMARY KEY,
        session_id text,
        client text,
        at bigint NOT NULL,
        usd double precision NOT NULL CHECK (usd >= 0),
        settled boolean NOT NULL DEFAULT false
      );
      CREATE INDEX llm_spend_by_time ON llm_spend (at);
      CREATE INDEX llm_spend_by_session ON llm_spend (session_id, at);
      CREATE INDEX llm_spend_by_client ON llm_spend (client, at);

      CREATE TABLE conversation_messages (
        session_id text NOT NULL,
        position integer NOT NULL CHECK (position >= 0),
        id text NOT NULL,
        role text NOT NULL CHECK (role IN ('user', 'assistant')),
        created_at bigint NOT NULL,
        message_json text NOT NULL,
        turn_json text,
        PRIMARY KEY (session_id, position),
        UNIQUE (session_id, id)
      );

      CREATE TABLE operator_records (
        id bigserial PRIMARY KEY,
        kind text NOT NULL,
        at bigint NOT NULL,
        payload_json text NOT NULL
      );
      CREATE INDEX operator_records_by_kind ON operator_records (kind, at, id);
      CREATE INDEX operator_records_by_time ON operator_records (at);
    `,
  },
  {
    version: 2,
    name: "fair-use counters shared by every replica",
    sql: `
      -- rate-limiter-flexible's RateLimiterPostgres table (its own DDL), created here once under
      -- the migration lock: its CREATE TABLE IF NOT EXISTS, run by several replicas at once, can
      -- fail on a duplicate type. Keys are prefixed by limiter, so the limiters share it.
      CREATE TABLE fair_use_limits (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      );
    `,
  },
];

export const LATEST_POSTGRES_SCHEMA_VERSION = Math.max(...POSTGRES_MIGRATIONS.map((migration) => migration.version));

async function appliedVersions(client: pg.PoolClient, schema: string): Promise<Set<number> | null> {
  const { rows } = await client.query<{ present: boolean }>("SELECT to_regclass($1) IS NOT NULL AS present", [`${schema}.schema_version`]);
  if (!rows[0].present) return null;
  const versions = await client.query<{ version: number }>(`SELECT version FROM "${schema}".schema_version`);
  return new Set(versions.rows.map((row) => row.version));
}

function refuseNewer(applied: Set<number>): void {
  const newest = Math.max(0, ...applied);
  if (newest > LATEST_POSTGRES_SCHEMA_VERSION) {
    throw new StoreSchemaError(`The PostgreSQL store has schema version ${newest}; this code knows up to ${LATEST_POSTGRES_SCHEMA_VERSION}. Upgrade Reelcast instead of opening it with older code.`);
  }
}

/**
 * Creates the schema and applies pending migrations, each in its own transaction, recorded in
 * schema_version. Replicas starting together serialize on a session advisory lock: the first
 * applies, the others wait, then find every version present and apply nothing. An up-to-date
 * schema is recognised without taking the lock.
 */
export async function migratePostgres(connection: PostgresConnection, now: () => number = Date.now): Promise<void> {
  const { schema } = connection;
  let client: pg.PoolClient;
  try {
    client = await connection.pool.connect();
  } catch (error) {
    throw connection.translate(error);
  }
  try {
    const before = await appliedVersions(client, schema);
    if (before) {
      refuseNewer(before);
      if (POSTGRES_MIGRATIONS.every((migration) => before.has(migration.version))) return;
    }
    // Session-level: held across the migrations' own transactions. Migrations may take longer
    // than lock_timeout allows a request to wait, so this wait has none.
    await client.query("SET lock_timeout = 0");
    await client.query("SELECT pg_advisory_lock(hashtextextended($1, 0))", [advisoryKey(schema, "migrations")]);
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await client.query(`CREATE TABLE IF NOT EXISTS "${schema}".schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)`);
      const applied = (await appliedVersions(client, schema)) ?? new Set<number>();
      refuseNewer(applied);
      // By presence, not by the highest version: one numbered below an applied one still runs.
      for (const migration of [...POSTGRES_MIGRATIONS].sort((a, b) => a.version - b.version)) {
        if (applied.has(migration.version)) continue;
        await client.query("BEGIN");
        try {
          await client.query(`SET LOCAL search_path TO "${schema}"`);
          await client.query(migration.sql);
          await client.query("INSERT INTO schema_version (version, name, applied_at) VALUES ($1, $2, $3)", [migration.version, migration.name, now()]);
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw error;
        }
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [advisoryKey(schema, "migrations")]);
    }
  } catch (error) {
    throw connection.translate(error);
  } finally {
    // Closed rather than returned: its session settings (lock_timeout) changed.
    client.release(true);
  }
}
