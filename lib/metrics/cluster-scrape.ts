import cluster from "node:cluster";
import { METRICS_MESSAGES, serverMetrics } from "./server-metrics";

/** How long a scrape waits for the primary's sum (the primary waits up to 3 s for each worker). */
const SCRAPE_TIMEOUT_MS = 6_000;

let requests = 0;

/**
 * The metrics text of the whole server: in a cluster worker, the sum of every worker's counts,
 * which the primary gathers over IPC (scripts/serve/metrics-aggregator.mjs); in a single process
 * (REELCAST_WORKERS=1, `next dev`), this process's own.
 */
export async function scrapeMetrics(): Promise<{ text: string; contentType: string }> {
  const { registry } = serverMetrics();
  if (!cluster.isWorker || !process.send) return { text: await registry.metrics(), contentType: registry.contentType };
  const id = ++requests;
  const text = await new Promise<string>((resolve, reject) => {
    const onMessage = (message: { reelcast?: string; id?: number; text?: string | null; error?: string } | null) => {
      if (message?.reelcast !== METRICS_MESSAGES.text || message.id !== id) return;
      done();
      if (typeof message.text === "string") resolve(message.text);
      else reject(new Error(`the cluster primary could not sum the workers' metrics: ${message.error ?? "no answer"}`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error("the cluster primary did not answer the metrics request"));
    }, SCRAPE_TIMEOUT_MS);
    const done = () => {
      clearTimeout(timer);
      process.off("message", onMessage);
    };
    process.on("message", onMessage);
    process.send!({ reelcast: METRICS_MESSAGES.request, id });
  });
  return { text, contentType: registry.contentType };
}
