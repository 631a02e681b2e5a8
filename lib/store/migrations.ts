/**
 * Versioned schema migrations, applied in order, each in its own transaction, and recorded in
 * `schema_version`. Never edit a released migration: add the next one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "impressions, feedback, sessions, bandit state",
    sql: `
      -- One sequence orders impressions and feedback together, so the bandit state can be
      -- replayed from the log in exactly the order the server applied it.
      CREATE TABLE event_sequence (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        value INTEGER NOT NULL
      ) STRICT;
      INSERT INTO event_sequence (id, value) VALUES (1, 0);

      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        state_json TEXT NOT NULL CHECK (json_valid(state_json))
      ) STRICT;

      CREATE TABLE impressions (
        id TEXT PRIMARY KEY,
        sequence INTEGER NOT NULL UNIQUE,
        session_id TEXT,
        created_at INTEGER NOT NULL,
        policy TEXT NOT NULL,
        feature_version INTEGER NOT NULL,
        context_json TEXT NOT NULL CHECK (json_valid(context_json))
      ) STRICT;
      CREATE INDEX impressions_by_session ON impressions (session_id, created_at);

      CREATE TABLE impression_slots (
        impression_id TEXT NOT NULL REFERENCES impressions (id),
        item_id TEXT NOT NULL,
        position INTEGER NOT NULL CHECK (position >= 0),
        explanation_kind TEXT NOT NULL,
        explanation_text TEXT NOT NULL,
        propensity REAL NOT NULL CHECK (propensity > 0 AND propensity <= 1.000001),
        features_json TEXT NOT NULL CHECK (json_valid(features_json)),
        PRIMARY KEY (impression_id, item_id),
        UNIQUE (impression_id, position)
      ) STRICT, WITHOUT ROWID;

      -- UNIQUE (impression, item, event) makes a retried POST a no-op, not a second reward.
      CREATE TABLE feedback (
        sequence INTEGER PRIMARY KEY,
        impression_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        event TEXT NOT NULL,
        at INTEGER NOT NULL,
        UNIQUE (impression_id, item_id, event),
        FOREIGN KEY (impression_id, item_id) REFERENCES impression_slots (impression_id, item_id)
      ) STRICT;

      CREATE TABLE bandit_state (
        version INTEGER PRIMARY KEY,
        saved_at INTEGER NOT NULL,
        through_sequence INTEGER NOT NULL,
        state_json TEXT NOT NULL CHECK (json_valid(state_json))
      ) STRICT;
    `,
  },
  {
    version: 2,
    name: "time indexes for analytics and retention",
    sql: `
      CREATE INDEX impressions_by_time ON impressions (created_at);
      CREATE INDEX feedback_by_time ON feedback (at);
    `,
  },
  {
    version: 3,
    name: "LLM spend ledger shared by the server processes",
    sql: `
      -- One row per request that called (or was cleared to call) an LLM: the estimate while the
      -- calls run, the actual cost once settled. A crash between the two leaves the estimate
      -- counted, which errs on the side of the budget.
      CREATE TABLE llm_spend (
        id INTEGER PRIMARY KEY,
        session_id TEXT,
        at INTEGER NOT NULL,
        usd REAL NOT NULL CHECK (usd >= 0),
        settled INTEGER NOT NULL DEFAULT 0 CHECK (settled IN (0, 1))
      ) STRICT;
      CREATE INDEX llm_spend_by_time ON llm_spend (at);
      CREATE INDEX llm_spend_by_session ON llm_spend (session_id, at);
    `,
  },
  {
    version: 4,
    name: "feedback events carry a client event id; an event may repeat",
    sql: `
      -- A person may like, undo and like again: each is its own event. Idempotency moves to the
      -- client's event id (a retried POST carries the same one). Events sent without an id keep
      -- the old rule, one per (impression, item, event), through the partial unique index.
      CREATE TABLE feedback_events (
        sequence INTEGER PRIMARY KEY,
        impression_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        event TEXT NOT NULL,
        at INTEGER NOT NULL,
        client_event_id TEXT UNIQUE,
        FOREIGN KEY (impression_id, item_id) REFERENCES impression_slots (impression_id, item_id)
      ) STRICT;
      INSERT INTO feedback_events (sequence, impression_id, item_id, event, at)
        SELECT sequence, impression_id, item_id, event, at FROM feedback;
      DROP TABLE feedback;
      ALTER TABLE feedback_events RENAME TO feedback;
      CREATE INDEX feedback_by_slot ON feedback (impression_id, item_id, sequence);
      CREATE INDEX feedback_by_time ON feedback (at);
      CREATE UNIQUE INDEX feedback_once_without_id ON feedback (impression_id, item_id, event) WHERE client_event_id IS NULL;
    `,
  },
  {
    version: 5,
    name: "conversation transcripts",
    sql: `
      -- The messages of a session's conversation as the chat showed them (UI messages, JSON), in
      -- order. An answer also keeps how it was made (turn_json: the request, the session state it
      -- was answered from, the films earlier pages showed), so it can be regenerated or continued.
      CREATE TABLE conversation_messages (
        session_id TEXT NOT NULL,
        position INTEGER NOT NULL CHECK (position >= 0),
        id TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
        created_at INTEGER NOT NULL,
        message_json TEXT NOT NULL CHECK (json_valid(message_json)),
        turn_json TEXT CHECK (turn_json IS NULL OR json_valid(turn_json)),
        PRIMARY KEY (session_id, position),
        UNIQUE (session_id, id)
      ) STRICT;
    `,
  },
  {
    version: 6,
    name: "LLM spend per client address",
    sql: `
      -- Each client address may take only a share of the global LLM budget: the ledger says whose
      -- spend each row is (NULL for rows from before, and for requests without an address).
      ALTER TABLE llm_spend ADD COLUMN client TEXT;
      CREATE INDEX llm_spend_by_client ON llm_spend (client, at);
    `,
  },
  {
    version: 7,
    name: "sessions by last update, for retention",
    sql: `
      -- The retention prune deletes sessions not updated within the window, oldest first, a
      -- small batch per transaction: without this index each batch would scan every session.
      CREATE INDEX sessions_by_update ON sessions (updated_at);
    `,
  },
  {
    version: 8,
    name: "an impression's slots packed into its own row",
    sql: `
      -- A served request writes one impression row: its slots (item, position, explanation,
      -- propensity) as one JSON array and their features as one binary column
      -- (lib/store/packed-slots.ts), instead of a row per slot with a JSON text per feature
      -- vector. Impressions logged before keep their impression_slots rows; the store reads both.
      -- No json_valid CHECK: only the store writes the column, and the check would parse it again.
      ALTER TABLE impressions ADD COLUMN slots_json TEXT;
      ALTER TABLE impressions ADD COLUMN slot_features BLOB;

      -- Feedback's key pointed at impression_slots, where new slots no longer are: it now points
      -- at the impression, and the store checks that the impression showed the item.
      CREATE TABLE feedback_events (
        sequence INTEGER PRIMARY KEY,
        impression_id TEXT NOT NULL REFERENCES impressions (id),
        item_id TEXT NOT NULL,
        event TEXT NOT NULL,
        at INTEGER NOT NULL,
        client_event_id TEXT UNIQUE
      ) STRICT;
      INSERT INTO feedback_events (sequence, impression_id, item_id, event, at, client_event_id)
        SELECT sequence, impression_id, item_id, event, at, client_event_id FROM feedback;
      DROP TABLE feedback;
      ALTER TABLE feedback_events RENAME TO feedback;
      CREATE INDEX feedback_by_slot ON feedback (impression_id, item_id, sequence);
      CREATE INDEX feedback_by_time ON feedback (at);
      CREATE UNIQUE INDEX feedback_once_without_id ON feedback (impression_id, item_id, event) WHERE client_event_id IS NULL;
    `,
  },
  {
    version: 9,
    name: "operator records",
    sql: `
      -- The outer loop's records (the spend pacer's decisions, the log evaluator's estimates,
      -- metrics snapshots): every server process reads the newest of a kind, the operator's page
      -- reads a kind over time.
      CREATE TABLE operator_records (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        at INTEGER NOT NULL,
        payload_json TEXT NOT NULL
      ) STRICT;
      CREATE INDEX operator_records_by_kind ON operator_records (kind, at, id);
      CREATE INDEX operator_records_by_time ON operator_records (at);
    `,
  },
];

/** The highest version (migrations may be listed out of order while two are in flight). */
export const LATEST_SCHEMA_VERSION = Math.max(...MIGRATIONS.map((migration) => migration.version));
