import assert from "node:assert/strict";
import { test } from "node:test";
import { timeOrderedId } from "../../../lib/store/time-ordered-id";

test("time-ordered ids are RFC 9562 version 7 UUIDs carrying the millisecond timestamp", () => {
  const at = Date.UTC(2026, 10, 23, 14, 30);
  const id = timeOrderedId(at);
  assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(parseInt(id.replace(/-/g, "").slice(0, 12), 16), at);
});

test("later ids sort after earlier ones, and ids within one millisecond still differ", () => {
  const ids = Array.from({ length: 200 }, (_, index) => timeOrderedId(1_700_000_000_000 + Math.floor(index / 50)));
  assert.equal(new Set(ids).size, ids.length);
  for (let index = 50; index < ids.length; index += 50) assert.ok(ids[index - 1] < ids[index], "a new millisecond sorts after the previous one");
});
