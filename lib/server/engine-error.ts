import { CatalogMissingError } from "../../catalog/bundle-loader";
import { ReelcastError } from "../errors/reelcast-error";

/** A missing catalog is the operator's to fix: 503 with the command, not a 500. */
export function toEngineError(error: unknown): unknown {
  if (error instanceof CatalogMissingError) return new ReelcastError("unavailable:catalog", error.message);
  return error;
}
