"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ChatMessage } from "../lib/chat/chat-message";
import { feedbackKey, type ConversationTurn, type RestoredConversation } from "../lib/chat/transcript";
import { errorMessageFromBody } from "./feedback-client";
import type { FeedbackStates } from "./feedback-states";

/**
 * Where earlier versions kept the session id. The server now issues it in an HttpOnly cookie
 * that page scripts never see; the old copy is removed so it does not linger.
 */
const LEGACY_SESSION_STORAGE_KEY = "reelcast:session-id";

function forgetLegacyId(): void {
  try {
    localStorage.removeItem(LEGACY_SESSION_STORAGE_KEY);
  } catch {
    // storage off: nothing was kept there either
  }
}

export interface Conversation {
  /**
   * The body fields a chat POST carries for the conversation (DefaultChatTransport's
   * prepareSendMessagesRequest gets `body`, `trigger` and `messageId`): `turn`, and after "New
   * chat" `newConversation` until an answer arrives. The session itself travels in the server's
   * cookie. A retry of a regenerate or "show more" that did not finish (Try again, or asking a
   * stopped question again) repeats its turn, since the server still holds the answer it was for.
   */
  requestBody: (request: { body?: object; trigger?: string; messageId?: string }) => { turn?: ConversationTurn; newConversation?: true };
  /** The last request finished: a later retry is a new question, in the conversation it started. */
  settle: () => void;
  /** "New chat": the next message starts a new conversation (the old one stays on the server). */
  forget: () => void;
  /** True while a reload fetches the stored conversation. */
  restoring: boolean;
  /** Why the stored conversation could not be brought back, or null. */
  restoreError: string | null;
  /** Where restored cards' likes, skips and seen-its stand. */
  feedback: FeedbackStates;
}

/**
 * The conversation behind the chat: the server keeps its session id in an HttpOnly cookie, and on
 * load the stored transcript (GET /api/conversations/current, the cookie's conversation) is put
 * back with `setMessages`, unless the person has already started typing a new one.
 */
export function useConversation(setMessages: (messages: ChatMessage[]) => void, hasMessages: () => boolean): Conversation {
  // "New chat" asks the server for a new session with the next message, until one is answered.
  const startNew = useRef(false);
  const [restoring, setRestoring] = useState(true);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<FeedbackStates>(() => new Map());
  // The latest callbacks behind the one-time restore effect.
  const latest = useRef({ setMessages, hasMessages });
  latest.current = { setMessages, hasMessages };

  useEffect(() => {
    forgetLegacyId();
    const controller = new AbortController();
    (async () => {
      try {
        const response = await fetch("/api/conversations/current", { signal: controller.signal, cache: "no-store", credentials: "same-origin" });
        // 404: no conversation yet (no cookie, or nothing answered in it); the next message starts or continues it.
        if (response.status === 404) return;
        if (!response.ok) {
          const reason = errorMessageFromBody(await response.text().catch(() => ""));
          setRestoreError(`Your last conversation could not be brought back (HTTP ${response.status}${reason ? `: ${reason}` : ""}).`);
          return;
        }
        const conversation = (await response.json()) as RestoredConversation;
        if (latest.current.hasMessages() || startNew.current) return;
        setFeedback(new Map(conversation.feedback.map((entry) => [feedbackKey(entry.impressionId, entry.itemId), entry.state])));
        latest.current.setMessages(conversation.messages);
      } catch (error) {
        if (!controller.signal.aborted) setRestoreError(`Your last conversation could not be brought back: ${error instanceof Error ? error.message : "the server could not be reached"}.`);
      } finally {
        if (!controller.signal.aborted) setRestoring(false);
      }
    })();
    return () => controller.abort();
  }, []);

  // A regenerate or "show more" on its way, until it finishes.
  const pendingTurn = useRef<ConversationTurn | null>(null);
  const requestBody = useCallback(({ body, trigger, messageId }: { body?: object; trigger?: string; messageId?: string }) => {
    const asked = (body as { turn?: ConversationTurn } | undefined)?.turn;
    const retry = trigger === "regenerate-message" || messageId !== undefined;
    const turn = asked ?? (retry ? pendingTurn.current : null);
    pendingTurn.current = turn;
    return { ...(turn ? { turn } : {}), ...(startNew.current ? { newConversation: true as const } : {}) };
  }, []);
  const settle = useCallback(() => {
    pendingTurn.current = null;
    // The answer came with the new session's cookie: later messages continue it.
    startNew.current = false;
  }, []);
  const forget = useCallback(() => {
    startNew.current = true;
    // The browser stops pointing at the old conversation, so a reload shows an empty chat too.
    // If this fails, `newConversation` on the next message still starts a new one.
    void fetch("/api/conversations/current", { method: "DELETE", credentials: "same-origin" }).catch(() => undefined);
    pendingTurn.current = null;
    setRestoreError(null);
    setRestoring(false);
    setFeedback(new Map());
  }, []);

  return { requestBody, settle, forget, restoring, restoreError, feedback };
}
