"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ChatMessage } from "../lib/chat/chat-message";
import { feedbackKey, type ConversationTurn, type RestoredConversation } from "../lib/chat/transcript";
import { errorMessageFromBody } from "./feedback-client";
import type { FeedbackStates } from "./feedback-states";

/** Where the browser remembers which conversation it is in, across reloads. */
export const SESSION_STORAGE_KEY = "reelcast:session-id";

/** A session id the API accepts (16–64 of A-Za-z0-9_-); getRandomValues works on plain http too. */
function newSessionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `s_${Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}

// localStorage throws when storage is off (some private modes): the chat then forgets on reload.
function readStored(): string | null {
  try {
    const value = localStorage.getItem(SESSION_STORAGE_KEY);
    return value && /^[A-Za-z0-9_-]{16,64}$/.test(value) ? value : null;
  } catch {
    return null;
  }
}
function writeStored(value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(SESSION_STORAGE_KEY);
    else localStorage.setItem(SESSION_STORAGE_KEY, value);
  } catch {
    // not remembered; the conversation still works until the page goes
  }
}

export interface Conversation {
  /**
   * The body fields a chat POST carries for the conversation (DefaultChatTransport's
   * prepareSendMessagesRequest gets `body`, `trigger` and `messageId`): the session id (the
   * remembered one, or a new one, then remembered) and `turn`. A retry of a regenerate or "show
   * more" that did not finish (Try again, or asking a stopped question again) repeats its turn,
   * since the server still holds the answer it was for.
   */
  requestBody: (request: { body?: object; trigger?: string; messageId?: string }) => { sessionId: string; turn?: ConversationTurn };
  /** The last request finished: a later retry is a new question. */
  settle: () => void;
  /** Keeps a session id the server answered with. */
  adopt: (sessionId: string) => void;
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
 * The conversation behind the chat: its session id, kept in localStorage so a reload finds it,
 * and on load the stored transcript (GET /api/conversations/:id) put back with `setMessages`,
 * unless the person has already started typing a new one.
 */
export function useConversation(setMessages: (messages: ChatMessage[]) => void, hasMessages: () => boolean): Conversation {
  const sessionId = useRef<string | null>(null);
  const [restoring, setRestoring] = useState(true);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<FeedbackStates>(() => new Map());
  // The latest callbacks behind the one-time restore effect.
  const latest = useRef({ setMessages, hasMessages });
  latest.current = { setMessages, hasMessages };

  useEffect(() => {
    const stored = readStored();
    if (!stored) {
      setRestoring(false);
      return;
    }
    sessionId.current ??= stored;
    const controller = new AbortController();
    (async () => {
      try {
        const response = await fetch(`/api/conversations/${encodeURIComponent(stored)}`, { signal: controller.signal, cache: "no-store" });
        // 404: nothing stored for this session yet; the id stays, so the next message continues it.
        if (response.status === 404) return;
        if (!response.ok) {
          const reason = errorMessageFromBody(await response.text().catch(() => ""));
          setRestoreError(`Your last conversation could not be brought back (HTTP ${response.status}${reason ? `: ${reason}` : ""}).`);
          return;
        }
        const conversation = (await response.json()) as RestoredConversation;
        if (latest.current.hasMessages() || sessionId.current !== stored) return;
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
    if (sessionId.current === null) {
      sessionId.current = newSessionId();
      writeStored(sessionId.current);
    }
    const asked = (body as { turn?: ConversationTurn } | undefined)?.turn;
    const retry = trigger === "regenerate-message" || messageId !== undefined;
    const turn = asked ?? (retry ? pendingTurn.current : null);
    pendingTurn.current = turn;
    return turn ? { sessionId: sessionId.current, turn } : { sessionId: sessionId.current };
  }, []);
  const settle = useCallback(() => {
    pendingTurn.current = null;
  }, []);
  const adopt = useCallback((id: string) => {
    if (id === sessionId.current) return;
    sessionId.current = id;
    writeStored(id);
  }, []);
  const forget = useCallback(() => {
    sessionId.current = null;
    pendingTurn.current = null;
    writeStored(null);
    setRestoreError(null);
    setRestoring(false);
    setFeedback(new Map());
  }, []);

  return { requestBody, settle, adopt, forget, restoring, restoreError, feedback };
}
