/**
 * What the log evaluator reads for one window: impressions as the store logged them (slots,
 * propensities, the context with the slate's choices and how the request was served) and the
 * feedback events of each shown slot. Plain data: the server's reader (lib/server/
 * evaluation-window-reader.ts) and the synthetic log (synthetic-log.ts) both produce it.
 */
export interface WindowSlot {
  itemId: string;
  /** 0-based slot. */
  position: number;
  explanationKind: string;
  /** The logging policy's probability of this (item, explanation) here given the earlier slots. */
  propensity: number;
  /** Feedback events on this slot, oldest first (only those inside the feedback horizon). */
  events: string[];
}

export interface WindowImpression {
  id: string;
  /** Unix milliseconds. */
  createdAt: number;
  /** Policy label, e.g. "epsilon-greedy(0.1)". */
  policy: string;
  /** The logged context: `choices` (lib/bandit/slate-choices.ts) and `serving` (lib/pipeline/serving-record.ts) when present. */
  context: Readonly<Record<string, unknown>>;
  slots: WindowSlot[];
}

/** A window of the log: impressions created in [from, to). */
export interface EvaluationWindow {
  from: number;
  to: number;
  impressions: readonly WindowImpression[];
}
