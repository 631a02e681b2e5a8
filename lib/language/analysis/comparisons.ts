import type { NegationCue } from "../negation";
import type { QueryText } from "../query-text";
import type { YearMention } from "../year-expressions";
import { overlaps } from "../span-cover";
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
 * - a denial a year phrase took in ("nothing before 1990" = from 1990) negates nothing else;
 * - a denied period ("not from the 80s") is no wish for that period.
 */
export function resolveComparisons(query: QueryText, spans: DetectedSpans): DetectedSpans {
  const changes = spans.followUps.filter((signal) => signal.kind === "change");
  const years = spans.years.filter((year) => !(year.kind === "relative" && changes.some((signal) => overlaps(signal, year) && signal.end > year.end - 1 && signal.start < year.start)));
  const followUps = spans.followUps.filter(
    (signal) => ![...years, ...spans.runtimes].some((span) => overlaps(span, signal)) && !(signal.kind === "change" && spans.cues.some((cue) => overlaps(cue, signal))),
  );
  const cues = spans.cues.filter((cue) => !followUps.some((signal) => signal.kind === "reject" && overlaps(signal, cue))).filter((cue) => !years.some((year) => overlaps(year, cue)));
  return { ...spans, years: years.filter((year) => !deniedPeriod(query, year, cues)), followUps, cues };
}

/** Words allowed between a denial and the period it denies ("not from the 80s", "no 90s"). */
const PERIOD_LEAD = new Set(["from", "in", "the", "of", "a", "an", "any", "made", "released", "set", "during"]);

/**
 * "thrillers not from the 80s", "anything but the 90s": a denied period. The constraint schema has
 * one year range and cannot leave a decade out, so the period is dropped — reading it as a wish for
 * the 80s would answer the opposite of the request. (Denied bounds, "nothing before 1990", are
 * already comparisons: year-expressions.ts reads them.)
 */
function deniedPeriod(query: QueryText, year: YearMention, cues: readonly NegationCue[]): boolean {
  if (year.kind !== "decade" && year.kind !== "year" && year.kind !== "range") return false;
  return cues.some((cue) => !cue.soft && cue.end <= year.start && year.start - cue.end <= 3 && query.tokens.slice(cue.end, year.start).every((token) => PERIOD_LEAD.has(token)));
}
