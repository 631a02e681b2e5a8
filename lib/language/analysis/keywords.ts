import { FILLER_WORDS, type QueryText, type TokenSpan } from "../query-text";
import { cover } from "../span-cover";

export type KeywordSpan = TokenSpan & { phrase: string };

/**
 * Leftover content words — what no phase explained — become keywords for text search; adjacent
 * ones stay together ("time travel") because a phrase searches better than its words.
 */
export function leftoverKeywords(query: QueryText, taken: readonly boolean[], explained: readonly TokenSpan[]): KeywordSpan[] {
  const used = [...taken];
  for (const span of explained) cover(used, span);
  const keywords: KeywordSpan[] = [];
  let current: KeywordSpan | null = null;
  query.tokens.forEach((token, index) => {
    const content = !used[index] && !FILLER_WORDS.has(token) && token.length >= 3 && !/^\d+$/.test(token);
    if (content && current && current.end === index) {
      current.end = index + 1;
      current.phrase += ` ${token}`;
    } else if (content) {
      current = { start: index, end: index + 1, phrase: token };
      keywords.push(current);
    }
  });
  return keywords;
}
