/**
 * The production server: one Next.js server process per core behind node:cluster, because one
 * Node process runs JavaScript on one core and a recommendation is JavaScript work (a fast-path
 * answer is about 3 ms of CPU). The primary only hands connections out; each worker loads the
 * engine (catalog, indexes, bandit) before it accepts any, so a request never waits for loading.
 * Workers share state through the SQLite store: sessions are read per request, and each
 * worker's bandit follows the event log (lib/server/bandit-log-follower.ts).
 *
 *   node scripts/serve.mjs [--port 3000] [--hostname 0.0.0.0]
 *   REELCAST_WORKERS   worker processes (default: the number of cores, at most 8; 1 = no cluster)
 *
 * Plain JavaScript on purpose: workers start without a TypeScript loader in front of Next.
 */
import cluster from "node:cluster";
import { createServer } from "node:http";
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";

// A custom server must say it is production itself (`next start` does it for you).
process.env.NODE_ENV ??= "production";

const { values } = parseArgs({ options: { port: { type: "string" }, hostname: { type: "string" } }, strict: false });
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = String(values.hostname ?? process.env.HOSTNAME ?? "0.0.0.0");

/** Workers to run: REELCAST_WORKERS, else one per core (the cap keeps memory bounded on big machines). */
function workerCount() {
  const text = process.env.REELCAST_WORKERS?.trim();
  if (!text) return Math.min(availableParallelism(), 8);
  const count = Number(text);
  if (!Number.isInteger(count) || count < 1 || count > 64) {
    process.stderr.write(`REELCAST_WORKERS must be a whole number from 1 to 64, got ${JSON.stringify(text)}\n`);
    process.exit(1);
  }
  return count;
}

/** Loads Next and the engine, then serves on the shared port. */
async function serveWorker() {
  const { default: next } = await import("next");
  const app = next({ dev: false, hostname, port, dir: process.cwd() });
  const handle = app.getRequestHandler();
  await app.prepare();
  // Warm the engine through the real route on a private port before taking traffic: the
  // health route loads the catalog, indexes and bandit state (about half a second).
  const warmUp = createServer((request, response) => handle(request, response));
  await new Promise((resolve) => warmUp.listen({ port: 0, host: "127.0.0.1", exclusive: true }, resolve));
  const address = warmUp.address();
  const health = await fetch(`http://127.0.0.1:${address.port}/api/health`).catch((error) => ({ ok: false, status: 0, text: async () => String(error) }));
  warmUp.close();
  if (!health.ok) {
    // Serve anyway: every route answers with the engine's clear error (e.g. "run catalog:build").
    process.stderr.write(`[reelcast] worker ${process.pid}: engine not ready (${health.status}): ${await health.text()}\n`);
  }
  const server = createServer((request, response) => handle(request, response));
  // Node's default 5 s keep-alive can close a socket the client is about to reuse.
  server.keepAliveTimeout = 65_000;
  server.listen(port, hostname);
  // Graceful stop: finish the requests in flight, then exit (which also flushes the SQLite WAL).
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => {
      server.close(() => process.exit(0));
      server.closeIdleConnections();
      setTimeout(() => process.exit(0), 3_000).unref();
    });
  }
}

const workers = workerCount();
if (workers === 1) {
  await serveWorker();
  process.stdout.write(`[reelcast] serving on http://${hostname}:${port} (1 process)\n`);
} else if (cluster.isPrimary) {
  let listening = 0;
  let stopping = false;
  // One worker writes the bandit snapshots (all of them hold the same state); a replacement
  // for that worker inherits the job.
  let writerId = -1;
  const fork = (snapshotWriter) => {
    const worker = cluster.fork({ REELCAST_SNAPSHOT_WRITER: snapshotWriter ? "1" : "0", REELCAST_WORKER_COUNT: String(workers) });
    if (snapshotWriter) writerId = worker.id;
    return worker;
  };
  // The first worker loads alone, with every core to itself, so the server answers as soon as
  // possible; the others start once it serves (loading side by side, each took about half as long
  // again: two 0.5 s engine loads in parallel ended after 0.9 s here).
  fork(true);
  cluster.on("listening", () => {
    listening++;
    if (listening === 1) for (let index = 1; index < workers; index++) fork(false);
    if (listening === workers) process.stdout.write(`[reelcast] serving on http://${hostname}:${port} (${workers} worker processes)\n`);
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    // A crashed worker is replaced; the others keep serving meanwhile.
    process.stderr.write(`[reelcast] worker ${worker.process.pid} exited (${signal ?? code}); starting a new one\n`);
    fork(worker.id === writerId);
  });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
      setTimeout(() => process.exit(0), 5_000).unref();
      cluster.on("exit", () => {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      });
    });
  }
} else {
  await serveWorker();
}
