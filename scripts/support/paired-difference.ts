/**
 * Paired comparison of two models over the same people: the mean of the per-person differences
 * (model − baseline), its standard error (sample standard deviation / √n), and how many people
 * each side wins. Differences within 1e-12 count as ties.
 * @throws when the two lists differ in length or hold fewer than two people
 */
export function pairedDifference(model: readonly number[], baseline: readonly number[]): { mean: number; standardError: number; better: number; worse: number; count: number } {
  if (model.length !== baseline.length || model.length < 2) throw new Error(`pairedDifference: ${model.length} and ${baseline.length} values (need equal lengths ≥ 2)`);
  const differences = model.map((value, index) => value - baseline[index]);
  const mean = differences.reduce((sum, value) => sum + value, 0) / differences.length;
  const variance = differences.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (differences.length - 1);
  return {
    mean,
    standardError: Math.sqrt(variance / differences.length),
    better: differences.filter((value) => value > 1e-12).length,
    worse: differences.filter((value) => value < -1e-12).length,
    count: differences.length,
  };
}
