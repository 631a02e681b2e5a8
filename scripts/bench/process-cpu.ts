import { readFileSync } from "node:fs";
import { processTree } from "./process-memory";

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux everywhere in practice). */
const TICKS_PER_SECOND = 100;

/** User plus system CPU of one process, all its threads, in clock ticks. */
function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces) in parentheses; utime and stime are the 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/**
 * CPU time used so far by a process and all its descendants (the cluster primary and its
 * workers), in milliseconds, 10 ms resolution (Linux /proc). The difference across a load row
 * divided by its requests is the server's CPU per request, which the machine's other load
 * changes far less than it changes throughput.
 */
export function treeCpuMs(rootPid: number): number {
  const ticks = processTree(rootPid).reduce((total, pid) => total + cpuTicks(pid), 0);
  return (ticks * 1000) / TICKS_PER_SECOND;
}
