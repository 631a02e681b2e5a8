import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export interface RunningServer {
  baseUrl: string;
  /** The SQLite database the server writes (a fresh temporary one unless REELCAST_DB_PATH was given). */
  databasePath: string;
  process: ChildProcess;
  /** Everything the server printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/** A free loopback port, found by binding port 0. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * Starts the production server (`next start`, which needs `next build` first; npm test does
 * that) on a free loopback port and waits until it answers.
 */
export async function startNextServer(environment: Record<string, string> = {}, timeoutMs = 60_000, pollMs = 200): Promise<RunningServer> {
  const port = await freePort();
  // Tests and benchmarks never write into the developer's database.
  const temporaryDirectory = environment.REELCAST_DB_PATH ? null : mkdtempSync(path.join(tmpdir(), "reelcast-server-"));
  const databasePath = environment.REELCAST_DB_PATH ?? path.join(temporaryDirectory!, "reelcast.sqlite");
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "--hostname", "127.0.0.1", "--port", String(port)], {
    env: { ...process.env, NODE_ENV: "production", ...environment, REELCAST_DB_PATH: databasePath },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  const cleanUp = () => {
    if (temporaryDirectory) rmSync(temporaryDirectory, { recursive: true, force: true });
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        cleanUp();
        return resolve();
      }
      child.once("exit", () => {
        cleanUp();
        resolve();
      });
      child.kill("SIGTERM");
    });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited early (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return { baseUrl, databasePath, process: child, output: () => output, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  await stop();
  throw new Error(`next start did not answer within ${timeoutMs} ms:\n${output}`);
}
