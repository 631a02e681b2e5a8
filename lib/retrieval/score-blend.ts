/**
 * Blends of ranking scores from different models (e.g. WALS x·y and RP3beta walk probabilities),
 * which live on unrelated scales: each model's scores are standardised per user over the items
 * that can be recommended (mean 0, standard deviation 1), then added with fixed weights.
 */

/**
 * Standardises `scores` in place over the entries where `eligible[item]` is non-zero (mean 0,
 * standard deviation 1); other entries are left unchanged. A constant score vector becomes all
 * zeros (its standard deviation is taken as 1).
 * @returns the same array
 */
export function standardiseScores(scores: Float32Array, eligible: ArrayLike<number>): Float32Array {
  let count = 0;
  let sum = 0;
  for (let item = 0; item < scores.length; item += 1) {
    if (!eligible[item]) continue;
    count += 1;
    sum += scores[item];
  }
  if (count === 0) return scores;
  const mean = sum / count;
  let squares = 0;
  for (let item = 0; item < scores.length; item += 1) if (eligible[item]) squares += (scores[item] - mean) ** 2;
  const deviation = Math.sqrt(squares / count) || 1;
  for (let item = 0; item < scores.length; item += 1) if (eligible[item]) scores[item] = (scores[item] - mean) / deviation;
  return scores;
}

/**
 * Writes Σ_m weights[m] · standardise(components[m]) into `out` over the eligible items (others
 * get -Infinity, so rankers skip them). The components are standardised in place.
 * @throws when the number of weights and components differ
 */
export function blendStandardisedScores(components: readonly Float32Array[], weights: readonly number[], eligible: ArrayLike<number>, out: Float32Array): Float32Array {
  if (components.length !== weights.length) throw new Error(`blendStandardisedScores: ${components.length} components, ${weights.length} weights`);
  for (const component of components) standardiseScores(component, eligible);
  for (let item = 0; item < out.length; item += 1) {
    if (!eligible[item]) {
      out[item] = -Infinity;
      continue;
    }
    let sum = 0;
    for (let model = 0; model < components.length; model += 1) if (weights[model] !== 0) sum += weights[model] * components[model][item];
    out[item] = sum;
  }
  return out;
}
