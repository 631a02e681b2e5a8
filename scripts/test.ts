/**
 * `npm test`: type check, lint (import rules included), the import-cycle check, the formatting
 * check (Prettier) and unused code (knip) first, then
 * prepares what the tests need (catalog bundle, production build), then runs the
 * unit and HTTP tests with node's test runner, the abuse suite (scripts/test-abuse.ts) and the
 * browser tests with Playwright.
 * `npm test -- --skip-e2e` leaves the browser out.
 * Every child inherits this environment: REELCAST_TEST_DATABASE_URL runs the store tests against
 * PostgreSQL as well (.ci/run starts a cluster and sets it, with CI=1 so that its absence fails).
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { prepareApp } from "./support/prepare-app";
import { nodeTestArguments } from "./support/node-test-arguments";
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
// Import rules (docs/ARCHITECTURE.md: rooms, folder indexes) and cycles: cheap, and a broken rule
// should fail the run before the build and the servers.
const lintCode = await runCommand(process.execPath, ["node_modules/eslint/bin/eslint.js", "--max-warnings=0", "."]);
if (lintCode !== 0) {
  process.stderr.write("npm test: lint errors (above); fix them first.\n");
  process.exit(lintCode);
}
const cyclesCode = await runCommand("npm", ["run", "--silent", "check:cycles"]);
if (cyclesCode !== 0) {
  process.stderr.write("npm test: import cycles (above); break them first.\n");
  process.exit(cyclesCode);
}
// Formatting (.prettierrc.json): one layout, checked rather than argued about in review.
const formatCode = await runCommand(process.execPath, ["node_modules/prettier/bin/prettier.cjs", "--check", "--log-level=warn", "."]);
if (formatCode !== 0) {
  process.stderr.write("npm test: files not formatted (above); run `npm run format`.\n");
  process.exit(formatCode);
}
// Unused files, exports and dependencies (knip.json): dead code fails the run like a lint error.
const unusedCode = await runCommand(process.execPath, ["node_modules/knip/bin/knip.js", "--no-progress"]);
if (unusedCode !== 0) {
  process.stderr.write("npm test: unused files, exports or dependencies (above); remove them, or name the entry point in knip.json.\n");
  process.exit(unusedCode);
}
await prepareApp();
const nodeTests = [...testFiles("tests/unit"), ...testFiles("tests/http")].sort();
const nodeCode = await runCommand(process.execPath, nodeTestArguments(nodeTests));
// The abuse suite (tests/abuse/): limits, budgets, faults and fair use against the running server.
const abuseCode = await runCommand(process.execPath, ["--import", "tsx", "scripts/test-abuse.ts"]);
let browserCode = 0;
if (!process.argv.includes("--skip-e2e")) {
  browserCode = await runCommand(process.execPath, ["node_modules/@playwright/test/cli.js", "test"]);
}
process.exit(nodeCode || abuseCode || browserCode);
