"use client";

import { useId, type ReactNode } from "react";
import type { SlotFeedbackState } from "./feedback-client";
import { FOCUS_RING } from "./focus-ring";
import { NO_IMPRESSION, type CardFeedback } from "./use-card-feedback";

interface FeedbackButtonProps {
  testId: string;
  label: string;
  pressed?: boolean;
  unavailable: boolean;
  busy: boolean;
  onPress: () => void;
  children: ReactNode;
}

/**
 * A card action. Unavailable actions stay focusable (aria-disabled, not disabled) so keyboard and
 * screen-reader users can reach them and hear why they are off.
 */
function FeedbackButton({ testId, label, pressed, unavailable, busy, onPress, children }: FeedbackButtonProps) {
  const tooltipId = useId();
  return (
    <span className="group relative inline-flex">
      <button
        type="button"
        data-testid={testId}
        aria-label={label}
        aria-pressed={pressed}
        aria-disabled={unavailable || busy || undefined}
        aria-describedby={unavailable ? tooltipId : undefined}
        title={unavailable ? NO_IMPRESSION : undefined}
        onClick={onPress}
        className={`inline-flex min-h-9 items-center gap-1 rounded-lg border px-2.5 py-1 text-sm font-medium transition ${FOCUS_RING} ${
          pressed ? "border-indigo-500 bg-indigo-600 text-white" : "border-zinc-300 bg-white hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
        } ${unavailable ? "cursor-not-allowed opacity-50" : ""} ${busy ? "cursor-wait" : ""}`}
      >
        {children}
      </button>
      {unavailable && (
        <span
          id={tooltipId}
          role="tooltip"
          className="pointer-events-none absolute bottom-full left-0 z-10 mb-1 hidden w-56 rounded-md bg-zinc-900 px-2 py-1 text-xs text-white shadow-lg group-focus-within:block group-hover:block dark:bg-zinc-100 dark:text-zinc-900"
        >
          {NO_IMPRESSION}
        </span>
      )}
    </span>
  );
}

const UNDO_WORDS: Record<NonNullable<SlotFeedbackState["undoable"]>, string> = { like: "like", skip: "skip", seen: "seen it", dismiss: "dismissal" };

/** Like, Skip, Seen it, and Undo (of the last of them, shown once there is one). Pressing a pressed button does nothing: Undo takes it back. */
export function FeedbackButtons({ feedback, title }: { feedback: CardFeedback; title: string }) {
  const { state, pending, unavailable } = feedback;
  const press = (event: "like" | "skip" | "seen", pressed: boolean) => () => {
    if (!pressed) void feedback.send(event);
  };
  const liked = state.choice === "like";
  const skipped = state.choice === "skip";
  const busy = pending !== null;
  return (
    <>
      <FeedbackButton testId="like-button" label={`Like ${title}`} pressed={liked} unavailable={unavailable} busy={busy} onPress={press("like", liked)}>
        <span aria-hidden="true">♥</span> {liked ? "Liked" : "Like"}
      </FeedbackButton>
      <FeedbackButton testId="skip-button" label={`Skip ${title}`} pressed={skipped} unavailable={unavailable} busy={busy} onPress={press("skip", skipped)}>
        <span aria-hidden="true">⤼</span> {skipped ? "Skipped" : "Skip"}
      </FeedbackButton>
      <FeedbackButton testId="seen-button" label={`Seen ${title}`} pressed={state.seen} unavailable={unavailable} busy={busy} onPress={press("seen", state.seen)}>
        <span aria-hidden="true">✓</span> Seen it
      </FeedbackButton>
      {state.undoable && (
        <FeedbackButton testId="undo-button" label={`Undo ${UNDO_WORDS[state.undoable]} for ${title}`} unavailable={unavailable} busy={busy} onPress={() => void feedback.send("undo")}>
          <span aria-hidden="true">↶</span> Undo
        </FeedbackButton>
      )}
    </>
  );
}

/** Where the reaction stands, in a sentence: what it changes for later answers. */
function feedbackStatusText(state: SlotFeedbackState): string | null {
  const hidden = "it won't come up again in this chat";
  if (state.choice === "like") return state.seen ? `Liked and seen: later answers lean this way, and ${hidden}.` : `Liked: later answers lean this way, and ${hidden}.`;
  if (state.choice === "skip") return state.seen ? `Skipped and seen: fewer like this, and ${hidden}.` : "Skipped: fewer like this.";
  return state.seen ? `Seen it: ${hidden}.` : null;
}

/** The status line and any message (a failed POST, or why feedback is off). */
export function FeedbackNotes({ feedback, placement }: { feedback: CardFeedback; placement: "status" | "message" }) {
  if (placement === "status") {
    const text = feedbackStatusText(feedback.state);
    return text ? (
      <p className="mt-1 text-xs font-medium text-indigo-700 dark:text-indigo-300" data-testid="card-feedback-state">
        {text}
      </p>
    ) : null;
  }
  const { message } = feedback;
  return message ? (
    <p
      role={message.tone === "error" ? "alert" : "status"}
      data-testid={message.tone === "error" ? "feedback-error" : "feedback-unavailable"}
      className={`mt-2 text-xs ${message.tone === "error" ? "text-red-700 dark:text-red-400" : "text-zinc-600 dark:text-zinc-400"}`}
    >
      {message.text}
    </p>
  ) : null;
}
