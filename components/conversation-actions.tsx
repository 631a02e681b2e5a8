"use client";

import { useEffect, useRef, useState } from "react";
import type { ChatMessage, RecommendationsData } from "../lib/chat/chat-message";
import { filmListText } from "../lib/chat/transcript";
import { FOCUS_RING } from "./focus-ring";

export interface ConversationActionsProps {
  message: ChatMessage;
  /** The conversation's last answer: the only one that can be regenerated or continued. */
  isLast: boolean;
  /** An answer is on its way: nothing new may start. */
  busy: boolean;
  onRegenerate: (answerId: string) => void;
  onShowMore: (answerId: string) => void;
}

/** Copies text, through the async clipboard when the page may use it, else a hidden text area. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    const copied = document.execCommand("copy");
    area.remove();
    return copied;
  }
}

function finalCards(message: ChatMessage): RecommendationsData | null {
  const part = message.parts.findLast((each) => each.type === "data-recommendations");
  return part?.type === "data-recommendations" && part.data.stage === "final" ? part.data : null;
}

const button = `inline-flex min-h-9 items-center gap-1 rounded-lg border border-zinc-300 bg-white px-2.5 py-1 text-sm font-medium hover:bg-zinc-100 disabled:opacity-40 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800 ${FOCUS_RING}`;

/**
 * Under an answer: "Copy list" (titles and years, one a line) on every answer with cards;
 * "Show more" (the next page of the same request, none repeated) and "Regenerate" (the same
 * request again, with other films) on the last one once it has finished.
 */
export function ConversationActions({ message, isLast, busy, onRegenerate, onShowMore }: ConversationActionsProps) {
  const cards = finalCards(message);
  const [copied, setCopied] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  if (!cards) return null;
  const items = cards.items;
  const continuable = isLast && !busy;

  async function copy() {
    const done = await copyText(filmListText(items));
    setCopied(done ? `Copied ${items.length} film${items.length === 1 ? "" : "s"}` : "Could not copy: select the titles instead");
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setCopied(null), 4000);
  }

  return (
    <div className="mt-3 flex flex-wrap items-center gap-1.5" role="group" aria-label="Answer actions" data-testid="answer-actions">
      {items.length > 0 && (
        <button type="button" data-testid="copy-list" onClick={() => void copy()} className={button}>
          Copy list
        </button>
      )}
      {isLast && items.length > 0 && (
        <button type="button" data-testid="show-more" disabled={!continuable} onClick={() => onShowMore(message.id)} className={button}>
          Show more
        </button>
      )}
      {isLast && (
        <button type="button" data-testid="regenerate" disabled={!continuable} onClick={() => onRegenerate(message.id)} className={button}>
          Regenerate
        </button>
      )}
      <span role="status" aria-live="polite" data-testid="copy-status" className="text-sm text-zinc-600 dark:text-zinc-400">
        {copied}
      </span>
    </div>
  );
}
