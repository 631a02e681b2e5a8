import type pg from "pg";

/** What rate-limiter-flexible's RateLimiterPostgres asks of its store client (storeType "pool"). */
export interface RateLimitQueryClient {
  query(query: pg.QueryConfig): Promise<pg.QueryResult>;
}

const CLIENTS = Symbol.for("reelcast.rate-limit-clients");

/**
 * A small pool for the fair-use limiters of this process, one per database and schema. Its first
 * query waits for the schema's migrations (migration 2 creates fair_use_limits, the table every
 * limiter shares), so a replica whose first request arrives before its store is open does not
 * query a table that is not there yet. pg is loaded on first use: a SQLite deployment never loads it.
 */
export function rateLimitClient(connectionString: string, schema: string): RateLimitQueryClient {
  const holder = globalThis as { [CLIENTS]?: Map<string, RateLimitQueryClient> };
  const clients = (holder[CLIENTS] ??= new Map());
  const key = `${schema}\n${connectionString}`;
  let client = clients.get(key);
  if (!client) {
    let pool: Promise<pg.Pool> | null = null;
    const open = async () => {
      const [{ connectPostgres }, { migratePostgres }] = await Promise.all([import("./connection"), import("./migrations")]);
      // Few connections: each check is one short upsert. A lock held past 1 s fails the check,
      // and fair use lets the request through rather than hold it.
      const connection = connectPostgres({ connectionString, schema, poolSize: 4, busyTimeoutMs: 1000 });
      try {
        await migratePostgres(connection);
      } catch (error) {
        await connection.pool.end().catch(() => undefined);
        throw error;
      }
      return connection.pool;
    };
    const created: RateLimitQueryClient = {
      query: async (query) => {
        // A failed open is retried by the next check (the database may come up after the replica).
        pool ??= open().catch((error: unknown) => {
          pool = null;
          throw error;
        });
        return (await pool).query(query);
      },
    };
    clients.set(key, created);
    client = created;
  }
  return client;
}
