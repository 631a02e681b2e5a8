import type { z } from "zod";
import type { ErrorSurface } from "../errors/reelcast-error";
import type { Engine } from "../pipeline/engine";
import type { ApiRequest } from "./api-request";
import { parseJsonBody } from "./parse-request-body";
import { passApiDoor } from "./request-door";
import { loadEngine } from "./with-engine";

/**
 * What every JSON endpoint does before its own work, in this order: the door (403 another site,
 * 415 not JSON, 429 fair use), the body under its cap (413) and its schema (400), then the
 * process's engine (503 unavailable:catalog when there is no catalog bundle).
 */
export async function admitJsonRequest<Schema extends z.ZodType>(request: ApiRequest, schema: Schema, surface: ErrorSurface): Promise<{ body: z.output<Schema>; engine: Engine }> {
  await passApiDoor(request, surface);
  const body = parseJsonBody(await request.readBody(surface), schema, surface);
  return { body, engine: await loadEngine() };
}
