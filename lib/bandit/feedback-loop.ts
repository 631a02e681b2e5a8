import type { BanditState } from "./bandit-state";
import type { SparseFeatures } from "./features";
import { observe, shiftLabel } from "./reward-model";
import { slotReward, type FeedbackEvent } from "./rewards";

/** A shown slot as the feedback loop needs it: the features logged with the impression. */
export interface ObservedSlot {
  features: SparseFeatures;
}

/**
 * Nearline step 1, right after an impression is stored: every shown slot is observed with
 * reward 0 (shown, not yet engaged). Mutates `state`. Late feedback raises the label through
 * `applyFeedback`, so a slot nobody reacts to stays a negative without a timeout job.
 */
export function observeImpression(state: BanditState, slots: readonly ObservedSlot[]): void {
  for (const slot of slots) observe(state.model, slot.features, 0);
  state.impressions++;
}

export interface FeedbackUpdate {
  /** The slot's features as logged with its impression. */
  features: SparseFeatures;
  /** Events already recorded for this (impression, item) before this one. */
  previousEvents: readonly FeedbackEvent[];
  event: FeedbackEvent;
}

/**
 * Nearline step 2, after a feedback event is stored (and was not a duplicate): moves the
 * slot's label from the reward of its earlier events to the reward including this one.
 * Mutates `state`; returns the two rewards. O(features), microseconds.
 */
export function applyFeedback(state: BanditState, update: FeedbackUpdate): { rewardBefore: number; rewardAfter: number } {
  const rewardBefore = slotReward(update.previousEvents);
  const rewardAfter = slotReward([...update.previousEvents, update.event]);
  shiftLabel(state.model, update.features, rewardAfter - rewardBefore);
  state.feedbackEvents++;
  return { rewardBefore, rewardAfter };
}

/** The event log as the store returns it, ordered by `sequence`. */
export type ReplayEntry =
  | { type: "impression"; sequence: number; impressionId: string; slots: ReadonlyArray<{ itemId: string; features: SparseFeatures }> }
  | {
      type: "feedback";
      sequence: number;
      impressionId: string;
      itemId: string;
      event: FeedbackEvent;
      features: SparseFeatures;
      /** Earlier events of the same slot, when the log carries them (needed to resume mid-log). */
      previousEvents?: readonly FeedbackEvent[];
    };

/**
 * Replays part of the event log into `state` (mutates), in the order given, applying exactly
 * the updates the nearline path applied. A feedback entry's earlier events come from the entry
 * (`previousEvents`, as the store logs them) or else from `slotEvents`, which carries events
 * seen so far per slot across calls; pass the same map for every page.
 * Throws a RangeError when the log is out of order.
 */
export function replayEventLog(
  state: BanditState,
  entries: Iterable<ReplayEntry>,
  slotEvents: Map<string, FeedbackEvent[]> = new Map(),
  progress: { lastSequence: number } = { lastSequence: 0 },
): { lastSequence: number } {
  for (const entry of entries) {
    if (entry.sequence <= progress.lastSequence) throw new RangeError(`Event log out of order: sequence ${entry.sequence} after ${progress.lastSequence}.`);
    progress.lastSequence = entry.sequence;
    if (entry.type === "impression") {
      observeImpression(state, entry.slots);
      continue;
    }
    const key = `${entry.impressionId}\u0000${entry.itemId}`;
    const previousEvents = entry.previousEvents ?? slotEvents.get(key) ?? [];
    if (previousEvents.includes(entry.event)) continue; // the store never logs duplicates; be safe
    applyFeedback(state, { features: entry.features, previousEvents, event: entry.event });
    slotEvents.set(key, [...previousEvents, entry.event]);
  }
  return progress;
}
