import { readFileSync } from "node:fs";

/** The parts of a V8 .cpuprofile (node --cpu-prof) this reads. */
interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>;
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileShares {
  /** Milliseconds of the main thread sampled inside the window, idle time left out (GC counted). */
  busyMs: number;
  /** Milliseconds of those inside the store: lib/store/ frames and everything they call (better-sqlite3, JSON). */
  storeMs: number;
  /** The store's busiest functions by self time (native SQLite work shows as its JS caller's). */
  topStoreFunctions: Array<{ name: string; ms: number }>;
}

const inStore = (url: string) => url.includes("/lib/store/");

/**
 * Where a probe's CPU went while it served requests (`windowUs`: monotonic microseconds, the
 * clock of the sample times; start-up and warm-up fall outside): of the samples not idle, those
 * with a lib/store frame on the stack count as the store's. The log follower's catch-up is a
 * store call, so it counts too; a session-update callback runs inside the store call and is
 * counted there (it is small: the probe reports it apart). Garbage collection counts in the
 * whole, never as the store's, though the store allocates some of what it collects.
 */
export function profileShares(file: string, windowUs: readonly [number, number]): ProfileShares {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const sampled = new Map<number, number>();
  let time = profile.startTime;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    time += delta;
    if (time >= windowUs[0] && time <= windowUs[1]) sampled.set(id, (sampled.get(id) ?? 0) + delta);
  });

  let busyUs = 0;
  let storeUs = 0;
  const selfInStore = new Map<string, number>();
  for (const [id, microseconds] of sampled) {
    if (byId.get(id)!.callFrame.functionName === "(idle)") continue;
    busyUs += microseconds;
    let innermostStore: string | null = null;
    for (let current: number | undefined = id; current !== undefined && innermostStore === null; current = parentOf.get(current)) {
      const frame = byId.get(current)!.callFrame;
      if (inStore(frame.url)) innermostStore = `${frame.functionName || "(anonymous)"} (${frame.url.slice(frame.url.indexOf("lib/store/"))})`;
    }
    if (innermostStore === null) continue;
    storeUs += microseconds;
    selfInStore.set(innermostStore, (selfInStore.get(innermostStore) ?? 0) + microseconds);
  }
  return {
    busyMs: busyUs / 1000,
    storeMs: storeUs / 1000,
    topStoreFunctions: [...selfInStore]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([name, microseconds]) => ({ name, ms: microseconds / 1000 })),
  };
}
