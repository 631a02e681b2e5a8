import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../../support/next-server";

/** One way of starting the server: the command line for a given port, run in `cwd`. */
export interface StartCommand {
  label: string;
  /** The checkout to start in (default: the one given to compareStartUps). */
  cwd?: string;
  command: (port: number, cwd: string) => { file: string; args: string[]; environment?: Record<string, string> };
}

/** One answer from /api/health within `timeoutMs`: true on a 200. */
function healthAnswers(port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get({ host: "127.0.0.1", port, path: "/api/health", agent: false, timeout: timeoutMs }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve(false));
  });
}

/**
 * True when a process of group `groupId` is a worker forked by scripts/serve.mjs (its environment
 * names REELCAST_WORKER_COUNT; Linux /proc). The primary forks the first worker as soon as it runs,
 * whichever process the primary is (serve.mjs itself, or a launcher that became the server).
 */
function firstWorkerRuns(groupId: number): boolean {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 5 of /proc/<pid>/stat is the process group; the command name before it may hold spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]) !== groupId) continue;
      if (
        readFileSync(`/proc/${entry}/environ`, "utf8")
          .split("\0")
          .some((variable) => variable.startsWith("REELCAST_WORKER_COUNT="))
      )
        return true;
    } catch {
      // the process ended between the listing and the read
    }
  }
  return false;
}

export interface StartUpTiming {
  /** Spawn → the first 200 of GET /api/health. */
  healthyMs: number;
  /**
   * Spawn → the server's first worker process exists (polled every 5 ms). Everything a launcher
   * does comes before it, and so does the same short stretch of serve.mjs in every case, but none
   * of the noise of the worker's seconds-long engine load.
   */
  firstWorkerMs: number;
}

/**
 * Times `start` from spawn until GET /api/health first answers 200 (polled every 10 ms) and until
 * the server's first worker process appears, with a fresh temporary database; then the whole process group is
 * stopped. The command runs in its own process group so that npm, tsx, the server's primary and
 * its workers all go.
 */
async function timeToFirstHealthy(start: StartCommand, cwd: string, timeoutMs = 60_000): Promise<StartUpTiming> {
  const port = await freePort();
  const databaseDirectory = mkdtempSync(path.join(tmpdir(), "reelcast-start-"));
  const { file, args, environment } = start.command(port, cwd);
  const started = performance.now();
  const child = spawn(file, args, {
    cwd,
    env: { ...process.env, PORT: String(port), REELCAST_DB_PATH: path.join(databaseDirectory, "reelcast.sqlite"), ...environment },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  let firstWorkerMs: number | null = null;
  const watchFirstWorker = async () => {
    while (firstWorkerMs === null && child.exitCode === null && performance.now() - started < timeoutMs) {
      if (firstWorkerRuns(child.pid!)) firstWorkerMs = Math.round(performance.now() - started);
      else await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  const watching = watchFirstWorker();
  try {
    while (performance.now() - started < timeoutMs) {
      if (child.exitCode !== null) throw new Error(`${start.label} exited early (${child.exitCode}):\n${output}`);
      if (await healthAnswers(port, 1000)) {
        const healthyMs = Math.round(performance.now() - started);
        await watching;
        return { healthyMs, firstWorkerMs: firstWorkerMs ?? Number.NaN };
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`${start.label}: no 200 from /api/health within ${timeoutMs} ms:\n${output}`);
  } finally {
    signalGroup("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    // Workers left behind by a primary that went first go with the group.
    signalGroup("SIGKILL");
    rmSync(databaseDirectory, { recursive: true, force: true });
  }
}

/**
 * Times each command `rounds` times, the commands taking turns within every round so that a
 * change in the machine's load falls on all of them alike. Samples in round order per label.
 */
export async function compareStartUps(commands: readonly StartCommand[], cwd: string, rounds: number, log: (line: string) => void = () => {}): Promise<Record<string, StartUpTiming[]>> {
  const samples: Record<string, StartUpTiming[]> = Object.fromEntries(commands.map((command) => [command.label, []]));
  for (let round = 0; round < rounds; round++) {
    const line: string[] = [];
    for (const command of commands) {
      const timing = await timeToFirstHealthy(command, command.cwd ?? cwd);
      samples[command.label].push(timing);
      line.push(`${command.label} ${timing.healthyMs} ms (first worker at ${timing.firstWorkerMs})`);
    }
    log(`  round ${round + 1}/${rounds}: ${line.join(", ")}`);
  }
  return samples;
}

/** `npm start` and the server alone, as the start-up bench compares them. */
export const NPM_START: StartCommand = { label: "npm start", command: () => ({ file: "npm", args: ["start", "--silent"] }) };
/**
 * The tree's start script (package.json "start") run by a shell as npm would, without npm's own
 * start-up: what the project's launcher adds, apart from npm's.
 */
export const START_SCRIPT: StartCommand = {
  label: "start script without npm",
  command: (_port, cwd) => ({
    file: "sh",
    args: ["-c", (JSON.parse(readFileSync(path.join(cwd, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start],
    environment: { PATH: `${path.join(cwd, "node_modules", ".bin")}${path.delimiter}${process.env.PATH ?? ""}` },
  }),
};
export const SERVER_ALONE: StartCommand = {
  label: "node scripts/serve.mjs",
  command: (port) => ({ file: process.execPath, args: ["scripts/serve.mjs", "--port", String(port)], environment: { NODE_ENV: "production" } }),
};
