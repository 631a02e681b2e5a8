import assert from "node:assert/strict";
import { test } from "node:test";
import { errorResponse, ReelcastError } from "../../../lib/errors/reelcast-error";
import { StoreBusyError, StoreConflictError, StoreError, StoreNotFoundError } from "../../../lib/store/store-errors";
import { toEngineError } from "../../../lib/server/engine-error";

// A second copy of each module, as a second bundle in the same process holds one: the same
// source loaded under another URL gives classes that are different objects.
const secondCopy = (relative: string): Promise<unknown> => import(new URL(`${relative}?second-bundle`, import.meta.url).href);
const otherStore = (await secondCopy("../../../lib/store/store-errors.ts")) as typeof import("../../../lib/store/store-errors");
const otherErrors = (await secondCopy("../../../lib/errors/reelcast-error.ts")) as typeof import("../../../lib/errors/reelcast-error");
const otherCatalog = (await secondCopy("../../../catalog/bundle-loader.ts")) as typeof import("../../../catalog/bundle-loader");

test("the copies are different classes: a plain prototype check says no", () => {
  assert.notEqual(otherStore.StoreError, StoreError);
  assert.equal(Function.prototype[Symbol.hasInstance].call(StoreError, new otherStore.StoreBusyError("/db", 5)), false);
});

test("instanceof answers across copies, by class and subclass", () => {
  const busy = new otherStore.StoreBusyError("/db", 5);
  assert.ok(busy instanceof StoreError);
  assert.ok(busy instanceof StoreBusyError);
  assert.ok(!(busy instanceof StoreNotFoundError));
  assert.ok(!(busy instanceof StoreConflictError));
  assert.ok(new otherStore.StoreConflictError("taken") instanceof StoreConflictError);
  assert.ok(new otherStore.StoreNotFoundError("impression", "x") instanceof StoreNotFoundError);
  assert.ok(new StoreNotFoundError("impression", "x") instanceof otherStore.StoreError);
  // A base-class instance is not an instance of a subclass.
  assert.ok(!(new otherStore.StoreError("busy:store", "locked") instanceof StoreBusyError));
  assert.ok(!(new Error("plain") instanceof StoreError));
  assert.ok(!((null as unknown) instanceof StoreError));
  assert.ok(!(new ReelcastError("internal:api", "x") instanceof StoreError));
});

test("a missing catalog from another copy is still the operator's 503", () => {
  const missing = toEngineError(new otherCatalog.CatalogMissingError("/data"));
  assert.ok(missing instanceof ReelcastError);
  assert.equal(missing.code, "unavailable:catalog");
  assert.equal(missing.status, 503);
});

test("a ReelcastError from another copy keeps its status through errorResponse", async () => {
  const foreign = new otherErrors.ReelcastError("unavailable:store", "The database is locked.", { headers: { "retry-after": "5" } });
  assert.ok(foreign instanceof ReelcastError);
  const response = errorResponse(foreign, "feedback");
  assert.equal(response.status, 503);
  assert.equal(response.headers.get("retry-after"), "5");
  assert.deepEqual(await response.json(), { error: { code: "unavailable:store", message: "The database is locked." } });
});
