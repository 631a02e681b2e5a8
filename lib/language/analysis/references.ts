import type { TitleInQuery } from "../query-analysis";
import { FILLER_WORDS, type QueryText, type TokenSpan } from "../query-text";

const TWIST_WORDS = new Set(["but", "except", "only", "though", "although", "yet", "however", "instead", "minus", "without", "just", "and", "with", "set", "made", "in", "from"]);
/** Words that open a modifier and say nothing themselves ("like Heat but in the 90s" → "in the 90s"). */
const MODIFIER_OPENERS = new Set(["but", "except", "only", "though"]);

/**
 * Phase 5 — what a reference should change. Sets each reference's modifier (the words after
 * "but"/"except"/"set in"/… up to the next reference, or the constraints stated elsewhere in the
 * request) and returns whether the request twists its references: two references blended ("Alien
 * meets Die Hard") or one with a change ask for something none of them is.
 */
export function attachReferenceModifiers(query: QueryText, titles: TitleInQuery[], constraintSpans: readonly TokenSpan[]): boolean {
  let twist = titles.filter((title) => title.role === "reference").length >= 2;
  for (const title of titles) {
    if (title.role !== "reference") continue;
    const after = query.tokens.slice(title.end);
    const cut = after.findIndex((token) => TWIST_WORDS.has(token));
    const nextReference = titles.find((other) => other.role === "reference" && other.start > title.end);
    const stop = nextReference ? nextReference.start - title.end : after.length;
    const outside = constraintSpans.filter((span) => span.start >= title.end || span.end <= title.start);
    if (outside.length > 0) twist = true;
    if (cut >= 0 && cut < stop) {
      const words = after.slice(cut, stop);
      const modifier = (MODIFIER_OPENERS.has(words[0]) ? words.slice(1) : words).join(" ").trim();
      // "Alien and Die Hard": a joining word alone changes nothing.
      const onlyJoins = modifier.split(" ").every((word) => word === "" || FILLER_WORDS.has(word) || word === "plus");
      if (modifier && !onlyJoins) {
        title.modifier = modifier;
        twist = true;
      }
    } else if (outside.length > 0) {
      title.modifier = [...outside]
        .sort((a, b) => a.start - b.start)
        .map((span) => query.tokens.slice(span.start, span.end).join(" "))
        .join(", ");
    }
  }
  return twist;
}
