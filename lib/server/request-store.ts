import type { RecommendResponse } from "../pipeline/contract";
import type { Engine } from "../pipeline/engine";
import { storeOutageOf, type StoreOutage } from "../store";
import type { StoreHealth } from "./store-health";

/** One request's use of the store: with it while it works, without it (nothing written) once it fails. */
export interface RequestStore {
  /** The engine this request answers with: a copy whose store is null once the store failed. */
  readonly engine: Engine;
  /** Why this request answers without the store; null while it uses it. */
  outage(): StoreOutage | null;
  /**
   * Runs a step with the store; when the store fails with an outage (damaged, full, read-only,
   * locked), runs it once more without it. Answers need no database: the fast path and the
   * offline reasoner answer, no impression is logged and the session is not remembered.
   */
  run<T>(step: (engine: Engine) => Promise<T>): Promise<T>;
}

export function requestStore(engine: Engine, health: StoreHealth): RequestStore {
  let outage: StoreOutage | null = health.current();
  const copy: Engine = { ...engine, store: outage ? null : engine.store };
  return {
    engine: copy,
    outage: () => outage,
    run: async (step) => {
      if (!copy.store) return step(copy);
      try {
        return await step(copy);
      } catch (error) {
        const failed = storeOutageOf(error);
        if (!failed) throw error;
        outage = failed;
        copy.store = null;
        return step(copy);
      }
    },
  };
}

/** The answer as sent while the store is out: no impression to give feedback about, and why. */
export function withStoreNotice(response: RecommendResponse, outage: StoreOutage | null): RecommendResponse {
  if (!outage) return response;
  return { ...response, impressionId: null, route: { ...response.route, reasons: [...response.route.reasons, `feedback is off for this answer: ${outage.message}`] } };
}
