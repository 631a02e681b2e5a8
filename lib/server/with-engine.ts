import { errorResponse, type ErrorSurface } from "../errors/reelcast-error";
import type { Engine } from "../pipeline/engine";
import { toEngineError } from "./engine-error";
import { getEngine } from "./engine-singleton";
import { toStoreApiError } from "./store-error";

/** The process's engine; a missing catalog bundle is the operator's 503 unavailable:catalog, not a 500. */
export function loadEngine(): Promise<Engine> {
  return getEngine().catch((error: unknown) => {
    throw toEngineError(error);
  });
}

/**
 * `work`'s result, with its store failures as API errors (an unknown session or impression 404, a
 * database outage 503 naming its cause): for store work whose failure does not reach withEngine,
 * such as the writes inside a streamed answer.
 */
export function withStoreApiErrors<T>(work: Promise<T>): Promise<T> {
  return work.catch((error: unknown) => {
    throw toStoreApiError(error);
  });
}

/**
 * One Next route's answer from the engine. `answer` loads the engine when it needs it (after the
 * door and its own checks, so that a refused or malformed request, or one without the operator's
 * token, never waits for it); any failure becomes `surface`'s JSON error response, store
 * failures as their API errors (toStoreApiError) and a missing catalog as 503 unavailable:catalog.
 */
export async function withEngine(surface: ErrorSurface, answer: (engine: () => Promise<Engine>) => Promise<Response>): Promise<Response> {
  try {
    return await answer(loadEngine);
  } catch (error) {
    return errorResponse(toStoreApiError(error), surface);
  }
}
