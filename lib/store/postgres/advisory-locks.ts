import type { Queryable } from "./connection";

/**
 * Advisory lock keys: 64-bit hashes of a text naming the schema and what is locked, so two
 * deployments (or two tests) in one database never wait on each other's locks. A collision of
 * two names only makes them wait for each other, never skips a lock.
 */
export function advisoryKey(schema: string, kind: string, id = ""): string {
  return `reelcast:${schema}:${kind}:${id}`;
}

/** Waits (up to lock_timeout) for an advisory lock held until this transaction ends. */
export async function lockForTransaction(client: Queryable, key: string): Promise<void> {
  await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [key]);
}
