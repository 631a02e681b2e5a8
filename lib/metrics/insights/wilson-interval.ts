/** z for a two-sided 95 % interval. */
const Z_95 = 1.959963984540054;

/**
 * The Wilson score interval of a rate: `successes` out of `trials` (successes may be fractional:
 * a click rewards 0.5, and the reward per shown slot lies in [0, 1], which the interval treats as
 * a proportion). Stays inside [0, 1] and is sensible for small counts and rates near 0, where the
 * normal approximation is not. Null when there are no trials.
 */
export function wilsonInterval(successes: number, trials: number, z = Z_95): { rate: number; low: number; high: number } | null {
  if (!(trials > 0)) return null;
  const rate = Math.min(Math.max(successes / trials, 0), 1);
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (rate + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((rate * (1 - rate)) / trials + z2 / (4 * trials * trials))) / denominator;
  return { rate, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
