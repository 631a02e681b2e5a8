import type { z } from "zod";
import { ReelcastError, type ErrorSurface } from "../errors/reelcast-error";
import { readCappedBody } from "./request-door-body";

/** The first validation issue as a sentence a client developer can act on. */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid request";
  const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
  return `${where}${issue.message}`;
}

/**
 * Reads and validates a JSON request body. Throws a 413 ReelcastError for a body that is too
 * large (refused before it is all in memory), a 400 for one that is not JSON, not an object, or
 * fails `schema`.
 */
export async function parseRequestBody<Schema extends z.ZodType>(request: Request, schema: Schema, surface: ErrorSurface): Promise<z.output<Schema>> {
  return parseJsonBody(await readCappedBody(request, surface), schema, surface);
}

/** Validates a request body already read as text: the 400s of parseRequestBody. */
export function parseJsonBody<Schema extends z.ZodType>(text: string, schema: Schema, surface: ErrorSurface): z.output<Schema> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ReelcastError(`bad_request:${surface}`, "request body must be valid JSON");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new ReelcastError(`bad_request:${surface}`, "request body must be a JSON object");
  }
  const result = schema.safeParse(body);
  if (!result.success) throw new ReelcastError(`bad_request:${surface}`, describeIssues(result.error));
  return result.data;
}
