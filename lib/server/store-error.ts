import { ReelcastError } from "../errors/reelcast-error";
import { isStoreError, StoreNotFoundError } from "../store";

/**
 * Store failures as API errors: an unknown impression or item is the client's 404; a locked,
 * corrupt or unreachable database is a 503 whose message tells the operator what to do. The
 * write did not happen in either case, and the client was not told it did.
 */
export function toStoreApiError(error: unknown): unknown {
  if (!isStoreError(error)) return error;
  if (error instanceof StoreNotFoundError) return new ReelcastError(error.entity === "session" ? "not_found:session" : "not_found:feedback", error.message);
  if (error.code === "busy:store" || error.code === "corrupt:store" || error.code === "unavailable:store" || error.code === "schema:store") {
    return new ReelcastError("unavailable:store", error.message, { cause: error });
  }
  return error;
}
