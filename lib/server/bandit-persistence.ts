import { catchUpFromLog, createBanditState, deserializeBanditState, type BanditState, type CatchUpResult } from "../bandit";
import type { Store } from "../store";

/**
 * The bandit state at start-up: the newest snapshot plus every logged event after its
 * watermark, replayed exactly as the nearline path applied them. An unreadable snapshot (a
 * feature version change, damage) is set aside and the whole log is replayed instead.
 */
export async function restoreBanditState(store: Store): Promise<{ state: BanditState; replay: CatchUpResult; note: string; snapshotSequence: number }> {
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
  return { state, replay, note, snapshotSequence: snapshot?.throughSequence ?? 0 };
}
