import assert from "node:assert/strict";
import { Agent, request } from "node:http";
import { test } from "node:test";
import { startNextServer } from "../../support/next-server";
import { recordFigure } from "../../support/abuse-figures";

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * One request from `localAddress` (Linux loopback answers on every 127.x address, so each is a
 * client of its own). A connection that closes instead of answering comes back as status 0.
 */
function send(port: number, agent: Agent, localAddress: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve) => {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const outgoing = request(
      {
        host: "127.0.0.1",
        port,
        path,
        method,
        agent,
        localAddress,
        headers: { ...(text ? { "content-type": "application/json", "content-length": String(Buffer.byteLength(text)) } : {}), ...headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", (error) => resolve({ status: 0, headers: {}, body: String(error) }));
      },
    );
    outgoing.on("error", (error) => resolve({ status: 0, headers: {}, body: String(error) }));
    outgoing.end(text);
  });
}

interface Tally {
  requests: number;
  statuses: Record<string, number>;
  tooMany: Reply[];
}

const tally = (): Tally => ({ requests: 0, statuses: {}, tooMany: [] });
function count(into: Tally, reply: Reply) {
  into.requests++;
  into.statuses[reply.status] = (into.statuses[reply.status] ?? 0) + 1;
  if (reply.status === 429 && into.tooMany.length < 50) into.tooMany.push(reply);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Limits lowered so that one client at full speed meets them within seconds on two cores.
const RATE = 10;
const BURST = 10;
const BURST_WINDOW_SECONDS = 10;
const NEW_SESSIONS_PER_HOUR = 5;

test("fair use: a client at full speed gets 429s, a steady client beside it none; two workers share one count; new sessions are capped", { timeout: 180_000 }, async () => {
  const server = await startNextServer({
    REELCAST_WORKERS: "2",
    REELCAST_RATE_LIMIT: "on",
    REELCAST_RATE_LIMIT_RPS: String(RATE),
    REELCAST_RATE_LIMIT_BURST: String(BURST),
    REELCAST_NEW_SESSIONS_PER_HOUR: String(NEW_SESSIONS_PER_HOUR),
    OPENAI_API_KEY: "",
    OPENAI_BASE_URL: "",
  });
  const agents: Agent[] = [];
  const keepAlive = () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    agents.push(agent);
    return agent;
  };
  try {
    await server.allWorkersServing();
    const port = Number(new URL(server.baseUrl).port);
    const agentA = keepAlive();
    const agentB = keepAlive();
    // Each client continues one session the server issued (a new session per request is the
    // new-session limit's business, below).
    const sessionOf = async (agent: Agent, address: string) => {
      const reply = await send(port, agent, address, "POST", "/api/recommend", { query: "comedy", limit: 5 });
      assert.equal(reply.status, 200, reply.body);
      return (JSON.parse(reply.body) as { sessionId: string }).sessionId;
    };
    const sessionA = await sessionOf(agentA, "127.0.0.1");
    const sessionB = await sessionOf(agentB, "127.0.0.2");
    await sleep(1_100);

    // A: 8 connections at full speed, each request claiming to come from B (the header the
    // server sets, and X-Forwarded-For, which it ignores unless REELCAST_TRUST_PROXY=1).
    // B: one request, then a 200 ms pause, steadily (5 a second, half its sustained rate).
    const a = tally();
    const b = tally();
    const seconds = 8;
    const started = performance.now();
    const until = started + seconds * 1000;
    const forged = { "x-reelcast-client-address": "127.0.0.2", "x-forwarded-for": "127.0.0.2" };
    const fullSpeed = async (index: number) => {
      for (let turn = 0; performance.now() < until; turn++) {
        count(a, await send(port, agentA, "127.0.0.1", "POST", "/api/recommend", { query: ["western", "pixar", "heat", "space"][(index + turn) % 4], limit: 5, sessionId: sessionA }, forged));
      }
    };
    const steady = async () => {
      while (performance.now() < until) {
        count(b, await send(port, agentB, "127.0.0.2", "POST", "/api/recommend", { query: "movies like alien", limit: 5, sessionId: sessionB }));
        await sleep(200);
      }
    };
    await Promise.all([...Array.from({ length: 8 }, (_, index) => fullSpeed(index)), steady()]);
    const elapsed = (performance.now() - started) / 1000;

    process.stdout.write(
      `[fair-use] ${Math.round(elapsed * 10) / 10} s, limit ${RATE}/s + burst ${BURST} per ${BURST_WINDOW_SECONDS} s, 2 workers\n` +
        `[fair-use] A (127.0.0.1, 8 connections, full speed): ${a.requests} requests (${Math.round(a.requests / elapsed)} req/s), statuses ${JSON.stringify(a.statuses)}, ${Math.round((a.statuses[200] ?? 0) / elapsed)} answered/s\n` +
        `[fair-use] B (127.0.0.2, steady): ${b.requests} requests (${Math.round(b.requests / elapsed)} req/s), statuses ${JSON.stringify(b.statuses)}\n`,
    );
    recordFigure({
      fault: `Two clients, 2 workers, limit ${RATE}/s + ${BURST} burst: A at full speed (8 connections)`,
      tried: a.requests,
      outcomes: a.statuses,
      measured: { "req/s sent": Math.round(a.requests / elapsed), "answered/s": Math.round((a.statuses[200] ?? 0) / elapsed) },
    });
    recordFigure({
      fault: `Two clients, 2 workers, limit ${RATE}/s + ${BURST} burst: B steady beside A`,
      tried: b.requests,
      outcomes: b.statuses,
      measured: { "req/s sent": Math.round(b.requests / elapsed), "answered/s": Math.round((b.statuses[200] ?? 0) / elapsed) },
    });
    assert.equal(b.statuses[429] ?? 0, 0, "the steady client was refused");
    assert.equal(b.statuses[200], b.requests);
    assert.ok((a.statuses[429] ?? 0) > 0, "the full-speed client was never refused");
    for (const reply of a.tooMany) {
      assert.match(String(reply.headers["retry-after"]), /^[1-9]\d*$/);
      assert.match(String(reply.headers["content-type"]), /application\/json/);
      assert.equal((JSON.parse(reply.body) as { error: { code: string } }).error.code, "rate_limited:recommend");
    }
    // One count for both workers: A's answers stay within what one count allows over the run
    // (every whole second started, plus the burst once per burst window started); a count per
    // worker would let through about twice as many.
    const ceiling = RATE * (Math.ceil(elapsed) + 1) + BURST * (Math.ceil(elapsed / BURST_WINDOW_SECONDS) + 1);
    assert.ok((a.statuses[200] ?? 0) <= ceiling, `A got ${a.statuses[200]} answers, more than one shared count allows (${ceiling})`);
    // A sees answers and refusals only: never a server error, and never a kept-alive connection
    // closed under it (a refusal reads the small body first, lib/server/request-door.ts).
    assert.deepEqual(
      Object.keys(a.statuses).filter((status) => !["200", "429"].includes(status)),
      [],
    );
    // Health checks are never refused, even for a client that is.
    assert.equal((await send(port, agentA, "127.0.0.1", "GET", "/api/health")).status, 200);

    // New sessions: a client that leaves out its session id starts one per request, up to the
    // hourly allowance; then 429 with Retry-After, while continuing a session it holds works.
    const agentC = keepAlive();
    const c = tally();
    const issued = new Set<string>();
    for (let index = 0; index < NEW_SESSIONS_PER_HOUR + 3; index++) {
      const reply = await send(port, agentC, "127.0.0.3", "POST", "/api/recommend", { query: "drama", limit: 3 });
      count(c, reply);
      if (reply.status === 200) issued.add((JSON.parse(reply.body) as { sessionId: string }).sessionId);
    }
    process.stdout.write(`[fair-use] C (127.0.0.3, no session id each time): ${c.requests} requests, statuses ${JSON.stringify(c.statuses)}, ${issued.size} sessions issued\n`);
    recordFigure({
      fault: `New sessions, ${NEW_SESSIONS_PER_HOUR} an hour allowed: requests without a session id`,
      tried: c.requests,
      outcomes: c.statuses,
      measured: { "sessions issued": issued.size },
    });
    assert.deepEqual(c.statuses, { 200: NEW_SESSIONS_PER_HOUR, 429: 3 });
    assert.equal(issued.size, NEW_SESSIONS_PER_HOUR);
    for (const reply of c.tooMany) {
      assert.ok(Number(reply.headers["retry-after"]) > 60, String(reply.headers["retry-after"]));
      assert.equal((JSON.parse(reply.body) as { error: { code: string } }).error.code, "rate_limited:recommend");
    }
    const continued = await send(port, agentC, "127.0.0.3", "POST", "/api/recommend", { query: "drama", limit: 3, sessionId: [...issued][0] });
    assert.equal(continued.status, 200, continued.body);
  } finally {
    for (const agent of agents) agent.destroy();
    await server.stop();
  }
});
