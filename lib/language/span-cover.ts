import type { TokenSpan } from "./query-text";

// Token-coverage bookkeeping shared by the detectors and the analysis phases: a detector keeps
// its phrases from overlapping, and a phase marks the tokens it has explained so later phases
// (and the leftover keywords) never read them twice.

export function overlaps(a: TokenSpan, b: TokenSpan): boolean {
  return a.start < b.end && b.start < a.end;
}

export function cover(taken: boolean[], span: TokenSpan): void {
  for (let index = span.start; index < span.end; index += 1) taken[index] = true;
}

export function isFree(taken: readonly boolean[], span: TokenSpan): boolean {
  for (let index = span.start; index < span.end; index += 1) if (taken[index]) return false;
  return true;
}

/** Marks the span taken when none of its tokens is yet, and says whether it did: "phrases never overlap", first offered first served. */
export function claim(taken: boolean[], span: TokenSpan): boolean {
  if (!isFree(taken, span)) return false;
  cover(taken, span);
  return true;
}

/** A coverage array with every given span marked. */
export function coverage(length: number, spans: readonly TokenSpan[]): boolean[] {
  const taken = new Array<boolean>(length).fill(false);
  for (const span of spans) cover(taken, span);
  return taken;
}
