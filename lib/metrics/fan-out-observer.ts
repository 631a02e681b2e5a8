import type { ServerObserver } from "./server-observer";
import type { ServingObserver } from "./serving-observer";

type Observer = ServingObserver & ServerObserver;

/**
 * One observer that tells each of `observers` in turn. A failing one is skipped, never thrown
 * into the request that was being observed: counting must not break serving.
 */
export function fanOutObserver(observers: readonly Observer[]): Observer {
  const each =
    <K extends keyof Observer>(method: K) =>
    (...args: Parameters<Observer[K]>): void => {
      for (const observer of observers) {
        try {
          (observer[method] as (...values: Parameters<Observer[K]>) => void)(...args);
        } catch {
          // a metric that cannot count (e.g. a label it refuses) loses that one observation
        }
      }
    };
  return {
    answered: each("answered"),
    paidCall: each("paidCall"),
    spent: each("spent"),
    fellBack: each("fellBack"),
    feedback: each("feedback"),
    requestServed: each("requestServed"),
    storeFailed: each("storeFailed"),
    rateLimited: each("rateLimited"),
  };
}
