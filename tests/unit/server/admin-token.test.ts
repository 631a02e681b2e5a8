import assert from "node:assert/strict";
import { test } from "node:test";
import { adminNotFound, adminTokenFromEnvironment, bearerToken, isAdminAuthorization, isAdminRequest } from "../../../lib/server/admin-token";

test("only the configured bearer token passes; no token configured passes nothing", () => {
  assert.equal(isAdminAuthorization("Bearer s3cret-token", "s3cret-token"), true);
  assert.equal(isAdminAuthorization("bearer s3cret-token", "s3cret-token"), true);
  assert.equal(isAdminAuthorization("Bearer s3cret-tokem", "s3cret-token"), false);
  assert.equal(isAdminAuthorization("Bearer s3cret", "s3cret-token"), false);
  assert.equal(isAdminAuthorization("s3cret-token", "s3cret-token"), false);
  assert.equal(isAdminAuthorization("Basic s3cret-token", "s3cret-token"), false);
  assert.equal(isAdminAuthorization(null, "s3cret-token"), false);
  assert.equal(isAdminAuthorization("Bearer ", ""), false);
  assert.equal(isAdminAuthorization("Bearer anything", null), false);
  assert.equal(bearerToken("Bearer  abc "), "abc");
  assert.equal(bearerToken("Bearer a b"), null);
  const request = new Request("http://localhost/api/insights/evaluation", { headers: { authorization: "Bearer t0k" } });
  assert.equal(isAdminRequest(request, "t0k"), true);
  assert.equal(isAdminRequest(new Request("http://localhost/"), "t0k"), false);
});

test("a blank REELCAST_ADMIN_TOKEN counts as none", () => {
  assert.equal(adminTokenFromEnvironment({ REELCAST_ADMIN_TOKEN: "  " }), null);
  assert.equal(adminTokenFromEnvironment({}), null);
  assert.equal(adminTokenFromEnvironment({ REELCAST_ADMIN_TOKEN: " abc " }), "abc");
});

test("the refusal is the unknown-path JSON 404", async () => {
  const response = adminNotFound();
  assert.equal(response.status, 404);
  const body = (await response.json()) as { error: { code: string } };
  assert.equal(body.error.code, "not_found:api");
});
