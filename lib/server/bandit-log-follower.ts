import { catchUpFromLog, replayEventLog, serializeBanditState, toReplayEntry, type BanditState, type StoredLogEntry } from "../bandit";
import type { EventLogNotifications, JsonValue, Store } from "../store";

/** Entries read per store call while catching up. */
const PAGE_SIZE = 2000;

/**
 * One process's bandit state kept equal to the event log. The server runs one process per core,
 * and any of them may record an impression or a feedback event; every process applies every
 * logged entry exactly once, in sequence order, whoever wrote it. The state always holds exactly
 * the entries up to the last one applied, so a snapshot is simply the state and that watermark.
 */
export interface BanditLogFollower {
  /**
   * Applies the entries logged since the last call. Resolves once the state holds every entry
   * committed before the call; concurrent callers share one read of the log. With
   * notifications (PostgreSQL) while the LISTEN connection is up: every entry notified before
   * the call, read when the notification arrived, so a request reads nothing when no other
   * replica wrote; an entry another replica committed a moment ago may still be on its way.
   */
  catchUp(): Promise<void>;
  /**
   * Applies an entry this process has just committed. When it directly follows the watermark it
   * is applied from memory (no read: the common case, and always so with one process); when
   * another process wrote in between, the log is read up to it, so the order stays the log's.
   */
  applyOwn(entry: StoredLogEntry): Promise<void>;
  /**
   * Catches up, then saves a snapshot when anything was applied since the last one. Returns the
   * snapshot's watermark, or null when nothing changed.
   */
  snapshot(now: number): Promise<number | null>;
  /** Stops listening for notifications (nothing to stop without them). */
  stop(): void;
}

/**
 * Follows the store's event log from `throughSequence` (where a restore left `state`).
 * `lastSnapshotSequence` is the newest saved snapshot's watermark, so an idle restart does not
 * save an identical one. With `notifications` (PostgreSQL's LISTEN/NOTIFY) the follower applies
 * other replicas' entries as they are notified instead of asking the store on every catchUp,
 * and catches up by sequence whenever notifications may have been missed (on connecting and
 * after every reconnect); while the connection is down, catchUp reads the shared sequence as
 * without notifications.
 */
export function followBanditLog(
  store: Store,
  state: BanditState,
  throughSequence: number,
  lastSnapshotSequence = throughSequence,
  notifications: EventLogNotifications | null = null,
): BanditLogFollower {
  let applied = throughSequence;
  // The highest sequence notified, and whether the follower caught up by sequence since the
  // LISTEN connection last (re)connected (only then do notifications tell it everything).
  let notified = 0;
  let listening = false;
  let snapshotThrough = lastSnapshotSequence;
  // Every read-and-apply runs after the previous one: two overlapping catch-ups would read the
  // same entries and apply them twice.
  let tail: Promise<void> = Promise.resolve();
  // A catch-up queued behind the running one; callers arriving meanwhile share it.
  let queued: Promise<void> | null = null;

  const readAndApply = async () => {
    // The shared sequence first: one row read by key. When no process logged anything past what
    // is applied (always so for a lone process, whose own entries arrive through applyOwn), the
    // log query is skipped.
    if ((await store.lastSequence()) <= applied) return;
    await catchUpFromLog(
      state,
      (afterSequence) => {
        // catchUpFromLog applies a whole page before asking for the next, so everything up to
        // `afterSequence` is in the state even if this read fails.
        applied = afterSequence;
        return store.readEventLog({ afterSequence, limit: PAGE_SIZE });
      },
      applied,
    );
  };

  const enqueue = <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task);
    tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };

  const readQueued = (): Promise<void> => {
    if (queued) return queued;
    const run = enqueue(async () => {
      queued = null;
      await readAndApply();
    });
    queued = run;
    return run;
  };

  const catchUp = (): Promise<void> => {
    if (listening && notifications?.connected()) {
      // Nothing notified past the watermark: no other replica wrote. Wait only for work queued.
      if (notified <= applied) return queued ?? tail;
    }
    return readQueued();
  };

  const unsubscribe = notifications?.subscribe((sequence) => {
    if (sequence === null) {
      // (Re)connected: whatever was committed while nobody listened is only in the log.
      listening = false;
      readQueued().then(
        () => (listening = true),
        () => undefined,
      );
      return;
    }
    notified = Math.max(notified, sequence);
    if (sequence > applied) readQueued().catch(() => undefined);
  });

  const applyOwn = (entry: StoredLogEntry) =>
    enqueue(async () => {
      if (entry.sequence <= applied) return; // a catch-up already read it from the log
      if (entry.sequence > applied + 1) return readAndApply();
      const replay = toReplayEntry(entry);
      // Another feature version: the replay skips it too, so only the watermark moves.
      if (replay) replayEventLog(state, [replay], new Map(), { lastSequence: applied });
      applied = entry.sequence;
    });

  return {
    catchUp,
    applyOwn,
    snapshot: (now) =>
      enqueue(async () => {
        await readAndApply();
        if (applied === snapshotThrough) return null;
        const through = applied;
        await store.saveBanditState({ state: serializeBanditState(state) as unknown as JsonValue, throughSequence: through, savedAt: now });
        snapshotThrough = through;
        return through;
      }),
    stop: () => unsubscribe?.(),
  };
}
