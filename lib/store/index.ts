/**
 * lib/store — the durable store (impressions with propensities, feedback events, sessions,
 * bandit state snapshots) behind the `Store` interface; `openSqliteStore` is the embedded
 * SQLite (WAL) adapter. A PostgreSQL adapter would implement the same interface.
 */
export { DEFAULT_DATABASE_PATH, databasePathFromEnvironment } from "./database-path";
export { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from "./migrations";
export { openSqliteStore, translateSqliteError, type SqliteStoreOptions } from "./sqlite-store";
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
