import type { ChatMessage, RecommendationsData } from "../lib/chat/chat-message";
import { FilmChips, withYear } from "./title-notes";

/**
 * The answer's reply, above the cards: what was understood, what was loosened, how many films fit,
 * and "did you mean" (the words say it; the chips below ask it again with one click). The text
 * streams in: a soft caret shows while it is still being written.
 */
export function ReplyText({
  message,
  recommendations,
  streaming,
  onSuggest,
}: {
  message: ChatMessage;
  recommendations: RecommendationsData | undefined;
  streaming: boolean;
  onSuggest: (text: string) => void;
}) {
  const parts = message.parts.filter((part) => part.type === "text");
  const text = parts.map((part) => part.text).join(" ");
  // A stopped answer leaves its text part "streaming" for good: only a live answer shows the caret.
  const writing = streaming && parts.some((part) => part.state === "streaming");
  if (!text) return null;
  const didYouMean = recommendations?.didYouMean ?? [];
  const missing = (recommendations?.unknownTitles ?? []).filter((unknown) => unknown.didYouMean.length > 0);
  return (
    <div className="mt-2 max-w-3xl" data-testid="reply">
      <p data-testid="reply-text" className="text-[15px] leading-relaxed text-zinc-800 dark:text-zinc-200">
        {text}
        {writing && <span aria-hidden="true" className="ml-0.5 inline-block h-4 w-1.5 animate-pulse rounded-sm bg-indigo-500 align-[-2px]" />}
      </p>
      {didYouMean.length > 0 && (
        <p data-testid="did-you-mean" role="group" aria-label="Did you mean" className="mt-2 flex flex-wrap items-center gap-2 text-sm">
          <FilmChips films={didYouMean} onSuggest={onSuggest} ask={withYear} />
        </p>
      )}
      {missing.map((unknown) => (
        <p key={unknown.text} data-testid="unknown-title" role="group" aria-label={`Instead of ${unknown.text}`} className="mt-2 flex flex-wrap items-center gap-2 text-sm">
          <FilmChips films={unknown.didYouMean} onSuggest={onSuggest} ask={(film) => `movies like ${withYear(film)}`} />
        </p>
      ))}
    </div>
  );
}
