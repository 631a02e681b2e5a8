import { z } from "zod";
import type { SlotFeedbackState } from "../bandit/rewards";
import type { ChatMessage } from "./chat-message";

/**
 * The conversation as the chat keeps it: what a chat POST asks of it, what a reload gets back,
 * and the list as text for the clipboard. Types and pure helpers only: safe for components/.
 */

/** A message id the store accepts (lib/store: 1-200 of A-Za-z0-9_:.-). */
const MESSAGE_ID_PATTERN = /^[A-Za-z0-9_:.-]{1,200}$/;

const answerId = z.string({ error: "turn.answerId must be a string" }).regex(MESSAGE_ID_PATTERN, "turn.answerId must be the id of an answer");

/**
 * What a chat POST does to the conversation: "ask" (default) appends the question and its
 * answer; "regenerate" answers the last answer's request again, with other films where the
 * catalog has them, and replaces it; "more" appends the next page of the last answer's request,
 * repeating none of its films. `answerId` names the answer (the stream's message id), which must
 * still be the conversation's last.
 */
export const conversationTurnSchema = z.discriminatedUnion(
  "kind",
  [z.object({ kind: z.literal("ask") }), z.object({ kind: z.literal("regenerate"), answerId }), z.object({ kind: z.literal("more"), answerId })],
  { error: "turn must be { kind: ask }, { kind: regenerate, answerId } or { kind: more, answerId }" },
);

export type ConversationTurn = z.infer<typeof conversationTurnSchema>;

/** Where the person's reaction to one card of a restored answer stands. */
export interface RestoredFeedback {
  impressionId: string;
  itemId: string;
  state: SlotFeedbackState;
}

/** GET /api/conversations/:sessionId — what a reload shows. */
export interface RestoredConversation {
  sessionId: string;
  /** The last messages of the conversation, oldest first, as the chat showed them. */
  messages: ChatMessage[];
  /** Cards someone reacted to (like, skip, seen it), where each reaction now stands. */
  feedback: RestoredFeedback[];
  /** Messages the conversation holds (more than `messages` when a long one was cut to its end). */
  total: number;
}

/** The key of one card's reaction: impression and item. */
export const feedbackKey = (impressionId: string, itemId: string) => `${impressionId}\u0000${itemId}`;

/** A list of films as plain text, one a line: "Heat (1995)", or the title alone when the year is unknown. */
export function filmListText(items: ReadonlyArray<{ title: string; year: number | null }>): string {
  return items.map((item) => (item.year === null ? item.title : `${item.title} (${item.year})`)).join("\n");
}
