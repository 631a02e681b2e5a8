"use client";

import { useState } from "react";
import { NO_REACTION, postFeedback, type FeedbackEvent, type SlotFeedbackState } from "./feedback-client";
import { useRestoredFeedback } from "./feedback-states";

/** Why feedback is off on a card whose answer carries no impression id. */
export const NO_IMPRESSION = "Feedback turns on once answers carry an impression id (the bandit is not logging this answer).";

export interface CardFeedback {
  /** Where the reaction stands, as the server last said (or as a reload restored it). */
  state: SlotFeedbackState;
  /** The event on its way, or null. */
  pending: FeedbackEvent | null;
  /** Off: the answer has no impression to send feedback about. */
  unavailable: boolean;
  /** A failure (error) or why feedback is off (info), to show on the card. */
  message: { tone: "error" | "info"; text: string } | null;
  /** Sends an event; resolves once the server answered. Ignored while another is on its way. */
  send: (event: FeedbackEvent) => Promise<boolean>;
}

/**
 * One card's like / skip / seen it / undo: each press is its own event with its own id, and the
 * card shows where the server says the reaction stands (a like switched to a skip is a skip;
 * undo takes back the last press).
 */
export function useCardFeedback(impressionId: string | null, itemId: string): CardFeedback {
  const restored = useRestoredFeedback(impressionId, itemId);
  const [state, setState] = useState<SlotFeedbackState>(restored ?? NO_REACTION);
  const [pending, setPending] = useState<FeedbackEvent | null>(null);
  const [message, setMessage] = useState<CardFeedback["message"]>(null);

  async function send(event: FeedbackEvent): Promise<boolean> {
    if (pending) return false;
    if (!impressionId) {
      setMessage({ tone: "info", text: NO_IMPRESSION });
      return false;
    }
    setPending(event);
    setMessage(null);
    const result = await postFeedback(impressionId, itemId, event);
    setPending(null);
    if (!result.ok) {
      setMessage({ tone: "error", text: result.message });
      return false;
    }
    setState(result.state);
    return true;
  }

  return { state, pending, unavailable: impressionId === null, message, send };
}
