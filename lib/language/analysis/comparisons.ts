import { overlaps } from "./span-cover";
import type { DetectedSpans } from "./spans";

/**
 * Phase 2 — comparisons. The year and runtime detectors already read comparatives and open
 * ranges ("no older than 2000", "longer than two hours", "nothing before 1990") with their
 * direction and inclusivity (year-expressions.ts, runtime-expressions.ts). Other detectors see
 * the same words: the follow-up reader sees "longer"/"more recent" as a change to the last
 * answer, and the negation reader sees "no"/"nothing". This phase decides who owns them:
 * - "more recent" is a comparative year, not the relative year "recent";
 * - a comparative inside a year or runtime phrase is not a follow-up;
 * - "not too dark" is a negated vibe, not the complaint "too dark";
 * - a denial a year phrase took in ("nothing before 1990" = from 1990) negates nothing else.
 */
export function resolveComparisons(spans: DetectedSpans): DetectedSpans {
  const changes = spans.followUps.filter((signal) => signal.kind === "change");
  const years = spans.years.filter((year) => !(year.kind === "relative" && changes.some((signal) => overlaps(signal, year) && signal.end > year.end - 1 && signal.start < year.start)));
  const followUps = spans.followUps.filter(
    (signal) => ![...years, ...spans.runtimes].some((span) => overlaps(span, signal)) && !(signal.kind === "change" && spans.cues.some((cue) => overlaps(cue, signal))),
  );
  const cues = spans.cues
    .filter((cue) => !followUps.some((signal) => signal.kind === "reject" && overlaps(signal, cue)))
    .filter((cue) => !years.some((year) => overlaps(year, cue)));
  return { ...spans, years, followUps, cues };
}
