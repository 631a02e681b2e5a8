import { databasePathFromEnvironment } from "./database-path";
import type { EventLogNotifications } from "./postgres/notifications";
import type { PostgresStoreOptions } from "./postgres/postgres-store";
import { openSqliteStore, type SqliteStoreOptions } from "./sqlite-store";
import type { Store } from "./store";

type Environment = Readonly<Record<string, string | undefined>>;

/** Which store the environment asks for: PostgreSQL when REELCAST_DATABASE_URL is set, else the SQLite file. */
export type StoreBackend = { kind: "sqlite"; path: string } | { kind: "postgres"; connectionString: string; schema: string };

/**
 * REELCAST_DATABASE_URL (postgres:// or postgresql://) selects PostgreSQL, in the schema
 * REELCAST_DATABASE_SCHEMA (default "public"); without it, the SQLite file at REELCAST_DB_PATH
 * (default .data/reelcast.sqlite). A URL of another scheme is a configuration mistake, refused.
 */
export function storeBackendFromEnvironment(environment: Environment = process.env, projectRoot = process.cwd()): StoreBackend {
  const url = environment.REELCAST_DATABASE_URL?.trim();
  if (!url) return { kind: "sqlite", path: databasePathFromEnvironment(environment, projectRoot) };
  if (!/^postgres(ql)?:\/\//i.test(url)) throw new Error("REELCAST_DATABASE_URL must be a postgres:// or postgresql:// URL (unset it to use the SQLite file at REELCAST_DB_PATH).");
  return { kind: "postgres", connectionString: url, schema: environment.REELCAST_DATABASE_SCHEMA?.trim() || "public" };
}

export interface OpenedStore {
  store: Store;
  /** The event log's wake-ups (PostgreSQL); null for SQLite, whose followers read the shared sequence. */
  eventLog: EventLogNotifications | null;
}

/**
 * Opens the store `backend` names: SQLite with `sqlite`'s options, PostgreSQL (migrated before it
 * resolves) with `postgres`'s. Throws the store's typed errors as each backend does.
 */
export async function openStore(
  backend: StoreBackend,
  options: { sqlite?: Omit<SqliteStoreOptions, "path">; postgres?: Omit<PostgresStoreOptions, "connectionString" | "schema"> } = {},
): Promise<OpenedStore> {
  if (backend.kind === "sqlite") return { store: openSqliteStore({ ...options.sqlite, path: backend.path }), eventLog: null };
  // Loaded on demand: a SQLite deployment never loads the PostgreSQL client.
  const { openPostgresStore } = await import("./postgres/postgres-store");
  const store = await openPostgresStore({ ...options.postgres, connectionString: backend.connectionString, schema: backend.schema });
  return { store, eventLog: store.eventLog };
}
