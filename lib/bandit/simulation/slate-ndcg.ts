/**
 * NDCG of a shown order against the simulated person's true taste: how much of the best
 * achievable ranking quality the order keeps. The gain of an item is its true affinity above the
 * person's average candidate, max(0, z) (z = all-history affinity z-scored over their pool), so
 * items they like less than average add nothing and the best ones add most. Discount 1/log2(p + 2)
 * for 0-based slot p, the same as the simulator's examination probability.
 */
export function trueGain(affinity: number): number {
  return Math.max(0, affinity);
}

/**
 * NDCG@k of `shown` (item indexes, slot order) where the ideal is the best `k` gains among
 * `candidates` (the items that could have been shown). `gain(item)` must be ≥ 0. Returns null
 * when no candidate has a positive gain (nothing to rank; such requests are left out of means).
 * Throws a RangeError for k < 1.
 */
export function slateNdcg(shown: readonly number[], candidates: readonly number[], gain: (itemIndex: number) => number, k: number): number | null {
  if (!(k >= 1)) throw new RangeError(`NDCG needs k ≥ 1, got ${k}.`);
  const discount = (position: number) => 1 / Math.log2(position + 2);
  const ideal = candidates.map(gain).sort((left, right) => right - left);
  let idealDcg = 0;
  for (let position = 0; position < Math.min(k, ideal.length); position++) idealDcg += ideal[position] * discount(position);
  if (!(idealDcg > 0)) return null;
  let dcg = 0;
  for (let position = 0; position < Math.min(k, shown.length); position++) dcg += gain(shown[position]) * discount(position);
  return dcg / idealDcg;
}
