/**
 * The cluster primary's half of GET /api/metrics (scripts/serve.mjs): a worker that received a
 * scrape asks the primary, the primary asks every ready worker for its registry as JSON
 * (lib/metrics/server-metrics.ts answers), sums them with prom-client's AggregatorRegistry.aggregate
 * (counters and histograms add; the budget gauges, the same in every worker, take the maximum)
 * and sends the text back. Own messages rather than AggregatorRegistry.clusterMetrics(): that one
 * asks every connected worker, and a worker still loading (or replaced after a crash) that has not
 * loaded the metrics yet would never answer, failing every scrape for five seconds; here only
 * ready workers are asked, each has WORKER_TIMEOUT_MS, and the sum says how many answered
 * (reelcast_metrics_processes). Plain JavaScript, like serve.mjs.
 */

/** How long the primary waits for one worker's counts before summing the others. */
const WORKER_TIMEOUT_MS = 3_000;

/** The message names lib/metrics/server-metrics.ts (METRICS_MESSAGES) uses. */
const COLLECT = "metrics-collect";
const COLLECTED = "metrics-collected";
const REQUEST = "metrics-request";
const TEXT = "metrics-text";

/**
 * Handles the metrics messages of the primary's workers. `readyWorkers()` names the workers that
 * serve. Returns whether the message was one of these.
 */
export function createMetricsAggregator(readyWorkers) {
  /** Per collection: the workers still to answer, their answers, and how to finish. */
  const collections = new Map();
  let collectionIds = 0;
  let aggregate = null;

  const render = async (answers) => {
    // prom-client is loaded on the first scrape only: the primary's start-up stays as it was.
    aggregate ??= (await import("prom-client")).AggregatorRegistry.aggregate;
    return aggregate(answers).metrics();
  };

  const start = (requester, requestId) => {
    const id = ++collectionIds;
    const workers = readyWorkers();
    const entry = { waiting: new Set(workers.map((worker) => worker.id)), answers: [], finished: false };
    const finish = () => {
      if (entry.finished) return;
      entry.finished = true;
      clearTimeout(entry.timer);
      collections.delete(id);
      render(entry.answers).then(
        (text) => requester.isConnected() && requester.send({ reelcast: TEXT, id: requestId, text }),
        (error) => requester.isConnected() && requester.send({ reelcast: TEXT, id: requestId, text: null, error: error.message }),
      );
    };
    entry.finish = finish;
    entry.timer = setTimeout(finish, WORKER_TIMEOUT_MS);
    collections.set(id, entry);
    for (const worker of workers) {
      worker.send({ reelcast: COLLECT, id }, (error) => {
        if (!error) return;
        entry.waiting.delete(worker.id);
        if (entry.waiting.size === 0) finish();
      });
    }
    if (entry.waiting.size === 0) finish();
  };

  return (worker, message) => {
    if (message?.reelcast === REQUEST) {
      start(worker, message.id);
      return true;
    }
    if (message?.reelcast === COLLECTED) {
      const entry = collections.get(message.id);
      if (entry && entry.waiting.delete(worker.id)) {
        if (Array.isArray(message.metrics) && !message.error) entry.answers.push(message.metrics);
        if (entry.waiting.size === 0) entry.finish();
      }
      return true;
    }
    return false;
  };
}
