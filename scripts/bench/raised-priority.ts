import { getPriority, setPriority } from "node:os";

/** Scheduling priority (nice) used while timing single queries, when the OS allows raising it. */
export const TIMING_PRIORITY = -10;

/**
 * Runs `measure` at raised scheduling priority, then restores the previous one. The benchmark
 * machine is shared: without it, a query that happens to be preempted by another process adds a
 * scheduler time slice (~4 ms) to the tail, which says nothing about the code measured. Use it for
 * short single-threaded timing loops only, never for builds. Returns whether the priority could
 * be raised (it needs privileges); otherwise the loop runs at normal priority.
 */
export function atRaisedPriority<T>(measure: () => T): [T, boolean] {
  const previous = getPriority();
  let raised = false;
  try {
    setPriority(TIMING_PRIORITY);
    raised = true;
  } catch {
    // Not permitted: measure at normal priority; callers report it.
  }
  try {
    return [measure(), raised];
  } finally {
    if (raised) setPriority(previous);
  }
}
