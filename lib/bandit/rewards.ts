import { z } from "zod";

/** What a person can do with a shown pick. The feedback route validates against this list. */
export const FEEDBACK_EVENTS = ["click", "like", "play", "skip", "dismiss"] as const;

export const feedbackEventSchema = z.enum(FEEDBACK_EVENTS);
export type FeedbackEvent = z.infer<typeof feedbackEventSchema>;

/**
 * The one place rewards are defined. The reward model predicts engagement on a [0, 1] scale
 * (a soft label for the logistic likelihood), so every reward lies in [0, 1].
 *
 * - `play` and `like` are 1: the strongest evidence that the pick and its explanation worked
 *   (BaRT's reward was a stream of 30 s or more, i.e. consumption, not a click).
 * - `click` is 0.5: interest, but a click alone also rewards clickbait explanations that
 *   promise more than the film delivers, so it earns half.
 * - `skip` and `dismiss` are 0, the same as a pick that was shown and ignored: each shown slot
 *   is logged as a 0 already. Their stronger meaning ("not this film") acts on the session
 *   instead (the session drops skipped and dismissed items from later answers and folds them
 *   into the user vector as dislikes), not on how the explanation model is paid.
 */
export const EVENT_REWARD: Readonly<Record<FeedbackEvent, number>> = {
  play: 1,
  like: 1,
  click: 0.5,
  skip: 0,
  dismiss: 0,
};

/**
 * The reward of one shown slot given every event recorded for it: the best single event, 0
 * when there is none. A click followed by a play is worth 1, not 1.5, so the order and number
 * of events cannot push a label outside [0, 1].
 */
export function slotReward(events: Iterable<FeedbackEvent>): number {
  let reward = 0;
  for (const event of events) reward = Math.max(reward, EVENT_REWARD[event]);
  return reward;
}
