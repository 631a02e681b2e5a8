import type { BanditState } from "./bandit-state";
import type { SparseFeatures } from "./features";
import { forgetObservation, observe, shiftLabel } from "./reward-model";
import { slotReward, type FeedbackEvent } from "./rewards";

/** A shown slot as the feedback loop needs it: the features logged with the impression. */
export interface ObservedSlot {
  features: SparseFeatures;
}

/**
 * Nearline step 1, right after an impression is stored: counts it (the ε schedule runs on
 * impressions) and leaves the reward model alone. Mutates `state.impressions` only.
 *
 * Why an impression nobody reacts to teaches nothing: most impressions get no feedback at all
 * (the person left, a bot, a load test, a card scrolled past), so "shown, no reaction" mostly
 * measures who looked, not what they thought of it. Observed as a 0 on every shown slot, such a
 * stream pushes down exactly the features of what is shown most — the most relevant items,
 * in the first slots — so a busy server with few reactions slowly unlearns relevance. The model
 * instead learns, for slots someone reacted to, what share of reactions was positive (a play or
 * like against a skip or dismissal), which no amount of silent traffic can move. `slots` is
 * kept in the signature so callers and the replay stay one code path.
 */
export function observeImpression(state: BanditState, slots: readonly ObservedSlot[]): void {
  void slots;
  state.impressions++;
}

export interface FeedbackUpdate {
  /** The slot's features as logged with its impression. */
  features: SparseFeatures;
  /** Events already recorded for this (impression, item) before this one, oldest first. */
  previousEvents: readonly FeedbackEvent[];
  event: FeedbackEvent;
}

/**
 * Nearline step 2, after a feedback event is stored (and was not a duplicate). The model sees
 * where the slot's reaction stands after the event (rewards.ts `slotReward`), not each event:
 * - the first reaction that carries a reward makes the slot one labelled observation with it
 *   (a skip or dismissal 0, a click 0.5, a like or play 1);
 * - a change of reaction moves that label (`shiftLabel`): a like switched to a skip from 1 to
 *   0, a click then a play from 0.5 to 1;
 * - a reaction taken back entirely (like → undo) forgets the observation (`forgetObservation`),
 *   so like → undo → like is one like;
 * - "seen it" alone, and its undo, change no label.
 * Every step reads only the slot's earlier events and the model, so the replay of the log applies
 * exactly the same updates in the same order. Mutates `state`; returns the rewards before and
 * after (null: no reaction that carries one stood). O(features + events), microseconds.
 */
export function applyFeedback(state: BanditState, update: FeedbackUpdate): { rewardBefore: number | null; rewardAfter: number | null } {
  const rewardBefore = slotReward(update.previousEvents);
  const rewardAfter = slotReward([...update.previousEvents, update.event]);
  state.feedbackEvents++;
  if (rewardBefore === rewardAfter) return { rewardBefore, rewardAfter };
  if (rewardBefore === null) observe(state.model, update.features, rewardAfter!);
  else if (rewardAfter === null) forgetObservation(state.model, update.features, rewardBefore);
  else shiftLabel(state.model, update.features, rewardAfter - rewardBefore);
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
    // An event may repeat (like → undo → like): the store logs each once, so each is applied.
    const previousEvents = entry.previousEvents ?? slotEvents.get(key) ?? [];
    applyFeedback(state, { features: entry.features, previousEvents, event: entry.event });
    slotEvents.set(key, [...previousEvents, entry.event]);
  }
  return progress;
}
