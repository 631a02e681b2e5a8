import { readdirSync, readFileSync } from "node:fs";

/** Process ids whose parent is `parent` (the cluster's workers), oldest first, read from /proc. */
export function childPids(parent: number): number[] {
  const pids: Array<{ pid: number; startedAt: number }> = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent pid; the command name before it may hold spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // Field 22 is the start time (clock ticks after boot).
      if (Number(fields[1]) === parent) pids.push({ pid: Number(entry), startedAt: Number(fields[19]) });
    } catch {
      // gone meanwhile
    }
  }
  return pids.sort((a, b) => a.startedAt - b.startedAt).map((entry) => entry.pid);
}
