/**
 * `npm test`: prepares what the tests need (catalog bundle, production build), then runs the
 * unit and HTTP tests with node's test runner, the abuse suite (scripts/test-abuse.ts) and the
 * browser tests with Playwright.
 * `npm test -- --skip-e2e` leaves the browser out.
 * Every child inherits this environment: REELCAST_TEST_DATABASE_URL runs the store tests against
 * PostgreSQL as well (.ci/run starts a cluster and sets it, with CI=1 so that its absence fails).
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { prepareApp } from "./support/prepare-app";
import { runCommand } from "./support/run-command";

function testFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const full = path.join(directory, entry);
    if (statSync(full).isDirectory()) return testFiles(full);
    return entry.endsWith(".test.ts") ? [full] : [];
  });
}

const typecheckCode = await runCommand(process.execPath, ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "."]);
if (typecheckCode !== 0) {
  process.stderr.write("npm test: type errors (above); fix them first.\n");
  process.exit(typecheckCode);
}
await prepareApp();
const nodeTests = [...testFiles("tests/unit"), ...testFiles("tests/http")].sort();
// One file at a time: HTTP tests start servers, and the machine has two cores.
const nodeCode = await runCommand(process.execPath, ["--import", "tsx", "--test", "--test-concurrency=1", "--test-reporter=spec", ...nodeTests]);
// The abuse suite (tests/abuse/): limits, budgets, faults and fair use against the running server.
const abuseCode = await runCommand(process.execPath, ["--import", "tsx", "scripts/test-abuse.ts"]);
let browserCode = 0;
if (!process.argv.includes("--skip-e2e")) {
  browserCode = await runCommand(process.execPath, ["node_modules/@playwright/test/cli.js", "test"]);
}
process.exit(nodeCode || abuseCode || browserCode);
