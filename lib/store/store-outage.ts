import { sqlState } from "./postgres/sql-state";
import { StoreError } from "./store-errors";

/** Why the store cannot be used: what an operator fixes, and what a client is told. */
export type StoreOutageCause = "corrupt" | "full" | "read-only" | "locked" | "unavailable" | "schema";

export interface StoreOutage {
  cause: StoreOutageCause;
  /** Safe for a client: names the cause, never a filesystem path. */
  message: string;
}

const CLIENT_MESSAGES: Record<StoreOutageCause, string> = {
  corrupt: "The database is damaged (it is not a readable SQLite database). Nothing was written.",
  full: "The database is full (no space left on the disk, or the configured size cap was reached). Nothing was written.",
  "read-only": "The database is read-only (the file or its directory cannot be written). Nothing was written.",
  locked: "The database is locked by another process for longer than the server waits. Nothing was written.",
  unavailable: "The database cannot be opened, read or written (an I/O error). Nothing was written.",
  schema: "The database was written by a newer version of Reelcast. Nothing was written.",
};

function sqliteCodeOf(error: unknown): string {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth++) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("SQLITE_")) return code;
  }
  return "";
}

/**
 * The outage a store error means, or null for an error that says nothing about the store's
 * health (an unknown impression, a conflict, a caller bug).
 */
export function storeOutageOf(error: unknown): StoreOutage | null {
  if (!(error instanceof StoreError)) return null;
  const sqlite = sqliteCodeOf(error);
  const postgres = sqlState(error);
  let cause: StoreOutageCause;
  if (error.code === "corrupt:store") cause = "corrupt";
  else if (error.code === "busy:store") cause = "locked";
  else if (error.code === "schema:store") cause = "schema";
  else if (error.code !== "unavailable:store") return null;
  else if (sqlite === "SQLITE_FULL" || (sqlite === "SQLITE_IOERR_WRITE" && /disk is full|no space/i.test(error.message)) || postgres === "53100") cause = "full";
  else if (sqlite.startsWith("SQLITE_READONLY") || sqlite === "SQLITE_PERM" || (sqlite === "SQLITE_CANTOPEN" && /read-?only/i.test(error.message)) || postgres === "25006") cause = "read-only";
  else cause = "unavailable";
  return { cause, message: CLIENT_MESSAGES[cause] };
}
