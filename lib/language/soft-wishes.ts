import { matchPhrases, queryText, type QueryText, type TokenSpan } from "./query-text";

/**
 * "ideally from the 70s", "preferably in Dutch", "below 1.5 hours would be nice": words that turn
 * what they govern into a preference. A cue before governs the words after it, a cue after the
 * words before it, up to SCOPE_TOKENS either way; the reasoner makes constraints found there soft.
 */
const LEADING_CUES = /\b(ideally|preferably|bonus points if|bonus if|extra points if|it would be nice if|would be nice if|nice if|better if|id prefer|i would prefer|i prefer|prefer)\b/g;
const TRAILING_CUES = /\b(would be nice|would be great|would be ideal|would be a plus|is a plus|a plus|is a bonus|if possible|preferred|preferably|ideally|would be good)\b/g;
/** How far a cue reaches, in tokens. */
const SCOPE_TOKENS = 10;

/**
 * Token index where each clause of the original request starts (after , ; . ! ? and dashes), so a
 * cue's reach stops at the clause: "documentaries; below 1.5 hours would be nice" keeps the genre hard.
 */
function clauseStarts(query: QueryText): number[] {
  const starts: number[] = [0];
  let tokens = 0;
  // A full stop ends a clause only before a space: "1.5 hours" is one number.
  for (const clause of query.original.split(/[,;!?]|\.(?=\s|$)|\s[-–—]\s/)) {
    tokens += queryText(clause).tokens.length;
    starts.push(tokens);
  }
  return starts;
}

/** The token ranges a preference cue governs (possibly overlapping), in query order. */
export function findSoftScopes(query: QueryText): TokenSpan[] {
  const scopes: TokenSpan[] = [];
  const clauses = clauseStarts(query);
  const clauseStart = (token: number) => Math.max(...clauses.filter((start) => start <= token));
  const clauseEnd = (token: number) => Math.min(query.tokens.length, ...clauses.filter((start) => start > token));
  // "ideally" leads ("ideally a fantasy movie") unless it ends its clause ("a fantasy movie ideally").
  const leading = matchPhrases(query, LEADING_CUES).filter(({ start, end }) => end < clauseEnd(start));
  for (const { start, end } of leading) scopes.push({ start: end, end: Math.min(clauseEnd(start), end + SCOPE_TOKENS) });
  for (const { start } of matchPhrases(query, TRAILING_CUES)) {
    // A cue that also leads already governs what follows.
    if (leading.some((cue) => cue.start === start)) continue;
    scopes.push({ start: Math.max(clauseStart(start), start - SCOPE_TOKENS), end: start });
  }
  return scopes.sort((a, b) => a.start - b.start);
}

/** True when `span` lies inside one of the scopes. */
export function inSoftScope(span: TokenSpan, scopes: readonly TokenSpan[]): boolean {
  return scopes.some((scope) => span.start >= scope.start && span.end <= scope.end);
}
