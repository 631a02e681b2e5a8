import type { Store } from "./store";

/** Told about every store call's outcome: how a server notices a store that stopped working. */
export interface StoreCallListener {
  /** A call failed (any error; the listener decides what it means). */
  failed(error: unknown): void;
  /** A write committed: the store takes writes again. */
  wrote(): void;
}

/**
 * The same store, telling `listener` when a call fails and when a write commits. The calls and
 * their results are unchanged (errors are rethrown). probeWrite and close pass through: a probe's
 * outcome is its caller's to report.
 */
export function reportingStore(store: Store, listener: StoreCallListener): Store {
  const watch =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>, isWrite: boolean) =>
    async (...args: A): Promise<R> => {
      try {
        const result = await call(...args);
        if (isWrite) listener.wrote();
        return result;
      } catch (error) {
        listener.failed(error);
        throw error;
      }
    };
  return {
    recordImpression: watch((impression) => store.recordImpression(impression), true),
    recordAnswer: watch((answer) => store.recordAnswer(answer), true),
    getImpression: watch((id) => store.getImpression(id), false),
    recordFeedback: watch((feedback) => store.recordFeedback(feedback), true),
    listFeedback: watch((impressionId) => store.listFeedback(impressionId), false),
    listSessionFeedback: watch((sessionId) => store.listSessionFeedback(sessionId), false),
    appendConversation: watch((sessionId, messages, at, options) => store.appendConversation(sessionId, messages, at, options), true),
    listConversation: watch((sessionId, options) => store.listConversation(sessionId, options), false),
    lastConversationMessage: watch((sessionId) => store.lastConversationMessage(sessionId), false),
    getSession: watch((id) => store.getSession(id), false),
    saveSession: watch((id, state, at) => store.saveSession(id, state, at), true),
    updateSession: watch((id, at, update) => store.updateSession(id, at, update), true),
    reserveLlmSpend: watch((reservation) => store.reserveLlmSpend(reservation), true),
    llmSpendSince: watch((since) => store.llmSpendSince(since), false),
    settleLlmSpend: watch((id, usd) => store.settleLlmSpend(id, usd), true),
    saveBanditState: watch((snapshot) => store.saveBanditState(snapshot), true),
    loadBanditState: watch(() => store.loadBanditState(), false),
    lastSequence: watch(() => store.lastSequence(), false),
    readEventLog: watch((options) => store.readEventLog(options), false),
    counts: watch(() => store.counts(), false),
    appendOperatorRecord: watch((record) => store.appendOperatorRecord(record), true),
    listOperatorRecords: watch((kind, options) => store.listOperatorRecords(kind, options), false),
    prune: watch((options) => store.prune(options), true),
    truncateWal: watch(() => store.truncateWal(), false),
    probeWrite: (options) => store.probeWrite(options),
    close: () => store.close(),
  };
}
