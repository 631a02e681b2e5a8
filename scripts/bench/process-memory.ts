import { readFileSync } from "node:fs";

function children(pid: number): number[] {
  try {
    const tasks = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
    return tasks ? tasks.split(/\s+/).map(Number) : [];
  } catch {
    return [];
  }
}

function rssKb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** A process and all its descendants (Linux /proc), e.g. the cluster primary and its workers. */
export function processTree(rootPid: number): number[] {
  const found: number[] = [];
  const pending = [rootPid];
  while (pending.length) {
    const pid = pending.pop()!;
    found.push(pid);
    pending.push(...children(pid));
  }
  return found;
}

/** Resident memory of a process and all its descendants, in MB (Linux /proc). */
export function treeRssMb(rootPid: number): number {
  return Math.round(processTree(rootPid).reduce((total, pid) => total + rssKb(pid), 0) / 1024);
}
