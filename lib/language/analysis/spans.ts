import type { CatalogLexicon } from "../catalog-lexicon";
import { findFollowUpSignals, type FollowUpSignal } from "../follow-up-words";
import { findGenreMentions, type GenreMention } from "../genre-words";
import { findLanguageMentions, type LanguageMention } from "../language-words";
import { findNegationCues, type NegationCue } from "../negation";
import type { PersonMention } from "../people-lexicon";
import type { QueryText, TokenSpan } from "../query-text";
import { findRuntimeMentions, type RuntimeMention } from "../runtime-expressions";
import { findCountMentions, findDiscoveryMentions, findSortMentions, type CountMention, type DiscoveryMention, type SortMention } from "../sort-words";
import { findVibeMentions, type VibeMention } from "../vibe-words";
import { findYearMentions, type YearMention } from "../year-expressions";
import { overlaps } from "../span-cover";

/** Phase 1's output: every span a detector recognises, before titles claim any tokens. */
export interface DetectedSpans {
  years: YearMention[];
  counts: CountMention[];
  runtimes: RuntimeMention[];
  languages: LanguageMention[];
  genres: GenreMention[];
  vibes: VibeMention[];
  sorts: SortMention[];
  discovery: DiscoveryMention[];
  followUps: FollowUpSignal[];
  cues: NegationCue[];
  /** Catalog names (cast, directors) found in the query. */
  people: PersonMention[];
}

/**
 * Phase 1 — spans. Runs every non-title detector on the whole text. They run before titles so
 * they can decide which title spans are really genre or vibe words ("a scary movie" is not a
 * request for Scary Movie). Where two detectors read the same words, the more specific one wins:
 * a year over a count ("1994"), a year or count over a runtime, a genre over a vibe, a count over
 * a sort word ("top 5").
 */
export function detectSpans(query: QueryText, lexicon: CatalogLexicon, referenceYear: number): DetectedSpans {
  const years = findYearMentions(query, { referenceYear });
  const counts = findCountMentions(query).filter((count) => !years.some((year) => overlaps(year, count)));
  const runtimes = findRuntimeMentions(query).filter((runtime) => !years.some((year) => overlaps(year, runtime)) && !counts.some((count) => overlaps(count, runtime)));
  const genres = findGenreMentions(query);
  return {
    years,
    counts,
    runtimes,
    languages: findLanguageMentions(query),
    genres,
    vibes: findVibeMentions(query).filter((vibe) => !genres.some((genre) => overlaps(genre, vibe))),
    // "the 80s at the very latest" is a bound, not "latest first".
    sorts: findSortMentions(query).filter((sort) => !counts.some((count) => overlaps(count, sort)) && !years.some((year) => overlaps(year, sort))),
    discovery: findDiscoveryMentions(query),
    followUps: findFollowUpSignals(query),
    cues: findNegationCues(query),
    people: lexicon.people.find(query),
  };
}

/** Every constraint-like span (names excluded), for coverage checks. */
export function constraintSpans(spans: DetectedSpans): TokenSpan[] {
  return [...spans.years, ...spans.runtimes, ...spans.counts, ...spans.languages, ...spans.genres, ...spans.vibes, ...spans.sorts, ...spans.discovery, ...spans.followUps, ...spans.cues];
}

/** True when any detector, names included, read something in the query. */
export function readsAnything(spans: DetectedSpans): boolean {
  return constraintSpans(spans).length + spans.people.length > 0;
}
