import assert from "node:assert/strict";
import { Agent, request } from "node:http";
import { test } from "node:test";
import { startNextServer } from "../../support/next-server";
import { childPids } from "./support/processes";
import { recordFigure } from "../../support/abuse-figures";

/** How one request ended: a status, or the error its connection gave. */
interface Outcome {
  startedAt: number;
  endedAt: number;
  status?: number;
  error?: string;
}

const QUERIES = ["comedy", "tom hanks", "movies like heat", "space adventure", "pixar", "western", "crime drama", "alien"];

/**
 * One POST /api/recommend with no client-side timeout, so a connection the server leaves open
 * shows up as a request that never ends (the test's sweep below ends and counts it).
 */
function recommend(port: number, agent: Agent | false, index: number, open: Set<() => void>): Promise<Outcome> {
  return new Promise((resolve) => {
    const startedAt = performance.now();
    const body = JSON.stringify({ query: QUERIES[index % QUERIES.length], limit: 10 });
    let settled = false;
    const settle = (outcome: Omit<Outcome, "startedAt" | "endedAt">) => {
      if (settled) return;
      settled = true;
      open.delete(abandon);
      resolve({ startedAt, endedAt: performance.now(), ...outcome });
    };
    const outgoing = request(
      { host: "127.0.0.1", port, path: "/api/recommend", method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
      (response) => {
        response.resume();
        response.on("end", () => settle({ status: response.statusCode }));
        response.on("error", (error) => settle({ error: (error as NodeJS.ErrnoException).code ?? error.message }));
      },
    );
    const abandon = () => {
      outgoing.destroy();
      settle({ error: "never answered" });
    };
    open.add(abandon);
    outgoing.on("error", (error) => settle({ error: (error as NodeJS.ErrnoException).code ?? error.message }));
    outgoing.end(body);
  });
}

test("a worker killed with SIGKILL under load: every request in flight ends (status or closed connection) and the server keeps serving", { timeout: 240_000 }, async () => {
  const server = await startNextServer({ REELCAST_WORKERS: "2", REELCAST_RATE_LIMIT: "off", OPENAI_API_KEY: "", OPENAI_BASE_URL: "" });
  try {
    await server.allWorkersServing();
    const port = Number(new URL(server.baseUrl).port);
    const outcomes: Outcome[] = [];
    const open = new Set<() => void>();
    let loading = true;
    // Keep-alive clients (each reuses its connection) and clients that open a new connection per
    // request: a kill then meets requests mid-answer, idle kept-alive connections and connections
    // the primary is handing to the worker.
    const keepAlive = new Agent({ keepAlive: true, maxSockets: 8 });
    const loop = async (agent: Agent | false, offset: number) => {
      for (let index = offset; loading; index += 7) outcomes.push(await recommend(port, agent, index, open));
    };
    const clients = [...Array.from({ length: 8 }, (_, index) => loop(keepAlive, index)), ...Array.from({ length: 8 }, (_, index) => loop(false, 100 + index))];

    // Three kills, each of the oldest worker (one that has been serving, not a replacement still
    // loading), with load before, between and after.
    const kills: Array<{ at: number; pid: number }> = [];
    const primary = server.process.pid!;
    for (let round = 0; round < 3; round++) {
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const workers = childPids(primary);
      assert.ok(workers.length >= 1, `no worker processes under ${primary}:\n${server.output()}`);
      const pid = workers[0];
      kills.push({ at: performance.now(), pid });
      process.kill(pid, "SIGKILL");
    }
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    loading = false;
    // A generous sweep: a request still open this long after the load stopped was left hanging.
    const sweepDeadline = performance.now() + 90_000;
    while (open.size > 0 && performance.now() < sweepDeadline) await new Promise((resolve) => setTimeout(resolve, 100));
    for (const abandon of [...open]) abandon();
    await Promise.all(clients);
    keepAlive.destroy();

    const hung = outcomes.filter((outcome) => outcome.error === "never answered");
    // A request is affected by a kill when it was in flight at that moment; its wait is from the
    // kill to its end (a status from the other worker, or the connection closing).
    let longestWaitMs = 0;
    let affected = 0;
    for (const kill of kills) {
      for (const outcome of outcomes) {
        if (outcome.startedAt <= kill.at && outcome.endedAt >= kill.at) {
          affected++;
          longestWaitMs = Math.max(longestWaitMs, outcome.endedAt - kill.at);
        }
      }
    }
    const statuses = new Map<string, number>();
    for (const outcome of outcomes) {
      const key = outcome.status !== undefined ? String(outcome.status) : `error ${outcome.error}`;
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
    }
    process.stdout.write(
      `[worker-death] ${outcomes.length} requests, ${kills.length} SIGKILLs; outcomes ${JSON.stringify(Object.fromEntries(statuses))}; ` +
        `in flight at a kill: ${affected}; longest wait from a kill to the end of such a request: ${Math.round(longestWaitMs)} ms; never answered: ${hung.length}\n`,
    );
    recordFigure({
      fault: "SIGKILL of a worker under load (3 kills, 2 workers, 8 keep-alive + 8 new-connection clients)",
      tried: outcomes.length,
      outcomes: Object.fromEntries(statuses),
      measured: { "requests in flight at a kill": affected, "longest wait from a kill to a status or closed connection (ms)": Math.round(longestWaitMs), "never answered": hung.length },
    });
    assert.equal(hung.length, 0, `requests left hanging after a worker died: ${hung.length}`);
    for (const outcome of outcomes) if (outcome.status !== undefined) assert.equal(outcome.status, 200);

    // Still serving, on new connections, with replacement workers.
    for (let index = 0; index < 20; index++) {
      const outcome = await recommend(port, false, index, new Set());
      assert.equal(outcome.status, 200, `after the kills: ${JSON.stringify(outcome)}\n${server.output()}`);
    }
    assert.equal((server.output().match(/exited \(SIGKILL\); starting a new one/g) ?? []).length, kills.length);
  } finally {
    await server.stop();
  }
});
