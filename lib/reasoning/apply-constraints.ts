import type { Item } from "../catalog/item";
import type { DirectionScores } from "../catalog/content-directions";
import { candidatePool, type Candidate } from "./candidate-pool";
import type { ConstraintSubject } from "./constraint-verdict";
import type { Constraints } from "./constraints";
import { directionPreference } from "./direction-preference";
import { hardChecks, isExclusion, type CheckStatus } from "./hard-checks";
import { hardConstraintFilter } from "./hard-constraint-filter";
import { relaxUntilEnough, type RelaxableCandidate, type RelaxationStep } from "./relaxation";
import { qualitySpread, softScorer } from "./soft-scores";

/** One candidate after constraints: its score and, by label, every hard constraint's verdict. */
export interface AppliedItem {
  itemIndex: number;
  /** Final score: 0.6 × normalised retrieval score + soft-constraint score. */
  score: number;
  /** Retrieval score scaled to [0, 1] by the best candidate's. */
  baseScore: number;
  softScore: number;
  /** Labels of hard constraints met, broken (only ever after a stated relaxation) or unverifiable. */
  satisfied: string[];
  violated: string[];
  unknown: string[];
  /** The same verdicts as data, one per hard constraint, in the order of `hardConstraints`. */
  verdicts: Array<{ subject: ConstraintSubject; status: CheckStatus }>;
  /** 0 when the item meets every hard constraint as stated; k after the k-th relaxation step. */
  relaxationLevel: number;
}

export interface ApplyOptions {
  /** Items wanted (the request's limit; constraints.count, when set, is the caller's to apply). */
  limit: number;
  /** Popularity per catalog item in [0, 1] (sort "popular", discovery); default from rating counts. */
  popularity?: ArrayLike<number>;
  /** Relax hard constraints when too few candidates meet them (default true). */
  relax?: boolean;
  /** Per-item content-axis percentiles, for `constraints.directions` ("less violent"); absent: directions score nothing. */
  directionScores?: DirectionScores;
}

export interface ApplyResult {
  items: AppliedItem[];
  /** Human-readable, in the order applied; empty when nothing had to be relaxed. */
  relaxations: string[];
  /** The relaxations that admitted items, as data, in the order applied (latest step per constraint). */
  relaxed: RelaxationStep[];
  /** Labels of the hard constraints as stated. */
  hardConstraints: string[];
  /** Candidates meeting every hard constraint as stated (before any relaxation). */
  strictCount: number;
  candidateCount: number;
}

/** Weight of retrieval relevance in the final score; soft evidence adds to it (lib/reasoning/soft-scores.ts). */
const BASE_WEIGHT = 0.6;
/** Items per relaxation level that get soft scores (the rest rank below by retrieval score alone). */
const SOFT_SCORED_PER_LEVEL = 300;

interface EvaluatedCandidate extends RelaxableCandidate {
  itemIndex: number;
  baseScore: number;
  soft: number;
  score: number;
}

/**
 * Applies constraints to retrieved candidates: hard constraints filter (lib/reasoning/hard-checks.ts),
 * soft ones score (soft-scores.ts). When fewer than `limit` candidates meet every hard
 * constraint, relaxes one step at a time until enough qualify (relaxation.ts; soft constraints
 * never filter, so there is nothing to drop first). Exclusions ("no romance", "not that one",
 * titles, people, keywords) are never relaxed: the answer gets shorter instead. Items that
 * qualify as stated always rank before relaxed ones, and every item lists what it satisfies,
 * violates (only ever because of a relaxation named in `relaxations`) and cannot be checked.
 */
export function applyConstraints(candidates: readonly Candidate[], items: readonly Item[], constraints: Constraints, options: ApplyOptions): ApplyResult {
  const limit = Math.max(1, Math.floor(options.limit));
  const checks = hardChecks(constraints);
  const pool = [...candidatePool(candidates, items, constraints)];
  const topScore = Math.max(0, ...pool.map(([, score]) => score));
  const soft = softScorer(
    constraints,
    items,
    pool.map(([itemIndex]) => itemIndex),
    options.popularity,
  );

  // Which candidates meet every hard constraint as stated, on flat arrays first. When enough do
  // (the usual case) nothing is relaxed, so only they need statuses and soft scores.
  const meetsAsStated = hardConstraintFilter(constraints, items);
  const strictPool = pool.filter(([itemIndex]) => meetsAsStated(itemIndex));
  const evaluatedPool = strictPool.length >= limit || options.relax === false ? strictPool : pool;

  // Statuses first (cheap); soft scores only for items that end up eligible.
  const neverRelaxed = checks.map(isExclusion);
  const evaluated: EvaluatedCandidate[] = [];
  for (const [itemIndex, rawScore] of evaluatedPool) {
    const item = items[itemIndex];
    const statuses: CheckStatus[] = new Array(checks.length);
    let hopeless = false;
    for (let index = 0; index < checks.length; index += 1) {
      statuses[index] = checks[index].status(item);
      // A broken exclusion can never be relaxed: skip the item in every later pass.
      if (neverRelaxed[index] && statuses[index] === "violated") hopeless = true;
    }
    const baseScore = topScore > 0 ? Math.max(0, rawScore) / topScore : 0;
    evaluated.push({ itemIndex, item, statuses, baseScore, soft: 0, score: 0, level: -1, hopeless });
  }
  const { strictCount, relaxations, relaxed } = relaxUntilEnough(evaluated, checks, constraints, { limit, relax: options.relax !== false, candidateCount: pool.length });

  // Soft scoring is the costly part; a relaxation step can admit thousands of catalog items, so
  // each level keeps only its best by retrieval score before soft scores are computed.
  const keepPerLevel = Math.max(SOFT_SCORED_PER_LEVEL, limit * 20);
  const byLevel = new Map<number, EvaluatedCandidate[]>();
  for (const entry of evaluated) {
    if (entry.level < 0) continue;
    const bucket = byLevel.get(entry.level) ?? [];
    bucket.push(entry);
    byLevel.set(entry.level, bucket);
  }
  const eligibleEntries = [...byLevel.values()].flatMap((bucket) =>
    bucket.length <= keepPerLevel ? bucket : bucket.sort((a, b) => b.baseScore - a.baseScore || a.itemIndex - b.itemIndex).slice(0, keepPerLevel),
  );
  // Directions and discovery are measured against the films still in play, so they are scored once these are known.
  const direction = directionPreference(constraints, options.directionScores, eligibleEntries, { popularity: soft.popularity, quality: (itemIndex) => qualitySpread(items[itemIndex]) });
  for (const entry of eligibleEntries) {
    entry.soft = soft.score(entry.itemIndex) + (direction?.(entry) ?? 0);
    entry.score = BASE_WEIGHT * entry.baseScore + entry.soft;
  }
  const selected = eligibleEntries
    .sort((a, b) => a.level - b.level || b.score - a.score || a.itemIndex - b.itemIndex)
    .slice(0, limit)
    .map((entry): AppliedItem => {
      const byStatus = (status: CheckStatus) => checks.filter((_, index) => entry.statuses[index] === status).map((check) => check.label);
      return {
        itemIndex: entry.itemIndex,
        score: entry.score,
        baseScore: entry.baseScore,
        softScore: entry.soft,
        satisfied: byStatus("satisfied"),
        violated: byStatus("violated"),
        unknown: byStatus("unknown"),
        verdicts: checks.map((check, index) => ({ subject: check.subject, status: entry.statuses[index] })),
        relaxationLevel: entry.level,
      };
    });
  return { items: selected, relaxations, relaxed, hardConstraints: checks.map((check) => check.label), strictCount, candidateCount: pool.length };
}
