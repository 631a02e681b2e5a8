import type { DirectionScores } from "../catalog/content-directions";
import type { Constraints } from "./constraints";

/**
 * Soft-score weight per standard deviation of a content axis among the candidates, at amount 1,
 * for the most relevant candidate (it scales with relevance). Chosen with `npm run eval:directions
 * -- --sweep` on 24 reference requests, not on the labelled films: at 0.15 the top 10 of "like X
 * but less violent" moves from the 76th to the 35th violence percentile with 7 of its 10 films
 * from the plain "like X" top 30; at 0.3 it reaches the 9th but keeps only 4 (gentle films far
 * from X take over); at 0.05 it barely moves (61st).
 */
export const DIRECTION_WEIGHT = 0.15;
/** A candidate's deviation counts up to this many SDs, so one extreme film cannot dominate. */
const MAX_DEVIATION = 2;

/** A candidate as constraint application sees it: its catalog index and relevance in [0, 1]. */
export interface ScoredCandidate {
  itemIndex: number;
  baseScore: number;
}

/**
 * The soft score of a request's moves along axes — content directions ("less violent", "darker",
 * "not too scary") and popularity (the discovery knob, "less popular", "hidden gems") — over the
 * candidates still in play. Each axis is measured against those candidates, weighted by
 * relevance (mean and spread of their percentiles), so "less violent" means less violent than
 * the usual answer to this request, whether that is Pulp Fiction's neighbours or family
 * comedies. With a reference ("like X but less violent") the bonus is scaled by the candidate's
 * relevance, which then means closeness to X, so a gentle film X's fans merely also liked cannot
 * jump over X's relatives; without one the hard constraints already say what kind of film is
 * wanted, and relevance is mostly popularity, which the wish may override ("darker comedies"
 * should reach past Aladdin). Directions re-order, never filter. Null when there is nothing to score.
 */
export function directionPreference(
  constraints: Pick<Constraints, "directions" | "references" | "discovery">,
  scores: DirectionScores | undefined,
  pool: readonly ScoredCandidate[],
  measures: { popularity?: (itemIndex: number) => number; quality?: (itemIndex: number) => number } = {},
): ((candidate: ScoredCandidate) => number) | null {
  const { popularity, quality } = measures;
  /** `guard` scales what an item gains (never what it loses) on that axis. */
  const axes: Array<{ value: (itemIndex: number) => number; weight: number; guard?: (itemIndex: number) => number }> = [];
  if (scores) {
    for (const { direction, towards, amount } of constraints.directions) {
      const values = scores[direction];
      axes.push({ value: (itemIndex) => values[itemIndex], weight: (towards === "more" ? 1 : -1) * DIRECTION_WEIGHT * amount });
    }
  }
  // The discovery knob is a move along popularity: "less popular" (0.75) as far down it as "less
  // violent" moves down violence, the knob at 1 twice as far, 0.5 not at all, 0 twice as far up.
  // What an obscure film gains is scaled by how well it is rated: a hidden gem, not merely unseen
  // (else "less popular comedies" shows Comedy Central roasts that match the word "comedy").
  if (popularity && constraints.discovery !== null && constraints.discovery !== 0.5) {
    axes.push({ value: popularity, weight: -4 * (constraints.discovery - 0.5) * DIRECTION_WEIGHT, guard: quality });
  }
  let totalWeight = 0;
  for (const { baseScore } of pool) totalWeight += baseScore;
  if (axes.length === 0 || totalWeight <= 0) return null;
  const nearReference = constraints.references.length > 0;
  const terms = axes.map(({ value, weight, guard }) => {
    let mean = 0;
    for (const { itemIndex, baseScore } of pool) mean += baseScore * value(itemIndex);
    mean /= totalWeight;
    let variance = 0;
    for (const { itemIndex, baseScore } of pool) variance += baseScore * (value(itemIndex) - mean) ** 2;
    // A pool of near-identical films has no spread to move along: a floor keeps it from exploding.
    const spread = Math.max(0.05, Math.sqrt(variance / totalWeight));
    return { value, mean, spread, weight, guard };
  });
  return ({ itemIndex, baseScore }) => {
    let score = 0;
    for (const { value, mean, spread, weight, guard } of terms) {
      const term = weight * Math.max(-MAX_DEVIATION, Math.min(MAX_DEVIATION, (value(itemIndex) - mean) / spread));
      score += term > 0 && guard ? term * guard(itemIndex) : term;
    }
    return nearReference ? score * baseScore : score;
  };
}
