/**
 * lib/store — the durable store (impressions with propensities, feedback events, sessions,
 * bandit state snapshots) behind the `Store` interface; `openSqliteStore` is the embedded
 * SQLite (WAL) adapter, `openPostgresStore` (lib/store/postgres) the PostgreSQL one for several
 * replicas; `openStore(storeBackendFromEnvironment())` picks one from REELCAST_DATABASE_URL.
 */
export { DEFAULT_DATABASE_PATH, databasePathFromEnvironment } from "./database-path";
export { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from "./migrations";
export { openSqliteStore, translateSqliteError, type SqliteStoreOptions } from "./sqlite-store";
export { openStore, storeBackendFromEnvironment, type OpenedStore, type StoreBackend } from "./open-store";
export type { EventLogNotifications } from "./postgres/notifications";
export type { PostgresStore, PostgresStoreOptions } from "./postgres/postgres-store";
export { timeOrderedId } from "./time-ordered-id";
export { OPERATOR_RECORD_KIND, OPERATOR_RECORD_MAX_BYTES } from "./store";
export { reportingStore, type StoreCallListener } from "./reporting-store";
export { storeOutageMessage, storeOutageOf, type StoreOutage, type StoreOutageCause } from "./store-outage";
export type {
  BanditStateRecord,
  ConversationMessageRecord,
  EventLogEntry,
  FeedbackRecord,
  ImpressionRecord,
  ImpressionSlotRecord,
  JsonObject,
  JsonValue,
  LlmSpendReservation,
  LlmSpendTotals,
  NewAnswer,
  NewConversationMessage,
  NewFeedback,
  NewImpression,
  NewImpressionSlot,
  OperatorRecord,
  PruneOptions,
  PruneResult,
  RecordedAnswer,
  RecordFeedbackResult,
  SessionRecord,
  Store,
  StoreCounts,
  StoredFeatures,
} from "./store";
export {
  isStoreError,
  StoreBusyError,
  StoreConflictError,
  StoreCorruptError,
  StoreError,
  StoreInvalidInputError,
  StoreNotFoundError,
  StoreSchemaError,
  StoreUnavailableError,
  type StoreErrorCode,
} from "./store-errors";
