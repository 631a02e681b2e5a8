"use client";

import { memo, useRef } from "react";
import { catalogYearsNotice } from "./card-facts";
import { relaxationWords } from "./constraint-checks";
import { TitleNotes } from "./title-notes";
import type { ChatMessage, NarrationData, RecommendationsData, RouteDecisionData } from "../lib/chat/chat-message";
import { NarrationPlayer } from "./narration-player";
import { RecommendationCard } from "./recommendation-card";
import { ReplyText } from "./reply-text";
import { RouteBadge } from "./route-badge";

/** The data parts of one assistant message, by kind (a later part with the same id already replaced earlier ones). */
export function answerParts(message: ChatMessage) {
  let route: RouteDecisionData | undefined;
  let recommendations: RecommendationsData | undefined;
  let narration: NarrationData | undefined;
  const text: string[] = [];
  for (const part of message.parts) {
    if (part.type === "data-route-decision") route = part.data;
    else if (part.type === "data-recommendations") recommendations = part.data;
    else if (part.type === "data-narration") narration = part.data;
    else if (part.type === "text") text.push(part.text);
  }
  return { route, recommendations, narration, text: text.join(" ") };
}

/** Placeholder cards while the first cards are on their way. */
export function AnswerLoading() {
  return (
    <div data-testid="answer-loading" aria-busy="true" className="mt-3">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        <span className="mr-2 inline-block h-2 w-2 animate-pulse rounded-full bg-indigo-500 align-middle" aria-hidden="true" />
        Finding films…
      </p>
      <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-hidden="true">
        {[0, 1, 2].map((index) => (
          <div key={index} className="flex h-36 animate-pulse gap-3 rounded-xl border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
            <div className="w-20 rounded-md bg-zinc-200 dark:bg-zinc-800" />
            <div className="flex-1 space-y-2">
              <div className="h-4 w-3/4 rounded bg-zinc-200 dark:bg-zinc-800" />
              <div className="h-3 w-1/2 rounded bg-zinc-200 dark:bg-zinc-800" />
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}

export interface AnswerBlockProps {
  message: ChatMessage;
  /** The newest answer: the only one auto-play may start. */
  isLatest: boolean;
  /** This answer is still streaming. */
  streaming: boolean;
  autoPlay: boolean;
  onMoreLikeThis: (title: string) => void;
  /** Sends a suggestion from the empty-result state. */
  onSuggest: (text: string) => void;
}

const EMPTY_SUGGESTIONS = ["popular comedies", "sci-fi from the 90s", "movies like Amélie"];

/** "Only 3 films met everything you asked, so I widened the release years to 1985–2004 (you asked for the 1990s)." */
function relaxationSentence(recommendations: RecommendationsData): string {
  const metEveryConstraint = recommendations.metEveryConstraint ?? null;
  const lead =
    metEveryConstraint === null
      ? "To fill the list I"
      : metEveryConstraint === 0
        ? "No film met everything you asked, so I"
        : `Only ${metEveryConstraint} film${metEveryConstraint === 1 ? "" : "s"} met everything you asked, so I`;
  const steps = (recommendations.relaxations ?? []).map((step) => relaxationWords(step, recommendations.constraints));
  const joined = steps.length <= 1 ? steps.join("") : `${steps.slice(0, -1).join(", ")} and ${steps[steps.length - 1]}`;
  return `${lead} ${joined}.`;
}

/**
 * One answer: router badge, summary, cards (or the empty state), and the DJ narration. Memoised:
 * while one answer streams, the earlier ones (same message objects) do not render again.
 */
export const AnswerBlock = memo(function AnswerBlock({ message, isLatest, streaming, autoPlay, onMoreLikeThis, onSuggest }: AnswerBlockProps) {
  const { route, recommendations, narration, text } = answerParts(message);
  // Auto-play only narrations that arrive while this answer is on screen, never on re-render.
  const narrationAtMount = useRef(narration !== undefined);
  const headingId = `answer-${message.id}`;
  const yearsNotice = recommendations?.stage === "final" ? catalogYearsNotice(recommendations.catalogYears) : null;
  return (
    <section aria-labelledby={headingId} data-testid="answer" data-stage={recommendations?.stage ?? "pending"} className="min-w-0">
      <h2 id={headingId} className="sr-only">
        Answer{recommendations ? ` for ${recommendations.query}` : ""}
      </h2>
      <div className="flex flex-wrap items-center gap-2">{route && <RouteBadge route={route} />}</div>
      <ReplyText message={message} recommendations={recommendations} streaming={streaming} onSuggest={onSuggest} />
      {recommendations?.stage === "preview" && (
        <p role="status" data-testid="preview-notice" className="mt-2 text-sm text-fuchsia-800 dark:text-fuchsia-300">
          Quick picks while I think it through; they may change in a moment…
        </p>
      )}
      {recommendations?.stage === "final" && recommendations.replacedPreview && (
        <p role="status" data-testid="replaced-notice" className="mt-2 rounded-lg bg-fuchsia-50 px-3 py-1.5 text-sm text-fuchsia-900 dark:bg-fuchsia-950/60 dark:text-fuchsia-200">
          Updated: I thought it through, and these picks replaced the quick first results.
        </p>
      )}
      {yearsNotice && (
        <p role="note" data-testid="catalog-years-notice" className="mt-2 rounded-lg bg-sky-50 px-3 py-1.5 text-sm text-sky-900 dark:bg-sky-950/60 dark:text-sky-200">
          {yearsNotice}
        </p>
      )}
      {/* The reply says what was loosened and names the titles; older answers without one keep the notes. */}
      {!text && recommendations?.stage === "final" && recommendations.relaxations && recommendations.relaxations.length > 0 && (
        <p role="note" data-testid="relaxations" className="mt-2 rounded-lg bg-amber-50 px-3 py-1.5 text-sm text-amber-900 dark:bg-amber-950/60 dark:text-amber-200">
          {relaxationSentence(recommendations)}
        </p>
      )}
      {recommendations && !text && <TitleNotes recommendations={recommendations} onSuggest={onSuggest} />}
      {!recommendations && streaming && <AnswerLoading />}
      {recommendations && recommendations.items.length === 0 && (
        <div data-testid="empty-result" className="mt-3 rounded-xl border border-dashed border-zinc-300 p-4 text-sm dark:border-zinc-700">
          <p>Nothing in the catalog matched that. Try a title, a person, a genre or a mood, for example:</p>
          <div className="mt-2 flex flex-wrap gap-2">
            {EMPTY_SUGGESTIONS.map((suggestion) => (
              <button
                key={suggestion}
                type="button"
                onClick={() => onSuggest(suggestion)}
                className="rounded-full border border-zinc-300 px-3 py-1 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:border-zinc-700 dark:hover:bg-zinc-800"
              >
                {suggestion}
              </button>
            ))}
          </div>
        </div>
      )}
      {recommendations && recommendations.items.length > 0 && (
        <ol className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="Recommended films" data-testid="cards">
          {recommendations.items.map((item, index) => (
            <li key={item.id} className="min-w-0">
              <RecommendationCard item={item} rank={index + 1} impressionId={recommendations.impressionId} onMoreLikeThis={onMoreLikeThis} />
            </li>
          ))}
        </ol>
      )}
      {narration && <NarrationPlayer key={narration.text} narration={narration} autoPlay={autoPlay && isLatest && !narrationAtMount.current} />}
    </section>
  );
});
