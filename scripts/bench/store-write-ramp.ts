import { FEATURE_VERSION } from "../../lib/bandit";
import type { Store } from "../../lib/store";
import type { LoadSamples } from "./load-result";

/** A slot feedback can be sent about. */
export interface FeedbackTarget {
  impressionId: string;
  itemId: string;
}

const EVENTS = ["click", "like", "play", "skip", "dismiss"] as const;

/**
 * `impressions` logged impressions of ten slots each, written through the store as a server
 * writes them (synthetic features: the write path does not look at them), for a ramp of
 * feedback writes to spread over.
 */
export async function seedImpressions(store: Store, impressions: number): Promise<FeedbackTarget[]> {
  const targets: FeedbackTarget[] = [];
  for (let index = 0; index < impressions; index++) {
    const slots = Array.from({ length: 10 }, (_, position) => ({
      itemId: `ml:${index * 10 + position + 1}`,
      position,
      explanationKind: "picked-for-you",
      explanationText: "Picked for you.",
      propensity: 0.1,
      features: { indexes: [position, 1000 + ((index * 7 + position) % 500), 3000 + (index % 100)], values: [1, 0.5, 1] },
    }));
    const impression = await store.recordImpression({ sessionId: null, createdAt: Date.now(), policy: "epsilon-greedy(0.1)", featureVersion: FEATURE_VERSION, context: {}, slots });
    for (const slot of impression.slots) targets.push({ impressionId: impression.id, itemId: slot.itemId });
  }
  return targets;
}

/** The n-th feedback event of a run: a new client event id each time, so every one is written. */
export function feedbackEvent(targets: readonly FeedbackTarget[], n: number, prefix: string): FeedbackTarget & { event: (typeof EVENTS)[number]; eventId: string } {
  // A stride co-prime with the slot count spreads consecutive events over different slots.
  const target = targets[(n * 7919) % targets.length];
  return { ...target, event: EVENTS[n % EVENTS.length], eventId: `${prefix}-${n}` };
}

/**
 * Open loop of feedback writes straight to the store (no HTTP, no bandit): event i is due at
 * start + i / rate whatever happened to the ones before, at most `maxInFlight` at once (a due
 * event waits for a free place), latency from its due time to the store's resolve. For SQLite
 * the write itself blocks this thread, so a write that takes long delays the ones due after it,
 * as it delays a server's other requests.
 */
export async function storeWriteSamples(store: Store, targets: readonly FeedbackTarget[], options: { rate: number; seconds: number; prefix: string; maxInFlight: number }): Promise<LoadSamples> {
  const total = Math.round(options.rate * options.seconds);
  const latencies: number[] = [];
  let errors = 0;
  let inFlight = 0;
  let wake: (() => void) | null = null;
  const pending: Array<Promise<void>> = [];
  const started = performance.now();
  for (let next = 0; next < total; next++) {
    const dueAt = started + (next * 1000) / options.rate;
    const wait = dueAt - performance.now();
    // Behind schedule, still yield once per event: answers (socket reads, resolved writes) are
    // taken as they come, not after a burst of sends.
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, Math.floor(wait)));
    else await new Promise((resolve) => setImmediate(resolve));
    while (inFlight >= options.maxInFlight) await new Promise<void>((resolve) => (wake = resolve));
    inFlight++;
    const event = feedbackEvent(targets, next, options.prefix);
    pending.push(
      store
        .recordFeedback({ impressionId: event.impressionId, itemId: event.itemId, event: event.event, at: Date.now(), clientEventId: event.eventId })
        .then(
          () => void latencies.push(performance.now() - dueAt),
          () => void errors++,
        )
        .finally(() => {
          inFlight--;
          const resume = wake;
          wake = null;
          resume?.();
        }),
    );
  }
  await Promise.all(pending);
  return { seconds: (performance.now() - started) / 1000, errors, non2xx: 0, latencies };
}
