import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test, type TestContext } from "node:test";
import { captureStamp, checkStamp, withOutputs, writeStamp, type StampInputs } from "../../../scripts/support/build-stamp.mjs";

const INPUTS: StampInputs = {
  trees: [
    { entry: "lib", extensions: [".ts"] },
    { entry: "next.config.ts", extensions: [".ts"] },
  ],
  files: ["data/ratings.csv"],
  absent: ["data/raw/ratings.csv"],
  environment: ["REELCAST_CF_DIM"],
};

/** A small project with a fresh stamp over INPUTS plus one build output. */
function stampedProject(context: TestContext, environment: Record<string, string> = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), "reelcast-stamp-"));
  context.after(() => rmSync(root, { recursive: true, force: true }));
  for (const directory of ["lib/deep", "data", ".next"]) mkdirSync(path.join(root, directory), { recursive: true });
  writeFileSync(path.join(root, "lib/a.ts"), "export const a = 1;\n");
  writeFileSync(path.join(root, "lib/deep/b.ts"), "export const b = 2;\n");
  writeFileSync(path.join(root, "lib/notes.md"), "not a source\n");
  writeFileSync(path.join(root, "next.config.ts"), "export default {};\n");
  writeFileSync(path.join(root, "data/ratings.csv"), "1,2,3\n");
  writeFileSync(path.join(root, ".next/BUILD_ID"), "build\n");
  writeStamp(root, withOutputs(root, captureStamp(root, INPUTS, environment), [".next/BUILD_ID"]));
  return root;
}

const later = (root: string, file: string) => {
  const time = new Date(Date.now() + 60_000);
  utimesSync(path.join(root, file), time, time);
};

test("a stamp holds while nothing changes, and files outside the watched extensions do not count", (context) => {
  const root = stampedProject(context);
  assert.deepEqual(checkStamp(root, {}), { current: true });
  writeFileSync(path.join(root, "lib/more-notes.md"), "still not a source\n");
  assert.deepEqual(checkStamp(root, {}), { current: true });
});

test("no stamp, or a stamp from another version, is not current", (context) => {
  const root = stampedProject(context);
  unlinkSync(path.join(root, ".next/reelcast-build-stamp.json"));
  assert.equal(checkStamp(root, {}).current, false);
  writeFileSync(path.join(root, ".next/reelcast-build-stamp.json"), '{"version":0}');
  assert.equal(checkStamp(root, {}).current, false);
});

test("a touched file no longer matches, even with the same bytes (the hashes then decide)", (context) => {
  const root = stampedProject(context);
  later(root, "lib/deep/b.ts");
  assert.deepEqual(checkStamp(root, {}), { current: false, reason: "lib/deep/b.ts changed" });
});

test("a changed, a new and a deleted source each break the stamp", (context) => {
  const changed = stampedProject(context);
  writeFileSync(path.join(changed, "lib/a.ts"), "export const a = 10;\n");
  assert.deepEqual(checkStamp(changed, {}), { current: false, reason: "lib/a.ts changed" });

  const added = stampedProject(context);
  writeFileSync(path.join(added, "lib/deep/c.ts"), "export const c = 3;\n");
  assert.deepEqual(checkStamp(added, {}), { current: false, reason: "files added or removed in lib" });

  const deleted = stampedProject(context);
  unlinkSync(path.join(deleted, "next.config.ts"));
  assert.deepEqual(checkStamp(deleted, {}), { current: false, reason: "files added or removed in next.config.ts" });
});

test("a changed data file, build output, variable or a path that appears breaks the stamp", (context) => {
  const data = stampedProject(context);
  writeFileSync(path.join(data, "data/ratings.csv"), "1,2,3\n4,5,6\n");
  assert.deepEqual(checkStamp(data, {}), { current: false, reason: "data/ratings.csv changed" });

  const output = stampedProject(context);
  writeFileSync(path.join(output, ".next/BUILD_ID"), "another build\n");
  assert.deepEqual(checkStamp(output, {}), { current: false, reason: ".next/BUILD_ID changed" });

  const variable = stampedProject(context, { REELCAST_CF_DIM: "64" });
  assert.deepEqual(checkStamp(variable, { REELCAST_CF_DIM: "64" }), { current: true });
  assert.deepEqual(checkStamp(variable, { REELCAST_CF_DIM: "32" }), { current: false, reason: "REELCAST_CF_DIM changed" });
  assert.deepEqual(checkStamp(variable, {}), { current: false, reason: "REELCAST_CF_DIM changed" });

  const appeared = stampedProject(context);
  mkdirSync(path.join(appeared, "data/raw"));
  writeFileSync(path.join(appeared, "data/raw/ratings.csv"), "9,9,9\n");
  assert.deepEqual(checkStamp(appeared, {}), { current: false, reason: "data/raw/ratings.csv appeared" });
});
