import { requestDirections } from "../lib/language/content-directions";
import type { QueryAnalysis } from "../lib/language/query-analysis";

/** What the router knows about the conversation (no I/O: the caller reads the session). */
export interface RouterSessionContext {
  /** True when the session has a previous answer a follow-up could refer to. */
  hasPreviousAnswer: boolean;
}

/**
 * Feature names, in the order of the weight vector in router/weights.json. Adding or reordering
 * a feature needs `npm run router:train`; the loader refuses weights whose names differ.
 */
export const FEATURE_NAMES = [
  "whole_title_exact",
  "title_match_score",
  "title_cased_short",
  "hard_constraint_count",
  "has_year",
  "has_runtime",
  "has_language",
  "genre_include_count",
  "negation_count",
  "vibe_count",
  "reference_title",
  "reference_with_twist",
  "named_title_in_sentence",
  "people_count",
  "people_with_other_constraints",
  "follow_up_with_context",
  "follow_up_without_context",
  "continuation_with_context",
  "sort_or_count_or_discovery",
  "constraint_kind_count",
  "only_one_genre",
  "only_people",
  "only_keywords",
  "keyword_count",
  "log_token_count",
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

/** Features plus the facts the reasons are written from. */
export interface RouterFeatures {
  values: Float64Array;
  /** Hard-constraint kinds found, e.g. ["decade", "runtime"]. */
  hardKinds: string[];
  negations: string[];
  vibes: string[];
  people: string[];
  referenceTwist: boolean;
  reference: boolean;
  followUp: boolean;
  wholeTitle: boolean;
}

const cap = (value: number, maximum: number) => Math.min(value, maximum);

const YEAR_KIND_NAMES: Record<string, string> = {
  decade: "decade",
  year: "year",
  range: "year range",
  before: "before a year",
  after: "after a year",
  relative: "recent",
  era: "era",
};

/** Turns one analysed query and the session context into the router's feature vector. */
export function routerFeatures(analysis: QueryAnalysis, session: RouterSessionContext | null): RouterFeatures {
  const hardKinds: string[] = [];
  for (const year of analysis.years) if (year.strength === "hard") hardKinds.push(YEAR_KIND_NAMES[year.kind]);
  for (const runtime of analysis.runtimes) if (runtime.strength === "hard") hardKinds.push("runtime");
  for (const language of analysis.languages) hardKinds.push(language.exclude.length > 0 ? "excluded language" : "language");
  for (const genre of analysis.genres) if (genre.negated && !genre.negated.soft) hardKinds.push("excluded genre");
  for (const person of analysis.people) if (person.negated) hardKinds.push("excluded person");
  for (const title of analysis.titles) if (title.role === "exclude") hardKinds.push("excluded title");
  for (const keyword of analysis.keywords) if (keyword.negated && !keyword.negated.soft) hardKinds.push("excluded topic");
  if (analysis.counts.length > 0) hardKinds.push("count");

  const wantedGenres = analysis.genres.filter((genre) => !genre.negated);
  // A content direction ("less violent", "darker") is a soft wish only the reasoning path can
  // score: it counts as a vibe, the feature the trained weights already send there, and its
  // words are not also a negation ("less" before "violent").
  const directions = requestDirections(analysis);
  const inDirection = (span: { start: number; end: number }) => directions.some((mention) => mention.start < span.end && span.start < mention.end);
  const negations = [
    ...analysis.genres.filter((genre) => genre.negated).map((genre) => `${genre.negated!.phrase} ${genre.phrase}`),
    ...analysis.vibes.filter((vibe) => vibe.negated).map((vibe) => `${vibe.negated!.phrase} ${vibe.phrase}`),
    ...analysis.people.filter((person) => person.negated).map((person) => `${person.negated!.phrase} ${person.person.name}`),
    ...analysis.keywords.filter((keyword) => keyword.negated && !inDirection(keyword)).map((keyword) => `${keyword.negated!.phrase} ${keyword.phrase}`),
    ...analysis.languages.filter((language) => language.exclude.length > 0).map((language) => language.phrase),
    ...analysis.titles.filter((title) => title.role === "exclude").map((title) => `not ${title.phrase}`),
  ];
  const directionPhrases = [...new Set(directions.map((mention) => mention.phrase))];
  const vibes = [...analysis.vibes.filter((vibe) => !vibe.negated).map((vibe) => vibe.phrase), ...directionPhrases];
  const references = analysis.titles.filter((title) => title.role === "reference");
  const named = analysis.titles.filter((title) => title.role === "named");
  const wholeTitle = analysis.wholeTitle !== null;
  const substantive = analysis.followUps.filter((signal) => signal.kind !== "continuation");
  const continuation = analysis.followUps.some((signal) => signal.kind === "continuation");
  const hasContext = session?.hasPreviousAnswer ?? false;
  const keywords = analysis.keywords.filter((keyword) => !keyword.negated);

  const kinds = [
    analysis.years.length > 0,
    analysis.runtimes.length > 0,
    analysis.languages.length > 0,
    wantedGenres.length > 0,
    negations.length > 0,
    analysis.people.length > 0,
    vibes.length > 0,
    references.length > 0,
    analysis.sorts.length + analysis.counts.length + analysis.discovery.length > 0,
    keywords.length > 0,
  ].filter(Boolean).length;
  // Constraints beyond the people themselves; plot words ("stranded on an island") do not count.
  const other = kinds - (analysis.people.length > 0 ? 1 : 0) - (keywords.length > 0 ? 1 : 0);
  const nothingElse = (except: number) => kinds === except;

  const tokenCount = analysis.query.tokens.length;
  const values: Record<FeatureName, number> = {
    whole_title_exact: wholeTitle && analysis.wholeTitle!.kind === "exact" ? 1 : 0,
    title_match_score: wholeTitle ? analysis.wholeTitle!.score : analysis.titleMatch && tokenCount <= 6 ? analysis.titleMatch.score * 0.5 : 0,
    title_cased_short: analysis.titleCased && tokenCount <= 5 ? 1 : 0,
    hard_constraint_count: cap(hardKinds.length, 4),
    has_year: analysis.years.some((year) => year.strength === "hard") ? 1 : analysis.years.length > 0 ? 0.5 : 0,
    has_runtime: analysis.runtimes.length > 0 ? 1 : 0,
    has_language: analysis.languages.length > 0 ? 1 : 0,
    genre_include_count: cap(
      wantedGenres.reduce((sum, genre) => sum + genre.genres.length, 0),
      3,
    ),
    negation_count: cap(negations.length, 3),
    vibe_count: cap(vibes.length, 3),
    reference_title: references.length > 0 ? 1 : 0,
    reference_with_twist: references.length > 0 && analysis.twist ? 1 : 0,
    named_title_in_sentence: !wholeTitle && named.length > 0 ? 1 : 0,
    people_count: cap(analysis.people.length, 2),
    people_with_other_constraints: analysis.people.length > 0 && other > 0 ? 1 : 0,
    follow_up_with_context: hasContext && substantive.length > 0 ? 1 : 0,
    follow_up_without_context: !hasContext && substantive.length > 0 ? 1 : 0,
    continuation_with_context: hasContext && continuation ? 1 : 0,
    sort_or_count_or_discovery: analysis.sorts.length + analysis.counts.length + analysis.discovery.length > 0 ? 1 : 0,
    constraint_kind_count: cap(kinds, 5),
    only_one_genre: wantedGenres.length === 1 && nothingElse(1) ? 1 : 0,
    only_people: analysis.people.length > 0 && nothingElse(1) && negations.length === 0 ? 1 : 0,
    only_keywords: keywords.length > 0 && nothingElse(1) ? 1 : 0,
    keyword_count: cap(keywords.length, 4),
    log_token_count: Math.log1p(tokenCount),
  };
  return {
    values: Float64Array.from(FEATURE_NAMES, (name) => values[name]),
    hardKinds,
    negations,
    vibes,
    people: analysis.people.filter((person) => !person.negated).map((person) => person.person.name),
    referenceTwist: references.length > 0 && analysis.twist,
    reference: references.length > 0,
    followUp: hasContext && (substantive.length > 0 || continuation),
    wholeTitle,
  };
}
