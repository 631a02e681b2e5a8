"use client";

import { useCallback, useMemo, useState, type FormEvent, type MouseEvent } from "react";
import type { ChatMessage } from "../lib/chat/chat-message";

/**
 * The Stop button's click: stop the answer, and never let the click submit the form. Without the
 * preventDefault, the status change that stop() causes re-renders the button as Send before the
 * browser's default action runs, and the click then posts the half-typed draft.
 */
export function stopClick(stop: () => void) {
  return (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault();
    stop();
  };
}

/** A form submission the Stop button caused (it should never happen; if it does, it is not a send). */
export function submittedByStop(event: FormEvent<HTMLFormElement>): boolean {
  const submitter = (event.nativeEvent as SubmitEvent).submitter;
  return submitter instanceof HTMLElement && submitter.dataset.testid === "stop-button";
}

/** Where a stopped question's note goes: after its partial answer, or after the question itself. */
function noteAnchors(messages: readonly ChatMessage[], stopped: ReadonlySet<string>): Map<string, string> {
  const anchors = new Map<string, string>();
  messages.forEach((message, index) => {
    if (message.role !== "user" || !stopped.has(message.id)) return;
    const next = messages[index + 1];
    anchors.set(next?.role === "assistant" ? next.id : message.id, message.id);
  });
  return anchors;
}

const textOf = (message: ChatMessage) => message.parts.map((part) => (part.type === "text" ? part.text : "")).join("");

/**
 * Questions the person stopped: `markStopped` marks the question being answered, `noteAfter(id)`
 * says whether a "stopped" note belongs after that message (and for which question), and
 * `retry(questionId)` asks it again through `ask`: in place when it is the last question (its
 * partial answer goes), else as a new message at the end. The draft is never touched.
 */
export function useStoppedTurns(messages: readonly ChatMessage[], ask: (text: string, replaceMessageId?: string) => void) {
  const [stopped, setStopped] = useState<ReadonlySet<string>>(() => new Set());
  const markStopped = useCallback(() => {
    const question = messages.findLast((message) => message.role === "user");
    if (question) setStopped((current) => new Set(current).add(question.id));
  }, [messages]);
  const retried = useCallback((questionId: string) => {
    setStopped((current) => {
      const next = new Set(current);
      next.delete(questionId);
      return next;
    });
  }, []);
  const anchors = useMemo(() => noteAnchors(messages, stopped), [messages, stopped]);
  const noteAfter = useCallback((messageId: string) => anchors.get(messageId) ?? null, [anchors]);
  const reset = useCallback(() => setStopped(new Set()), []);
  const retry = useCallback(
    (questionId: string) => {
      const index = messages.findIndex((message) => message.id === questionId);
      if (index < 0) return;
      const last = messages.slice(index + 1).every((message) => message.role !== "user");
      retried(questionId);
      ask(textOf(messages[index]), last ? questionId : undefined);
    },
    [messages, ask, retried],
  );
  const questionText = useCallback((questionId: string) => textOf(messages.find((message) => message.id === questionId) ?? { id: "", role: "user", parts: [] }), [messages]);
  return { markStopped, retry, noteAfter, questionText, reset };
}
