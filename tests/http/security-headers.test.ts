import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startNextServer, type RunningServer } from "../../support/next-server";

/**
 * Browser hardening (issue 18, deliverable 7): every page and API response says nosniff, no
 * framing and a referrer policy; pages carry a Content-Security-Policy whose scripts run only
 * with a nonce that is new on every request and is on every script the page holds.
 */
let server: RunningServer;
before(async () => {
  server = await startNextServer({ OPENAI_API_KEY: "", OPENAI_BASE_URL: "", REELCAST_RATE_LIMIT: "off" });
});
after(async () => {
  await server?.stop();
});

/** The policy's directives by name: "script-src" → ["'self'", "'nonce-…'", …]. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name.toLowerCase(), values]),
  );
}

function assertHardened(response: Response, label: string): Map<string, string[]> {
  assert.equal(response.headers.get("x-content-type-options"), "nosniff", label);
  assert.equal(response.headers.get("x-frame-options"), "DENY", label);
  assert.equal(response.headers.get("referrer-policy"), "strict-origin-when-cross-origin", label);
  const policy = response.headers.get("content-security-policy");
  assert.ok(policy, `${label}: a Content-Security-Policy`);
  const parsed = directives(policy);
  assert.deepEqual(parsed.get("frame-ancestors"), ["'none'"], label);
  assert.ok(!(parsed.get("script-src") ?? parsed.get("default-src") ?? []).includes("'unsafe-inline'"), `${label}: no 'unsafe-inline' for scripts`);
  return parsed;
}

/** The page's HTML and its policy's nonce, checked against every <script> in it. */
async function loadPage(path: string): Promise<{ nonce: string; html: string; status: number }> {
  const response = await fetch(`${server.baseUrl}${path}`);
  const html = await response.text();
  const policy = assertHardened(response, `GET ${path}`);
  const scriptSources = policy.get("script-src") ?? [];
  const nonces = scriptSources.filter((source) => source.startsWith("'nonce-"));
  assert.equal(nonces.length, 1, `GET ${path}: one nonce in script-src`);
  assert.ok(scriptSources.includes("'strict-dynamic'"));
  assert.ok(!scriptSources.includes("'unsafe-eval'"), "no eval in production");
  const nonce = nonces[0].slice("'nonce-".length, -1);
  assert.ok(Buffer.from(nonce, "base64").length >= 16, "at least 128 random bits");
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  assert.ok(scripts.length > 0, `GET ${path}: the page has scripts`);
  for (const script of scripts) assert.ok(script.includes(`nonce="${nonce}"`), `GET ${path}: ${script.slice(0, 120)} carries the nonce`);
  return { nonce, html, status: response.status };
}

test("pages: a nonce Content-Security-Policy, new on every request, on every script of the page", async () => {
  const first = await loadPage("/");
  const second = await loadPage("/");
  assert.equal(first.status, 200);
  assert.notEqual(first.nonce, second.nonce, "a fresh nonce per request");
  // The theme boot script (inline, before paint) runs under the policy: it carries the nonce.
  assert.match(first.html, new RegExp(`<script nonce="${first.nonce.replace(/[+/=]/g, "\\$&")}">try\\{var t=localStorage`));
  // Not-found pages are pages too.
  const missing = await loadPage("/no-such-page");
  assert.equal(missing.status, 404);
});

test("API responses: nosniff, no framing, a referrer policy and a policy that allows nothing", async () => {
  const json = { "content-type": "application/json" };
  const responses: Array<[string, Promise<Response>]> = [
    ["GET /api/health", fetch(`${server.baseUrl}/api/health`)],
    ["POST /api/recommend 200", fetch(`${server.baseUrl}/api/recommend`, { method: "POST", headers: json, body: JSON.stringify({ query: "heat", limit: 1 }) })],
    ["POST /api/recommend 400", fetch(`${server.baseUrl}/api/recommend`, { method: "POST", headers: json, body: "{" })],
    ["POST /api/recommend 415", fetch(`${server.baseUrl}/api/recommend`, { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" })],
    ["PUT /api/chat 405", fetch(`${server.baseUrl}/api/chat`, { method: "PUT" })],
    ["GET /api/nothing 404", fetch(`${server.baseUrl}/api/nothing`)],
    ["POST /api/chat 413 (refused before Next)", fetch(`${server.baseUrl}/api/chat`, { method: "POST", headers: json, body: "x".repeat(70 * 1024) })],
  ];
  for (const [label, pending] of responses) {
    const response = await pending;
    await response.arrayBuffer();
    const policy = assertHardened(response, label);
    assert.deepEqual(policy.get("default-src"), ["'none'"], label);
  }
});
