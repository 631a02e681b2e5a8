"use client";

import { useId, useState } from "react";
import type { RecommendedItem } from "../lib/pipeline/contract";
import { creditsOf, factsLine, ratingWords, SYNOPSIS_COLLAPSE_CHARACTERS } from "./card-facts";
import { FeedbackButtons, FeedbackNotes } from "./card-feedback";
import { VERDICT_MARKS, verdictLines } from "./constraint-checks";
import { FOCUS_RING } from "./focus-ring";
import { Poster } from "./poster";
import { useCardFeedback } from "./use-card-feedback";
export interface RecommendationCardProps {
  item: RecommendedItem;
  /** 1-based position in the answer. */
  rank: number;
  impressionId: string | null;
  /** Sends the follow-up chat message "more like <title>". */
  onMoreLikeThis: (title: string) => void;
}

const MARK_COLOURS: Record<RecommendedItem["verdicts"][number]["status"], string> = {
  met: "text-emerald-700 dark:text-emerald-400",
  "not-met": "text-red-700 dark:text-red-400",
  relaxed: "text-amber-700 dark:text-amber-400",
  unknown: "text-zinc-500 dark:text-zinc-400",
};

/** One recommended film: poster, facts, the bandit's explanation, feedback and "why this?". */
export function RecommendationCard({ item, rank, impressionId, onMoreLikeThis }: RecommendationCardProps) {
  const titleId = useId();
  const whyId = useId();
  const synopsisId = useId();
  const [synopsisOpen, setSynopsisOpen] = useState(false);
  const feedback = useCardFeedback(impressionId, item.id);
  const skipped = feedback.state.choice === "skip";
  const [whyOpen, setWhyOpen] = useState(false);
  const facts = factsLine(item);
  const rating = ratingWords(item.rating);
  const credits = creditsOf(item);
  const lines = verdictLines(item);
  const overview = item.overview ?? null;
  const collapsible = overview !== null && overview.length > SYNOPSIS_COLLAPSE_CHARACTERS;
  const links = [
    { href: item.links?.imdb ?? null, label: "IMDb", testId: "imdb-link" },
    { href: item.links?.tmdb ?? null, label: "TMDB", testId: "tmdb-link" },
  ].filter((link): link is { href: string; label: string; testId: string } => link.href !== null);

  function moreLikeThis() {
    // The follow-up goes out either way; the click is logged when the answer has an impression.
    if (!feedback.unavailable) void feedback.send("click");
    onMoreLikeThis(item.title);
  }

  return (
    <article
      data-testid="recommendation-card"
      data-item-id={item.id}
      data-runtime={item.runtimeMinutes ?? ""}
      data-genres={item.genres.join("|")}
      data-feedback={feedback.state.choice ?? ""}
      data-seen={feedback.state.seen}
      aria-labelledby={titleId}
      className={`flex gap-3 rounded-xl border bg-white p-3 shadow-sm transition dark:bg-zinc-900 ${skipped ? "border-dashed border-zinc-300 dark:border-zinc-700" : "border-zinc-200 dark:border-zinc-800"}`}
    >
      {/* A skipped card dims its poster only: its text keeps full contrast. */}
      <Poster title={item.title} genres={item.genres} className={`h-30 w-20 shrink-0 rounded-md shadow-sm transition sm:h-36 sm:w-24 ${skipped ? "opacity-40 grayscale" : ""}`} />
      <div className="min-w-0 flex-1">
        <h3 id={titleId} className="text-base leading-snug font-semibold break-words" data-testid="card-title">
          <span className="sr-only">{rank}. </span>
          {item.title}
        </h3>
        {facts && (
          <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="card-facts">
            {facts}
          </p>
        )}
        {rating && (
          <p className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="card-rating" data-source={item.rating?.source}>
            <span aria-hidden="true" className="text-amber-500">
              ★{" "}
            </span>
            {rating}
          </p>
        )}
        {item.genres.length > 0 && (
          <ul className="mt-1.5 flex flex-wrap gap-1" aria-label="Genres" data-testid="card-genres">
            {item.genres.map((genre) => (
              <li key={genre} className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
                {genre}
              </li>
            ))}
          </ul>
        )}
        {(credits.directors || credits.cast) && (
          <p className="mt-1.5 text-sm text-zinc-700 dark:text-zinc-300" data-testid="card-credits">
            {credits.directors && <span data-testid="card-directors">Directed by {credits.directors}</span>}
            {credits.directors && credits.cast && <span aria-hidden="true"> · </span>}
            {credits.cast && <span data-testid="card-cast">With {credits.cast}</span>}
          </p>
        )}
        {overview && (
          <div className="mt-1.5 text-sm text-zinc-700 dark:text-zinc-300">
            <p id={synopsisId} data-testid="card-synopsis" data-expanded={collapsible ? synopsisOpen : true} className={collapsible && !synopsisOpen ? "line-clamp-2" : undefined}>
              {overview}
            </p>
            {collapsible && (
              <button
                type="button"
                data-testid="synopsis-toggle"
                aria-expanded={synopsisOpen}
                aria-controls={synopsisId}
                onClick={() => setSynopsisOpen((open) => !open)}
                className={`text-xs font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300 ${FOCUS_RING}`}
              >
                {synopsisOpen ? "Show less" : "Read more"}
                <span className="sr-only"> about {item.title}</span>
              </button>
            )}
          </div>
        )}
        {links.length > 0 && (
          <p className="mt-1.5 flex flex-wrap gap-3 text-sm" data-testid="card-links">
            {links.map((link) => (
              <a
                key={link.label}
                href={link.href}
                target="_blank"
                rel="noopener noreferrer"
                data-testid={link.testId}
                className={`font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-600 dark:text-indigo-300 ${FOCUS_RING}`}
              >
                {link.label}
                <span className="sr-only"> page for {item.title} (opens in a new tab)</span>
                <span aria-hidden="true"> ↗</span>
              </a>
            ))}
          </p>
        )}
        {item.explanation && (
          <p className="mt-2 text-sm text-zinc-800 italic dark:text-zinc-200" data-testid="card-explanation">
            {item.explanation.text}
          </p>
        )}
        <FeedbackNotes feedback={feedback} placement="status" />
        <div className="mt-2 flex flex-wrap gap-1.5" role="group" aria-label={`Actions for ${item.title}`}>
          <FeedbackButtons feedback={feedback} title={item.title} />
          <button
            type="button"
            data-testid="more-like-button"
            onClick={moreLikeThis}
            aria-label={`More like ${item.title}`}
            className={`inline-flex min-h-9 items-center rounded-lg border border-zinc-300 bg-white px-2.5 py-1 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800 ${FOCUS_RING}`}
          >
            More like this
          </button>
          <button
            type="button"
            data-testid="why-button"
            aria-expanded={whyOpen}
            aria-controls={whyId}
            onClick={() => setWhyOpen((open) => !open)}
            className={`inline-flex min-h-9 items-center rounded-lg px-2 py-1 text-sm font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300 ${FOCUS_RING}`}
          >
            Why this?
          </button>
        </div>
        <FeedbackNotes feedback={feedback} placement="message" />
        <div id={whyId} hidden={!whyOpen} data-testid="why-panel" className="mt-2 rounded-lg bg-zinc-50 p-2 text-sm dark:bg-zinc-800/60">
          <p>{item.explanation ? item.explanation.text : "One of the closest matches to what you asked for."}</p>
          {item.modelReason && (
            <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400" data-testid="why-model-reason">
              Why it stood out: {item.modelReason}
            </p>
          )}
          {lines.length > 0 && (
            <>
              <p className="mt-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">What you asked for</p>
              <ul className="mt-1 space-y-0.5" data-testid="why-constraints">
                {lines.map((line) => (
                  <li key={line.text} className="flex gap-1.5" data-testid="why-verdict" data-status={line.status} data-soft={line.soft || undefined}>
                    <span aria-hidden="true" className={`w-3 shrink-0 text-center font-semibold ${MARK_COLOURS[line.status]}`}>
                      {VERDICT_MARKS[line.status].mark}
                    </span>
                    <span data-testid="why-verdict-text">
                      {line.text}
                      <span className="sr-only"> ({VERDICT_MARKS[line.status].meaning})</span>
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </div>
    </article>
  );
}
