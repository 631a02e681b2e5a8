/** The SQLSTATE of a PostgreSQL driver error, or of the error it wraps (a store error's cause), or "". No pg import: lib/store/store-outage.ts reads it. */
export function sqlState(error: unknown): string {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth++) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return "";
}
