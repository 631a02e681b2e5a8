import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export interface RunningServer {
  baseUrl: string;
  /** Signals the whole server: the cluster primary and its worker processes (a process group). */
  kill: (signal: NodeJS.Signals) => void;
  /** The SQLite database the server writes (a fresh temporary one unless REELCAST_DB_PATH was given). */
  databasePath: string;
  process: ChildProcess;
  /** Everything the server printed, for failure messages. */
  output: () => string;
  /**
   * Resolves when every worker process serves. The first one answers alone (the cold start);
   * the others load after it, so a load test waits for this.
   */
  allWorkersServing: () => Promise<void>;
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
 * Starts the production server as `npm start` runs it (scripts/serve.mjs: one Next.js process
 * per core behind node:cluster; it needs `next build` first, which npm test does) on a free
 * loopback port and waits until it answers. REELCAST_WORKERS in `environment` sets the process
 * count. Fair-use limits are off (REELCAST_RATE_LIMIT=off) unless `environment` sets
 * REELCAST_RATE_LIMIT: benches and tests about other things send far more than one person would.
 */
export async function startNextServer(environment: Record<string, string> = {}, timeoutMs = 60_000, pollMs = 200): Promise<RunningServer> {
  const port = await freePort();
  // Tests and benchmarks never write into the developer's database.
  const temporaryDirectory = environment.REELCAST_DB_PATH ? null : mkdtempSync(path.join(tmpdir(), "reelcast-server-"));
  const databasePath = environment.REELCAST_DB_PATH ?? path.join(temporaryDirectory!, "reelcast.sqlite");
  const child = spawn(process.execPath, ["scripts/serve.mjs", "--hostname", "127.0.0.1", "--port", String(port)], {
    env: { ...process.env, NODE_ENV: "production", REELCAST_RATE_LIMIT: "off", ...environment, REELCAST_DB_PATH: databasePath },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so that a kill reaches the workers as well as the primary.
    detached: true,
  });
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  // A detached group outlives its parent: a test or bench that dies (an uncaught error in a load
  // callback) would leave the server running and loading the machine for every later measurement.
  const killOnExit = () => kill("SIGKILL");
  process.once("exit", killOnExit);
  child.once("exit", () => process.removeListener("exit", killOnExit));
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
        kill("SIGKILL");
        cleanUp();
        return resolve();
      }
      child.once("exit", () => {
        // Workers left behind by a primary that died first go with the group.
        kill("SIGKILL");
        cleanUp();
        resolve();
      });
      kill("SIGTERM");
    });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited early (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) });
      const allWorkersServing = async () => {
        const deadline = Date.now() + timeoutMs;
        while (!/\[reelcast\] serving on /.test(output)) {
          if (Date.now() > deadline || child.exitCode !== null) throw new Error(`not every worker started:\n${output}`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      };
      if (response.ok) return { baseUrl, databasePath, process: child, kill, output: () => output, stop, allWorkersServing };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  await stop();
  throw new Error(`the server did not answer within ${timeoutMs} ms:\n${output}`);
}
