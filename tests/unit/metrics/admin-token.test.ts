import assert from "node:assert/strict";
import { test } from "node:test";
import { adminCookieValue, bearerToken, configuredAdminToken, isAdminCookie, isAdminToken } from "../../../lib/server/admin-token";

const TOKEN = "operator-token-0123456789";
const environment = { REELCAST_ADMIN_TOKEN: TOKEN };

test("the admin token: unset, blank or shorter than 16 characters opens nothing", async () => {
  assert.equal(configuredAdminToken({}), null);
  assert.equal(configuredAdminToken({ REELCAST_ADMIN_TOKEN: "   " }), null);
  assert.equal(configuredAdminToken({ REELCAST_ADMIN_TOKEN: "short-token" }), null);
  assert.equal(await isAdminToken("short-token", { REELCAST_ADMIN_TOKEN: "short-token" }), false);
  assert.equal(await isAdminToken("", {}), false);
  assert.equal(configuredAdminToken(environment), TOKEN);
});

test("only the exact token passes; bearer headers are parsed strictly", async () => {
  assert.equal(await isAdminToken(TOKEN, environment), true);
  assert.equal(await isAdminToken(`${TOKEN}x`, environment), false);
  assert.equal(await isAdminToken(TOKEN.slice(0, -1), environment), false);
  assert.equal(await isAdminToken(null, environment), false);
  assert.equal(bearerToken(`Bearer ${TOKEN}`), TOKEN);
  assert.equal(bearerToken(`bearer ${TOKEN}`), TOKEN);
  assert.equal(bearerToken(`Basic ${TOKEN}`), null);
  assert.equal(bearerToken(`Bearer ${TOKEN} extra`), null);
  assert.equal(bearerToken(null), null);
});

test("the insights cookie is derived from the token, is not the token, and changes with it", async () => {
  const value = (await adminCookieValue(environment))!;
  assert.notEqual(value, TOKEN);
  assert.ok(!value.includes(TOKEN));
  assert.equal(await isAdminCookie(value, environment), true);
  assert.equal(await isAdminCookie(TOKEN, environment), false, "the token itself is not a cookie");
  assert.equal(await isAdminToken(value, environment), false, "the cookie is not a bearer token");
  assert.equal(await isAdminCookie(value, { REELCAST_ADMIN_TOKEN: "another-operator-token-xyz" }), false, "a rotated token ends old cookies");
  assert.equal(await adminCookieValue({}), null);
  assert.equal(await isAdminCookie(value, {}), false);
});
