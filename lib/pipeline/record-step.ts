import { observeImpression, type ImpressionInput, type ObservedSlot } from "../bandit";
import type { JsonObject } from "../store";
import type { Engine } from "./engine";
import type { ServingRecord } from "./serving-record";

/**
 * The one write of a served request: the impression the slate step chose (slots, propensities,
 * features) and the session's new turn, stored in one transaction with one commit; then the
 * bandit counts the impression. Only what the store holds is learned from, so the state can
 * always be rebuilt from the log. `serving` (route, fallback, latency) goes into the impression's
 * context for the log evaluator. Returns the stored impression's id (null when none was
 * stored). A failed write throws, and nothing of this request is stored.
 */
export async function recordStep(
  engine: Engine,
  input: {
    impression: ImpressionInput | null;
    chosenSlots: readonly ObservedSlot[];
    session: { id: string; update: (state: JsonObject | null) => JsonObject } | null;
    serving?: ServingRecord;
  },
): Promise<string | null> {
  const { store, bandit } = engine;
  if (!store || (!input.impression && !input.session)) return null;
  const impression = input.impression && input.serving ? { ...input.impression, context: { ...input.impression.context, serving: input.serving } } : input.impression;
  const recorded = await store.recordAnswer({
    impression,
    session: input.session && { id: input.session.id, at: engine.epochMs(), update: input.session.update },
  });
  const stored = recorded.impression;
  if (!stored || !bandit) return null;
  if (bandit.log) await bandit.log.applyOwn({ type: "impression", sequence: stored.sequence, impressionId: stored.id, featureVersion: stored.featureVersion, slots: stored.slots });
  else observeImpression(bandit.state, input.chosenSlots);
  return stored.id;
}
