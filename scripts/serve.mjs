/**
 * The production server: one Next.js server process per core behind node:cluster, because one
 * Node process runs JavaScript on one core and a recommendation is JavaScript work (a fast-path
 * answer is about 3 ms of CPU). The primary only accepts connections and hands each one to a
 * worker; each worker loads the engine (catalog, indexes, bandit) before it takes any, so a
 * request never waits for loading. Workers share state through the SQLite store: sessions are
 * read per request, and each worker's bandit follows the event log
 * (lib/server/bandit-log-follower.ts). The primary also keeps the fair-use counters
 * (lib/server/fair-use.ts) for every worker, in memory.
 *
 *   node scripts/serve.mjs [--port 3000] [--hostname 0.0.0.0]
 *   REELCAST_WORKERS      worker processes (default: the number of cores, at most 8; 1 = no cluster)
 *   REELCAST_TRUST_PROXY  1 = the client is the last X-Forwarded-For hop (only behind a proxy that sets it)
 *   REELCAST_RATE_LIMIT   off = no fair-use limits (benches, evals, tests about other things)
 *   REELCAST_LEAN_API     0 = POST /api/recommend and /api/feedback through Next too (see loadLeanApi)
 *
 * Plain JavaScript on purpose: workers start without a TypeScript loader in front of Next.
 */
import cluster from "node:cluster";
import { createServer } from "node:http";
import { createServer as createTcpServer } from "node:net";
import { availableParallelism } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { refuseEarly } from "./serve/early-limits.mjs";
import { createMetricsAggregator } from "./serve/metrics-aggregator.mjs";

// A custom server must say it is production itself (`next start` does it for you).
process.env.NODE_ENV ??= "production";

const { values } = parseArgs({ options: { port: { type: "string" }, hostname: { type: "string" } }, strict: false });
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = String(values.hostname ?? process.env.HOSTNAME ?? "0.0.0.0");

/** The header lib/server/client-address.ts reads: the address fair use counts a request against. */
const CLIENT_ADDRESS_HEADER = "x-reelcast-client-address";
const trustProxy = process.env.REELCAST_TRUST_PROXY === "1";
const rateLimitOff = process.env.REELCAST_RATE_LIMIT?.trim().toLowerCase() === "off";

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

/**
 * Who sent the request: the connection's peer (an IPv4 address mapped into IPv6 written as plain
 * IPv4), or with REELCAST_TRUST_PROXY=1 the last X-Forwarded-For hop, the one the proxy in front
 * added (earlier hops are whatever the client wrote). Any copy of the header the client sent is
 * replaced, so nobody picks the address their requests count against.
 */
function setClientAddress(request) {
  let address = request.socket.remoteAddress ?? "";
  if (trustProxy) {
    const forwarded = request.headers["x-forwarded-for"];
    const last = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? "")).split(",").at(-1)?.trim();
    if (last) address = last;
  }
  request.headers[CLIENT_ADDRESS_HEADER] = address.startsWith("::ffff:") ? address.slice(7) : address;
}

/**
 * Tells the metrics (lib/metrics/server-metrics.ts, which installs the hook on globalThis when the
 * engine loads) how each request went once its connection is done with it: every request passes
 * here, whether the lean handler or Next answers it. Until the hook exists (the warm-up), nothing.
 */
const REQUEST_OBSERVER_HOOK = Symbol.for("reelcast.observe-request");
function observeRequest(request, response) {
  const target = request.url;
  const started = performance.now();
  response.once("close", () => globalThis[REQUEST_OBSERVER_HOOK]?.(target, response.statusCode, response.headersSent, (performance.now() - started) / 1000));
}

/** Loads Next and the engine; resolves with the request handler once a warm-up request succeeded. */
async function loadApp() {
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
  return handle;
}

/**
 * The lean API handler, lib/server/lean-api.ts bundled beside the Next build by the build step
 * (scripts/support/build-lean-api.ts, run by `npm run build`, `npm start` and `npm test`): POST
 * /api/recommend and /api/feedback answered by the same endpoints as the Next routes, without
 * Next's routing, web Request/Response objects and body streams (a fast answer's framework cost
 * was more than its pipeline's). Null when REELCAST_LEAN_API=0 or the bundle is missing, and then
 * Next's routes answer those paths, alike.
 */
async function loadLeanApi() {
  if (process.env.REELCAST_LEAN_API?.trim() === "0") return null;
  const bundle = path.join(process.cwd(), ".next", "reelcast-lean-api.mjs");
  try {
    const { handleLeanRequest } = await import(pathToFileURL(bundle).href);
    return handleLeanRequest;
  } catch (error) {
    process.stderr.write(
      `[reelcast] worker ${process.pid}: no lean API handler (${error.message}); /api/recommend and /api/feedback go through Next (npm run build makes ${path.relative(process.cwd(), bundle)})\n`,
    );
    return null;
  }
}

/**
 * The HTTP server around Next's handler, the same for a worker and for the single process. The
 * lean API handler takes its two routes once `useLeanApi` has loaded it; until then, and for
 * every other request, Next answers.
 */
function createAppServer(handle) {
  let leanApi = null;
  const server = createServer((request, response) => {
    observeRequest(request, response);
    setClientAddress(request);
    if (refuseEarly(request, response)) return;
    if (!leanApi) return handle(request, response);
    leanApi(request, response).then(
      (answered) => answered || handle(request, response),
      // The endpoints answer their own errors; a failure to write the answer leaves only this.
      () => response.destroy(),
    );
  });
  /**
   * Loads the lean handler after the server is ready: importing it costs about 0.3 s of CPU
   * (parsing the pipeline a second time beside Next's bundles), which would otherwise add to the
   * cold start; the Next routes answer those paths alike meanwhile.
   */
  server.useLeanApi = async () => {
    leanApi = await loadLeanApi();
  };
  // Node's default 5 s keep-alive can close a socket the client is about to reuse.
  server.keepAliveTimeout = 65_000;
  return server;
}

/** REELCAST_WORKERS=1: one process that listens itself. */
async function serveAlone() {
  const server = createAppServer(await loadApp());
  await new Promise((resolve) => server.listen(port, hostname, resolve));
  await server.useLeanApi();
  // Graceful stop: finish the requests in flight, then exit (which also flushes the SQLite WAL).
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => {
      server.close(() => process.exit(0));
      server.closeIdleConnections();
      setTimeout(() => process.exit(0), 3_000).unref();
    });
  }
  process.stdout.write(`[reelcast] serving on http://${hostname}:${port} (1 process)\n`);
}

/**
 * A cluster worker: the primary sends it connections over IPC; it acknowledges each at once so
 * that the primary closes its copy (until then the primary keeps it, and closes it should this
 * worker die first: a connection never outlives the process holding it unanswered).
 */
async function serveWorker() {
  const server = createAppServer(await loadApp());
  const connections = new Set();
  let stopping = false;
  // Requests in progress per connection, for a graceful stop that does not cut one short.
  const active = new WeakMap();
  server.on("request", (request, response) => {
    const socket = request.socket;
    active.set(socket, (active.get(socket) ?? 0) + 1);
    response.once("close", () => {
      const left = active.get(socket) - 1;
      active.set(socket, left);
      if (stopping && left === 0) socket.end();
    });
  });
  process.on("message", (message, socket) => {
    if (message?.reelcast !== "connection") return;
    process.send({ reelcast: "accepted", id: message.id });
    // No socket when the client hung up before the handle crossed over.
    if (!socket) return;
    if (stopping) return void socket.destroy();
    connections.add(socket);
    socket.once("close", () => {
      connections.delete(socket);
      if (stopping && connections.size === 0) process.exit(0);
    });
    // Node's HTTP server turns Nagle's algorithm off only for connections its own listener
    // accepted. Without this, a response written in more than one piece (every Next.js answer:
    // head, then body) waits for the client's delayed ACK on a kept-alive connection: 40 ms per
    // request (GET /api/health served 22 req/s on one connection, 250 with this line).
    socket.setNoDelay(true);
    server.emit("connection", socket);
    // The primary accepted it paused so that no byte is read before the handoff.
    socket.resume();
  });
  // Graceful stop: no new connections come (the primary stopped accepting); idle kept-alive
  // connections close now, busy ones after their answer; then exit (which also flushes the WAL).
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => {
      stopping = true;
      for (const socket of connections) if (!active.get(socket)) socket.end();
      if (connections.size === 0) process.exit(0);
      setTimeout(() => process.exit(0), 3_000).unref();
    });
  }
  process.send({ reelcast: "ready" });
  await server.useLeanApi();
}

/**
 * The primary: accepts every connection itself (paused, nothing read) and passes it to a ready
 * worker in turn (the same one message and one acknowledgement per connection as node:cluster's
 * round-robin). It keeps its copy until the worker acknowledges; if the worker dies first, those
 * copies close (or, when never sent, go to another worker), so a client sees an answer or a
 * closed connection, never a connection left open by nobody. (node:cluster's own round-robin
 * keeps such a connection open forever: measured in tests/abuse/worker-death.test.ts.)
 */
async function servePrimary(workers) {
  if (!rateLimitOff) {
    // One set of fair-use counters for all workers (their RateLimiterCluster asks this one).
    const { RateLimiterClusterMaster } = await import("rate-limiter-flexible");
    new RateLimiterClusterMaster();
  }
  let stopping = false;
  /** Workers that loaded the engine and take connections, in the order they get them. */
  const ready = [];
  let turn = 0;
  /** Connections accepted while no worker was ready (at start, or when every worker died at once). */
  const waiting = [];
  /** Per worker id: connections sent (or queued to send) and not yet acknowledged. */
  const unacknowledged = new Map();
  let connectionIds = 0;
  // GET /api/metrics in any worker: the sum of every ready worker's counts.
  const metricsMessage = createMetricsAggregator(() => ready);

  const hand = (socket) => {
    if (socket.destroyed) return;
    const worker = ready.length === 0 ? undefined : ready[turn++ % ready.length];
    if (!worker) return void waiting.push(socket);
    const id = ++connectionIds;
    const entry = { socket, sent: false };
    unacknowledged.get(worker.id)?.set(id, entry);
    // Sent as a bare connection: with its server attached, Node would also track it across
    // processes (a message back each time a worker's connection count drops to zero).
    socket.server = null;
    // keepOpen: our copy stays open until the worker says it has its own (see above).
    worker.send({ reelcast: "connection", id }, socket, { keepOpen: true }, (error) => {
      if (error) {
        unacknowledged.get(worker.id)?.delete(id);
        socket.destroy();
      } else entry.sent = true;
    });
  };

  const listener = createTcpServer({ pauseOnConnect: true }, hand);
  listener.on("error", (error) => {
    process.stderr.write(`[reelcast] cannot listen on ${hostname}:${port}: ${error.message}\n`);
    process.exit(1);
  });

  // One worker writes the bandit snapshots (all of them hold the same state); a replacement
  // for that worker inherits the job.
  let writerId = -1;
  let everReady = 0;
  const fork = (snapshotWriter) => {
    const worker = cluster.fork({ REELCAST_SNAPSHOT_WRITER: snapshotWriter ? "1" : "0", REELCAST_WORKER_COUNT: String(workers) });
    if (snapshotWriter) writerId = worker.id;
    unacknowledged.set(worker.id, new Map());
    worker.on("message", (message) => {
      if (message?.reelcast === "accepted") {
        const entry = unacknowledged.get(worker.id)?.get(message.id);
        unacknowledged.get(worker.id)?.delete(message.id);
        // The worker holds its own descriptor now; ours closes without touching the connection.
        entry?.socket.destroy();
      } else if (message?.reelcast === "ready") {
        ready.push(worker);
        everReady++;
        if (everReady === 1) {
          listener.listen(port, hostname);
          // The first worker loads alone, with every core to itself, so the server answers as
          // soon as possible; the others start once it serves (loading side by side, each took
          // about half as long again: two 0.5 s engine loads in parallel ended after 0.9 s here).
          for (let index = 1; index < workers; index++) fork(false);
        }
        if (everReady === workers) process.stdout.write(`[reelcast] serving on http://${hostname}:${port} (${workers} worker processes)\n`);
        for (const socket of waiting.splice(0)) hand(socket);
      } else metricsMessage(worker, message);
    });
    return worker;
  };
  fork(true);

  cluster.on("exit", (worker, code, signal) => {
    const index = ready.indexOf(worker);
    if (index >= 0) ready.splice(index, 1);
    // Sent and unacknowledged: the worker may have read from it, so it closes (the client sees
    // the connection end). Never sent: nobody touched it, another worker answers it.
    const entries = unacknowledged.get(worker.id) ?? new Map();
    unacknowledged.delete(worker.id);
    for (const entry of entries.values()) {
      if (entry.sent || stopping) entry.socket.destroy();
      else hand(entry.socket);
    }
    if (stopping) return;
    // A crashed worker is replaced; the others keep serving meanwhile.
    process.stderr.write(`[reelcast] worker ${worker.process.pid} exited (${signal ?? code}); starting a new one\n`);
    fork(worker.id === writerId);
  });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      stopping = true;
      listener.close();
      for (const socket of waiting.splice(0)) socket.destroy();
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
      setTimeout(() => process.exit(0), 5_000).unref();
      cluster.on("exit", () => {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      });
    });
  }
}

const workers = workerCount();
if (workers === 1) await serveAlone();
else if (cluster.isPrimary) await servePrimary(workers);
else await serveWorker();
