import assert from "node:assert/strict";
import { test } from "node:test";
import { circuitBreakerConfigFromEnvironment, createCircuitBreaker, DEFAULT_CIRCUIT_BREAKER } from "../../../lib/ai";

const config = { failureThreshold: 3, coolDownMs: 1000 };

test("closed: calls pass; failures below the threshold, or broken by a success, keep it closed", () => {
  const breaker = createCircuitBreaker("LLM provider", config);
  assert.deepEqual(breaker.admit(0), { allowed: true, trial: false });
  breaker.failed(0);
  breaker.failed(1);
  breaker.succeeded();
  breaker.failed(2);
  breaker.failed(3);
  assert.equal(breaker.stateAt(4), "closed");
  assert.equal(breaker.admit(4).allowed, true);
});

test("N failures in a row open it: every call is skipped for the cool-down, with a reason", () => {
  const breaker = createCircuitBreaker("LLM provider", config);
  for (let at = 0; at < 3; at++) breaker.failed(at);
  assert.equal(breaker.stateAt(2), "open");
  let skipped = 0;
  for (let at = 2; at < 1002; at += 10) {
    const admission = breaker.admit(at);
    if (!admission.allowed) skipped += 1;
  }
  assert.equal(skipped, 100, "no call reaches the provider before the cool-down ends");
  const admission = breaker.admit(500);
  assert.equal(admission.allowed, false);
  if (!admission.allowed) {
    assert.match(admission.reason, /^LLM provider skipped after 3 failures in a row \(circuit open, retrying in 1 s\)$/);
    assert.equal(admission.retryInMs, 502);
  }
});

test("half-open: after the cool-down exactly one trial goes; its success closes, its failure reopens", () => {
  const breaker = createCircuitBreaker("speech provider", config);
  for (let at = 0; at < 3; at++) breaker.failed(at);
  assert.equal(breaker.stateAt(1002), "half-open");
  assert.deepEqual(breaker.admit(1002), { allowed: true, trial: true });
  assert.equal(breaker.admit(1003).allowed, false, "a second caller waits for the trial");
  breaker.failed(1100);
  assert.equal(breaker.admit(1101).allowed, false, "a failed trial opens it for another cool-down");
  assert.equal(breaker.admit(2099).allowed, false);
  assert.deepEqual(breaker.admit(2100), { allowed: true, trial: true });
  breaker.succeeded();
  assert.equal(breaker.stateAt(2101), "closed");
  assert.deepEqual(breaker.admit(2101), { allowed: true, trial: false });
  // Closed again: it takes N fresh failures to open.
  breaker.failed(2200);
  assert.equal(breaker.admit(2201).allowed, true);
});

test("a cancelled trial hands the trial to the next caller; a trial never reported stops blocking after a cool-down", () => {
  const breaker = createCircuitBreaker("LLM provider", config);
  for (let at = 0; at < 3; at++) breaker.failed(at);
  assert.equal(breaker.admit(1002).allowed, true);
  breaker.abandoned();
  assert.deepEqual(breaker.admit(1003), { allowed: true, trial: true });
  assert.equal(breaker.admit(1500).allowed, false);
  assert.deepEqual(breaker.admit(2003), { allowed: true, trial: true }, "the lost trial no longer blocks");
});

test("config from the environment: positive numbers only", () => {
  assert.deepEqual(circuitBreakerConfigFromEnvironment({}), DEFAULT_CIRCUIT_BREAKER);
  assert.deepEqual(circuitBreakerConfigFromEnvironment({ REELCAST_BREAKER_FAILURES: "5", REELCAST_BREAKER_COOLDOWN_MS: "2000" }), { failureThreshold: 5, coolDownMs: 2000 });
  assert.deepEqual(circuitBreakerConfigFromEnvironment({ REELCAST_BREAKER_FAILURES: "0", REELCAST_BREAKER_COOLDOWN_MS: "soon" }), DEFAULT_CIRCUIT_BREAKER);
});
