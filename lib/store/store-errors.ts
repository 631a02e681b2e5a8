import { brandErrorClass, isBrandedInstance } from "../errors/error-brand";

/**
 * Typed store failures. Each has a `code` in the project's `type:surface` form so the route
 * layer can map it to a status without parsing messages: not_found → 404, busy → 503,
 * corrupt / unavailable / schema → 500 (and an operator alert), invalid / conflict → 500
 * (a caller bug; request bodies are validated before they reach the store).
 */
export type StoreErrorCode =
  "not_found:impression" | "not_found:item" | "not_found:session" | "corrupt:store" | "busy:store" | "unavailable:store" | "schema:store" | "invalid:store" | "conflict:store";

export class StoreError extends Error {
  /**
   * Answers for a store error (of this class or the subclass it is called on) from any bundle in
   * the process: the engine's store may come from another bundle than the route (lib/errors/error-brand.ts).
   */
  static [Symbol.hasInstance](value: unknown): boolean {
    return isBrandedInstance(this, value);
  }

  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "StoreError";
  }
}

/** An impression id, an item inside an impression, or a session that does not exist. */
export class StoreNotFoundError extends StoreError {
  constructor(
    readonly entity: "impression" | "item" | "session",
    readonly id: string,
    message = `Unknown ${entity} ${JSON.stringify(id)}.`,
  ) {
    super(`not_found:${entity}`, message);
    this.name = "StoreNotFoundError";
  }
}

/** The file is not an SQLite database, or its pages are damaged. Nothing was written. */
export class StoreCorruptError extends StoreError {
  constructor(
    readonly databasePath: string,
    detail: string,
    cause?: unknown,
  ) {
    super(
      "corrupt:store",
      `The Reelcast database at ${databasePath} is corrupt (${detail}). Nothing was written. Restore it from a backup, or move it aside to start empty (the bandit state can then be rebuilt only from the events in the new file).`,
      { cause },
    );
    this.name = "StoreCorruptError";
  }
}

/** Another connection held the write lock for longer than the busy timeout. Nothing was written. */
export class StoreBusyError extends StoreError {
  constructor(
    readonly databasePath: string,
    readonly busyTimeoutMs: number,
    cause?: unknown,
  ) {
    super(
      "busy:store",
      `The Reelcast database at ${databasePath} stayed locked by another connection for more than ${busyTimeoutMs} ms. Nothing was written; retry, or find the process holding the lock.`,
      { cause },
    );
    this.name = "StoreBusyError";
  }
}

/** The file cannot be opened, read or written (permissions, disk full, I/O error). */
export class StoreUnavailableError extends StoreError {
  constructor(databasePath: string, detail: string, cause?: unknown) {
    super("unavailable:store", `The Reelcast database at ${databasePath} is unavailable (${detail}).`, { cause });
    this.name = "StoreUnavailableError";
  }
}

/** The database was written by a newer schema than this code knows. */
export class StoreSchemaError extends StoreError {
  constructor(message: string) {
    super("schema:store", message);
    this.name = "StoreSchemaError";
  }
}

/** A caller passed a record the store refuses (bad propensity, duplicate position…). */
export class StoreInvalidInputError extends StoreError {
  constructor(message: string) {
    super("invalid:store", message);
    this.name = "StoreInvalidInputError";
  }
}

/** A record with this id already exists (impression ids are unique). */
export class StoreConflictError extends StoreError {
  constructor(message: string) {
    super("conflict:store", message);
    this.name = "StoreConflictError";
  }
}

brandErrorClass(StoreError, "StoreError");
brandErrorClass(StoreNotFoundError, "StoreNotFoundError");
brandErrorClass(StoreCorruptError, "StoreCorruptError");
brandErrorClass(StoreBusyError, "StoreBusyError");
brandErrorClass(StoreUnavailableError, "StoreUnavailableError");
brandErrorClass(StoreSchemaError, "StoreSchemaError");
brandErrorClass(StoreInvalidInputError, "StoreInvalidInputError");
brandErrorClass(StoreConflictError, "StoreConflictError");

export function isStoreError(error: unknown): error is StoreError {
  return error instanceof StoreError;
}
