import type { Item } from "../../lib/catalog/item";
import { normaliseTitle } from "../../lib/retrieval/title-matcher";
import { satisfactionShare } from "./expected-constraints";
import type { RouterQuery } from "./router-fixture";

/**
 * The router evaluation's quality proxy of an answer to a labelled query, in [0, 1], or null when
 * the query has no expectation: the share of the answer meeting the expected hard constraints
 * (unknown values fail), 1/0 for "the expected title is in it", or the share crediting the
 * expected people. Shared by eval:router and eval:pacing.
 */
export function routerAnswerQuality(query: RouterQuery, answer: readonly Item[]): number | null {
  if (query.expected) return satisfactionShare(answer, query.expected);
  if (query.expectedTitle) {
    const wanted = normaliseTitle(query.expectedTitle);
    return answer.some((item) => [item.title, ...item.aliases].some((title) => normaliseTitle(title) === wanted)) ? 1 : 0;
  }
  if (query.expectedPeople) {
    const people = query.expectedPeople;
    return answer.length === 0 ? 0 : answer.filter((item) => people.some((name) => item.cast.includes(name) || item.directors.includes(name))).length / answer.length;
  }
  return null;
}
