/**
 * `npm start`: builds the catalog when missing or stale, builds the app when its sources
 * changed, then serves it on PORT (default 3000) with scripts/serve.mjs: one Next.js server
 * process per core (REELCAST_WORKERS to choose).
 */
import { spawn } from "node:child_process";
import { prepareApp } from "./support/prepare-app";

try {
  await prepareApp();
} catch (error) {
  process.stderr.write(`start failed: ${(error as Error).message}\n`);
  process.exit(1);
}
const port = process.env.PORT ?? "3000";
process.stdout.write(`Serving Reelcast on http://localhost:${port}\n`);
const server = spawn(process.execPath, ["scripts/serve.mjs", "--port", port], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
