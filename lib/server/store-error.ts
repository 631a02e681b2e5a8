import { ReelcastError } from "../errors/reelcast-error";
import { isStoreError, StoreNotFoundError, storeOutageOf, type StoreOutage } from "../store";
import { serverStoreHealth } from "./store-health";

/** A locked database is usually free again within seconds. */
const RETRY_AFTER: Partial<Record<StoreOutage["cause"], string>> = { locked: "5" };

function unavailable(outage: StoreOutage, message: string, cause: unknown): ReelcastError {
  const retryAfter = RETRY_AFTER[outage.cause];
  return new ReelcastError("unavailable:store", message, { cause, details: { cause: outage.cause }, ...(retryAfter ? { headers: { "retry-after": retryAfter } } : {}) });
}

/**
 * Store failures as API errors: an unknown impression or item is the client's 404; a locked,
 * damaged, full, read-only or unreachable database is a 503 whose message names the cause but
 * never the database's path (the server log has the path, once per cause). "Needs the database"
 * errors of a server running without its store say why it is without it. Nothing was written in
 * any of these cases, and the client was not told it was.
 */
export function toStoreApiError(error: unknown, health = serverStoreHealth()): unknown {
  if (error instanceof ReelcastError && error.code === "unavailable:store") {
    const outage = health.current();
    if (!outage || error.details !== undefined) return error;
    return unavailable(outage, `${error.message.replace(/,? and this server has none\.$/, ".")} ${outage.message}`, error);
  }
  if (!isStoreError(error)) return error;
  if (error instanceof StoreNotFoundError) return new ReelcastError(error.entity === "session" ? "not_found:session" : "not_found:feedback", error.message);
  const outage = storeOutageOf(error);
  if (outage) return unavailable(outage, outage.message, error);
  return error;
}
