import assert from "node:assert/strict";
import { test } from "node:test";
import { RateLimiterRes } from "rate-limiter-flexible";
import { createFairUse } from "../../../lib/server/fair-use";
import { fairUseClientKey } from "../../../lib/server/fair-use-client-key";
import { DEFAULT_FAIR_USE, fairUseConfig, type FairUseConfig } from "../../../lib/server/fair-use-config";
import type { PointLimiter } from "../../../lib/server/fair-use-limiters";

const config = (overrides: Partial<FairUseConfig>): FairUseConfig => ({ ...DEFAULT_FAIR_USE, ...overrides });

async function admitMany(admit: () => Promise<{ allowed: boolean }>, count: number): Promise<number> {
  let allowed = 0;
  for (let index = 0; index < count; index++) if ((await admit()).allowed) allowed++;
  return allowed;
}

test("fairUseConfig: defaults, off, overrides, and a malformed number is an error rather than no limit", () => {
  assert.deepEqual(fairUseConfig({}), DEFAULT_FAIR_USE);
  assert.equal(fairUseConfig({ REELCAST_RATE_LIMIT: "off" }).enabled, false);
  assert.equal(fairUseConfig({ REELCAST_RATE_LIMIT: "OFF" }).enabled, false);
  assert.equal(fairUseConfig({ REELCAST_RATE_LIMIT: "on" }).enabled, true);
  assert.deepEqual(
    fairUseConfig({ REELCAST_RATE_LIMIT_RPS: "3", REELCAST_RATE_LIMIT_BURST: "0", REELCAST_NEW_SESSIONS_PER_HOUR: "7" }),
    config({ requestsPerSecond: 3, burst: 0, newSessionsPerHour: 7 }),
  );
  assert.throws(() => fairUseConfig({ REELCAST_RATE_LIMIT_RPS: "ten" }), /REELCAST_RATE_LIMIT_RPS/);
  assert.throws(() => fairUseConfig({ REELCAST_RATE_LIMIT_RPS: "0" }), /REELCAST_RATE_LIMIT_RPS/);
  assert.throws(() => fairUseConfig({ REELCAST_RATE_LIMIT: "no" }), /REELCAST_RATE_LIMIT/);
});

test("fairUseClientKey: an IPv4 address is its own key; IPv6 addresses count per /64", () => {
  assert.equal(fairUseClientKey("203.0.113.7"), "203.0.113.7");
  assert.equal(fairUseClientKey("2001:db8:1:2:aaaa::1"), fairUseClientKey("2001:DB8:1:2:bbbb:cccc:dddd:2"));
  assert.equal(fairUseClientKey("2001:db8:1:2::5"), "2001:db8:1:2::/64");
  assert.notEqual(fairUseClientKey("2001:db8:1:2::1"), fairUseClientKey("2001:db8:1:3::1"));
  assert.equal(fairUseClientKey("::1"), "0:0:0:0::/64");
  assert.equal(fairUseClientKey("fe80::1%eth0"), "fe80:0:0:0::/64");
  assert.equal(fairUseClientKey("local"), "local");
});

test("request rate: the sustained rate, then the burst, then 429 with a retry time; another client is untouched", async () => {
  const fairUse = createFairUse(config({ requestsPerSecond: 4, burst: 3 }));
  assert.equal(await admitMany(() => fairUse.admitRequest("198.51.100.1"), 20), 7);
  const refused = await fairUse.admitRequest("198.51.100.1");
  assert.equal(refused.allowed, false);
  if (!refused.allowed) {
    assert.ok(refused.retryAfterSeconds >= 1 && refused.retryAfterSeconds <= 10, String(refused.retryAfterSeconds));
    assert.match(refused.reason, /4 requests a second/);
  }
  assert.equal(await admitMany(() => fairUse.admitRequest("198.51.100.2"), 4), 4);
});

test("new sessions: past the hourly allowance a client is refused for up to an hour; other clients start theirs", async () => {
  const fairUse = createFairUse(config({ newSessionsPerHour: 3 }));
  assert.equal(await admitMany(() => fairUse.admitNewSession("198.51.100.4"), 10), 3);
  const refused = await fairUse.admitNewSession("198.51.100.4");
  assert.equal(refused.allowed, false);
  if (!refused.allowed) {
    assert.ok(refused.retryAfterSeconds > 3_000 && refused.retryAfterSeconds <= 3_600, String(refused.retryAfterSeconds));
    assert.match(refused.reason, /3 new conversations an hour/);
  }
  assert.equal((await fairUse.admitNewSession("198.51.100.5")).allowed, true);
  // Requests and sessions are separate allowances.
  assert.equal((await fairUse.admitRequest("198.51.100.4")).allowed, true);
});

test("REELCAST_RATE_LIMIT=off admits everything", async () => {
  const fairUse = createFairUse(config({ enabled: false, requestsPerSecond: 1, burst: 0, newSessionsPerHour: 1 }));
  assert.equal(await admitMany(() => fairUse.admitRequest("198.51.100.6"), 100), 100);
  assert.equal(await admitMany(() => fairUse.admitNewSession("198.51.100.6"), 100), 100);
});

test("a refused client is answered locally until its retry time, then the counters are asked again", async () => {
  let consumed = 0;
  let clock = 1_000_000;
  const refusing: PointLimiter = {
    consume: async () => {
      consumed++;
      throw new RateLimiterRes(0, 2_500, 99, false);
    },
  };
  const fairUse = createFairUse(config({}), { requests: refusing, newSessions: refusing }, () => clock);
  const first = await fairUse.admitRequest("198.51.100.7");
  assert.deepEqual([first.allowed, first.allowed ? 0 : first.retryAfterSeconds], [false, 3]);
  assert.equal(await admitMany(() => fairUse.admitRequest("198.51.100.7"), 10), 0);
  assert.equal(consumed, 1);
  clock += 2_600;
  await fairUse.admitRequest("198.51.100.7");
  assert.equal(consumed, 2);
});

test("counters that fail (no answer from the primary) let requests through", async () => {
  const failing: PointLimiter = { consume: async () => Promise.reject(new Error("RateLimiterCluster timeout: no answer from master in time")) };
  const fairUse = createFairUse(config({}), { requests: failing, newSessions: failing });
  const written: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string) => (written.push(String(chunk)), true)) as typeof process.stderr.write;
  try {
    assert.equal(await admitMany(() => fairUse.admitRequest("198.51.100.8"), 3), 3);
    assert.equal((await fairUse.admitNewSession("198.51.100.8")).allowed, true);
  } finally {
    process.stderr.write = write;
  }
  assert.equal(written.filter((line) => line.includes("rate limiter failed")).length, 1);
});
