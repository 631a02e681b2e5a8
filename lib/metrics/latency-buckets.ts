/**
 * Upper bounds, in seconds, of the latency histograms (Prometheus `le`), shared by the
 * /api/metrics histograms and the stored snapshots so that both read the same way. Fine at the
 * bottom, where the fast path lives (1-10 ms), coarse past a second, where only LLM calls go.
 */
export const LATENCY_BUCKETS_SECONDS: readonly number[] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
