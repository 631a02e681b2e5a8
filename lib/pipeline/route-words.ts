import type { QueryAnalysis } from "../language";

export interface RouteWordsInput {
  /** The path that answered. */
  path: "fast" | "reasoning";
  /** The request forced the path (route "fast" or "reasoning"). */
  forced: boolean;
  /** The router chose reasoning but the budget answered on the fast path. */
  budgetFallback: boolean;
  /** The request read as one catalog title ("blade runner"). */
  titleLookup: boolean;
  /** The request adjusts the previous answer ("no horror", "shorter"). */
  followUp: boolean;
  analysis: QueryAnalysis | null;
}

function joinWords(words: readonly string[]): string {
  return words.length <= 1 ? words.join("") : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** What a request asks, as a person would list it ("genre", "years", "what to leave out"). */
function askedThings(analysis: QueryAnalysis): string[] {
  const things: string[] = [];
  if (analysis.genres.some((mention) => !mention.negated)) things.push("genre");
  if (analysis.years.length > 0) things.push("years");
  if (analysis.runtimes.length > 0) things.push("running time");
  if (analysis.languages.length > 0) things.push("language");
  if (analysis.people.some((mention) => !mention.negated)) things.push("cast and crew");
  if (analysis.titles.some((title) => title.role === "reference")) things.push("the film you compared");
  if (analysis.vibes.some((mention) => !mention.negated)) things.push("the mood");
  const excludes =
    analysis.genres.some((mention) => mention.negated) ||
    analysis.people.some((mention) => mention.negated) ||
    analysis.vibes.some((mention) => mention.negated) ||
    analysis.keywords.some((keyword) => keyword.negated) ||
    analysis.titles.some((title) => title.role === "exclude");
  if (excludes) things.push("what to leave out");
  if (analysis.sorts.length > 0) things.push("the order");
  return things;
}

/**
 * Why the answer took its path, in a few plain words for the badge ("quick match: you named a
 * film", "thought it through: checked genre, years and what to leave out"). Developer
 * detail (scores, thresholds, providers) stays in `route.reasons`.
 */
export function plainRouteReason(input: RouteWordsInput): string {
  const { analysis } = input;
  if (input.path === "fast") {
    if (input.budgetFallback) return "kept it quick this time";
    if (input.titleLookup) return "you named a film";
    if (input.forced) return "you asked for a quick match";
    if (analysis?.titles.some((title) => title.role === "reference")) return "films like the one you named";
    if (analysis && analysis.people.some((mention) => !mention.negated) && askedThings(analysis).length === 1) return "you named someone";
    return "a straightforward request";
  }
  if (input.followUp) return "built on your last request";
  if (input.forced) return "you asked me to think it through";
  const things = analysis ? askedThings(analysis) : [];
  return things.length === 0 ? "read your request closely" : `checked ${joinWords(things)}`;
}
