"use client";

import { useCallback, useState } from "react";

/** The most one message may hold; the server refuses longer ones (lib/pipeline/contract.ts). */
export const MAX_MESSAGE_CHARACTERS = 2000;
/** From this length on, the composer shows how much room is left. */
const COUNTER_FROM = 1800;

const count = (value: number) => value.toLocaleString("en");

/**
 * The composer's draft, never longer than `max`: a longer value (typed or pasted) is cut, and the
 * cut is remembered until the draft is short again, so the composer can say so instead of losing
 * the end of the text silently.
 */
export function useLimitedDraft(max = MAX_MESSAGE_CHARACTERS) {
  const [draft, setDraftText] = useState("");
  const [cut, setCut] = useState(false);
  const setDraft = useCallback(
    (value: string) => {
      const tooLong = value.length > max;
      setDraftText(tooLong ? value.slice(0, max) : value);
      if (tooLong) setCut(true);
      else if (value.length < max) setCut(false);
    },
    [max],
  );
  return { draft, setDraft, cut };
}

/**
 * Under the composer near the limit: "1,950 / 2,000 characters" (read with the message box, not
 * announced on every key), and once text was cut, a polite announcement that it was.
 */
export function DraftLimit({ id, length, cut, max = MAX_MESSAGE_CHARACTERS }: { id: string; length: number; cut: boolean; max?: number }) {
  const near = length >= COUNTER_FROM;
  return (
    // The status region is always there (a live region added with its text is often not read).
    <div className="flex flex-wrap justify-end gap-x-3 px-1 text-xs">
      <p role="status" data-testid="length-notice" className={cut ? "font-medium text-amber-800 dark:text-amber-300" : "sr-only"}>
        {cut ? `Your message was cut to ${count(max)} characters, the most one message can hold.` : ""}
      </p>
      <p id={id} data-testid="length-counter" className={near ? "text-zinc-600 dark:text-zinc-400" : "sr-only"}>
        {count(length)} / {count(max)} characters
      </p>
    </div>
  );
}
