import { z } from "zod";

/**
 * What a person can do with a shown pick. The feedback route validates against this list.
 * like / skip / seen are the card's buttons, undo takes back the last of them; click is "more
 * like this"; play and dismiss come from other clients (a player, a swipe).
 */
export const FEEDBACK_EVENTS = ["click", "like", "play", "skip", "dismiss", "seen", "undo"] as const;

export const feedbackEventSchema = z.enum(FEEDBACK_EVENTS);
export type FeedbackEvent = z.infer<typeof feedbackEventSchema>;

/** Events an undo takes back, most recent first: the ones a person sets on a card. */
export const UNDOABLE_EVENTS = ["like", "skip", "seen", "dismiss"] as const;
export type UndoableEvent = (typeof UNDOABLE_EVENTS)[number];
const isUndoable = (event: FeedbackEvent): event is UndoableEvent => (UNDOABLE_EVENTS as readonly string[]).includes(event);

/** Events that carry a reward of their own. */
export type RewardedEvent = Exclude<FeedbackEvent, "seen" | "undo">;

/**
 * The one place rewards are defined. The reward model predicts engagement on a [0, 1] scale
 * (a soft label for the logistic likelihood), so every reward lies in [0, 1].
 *
 * - `play` and `like` are 1: the strongest evidence that the pick and its explanation worked
 *   (BaRT's reward was a stream of 30 s or more, i.e. consumption, not a click).
 * - `click` is 0.5: interest, but a click alone also rewards clickbait explanations that
 *   promise more than the film delivers, so it earns half.
 * - `skip` and `dismiss` are 0. Their stronger meaning ("not this film") acts on the session
 *   instead (the session drops skipped and dismissed items from later answers and folds them
 *   into the user vector as dislikes), not on how the explanation model is paid.
 * - `seen` has none: having seen a film says nothing about whether this pick, explained this
 *   way, was wanted (the session stops suggesting it). `undo` takes back an earlier event.
 */
export const EVENT_REWARD: Readonly<Record<RewardedEvent, number>> = {
  play: 1,
  like: 1,
  click: 0.5,
  skip: 0,
  dismiss: 0,
};

/** Where a person's reaction to one shown film stands after every event on it, in order. */
export interface SlotFeedbackState {
  /** like or play → "like", skip or dismiss → "skip" (the later one stands); null when none does. */
  choice: "like" | "skip" | null;
  /** The person said they have seen the film. */
  seen: boolean;
  /** The person asked for more like it. */
  clicked: boolean;
  /** What an undo would take back now; null when nothing can be undone. */
  undoable: UndoableEvent | null;
}

/**
 * Folds a slot's events, oldest first, into where the reaction stands: each undo removes the
 * most recent event still standing among like, skip, seen and dismiss (like → skip → undo is
 * liked again; like → undo → like is liked). Events this code does not know are ignored.
 */
export function slotFeedbackState(events: Iterable<string>): SlotFeedbackState {
  const standing: FeedbackEvent[] = [];
  for (const event of events) {
    if (!feedbackEventSchema.safeParse(event).success) continue;
    if (event === "undo") {
      const index = standing.findLastIndex(isUndoable);
      if (index >= 0) standing.splice(index, 1);
    } else standing.push(event as FeedbackEvent);
  }
  const lastChoice = standing.findLast((event) => event === "like" || event === "play" || event === "skip" || event === "dismiss");
  const lastUndoable = standing.findLast(isUndoable);
  return {
    choice: lastChoice === undefined ? null : lastChoice === "like" || lastChoice === "play" ? "like" : "skip",
    seen: standing.includes("seen"),
    clicked: standing.includes("click"),
    undoable: lastUndoable === undefined ? null : (lastUndoable as UndoableEvent),
  };
}

/**
 * The reward of a slot whose reaction stands at `state`: 1 for a like (or play), 0 for a skip
 * (or dismissal), 0.5 for "more like this" alone, null when nothing that carries a reward stands
 * (no reaction, "seen it" alone, or everything undone).
 */
function stateReward(state: SlotFeedbackState): number | null {
  if (state.choice === "like") return EVENT_REWARD.like;
  if (state.choice === "skip") return EVENT_REWARD.skip;
  return state.clicked ? EVENT_REWARD.click : null;
}

/**
 * The reward of one shown slot given every event recorded for it, oldest first: the reward of
 * the state they leave (`slotFeedbackState`), so the final reaction counts — a like then a skip
 * is a 0, a click then a play a 1 (not 1.5). Null when none stands.
 */
export function slotReward(events: Iterable<string>): number | null {
  return stateReward(slotFeedbackState(events));
}
