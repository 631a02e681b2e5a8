import { OPERATOR_RECORD_KIND, OPERATOR_RECORD_MAX_BYTES, type JsonValue } from "./store";
import { StoreInvalidInputError } from "./store-errors";

/** Default and largest page of `listOperatorRecords`. */
const OPERATOR_RECORD_PAGE = { default: 100, max: 10_000 } as const;

/**
 * Checks an operator record before any backend writes it and returns its payload as JSON text,
 * so every backend refuses the same input with the same error.
 */
export function operatorRecordJson(record: { kind: string; at: number; payload: JsonValue }): string {
  checkOperatorRecordKind(record.kind);
  if (!Number.isFinite(record.at)) throw new StoreInvalidInputError("Operator record time must be a finite number of milliseconds.");
  const json = JSON.stringify(record.payload);
  if (json === undefined) throw new StoreInvalidInputError("Operator record payload must be JSON.");
  if (Buffer.byteLength(json) > OPERATOR_RECORD_MAX_BYTES) {
    throw new StoreInvalidInputError(`Operator record payload must be at most ${OPERATOR_RECORD_MAX_BYTES} bytes of JSON.`);
  }
  return json;
}

function checkOperatorRecordKind(kind: string): void {
  if (!OPERATOR_RECORD_KIND.test(kind)) throw new StoreInvalidInputError(`Operator record kind ${JSON.stringify(kind)} must be 1-40 lowercase letters, digits or dashes.`);
}

/** The `listOperatorRecords` options with their defaults applied and clamped. */
export function operatorRecordQuery(kind: string, options: { since?: number; limit?: number } = {}): { since: number; limit: number } {
  checkOperatorRecordKind(kind);
  const since = options.since ?? Number.NEGATIVE_INFINITY;
  if (Number.isNaN(since)) throw new StoreInvalidInputError("Operator record `since` must be a number of milliseconds.");
  const limit = Math.min(OPERATOR_RECORD_PAGE.max, Math.max(1, Math.floor(options.limit ?? OPERATOR_RECORD_PAGE.default)));
  return { since: Number.isFinite(since) ? since : -Number.MAX_SAFE_INTEGER, limit };
}
