/**
 * One store test suite, two backends: `storeTest` registers a test once per backend, SQLite (a
 * fresh file per test) and PostgreSQL (a fresh schema per test in the database at
 * REELCAST_TEST_DATABASE_URL, dropped afterwards). Without that variable the PostgreSQL runs are
 * skipped with a message saying how to start a cluster, except under CI (CI set), where they
 * fail: CI must prove the PostgreSQL store, not skip it.
 */
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import Database from "better-sqlite3";
import pg from "pg";
import { openSqliteStore, type Store } from "../../../../lib/store";
import { openPostgresStore } from "../../../../lib/store/postgres/postgres-store";
import { temporaryDatabase } from "./temporary-database";

export type BackendName = "sqlite" | "postgres";
const BACKENDS: readonly BackendName[] = ["sqlite", "postgres"];

/** Options every backend's store takes. */
export interface TestStoreOptions {
  keepBanditStates?: number;
  now?: () => number;
  busyTimeoutMs?: number;
}

export interface TestDatabase {
  backend: BackendName;
  /** Opens a store on this test's database: each call is a new connection, as another server process's would be. */
  open(options?: TestStoreOptions): Promise<Store>;
  /** Runs SQL on the database outside the store (what older code or another process left), returning the last statement's rows. */
  sql(text: string): Promise<Array<Record<string, unknown>>>;
  /** PostgreSQL: the connection string and schema of this test's database (for a child process or a second pool). */
  postgres: { connectionString: string; schema: string } | null;
}

const TEST_DATABASE_URL = process.env.REELCAST_TEST_DATABASE_URL?.trim() || null;
const IN_CI = Boolean(process.env.CI);
const SKIP_MESSAGE = 'REELCAST_TEST_DATABASE_URL is unset: the PostgreSQL store tests are skipped (start a throw-away cluster with: eval "$(scripts/ci/postgres-cluster.sh start)")';

if (!TEST_DATABASE_URL && !IN_CI) process.stderr.write(`${SKIP_MESSAGE}\n`);

let schemas = 0;

async function sqliteDatabase(): Promise<{ database: TestDatabase; cleanup: () => Promise<void> }> {
  const files = temporaryDatabase();
  const opened: Store[] = [];
  return {
    database: {
      backend: "sqlite",
      postgres: null,
      open: async (options = {}) => {
        const store = openSqliteStore({ path: files.path, ...options });
        opened.push(store);
        return store;
      },
      sql: async (text) => {
        const raw = new Database(files.path);
        try {
          const statements = text
            .split(";")
            .map((each) => each.trim())
            .filter(Boolean);
          let rows: Array<Record<string, unknown>> = [];
          for (const statement of statements) {
            const prepared = raw.prepare(statement);
            if (prepared.reader) rows = prepared.all() as Array<Record<string, unknown>>;
            else prepared.run();
          }
          return rows;
        } finally {
          raw.close();
        }
      },
    },
    cleanup: async () => {
      for (const store of opened) await store.close().catch(() => undefined);
      files.cleanup();
    },
  };
}

async function postgresDatabase(connectionString: string): Promise<{ database: TestDatabase; cleanup: () => Promise<void> }> {
  const schema = `test_${process.pid}_${schemas++}_${randomBytes(3).toString("hex")}`;
  const opened: Store[] = [];
  const sql = async (text: string) => {
    const client = new pg.Client({ connectionString, options: `-c search_path=${schema}` });
    await client.connect();
    try {
      const results = await client.query(text);
      const last = Array.isArray(results) ? results[results.length - 1] : results;
      return last.rows as Array<Record<string, unknown>>;
    } finally {
      await client.end();
    }
  };
  return {
    database: {
      backend: "postgres",
      postgres: { connectionString, schema },
      open: async (options = {}) => {
        const store = await openPostgresStore({ connectionString, schema, poolSize: 4, ...options });
        opened.push(store);
        return store;
      },
      sql,
    },
    cleanup: async () => {
      for (const store of opened) await store.close().catch(() => undefined);
      await sql(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    },
  };
}

/** A fresh database of `backend` for one test, removed after `body` (whatever it did). */
export async function withTestDatabase(backend: BackendName, body: (database: TestDatabase) => Promise<void>): Promise<void> {
  if (backend === "postgres" && !TEST_DATABASE_URL)
    throw new Error(
      "CI is set but REELCAST_TEST_DATABASE_URL is not: the PostgreSQL store tests must run in CI (.ci/run starts a throw-away cluster with scripts/ci/postgres-cluster.sh and exports it).",
    );
  const { database, cleanup } = backend === "sqlite" ? await sqliteDatabase() : await postgresDatabase(TEST_DATABASE_URL!);
  try {
    await body(database);
  } finally {
    await cleanup();
  }
}

/** Why a PostgreSQL test is skipped, or false when it runs (or must fail, under CI). */
export function postgresSkip(): string | false {
  return !TEST_DATABASE_URL && !IN_CI ? SKIP_MESSAGE : false;
}

/** Registers `name` for each backend (`[sqlite]`, `[postgres]`), each on a fresh database. */
export function storeTest(name: string, body: (database: TestDatabase) => Promise<void>, backends: readonly BackendName[] = BACKENDS): void {
  for (const backend of backends) {
    test(`${name} [${backend}]`, { skip: backend === "postgres" ? postgresSkip() : false }, () => withTestDatabase(backend, body));
  }
}

/** Registers a PostgreSQL-only test on a fresh schema. */
export function postgresTest(name: string, body: (database: TestDatabase) => Promise<void>): void {
  storeTest(name, body, ["postgres"]);
}
