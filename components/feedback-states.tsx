"use client";

import { createContext, useContext, type ReactNode } from "react";
import { feedbackKey } from "../lib/chat/transcript";
import type { SlotFeedbackState } from "./feedback-client";

/** Where restored cards' reactions stand, by impression and item (a reload brings them back). */
export type FeedbackStates = ReadonlyMap<string, SlotFeedbackState>;

const FeedbackStatesContext = createContext<FeedbackStates>(new Map());

/** Gives the cards below it the reactions a restored conversation had. */
export function FeedbackStatesProvider({ states, children }: { states: FeedbackStates; children: ReactNode }) {
  return <FeedbackStatesContext.Provider value={states}>{children}</FeedbackStatesContext.Provider>;
}

/** The restored reaction to one card, or null. */
export function useRestoredFeedback(impressionId: string | null, itemId: string): SlotFeedbackState | null {
  const states = useContext(FeedbackStatesContext);
  return impressionId === null ? null : (states.get(feedbackKey(impressionId, itemId)) ?? null);
}
