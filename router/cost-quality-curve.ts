import type { RoutePath } from "./decide-route";

/** One point of the cost-quality curve: at this threshold, this share went to reasoning. */
export interface CurvePoint {
  threshold: number;
  /** Share of queries sent to the reasoning path, in [0, 1] (the cost axis). */
  reasoningShare: number;
  /** Mean answer quality over the judged queries, in [0, 1]. */
  quality: number;
}

export interface CostQualityCurve {
  points: CurvePoint[];
  allFast: CurvePoint;
  allReasoning: CurvePoint;
  /** Area under quality against reasoning share (trapezoids over [0, 1], ends included). */
  area: number;
  /** Lowest reasoning share whose quality is ≥ `targetShare` of all-reasoning quality. */
  chosen: CurvePoint | null;
  /** The best quality on the curve (it can beat all-reasoning when the fast path wins lookups). */
  peak: CurvePoint;
  /** Lowest reasoning share whose quality is ≥ `targetShare` of the peak. */
  chosenAgainstPeak: CurvePoint | null;
  targetShare: number;
}

export interface CurveInput<Q, I> {
  queries: ReadonlyArray<{ query: Q; score: number }>;
  /** Answers a query on a forced path (the pipeline with `route` forced, or a stand-in). */
  runQuery: (query: Q, path: RoutePath) => Promise<readonly I[]> | readonly I[];
  /** Quality of an answer for its query in [0, 1], or null when the query has no expectation. */
  quality: (query: Q, items: readonly I[]) => number | null;
  /** Thresholds to sweep (default 0, 0.05, …, 1). */
  thresholds?: readonly number[];
  /** Share of all-reasoning quality the chosen threshold must keep (default 0.95). */
  targetShare?: number;
}

const DEFAULT_THRESHOLDS = Array.from({ length: 21 }, (_, index) => Math.round(index * 5) / 100);

/**
 * RouteLLM-style cost-quality curve: every query is answered once on each path, then for each
 * threshold the router's decision (score ≥ threshold → reasoning) picks which answer counts.
 * Reasoning share is over all queries; quality over the queries with an expectation.
 */
export async function costQualityCurve<Q, I>(input: CurveInput<Q, I>): Promise<CostQualityCurve> {
  const targetShare = input.targetShare ?? 0.95;
  const judged: Array<{ score: number; fast: number | null; reasoning: number | null }> = [];
  for (const { query, score } of input.queries) {
    const fast = input.quality(query, await input.runQuery(query, "fast"));
    const reasoning = input.quality(query, await input.runQuery(query, "reasoning"));
    judged.push({ score, fast, reasoning });
  }
  const at = (threshold: number): CurvePoint => {
    let sent = 0;
    let qualitySum = 0;
    let qualityCount = 0;
    for (const entry of judged) {
      const reasoning = entry.score >= threshold;
      if (reasoning) sent += 1;
      const quality = reasoning ? entry.reasoning : entry.fast;
      if (quality !== null) {
        qualitySum += quality;
        qualityCount += 1;
      }
    }
    return { threshold, reasoningShare: judged.length ? sent / judged.length : 0, quality: qualityCount ? qualitySum / qualityCount : 0 };
  };
  const points = (input.thresholds ?? DEFAULT_THRESHOLDS).map(at);
  const allFast = at(Number.POSITIVE_INFINITY);
  const allReasoning = at(Number.NEGATIVE_INFINITY);
  allFast.threshold = 1.01;
  allReasoning.threshold = 0;
  const ordered = [allFast, ...points, allReasoning].sort((a, b) => a.reasoningShare - b.reasoningShare || a.quality - b.quality);
  let area = 0;
  for (let index = 1; index < ordered.length; index += 1) {
    area += ((ordered[index].reasoningShare - ordered[index - 1].reasoningShare) * (ordered[index].quality + ordered[index - 1].quality)) / 2;
  }
  const target = targetShare * allReasoning.quality;
  const chosen = [...points].filter((point) => point.quality >= target).sort((a, b) => a.reasoningShare - b.reasoningShare || b.quality - a.quality)[0] ?? null;
  const peak = [...points, allFast, allReasoning].sort((a, b) => b.quality - a.quality || a.reasoningShare - b.reasoningShare)[0];
  const chosenAgainstPeak = [...points].filter((point) => point.quality >= targetShare * peak.quality).sort((a, b) => a.reasoningShare - b.reasoningShare || b.quality - a.quality)[0] ?? null;
  return { points, allFast, allReasoning, area, chosen, peak, chosenAgainstPeak, targetShare };
}
