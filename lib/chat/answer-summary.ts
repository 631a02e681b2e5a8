import type { RecommendResponse } from "../pipeline/contract";

/** The short text part of an answer: how many picks, for what, and by which path. */
export function answerSummary(query: string, response: RecommendResponse): string {
  const count = response.items.length;
  const quoted = query.length > 60 ? `${query.slice(0, 59).trimEnd()}…` : query;
  if (count === 0) return `No films matched “${quoted}”. Try other words, a title, a person or a genre.`;
  const picks = count === 1 ? "1 pick" : `${count} picks`;
  const how = response.route.path === "reasoning" ? `, reasoned${response.route.reasoner ? ` by the ${response.route.reasoner} reasoner` : ""}` : "";
  return `${picks} for “${quoted}”${how}.`;
}
