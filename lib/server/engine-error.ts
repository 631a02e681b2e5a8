import { CatalogMissingError } from "../../catalog/bundle-loader";
import { ReelcastError } from "../errors/reelcast-error";

/**
 * A missing catalog is the operator's to fix: 503 with the command, not a 500. Recognised by its
 * name as well as its class: the engine may have been loaded by another bundle of the server
 * (Next's routes or the lean API handler, lib/server/lean-api.ts), whose copy of the class is
 * another object. (Branding the class like the errors in lib/errors/error-brand.ts would change
 * the catalog code's fingerprint, and with it every checkout's catalog bundle.)
 */
export function toEngineError(error: unknown): unknown {
  if (error instanceof CatalogMissingError || (error instanceof Error && error.name === "CatalogMissingError")) return new ReelcastError("unavailable:catalog", error.message);
  return error;
}
