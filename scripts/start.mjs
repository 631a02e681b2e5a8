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
import { checkStamp } from "./support/build-stamp.mjs";

/** Runs node with `args` on this terminal; `exited` resolves with its exit code (null when a signal ended it). */
function run(args, environment = process.env) {
  const child = spawn(process.execPath, args, { stdio: "inherit", env: environment });
  return { child, exited: new Promise((resolve) => child.once("exit", (code) => resolve(code))) };
}

const stamp = checkStamp(process.cwd());
if (!stamp.current) {
  const code = await run(["--import", "tsx", "scripts/build-if-stale.ts"]).exited;
  if (code !== 0) {
    process.stderr.write(`start failed: preparing the catalog and the build exited with code ${code}\n`);
    process.exit(1);
  }
}
const port = process.env.PORT ?? "3000";
process.stdout.write(`Serving Reelcast on http://localhost:${port}\n`);
const server = run(["scripts/serve.mjs", "--port", port], { ...process.env, NODE_ENV: "production" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.child.kill(signal));
process.exit((await server.exited) ?? 0);
