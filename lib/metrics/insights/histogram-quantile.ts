/**
 * The q-quantile (0..1) of observations counted in buckets (not cumulative; counts[i] fell in
 * (bounds[i-1], bounds[i]], the last past every bound), interpolated linearly inside its bucket,
 * as Prometheus' histogram_quantile does. The first bucket starts at 0; a quantile in the last,
 * open bucket is reported as the largest bound (a floor: "at least"). Null when nothing was counted.
 */
export function histogramQuantile(q: number, bounds: readonly number[], counts: readonly number[]): number | null {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total <= 0) return null;
  const rank = Math.min(Math.max(q, 0), 1) * total;
  let below = 0;
  for (let index = 0; index < counts.length; index++) {
    const count = counts[index];
    if (count > 0 && below + count >= rank) {
      if (index >= bounds.length) return bounds[bounds.length - 1] ?? null;
      const lower = index === 0 ? 0 : bounds[index - 1];
      const upper = bounds[index];
      return lower + (upper - lower) * ((rank - below) / count);
    }
    below += count;
  }
  return bounds[bounds.length - 1] ?? null;
}
