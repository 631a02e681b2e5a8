import { execFileSync } from "node:child_process";
import os from "node:os";

/** What a benchmark figure needs beside it, read when the run starts: date, commit, machine and how busy it was. */
export interface RunContext {
  date: string;
  commit: string;
  /** True when the working tree differed from the commit (uncommitted changes were measured too). */
  uncommittedChanges: boolean;
  machine: string;
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
