import type { BanditState } from "./bandit-state";
import { FEATURE_VERSION, type SparseFeatures } from "./features";
import { replayEventLog, type ReplayEntry } from "./feedback-loop";
import { feedbackEventSchema, type FeedbackEvent } from "./rewards";

/** An event-log entry as the store returns it (structurally; lib/bandit does not import lib/store). */
export type StoredLogEntry =
  | { type: "impression"; sequence: number; impressionId: string; featureVersion: number; slots: ReadonlyArray<{ itemId: string; features: SparseFeatures }> }
  | { type: "feedback"; sequence: number; impressionId: string; itemId: string; event: string; featureVersion: number; features: SparseFeatures; previousEvents?: readonly string[] };

export interface CatchUpResult {
  /** The last log sequence read: save it as the snapshot's watermark. */
  throughSequence: number;
  impressions: number;
  slots: number;
  feedback: number;
  /** Entries logged with another feature version, or with an event this code does not know. */
  skipped: number;
}

const isFeedbackEvent = (event: string): event is FeedbackEvent => feedbackEventSchema.safeParse(event).success;

/** A store entry as a replay entry, or null when this code cannot replay it (other feature version, unknown event). */
export function toReplayEntry(entry: StoredLogEntry): ReplayEntry | null {
  if (entry.featureVersion !== FEATURE_VERSION) return null;
  if (entry.type === "impression") return { type: "impression", sequence: entry.sequence, impressionId: entry.impressionId, slots: entry.slots };
  if (!isFeedbackEvent(entry.event)) return null;
  return {
    type: "feedback",
    sequence: entry.sequence,
    impressionId: entry.impressionId,
    itemId: entry.itemId,
    event: entry.event,
    features: entry.features,
    previousEvents: entry.previousEvents?.filter(isFeedbackEvent),
  };
}

/**
 * Brings `state` up to date with the event log after `afterSequence` (mutates `state`) with the
 * nearline rules of feedback-loop.ts: impressions are counted, each slot's first feedback event
 * is a labelled observation and later ones move its label. Both rules read only the entry
 * itself (its features and the slot's earlier events), so a replay from any watermark applies
 * exactly what the live process applied. Used on the server's start-up path (latest snapshot +
 * the events since its watermark) and by the rebuild (empty state + the whole log). `readPage`
 * is the store's `readEventLog`, passed in so this stays free of I/O; it must return entries
 * with sequence > its argument, oldest first, and an empty page at the end.
 */
export async function catchUpFromLog(state: BanditState, readPage: (afterSequence: number) => Promise<readonly StoredLogEntry[]>, afterSequence = 0): Promise<CatchUpResult> {
  const result: CatchUpResult = { throughSequence: afterSequence, impressions: 0, slots: 0, feedback: 0, skipped: 0 };
  const slotEvents = new Map<string, FeedbackEvent[]>();
  const progress = { lastSequence: afterSequence };
  for (;;) {
    const page = await readPage(result.throughSequence);
    if (page.length === 0) break;
    const entries: ReplayEntry[] = [];
    for (const stored of page) {
      const entry = toReplayEntry(stored);
      if (!entry) {
        result.skipped++;
        continue;
      }
      entries.push(entry);
      if (entry.type === "impression") {
        result.impressions++;
        result.slots += entry.slots.length;
      } else result.feedback++;
    }
    replayEventLog(state, entries, slotEvents, progress);
    result.throughSequence = page[page.length - 1].sequence;
    progress.lastSequence = result.throughSequence;
  }
  return result;
}
