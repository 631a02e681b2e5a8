/** `text` with every regular-expression character escaped, to match it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A regex alternation matching any of `phrases` literally, longest first, so that where two
 * start at the same place the longer wins ("action packed" over "action").
 */
export function longestFirstAlternation(phrases: Iterable<string>): string {
  return [...phrases]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|");
}
