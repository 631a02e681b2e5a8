import { execFileSync } from "node:child_process";
import os from "node:os";

/** What an eval or benchmark figure needs beside it, read when the run starts: date, commit, machine and how busy it was. */
export interface RunContext {
  /** ISO 8601, UTC. */
  date: string;
  commit: string;
  /** True when the working tree differed from the commit (uncommitted changes were measured too). */
  uncommittedChanges: boolean;
  /** Cores (CPU model), memory, Node version: "2 cores (AMD EPYC …), 24 GiB, Node 20.20.2". */
  machine: string;
  /** 1-minute load average when the run started, to one decimal. */
  loadAverageAtStart: number;
}

export function runContext(cwd = process.cwd()): RunContext {
  const git = (...args: string[]) => {
    try {
      return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    } catch {
      return "";
    }
  };
  return {
    date: new Date().toISOString(),
    commit: git("rev-parse", "--short", "HEAD") || "unknown",
    uncommittedChanges: git("status", "--porcelain", "--untracked-files=no") !== "",
    machine: `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`,
    loadAverageAtStart: Math.round(os.loadavg()[0] * 10) / 10,
  };
}

/** "commit abc1234 (+ uncommitted changes)". */
export const describeCommit = (context: RunContext) => `commit ${context.commit}${context.uncommittedChanges ? " + uncommitted changes" : ""}`;

/** "2026-12-03 18:50 UTC, commit abc1234 + uncommitted changes, 2 cores (…), 24 GiB, Node 20.20.2, load average 1.3 at start": one line for a docs section. */
export const describeRun = (context: RunContext) =>
  `${context.date.slice(0, 16).replace("T", " ")} UTC, ${describeCommit(context)}, ${context.machine}, load average ${context.loadAverageAtStart} at start`;
