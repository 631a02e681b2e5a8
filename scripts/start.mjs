/**
 * `npm start`: serves Reelcast on PORT (default 3000) with scripts/serve.mjs (one Next.js server
 * process per core; REELCAST_WORKERS to choose), after building the catalog bundle and the app
 * when either is missing or stale.
 *
 * Plain JavaScript on purpose: when the build stamp (scripts/support/build-stamp.mjs: sizes and
 * modification times of every source, recorded by the last build) still holds, nothing is stale
 * and the server starts after a few milliseconds of stat calls, with no TypeScript loader and no
 * hashing. Otherwise scripts/build-if-stale.ts decides by content hashes, under tsx.
 */
import { spawn } from "node:child_process";
import cluster from "node:cluster";
import { fileURLToPath } from "node:url";
import { checkStamp } from "./support/build-stamp.mjs";

const stamp = checkStamp(process.cwd());
if (!stamp.current) {
  const prepare = spawn(process.execPath, ["--import", "tsx", "scripts/build-if-stale.ts"], { stdio: "inherit" });
  const code = await new Promise((resolve) => prepare.once("exit", (exitCode) => resolve(exitCode)));
  if (code !== 0) {
    process.stderr.write(`start failed: preparing the catalog and the build exited with code ${code}\n`);
    process.exit(1);
  }
}
process.stdout.write(`Serving Reelcast on http://localhost:${process.env.PORT ?? "3000"}\n`);
// This process becomes the server (as an exec would): a second Node start-up would cost more
// than everything above. Its cluster workers run serve.mjs itself, not this launcher.
process.env.NODE_ENV = "production";
cluster.setupPrimary({ exec: fileURLToPath(new URL("./serve.mjs", import.meta.url)) });
await import("./serve.mjs");
