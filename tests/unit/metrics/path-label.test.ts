import assert from "node:assert/strict";
import { test } from "node:test";
import { PATH_LABELS, pathLabel, statusLabel } from "../../../lib/metrics/path-label";

test("request targets map onto a fixed set of path labels: no query string, id or made-up path reaches a label", () => {
  assert.equal(pathLabel("/api/recommend"), "/api/recommend");
  assert.equal(pathLabel("/api/recommend?debug=1"), "/api/recommend");
  assert.equal(pathLabel("/api/conversations/s_0123456789abcdef0123"), "/api/conversations/:id");
  assert.equal(pathLabel("/api/no-such-thing/../../etc/passwd"), "/api/other");
  assert.equal(pathLabel("/api"), "/api/other");
  assert.equal(pathLabel("/"), "/");
  assert.equal(pathLabel("/?q=x"), "/");
  assert.equal(pathLabel("/insights?token=secret-token-value"), "/insights");
  assert.equal(pathLabel("/_next/static/chunks/app.js"), "/_next/static");
  assert.equal(pathLabel("/wp-admin/setup.php"), "page/other");
  assert.equal(pathLabel(undefined), "/");
  for (const target of ["/api/metrics", "/api/health", "/x/y", "/api/feedback#frag"]) assert.ok((PATH_LABELS as readonly string[]).includes(pathLabel(target)));
});

test("status labels: the HTTP status, or aborted when the connection closed before an answer started", () => {
  assert.equal(statusLabel(200, true), "200");
  assert.equal(statusLabel(429, true), "429");
  assert.equal(statusLabel(200, false), "aborted");
});
