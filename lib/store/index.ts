/**
 * lib/store — the durable store (impressions with propensities, feedback events, sessions,
 * bandit state snapshots) behind the `Store` interface; `openSqliteStore` is the embedded
 * SQLite (WAL) adapter, `openPostgresStore` (lib/store/postgres) the PostgreSQL one for several
 * replicas; `openStore(storeBackendFromEnvironment())` picks one from REELCAST_DATABASE_URL.
 */
export { databasePathFromEnvironment } from "./database-path";
export { LATEST_SCHEMA_VERSION, MIGRATIONS } from "./migrations";
export { openSqliteStore } from "./sqlite-store";
export { openStore, storeBackendFromEnvironment } from "./open-store";
export type { EventLogNotifications } from "./postgres/notifications";
export { timeOrderedId } from "./time-ordered-id";
export { OPERATOR_RECORD_MAX_BYTES } from "./store";
export { reportingStore, type StoreCallListener } from "./reporting-store";
export { storeOutageOf, type StoreOutage } from "./store-outage";
export type { EventLogEntry, JsonObject, JsonValue, NewConversationMessage, NewImpression, OperatorRecord, PruneResult, Store } from "./store";
export { isStoreError, StoreBusyError, StoreConflictError, StoreCorruptError, StoreInvalidInputError, StoreNotFoundError, StoreSchemaError, StoreUnavailableError } from "./store-errors";
