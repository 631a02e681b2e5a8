import type { ConversationMessageRecord, FeedbackRecord, ImpressionRecord, ImpressionSlotRecord, JsonObject, NewImpression, PruneResult } from "./store";

/** Rows both backends read with the same columns, and the records they become. */

/** An impressions row's columns other than its slots (which each backend stores its own way). */
export interface ImpressionRowColumns {
  id: string;
  sequence: number;
  session_id: string | null;
  created_at: number;
  policy: string;
  feature_version: number;
  context_json: string;
}

export interface FeedbackRow {
  sequence: number;
  impression_id: string;
  item_id: string;
  event: string;
  at: number;
  client_event_id: string | null;
}

export interface ConversationRow {
  session_id: string;
  position: number;
  id: string;
  role: "user" | "assistant";
  created_at: number;
  message_json: string;
  turn_json: string | null;
}

export const toImpressionRecord = (row: ImpressionRowColumns, slots: ImpressionSlotRecord[]): ImpressionRecord => ({
  id: row.id,
  sequence: row.sequence,
  sessionId: row.session_id,
  createdAt: row.created_at,
  policy: row.policy,
  featureVersion: row.feature_version,
  context: JSON.parse(row.context_json) as JsonObject,
  slots,
});

/** The record of an impression just written under `id` and `sequence`, built from what was written rather than read back. */
export const writtenImpression = (impression: NewImpression, id: string, sequence: number): ImpressionRecord => ({
  ...impression,
  id,
  sequence,
  slots: impression.slots.map((slot) => ({ ...slot, impressionId: id })),
});

export const toFeedback = (row: FeedbackRow): FeedbackRecord => ({
  sequence: row.sequence,
  impressionId: row.impression_id,
  itemId: row.item_id,
  event: row.event,
  at: row.at,
  clientEventId: row.client_event_id,
});

export const toConversationMessage = (row: ConversationRow): ConversationMessageRecord => ({
  sessionId: row.session_id,
  position: row.position,
  id: row.id,
  role: row.role,
  createdAt: row.created_at,
  message: JSON.parse(row.message_json) as JsonObject,
  turn: row.turn_json === null ? null : (JSON.parse(row.turn_json) as JsonObject),
});

/** What one retention batch deleted. */
export type PruneCounts = Omit<PruneResult, "batches" | "protectedAfterSequence">;

export const emptyPruneCounts = (): PruneCounts => ({ sessions: 0, conversationMessages: 0, impressions: 0, slots: 0, feedback: 0, llmSpend: 0, operatorRecords: 0 });

export function addPruneCounts(total: PruneCounts, batch: PruneCounts): PruneCounts {
  return {
    sessions: total.sessions + batch.sessions,
    conversationMessages: total.conversationMessages + batch.conversationMessages,
    impressions: total.impressions + batch.impressions,
    slots: total.slots + batch.slots,
    feedback: total.feedback + batch.feedback,
    llmSpend: total.llmSpend + batch.llmSpend,
    operatorRecords: total.operatorRecords + batch.operatorRecords,
  };
}

/** True when a batch deleted nothing: the prune is done. */
export function batchWasEmpty(batch: PruneCounts): boolean {
  return batch.sessions + batch.impressions + batch.llmSpend + batch.operatorRecords === 0;
}
