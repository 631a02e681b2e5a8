import { catchUpFromLog, createBanditState, deserializeBanditState, serializeBanditState, type BanditState, type CatchUpResult } from "../bandit";
import type { JsonValue, Store } from "../store";

/**
 * The bandit state at start-up: the newest snapshot plus every logged event after its
 * watermark, replayed exactly as the nearline path applied them. An unreadable snapshot (a
 * feature version change, damage) is set aside and the whole log is replayed instead.
 */
export async function restoreBanditState(store: Store): Promise<{ state: BanditState; replay: CatchUpResult; note: string }> {
  const snapshot = await store.loadBanditState();
  let state = createBanditState();
  let from = 0;
  let note = "no snapshot: replayed the whole event log";
  if (snapshot) {
    try {
      state = deserializeBanditState(snapshot.state);
      from = snapshot.throughSequence;
      note = `snapshot v${snapshot.version} through event ${snapshot.throughSequence}`;
    } catch (error) {
      note = `snapshot v${snapshot.version} unreadable (${error instanceof Error ? error.message : String(error)}): replayed the whole event log`;
    }
  }
  const replay = await catchUpFromLog(state, (afterSequence) => store.readEventLog({ afterSequence, limit: 2000 }), from);
  return { state, replay, note };
}

/**
 * Counts store writes whose in-memory bandit update may still be pending, so a snapshot is only
 * taken when the state holds exactly the events up to the log's newest sequence.
 */
export interface WriteTracker {
  /** Writes started and not yet finished. */
  pending: number;
  /** Writes finished so far. */
  finished: number;
}

/**
 * Wraps a store so that impression and feedback writes are tracked. The caller applies the
 * bandit update in the continuation right after the write resolves: a microtask, so no timer
 * callback (where snapshots run) can observe the write without its update.
 */
export function trackWrites(store: Store): { store: Store; tracker: WriteTracker } {
  const tracker: WriteTracker = { pending: 0, finished: 0 };
  const tracked = <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      tracker.pending++;
      try {
        return await write(...args);
      } finally {
        tracker.pending--;
        tracker.finished++;
      }
    };
  // The store is a plain object of closures (no `this`), so spreading it keeps it working.
  const wrapped: Store = { ...store, recordImpression: tracked(store.recordImpression), recordFeedback: tracked(store.recordFeedback) };
  return { store: wrapped, tracker };
}

/**
 * Saves a snapshot when the state has changed since the last one and no write is in flight.
 * Returns the watermark saved, or null when it skipped.
 */
export async function saveSnapshotIfQuiet(store: Store, state: BanditState, tracker: WriteTracker, lastSaved: { throughSequence: number }, now: number): Promise<number | null> {
  if (tracker.pending > 0) return null;
  const finishedBefore = tracker.finished;
  const throughSequence = await store.lastSequence();
  if (throughSequence === lastSaved.throughSequence || tracker.pending > 0 || tracker.finished !== finishedBefore) return null;
  const serialized = serializeBanditState(state) as unknown as JsonValue;
  await store.saveBanditState({ state: serialized, throughSequence, savedAt: now });
  lastSaved.throughSequence = throughSequence;
  return throughSequence;
}
