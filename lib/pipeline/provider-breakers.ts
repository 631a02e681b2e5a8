import { createCircuitBreaker, DEFAULT_CIRCUIT_BREAKER, type CircuitBreaker } from "../ai";
import type { Engine } from "./engine";

export type ProviderName = "llm" | "speech";

export type ProviderBreakers = Record<ProviderName, CircuitBreaker>;

// Keyed by the engine's budget keeper, which lives as long as the process's engine: one breaker
// per provider per process in the server, and a fresh pair for every engine a test builds. The
// map itself is the process's (a registered symbol on globalThis), not this module copy's: Next's
// route bundles and the lean API bundle share the engine, so they must share its breakers too.
const BREAKERS = Symbol.for("reelcast.provider-breakers");
const breakers = ((globalThis as { [BREAKERS]?: WeakMap<object, ProviderBreakers> })[BREAKERS] ??= new WeakMap());

/**
 * The circuit breakers of this engine's providers. The LLM and the speech model are watched
 * apart: an OpenAI-compatible server without a speech endpoint must not stop the reasoner.
 */
export function providerBreakers(engine: Engine): ProviderBreakers {
  let found = breakers.get(engine.budget);
  if (!found) {
    const config = engine.budget.breaker ?? DEFAULT_CIRCUIT_BREAKER;
    found = { llm: createCircuitBreaker("LLM provider", config), speech: createCircuitBreaker("speech provider", config) };
    breakers.set(engine.budget, found);
  }
  return found;
}
