import type { EvaluationWindow, WindowImpression } from "../evaluation";
import type { EventLogEntry, Store } from "../store";
import { StoreNotFoundError } from "../store/store-errors";

/**
 * Reads windows of the log for the evaluator through the Store's existing reads, so every
 * backend serves it without a new method: the event log (impressions and feedback share one
 * sequence, roughly in time order) is binary-searched for the first entry of the earliest window
 * (about 25 one-row reads), paged forward until past the last window's end plus the feedback
 * horizon, and each impression in a window is then read once with `getImpression` for its
 * context (the event log leaves it out). Between pages and every few impressions it yields to
 * the event loop, so a serving process keeps answering requests.
 */

export interface WindowReadOptions {
  /** Windows to read, as [from, to) in Unix milliseconds; adjacent or not, any order. */
  windows: ReadonlyArray<{ from: number; to: number }>;
  /** Feedback counts only within this long after its impression (the same for every window, so rates compare). */
  feedbackHorizonMs: number;
  /** At most this many impressions per window: more are thinned evenly (deterministic). */
  maxImpressions: number;
  /** Event-log page size. Default 1000. */
  pageSize?: number;
  /** Processes' clocks and write order disagree by at most this much. Default 60 s. */
  clockSlackMs?: number;
  /** Called between pages and reads; default: one macrotask (setImmediate). */
  pause?: () => Promise<void>;
}

export interface WindowReadStats {
  /** Event-log entries read. */
  entries: number;
  /** Impressions created in each window before thinning. */
  impressionsFound: number[];
}

const timeOf = (entry: EventLogEntry) => (entry.type === "impression" ? entry.createdAt : entry.at);
const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The sequence after which the log's entries are at or past `time` (within the slack). */
async function sequenceBefore(store: Store, time: number): Promise<number> {
  let low = 0;
  let high = await store.lastSequence();
  // Invariant: the entry after `low` may be at or past `time`; every entry after `high` is (or there is none).
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    const [entry] = await store.readEventLog({ afterSequence: middle, limit: 1 });
    if (!entry || timeOf(entry) >= time) high = middle;
    else low = entry.sequence;
  }
  return low;
}

function thinned<T>(values: readonly T[], maximum: number): T[] {
  if (values.length <= maximum) return [...values];
  return Array.from({ length: maximum }, (_, index) => values[Math.floor((index * values.length) / maximum)]);
}

export async function readEvaluationWindows(store: Store, options: WindowReadOptions): Promise<{ windows: EvaluationWindow[]; stats: WindowReadStats }> {
  const pause = options.pause ?? nextTick;
  const slack = options.clockSlackMs ?? 60_000;
  const earliest = Math.min(...options.windows.map((window) => window.from));
  const latest = Math.max(...options.windows.map((window) => window.to));
  const windowOf = (createdAt: number) => options.windows.findIndex((window) => createdAt >= window.from && createdAt < window.to);
  const found = options.windows.map(() => [] as Array<{ id: string; createdAt: number; policy: string; slots: WindowImpression["slots"] }>);
  const byId = new Map<string, { createdAt: number; slots: Map<string, string[]> }>();
  let entries = 0;
  let after = await sequenceBefore(store, earliest - slack);
  for (;;) {
    const page = await store.readEventLog({ afterSequence: after, limit: options.pageSize ?? 1000 });
    if (page.length === 0) break;
    entries += page.length;
    let past = false;
    for (const entry of page) {
      if (timeOf(entry) > latest + options.feedbackHorizonMs + slack) past = true;
      if (entry.type === "impression") {
        const index = windowOf(entry.createdAt);
        if (index < 0) continue;
        const slots = entry.slots.map((slot) => ({ itemId: slot.itemId, position: slot.position, explanationKind: slot.explanationKind, propensity: slot.propensity, events: [] as string[] }));
        found[index].push({ id: entry.impressionId, createdAt: entry.createdAt, policy: entry.policy, slots });
        byId.set(entry.impressionId, { createdAt: entry.createdAt, slots: new Map(slots.map((slot) => [slot.itemId, slot.events])) });
      } else {
        const impression = byId.get(entry.impressionId);
        if (impression && entry.at <= impression.createdAt + options.feedbackHorizonMs) impression.slots.get(entry.itemId)?.push(entry.event);
      }
    }
    after = page[page.length - 1].sequence;
    if (past) break;
    await pause();
  }
  const windows: EvaluationWindow[] = [];
  for (const [index, window] of options.windows.entries()) {
    const impressions: WindowImpression[] = [];
    for (const impression of thinned(found[index], options.maxImpressions)) {
      if (impressions.length % 100 === 99) await pause();
      // An impression pruned since the log was read is simply not in the window.
      const record = await store.getImpression(impression.id).catch((error: unknown) => {
        if (error instanceof StoreNotFoundError) return null;
        throw error;
      });
      if (record) impressions.push({ ...impression, context: record.context });
    }
    windows.push({ from: window.from, to: window.to, impressions });
  }
  return { windows, stats: { entries, impressionsFound: found.map((list) => list.length) } };
}
