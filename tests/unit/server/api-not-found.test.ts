import assert from "node:assert/strict";
import { test } from "node:test";
import { unknownApiError } from "../../../lib/server/api-not-found";

test("the unknown-path answer is a JSON 404 with the not_found:api code", async () => {
  const response = unknownApiError().toResponse();
  assert.equal(response.status, 404);
  const body = (await response.json()) as { error: { code: string; message: string } };
  assert.equal(body.error.code, "not_found:api");
  assert.match(body.error.message, /no such API endpoint/);
});
