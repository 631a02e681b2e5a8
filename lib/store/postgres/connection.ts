import pg from "pg";
import { StoreBusyError, StoreCorruptError, StoreError, StoreUnavailableError } from "../store-errors";

export { sqlState } from "./sql-state";

export interface PostgresConnectionOptions {
  /** postgres://user:password@host:port/database (REELCAST_DATABASE_URL). */
  connectionString: string;
  /**
   * The schema that holds Reelcast's tables (created when missing). Default "public". Tests give
   * each test its own; several deployments may share one database this way.
   */
  schema?: string;
  /** Connections per process. Default 10: a request holds one for a transaction of a few round trips. */
  poolSize?: number;
  /**
   * How long a statement waits for a row or advisory lock before StoreBusyError (lock_timeout).
   * Default 2000 ms, as the SQLite store's busy timeout.
   */
  busyTimeoutMs?: number;
  /** How long opening a connection may take before StoreUnavailableError. Default 5000 ms. */
  connectTimeoutMs?: number;
}

export interface PostgresConnection {
  pool: pg.Pool;
  schema: string;
  /** The connection string without its password: what error messages name. */
  where: string;
  busyTimeoutMs: number;
  /** A client config for connections outside the pool (the LISTEN connection). */
  clientConfig: pg.ClientConfig;
  translate: (error: unknown) => unknown;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** bigint (int8) columns and count(*) as JS numbers: sequences and millisecond times stay far below 2^53. */
const INT8_OID = 20;
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8_OID && format !== "binary" ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

/** The connection string with any password replaced, for messages and logs. */
function redactConnectionString(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "postgres://(unparsable connection string)";
  }
}

function checkSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`PostgreSQL schema ${JSON.stringify(schema)} must be lowercase letters, digits and _ (at most 63, not starting with a digit).`);
  return schema;
}

/** SQLSTATE classes and codes, and Node socket errors, as the store's typed errors. */
function translatePostgresError(error: unknown, where: string, busyTimeoutMs: number): unknown {
  if (error instanceof StoreError || !(error instanceof Error)) return error;
  const code = (error as Error & { code?: unknown }).code;
  const detail = typeof code === "string" ? `${code}: ${error.message}` : error.message;
  if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) {
    // lock_not_available (lock_timeout), query_canceled (statement timeout), serialization failure, deadlock.
    if (code === "55P03" || code === "57014" || code === "40001" || code === "40P01") return new StoreBusyError(where, busyTimeoutMs, error);
    if (code === "XX001" || code === "XX002") return new StoreCorruptError(where, detail, error);
    // Connection exceptions, insufficient resources (53100 disk full), operator intervention
    // (shutdown), system errors, read-only transaction, unknown database, authentication.
    if (/^(08|53|57|58|28)/.test(code) || code === "25006" || code === "3D000" || code === "42501") return new StoreUnavailableError(where, detail, error);
    return error;
  }
  // The driver's own failures: refused or dropped connections, a pool that could not connect in time.
  if (
    (typeof code === "string" && /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EPIPE|EHOSTUNREACH)$/.test(code)) ||
    /Connection terminated|timeout exceeded when trying to connect|Client was closed|Cannot use a pool after calling end/i.test(error.message)
  ) {
    return new StoreUnavailableError(where, detail, error);
  }
  return error;
}

/** A pool whose connections use `schema` (search_path), parse int8 as numbers and time out on locks. */
export function connectPostgres(options: PostgresConnectionOptions): PostgresConnection {
  const schema = checkSchemaName(options.schema ?? "public");
  const busyTimeoutMs = options.busyTimeoutMs ?? 2000;
  const where = redactConnectionString(options.connectionString);
  // Options in the URL (?options=-c …) would replace the store's own: they are moved in front of them.
  let connectionString = options.connectionString;
  let urlOptions = "";
  try {
    const url = new URL(connectionString);
    urlOptions = url.searchParams.get("options") ?? "";
    if (urlOptions) {
      url.searchParams.delete("options");
      connectionString = url.toString();
    }
  } catch {
    // pg reports a malformed string when it connects.
  }
  const clientConfig: pg.ClientConfig = {
    connectionString,
    types,
    // search_path names only our schema: every unqualified table is Reelcast's. Every commit
    // waits for its WAL flush (synchronous_commit=on, PostgreSQL's default, set here so that a
    // server configured otherwise cannot make the store acknowledge what a crash would lose).
    options: `${urlOptions} -c search_path=${schema} -c synchronous_commit=on`.trim(),
    lock_timeout: busyTimeoutMs,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    application_name: "reelcast",
    keepAlive: true,
  };
  // allowExitOnIdle: idle pooled connections never keep a process alive that has nothing else to do.
  const pool = new pg.Pool({ ...clientConfig, max: options.poolSize ?? 10, idleTimeoutMillis: 30_000, allowExitOnIdle: true });
  // An idle connection the server dropped (restart, network) is an event, not a crash: the pool
  // replaces it, and the next query reports any lasting outage as StoreUnavailableError.
  pool.on("error", () => undefined);
  return { pool, schema, where, busyTimeoutMs, clientConfig, translate: (error) => translatePostgresError(error, where, busyTimeoutMs) };
}

export type Queryable = Pick<pg.PoolClient, "query">;

/**
 * Runs `work` in one transaction on one pooled connection: COMMIT when it resolves (the promise
 * resolves after the commit, which with synchronous_commit=on, PostgreSQL's default, means the
 * WAL record is flushed to disk), ROLLBACK when it throws.
 */
export async function inTransaction<T>(connection: PostgresConnection, work: (client: pg.PoolClient) => Promise<T>, begin = "BEGIN"): Promise<T> {
  let client: pg.PoolClient;
  try {
    client = await connection.pool.connect();
  } catch (error) {
    throw connection.translate(error);
  }
  let broken = false;
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    try {
      await client.query("ROLLBACK");
    } catch {
      broken = true; // the connection is gone: do not hand it to the next caller
    }
    throw connection.translate(error);
  } finally {
    client.release(broken);
  }
}

/** One statement outside an explicit transaction, errors translated. */
export async function queryRows<Row extends pg.QueryResultRow>(connection: PostgresConnection, text: string, values: unknown[] = []): Promise<Row[]> {
  try {
    return (await connection.pool.query<Row>(text, values)).rows;
  } catch (error) {
    throw connection.translate(error);
  }
}
