import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { test } from "node:test";
import { BENCH_ROWS, benchTargets } from "../../../scripts/bench/bench-rows";
import { floorRatios, measureAgainstFloor, roundOrder, type RowAgainstFloor } from "../../../scripts/bench/floor-ratio";
import { loadResult, type LoadResult } from "../../../scripts/bench/load-result";

const result = (requestsPerSecond: number, p99: number, shape: { connections: number; offeredRate: number | null } = { connections: 32, offeredRate: null }): LoadResult => ({
  label: "row",
  ...shape,
  seconds: 1,
  requests: requestsPerSecond,
  requestsPerSecond,
  errors: 0,
  non2xx: 0,
  latencyMs: { count: requestsPerSecond, p50: p99 / 2, p95: p99, p99, max: p99 },
});

test("stretches of the same row add up: requests over the summed seconds, percentiles over all samples", () => {
  const combined = loadResult("fast", { connections: 8, offeredRate: null }, [
    { seconds: 1, errors: 1, non2xx: 0, latencies: [1, 2, 3] },
    { seconds: 2, errors: 0, non2xx: 2, latencies: [4, 5, 6, 7, 8, 9] },
  ]);
  assert.equal(combined.requests, 9);
  assert.equal(combined.requestsPerSecond, 3);
  assert.equal(combined.seconds, 3);
  assert.equal(combined.errors + combined.non2xx, 3);
  assert.equal(combined.latencyMs.p50, 5);
  assert.equal(combined.latencyMs.max, 9);
});

test("ratios to the floor: throughput as a share, latency as a multiple", () => {
  assert.deepEqual(floorRatios(result(300, 40), result(1200, 10)), { throughput: 0.25, p50: 4, p99: 4 });
  assert.ok(Number.isNaN(floorRatios(result(300, 40), result(0, 0)).throughput));
});

test("the floor and the row take turns going first", () => {
  assert.deepEqual([0, 1, 2, 3].map(roundOrder), [
    ["floor", "row"],
    ["row", "floor"],
    ["floor", "row"],
    ["row", "floor"],
  ]);
});

test("the bench measures exactly issue 20's rows and reads its targets from them", () => {
  const shapes = BENCH_ROWS.map((row) => `${row.path} ${row.shape.connections} ${row.shape.offeredRate ?? "closed"}`);
  assert.ok(shapes.includes("fast 32 closed"));
  assert.ok(shapes.includes("fast 32 300"));
  assert.ok(shapes.includes("reasoning 32 150"));
  const against = (label: string, row: LoadResult, floor: LoadResult): RowAgainstFloor => ({ row: { ...row, label }, floor, rounds: 5, ratios: floorRatios(row, floor) });
  const rows = [
    against("fast", result(700, 30), result(1100, 20)),
    against("fast", result(300, 12, { connections: 32, offeredRate: 300 }), result(300, 3, { connections: 32, offeredRate: 300 })),
    against("reasoning (offline)", result(150, 45, { connections: 32, offeredRate: 150 }), result(150, 3, { connections: 32, offeredRate: 150 })),
  ];
  const verdicts = Object.fromEntries(benchTargets(rows).map((target) => [target.name, target.met]));
  assert.equal(verdicts["fast × 32 throughput ≥ 60 % of the floor's"], true);
  assert.equal(verdicts["fast open loop 300 req/s: p99 ≤ 15 ms, all served"], true);
  assert.equal(verdicts["offline reasoning open loop 150 req/s: p99 ≤ 40 ms, all served"], false);
  assert.equal(verdicts["zero errors and non-2xx"], true);
  const fellBehind = [against("fast", result(250, 12, { connections: 32, offeredRate: 300 }), result(300, 3, { connections: 32, offeredRate: 300 }))];
  assert.equal(benchTargets(fellBehind).find((target) => target.name.startsWith("fast open loop"))!.met, false, "an open loop that served less than offered misses");
});

test("measureAgainstFloor drives GET /api/health and POSTs the row's bodies, closed and open loop", async (context) => {
  const seen: string[] = [];
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      seen.push(`${request.method} ${request.url} ${body}`);
      response.end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  context.after(() => server.close());
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const closed = await measureAgainstFloor(baseUrl, "fast", ['{"query":"x"}'], { connections: 2, offeredRate: null }, { rounds: 2, secondsPerRound: 0.3 });
  assert.ok(closed.row.requests > 0 && closed.floor.requests > 0);
  assert.equal(closed.rounds, 2);
  assert.ok(seen.every((line) => line === "GET /api/health " || line === 'POST /api/recommend {"query":"x"}'));

  const open = await measureAgainstFloor(baseUrl, "fast", ['{"query":"y"}'], { connections: 2, offeredRate: 50 }, { rounds: 2, secondsPerRound: 0.2 });
  assert.equal(open.row.requests, 20);
  assert.equal(open.floor.requests, 20);
  assert.equal(open.row.offeredRate, 50);
  assert.equal(open.row.errors + open.row.non2xx + open.floor.errors + open.floor.non2xx, 0);
});
