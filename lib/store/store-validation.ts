import { fitsPackedIndex } from "./packed-slots";
import type { JsonObject, LlmSpendReservation, NewConversationMessage, NewFeedback, NewImpression, StoredFeatures } from "./store";
import { StoreInvalidInputError } from "./store-errors";

/**
 * The checks every store backend makes before it writes, so each refuses the same input with the
 * same StoreInvalidInputError.
 */

/** Largest stored conversation message: a 24-card answer with synopses is about 40 KiB. */
const MAX_CONVERSATION_MESSAGE_BYTES = 512 * 1024;
/** Client event ids and conversation message ids: short, printable, no spaces. */
export const ID_PATTERN = /^[A-Za-z0-9_:.-]{1,200}$/;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function validateFeatures(features: StoredFeatures, where: string): void {
  if (!Array.isArray(features?.indexes) || !Array.isArray(features?.values) || features.indexes.length !== features.values.length) {
    throw new StoreInvalidInputError(`${where}: features need equal-length indexes and values arrays.`);
  }
  if (!features.indexes.every(fitsPackedIndex) || !features.values.every(Number.isFinite))
    throw new StoreInvalidInputError(`${where}: features must be integer indexes in [0, 2^32) and finite values.`);
}

export function validateImpression(impression: NewImpression): void {
  if (!Number.isFinite(impression.createdAt)) throw new StoreInvalidInputError("Impression createdAt must be a finite number of milliseconds.");
  if (!isJsonObject(impression.context)) throw new StoreInvalidInputError("Impression context must be a JSON object.");
  const positions = new Set<number>();
  const items = new Set<string>();
  for (const slot of impression.slots) {
    const where = `Impression slot ${slot.position} (${slot.itemId})`;
    if (!Number.isInteger(slot.position) || slot.position < 0) throw new StoreInvalidInputError(`${where}: position must be a non-negative integer.`);
    if (positions.has(slot.position)) throw new StoreInvalidInputError(`${where}: position used twice.`);
    if (items.has(slot.itemId)) throw new StoreInvalidInputError(`${where}: item shown twice in one impression.`);
    if (!(slot.propensity > 0 && slot.propensity <= 1 + 1e-6)) throw new StoreInvalidInputError(`${where}: propensity must be in (0, 1], got ${slot.propensity}.`);
    validateFeatures(slot.features, where);
    positions.add(slot.position);
    items.add(slot.itemId);
  }
}

export function validateFeedback(feedback: NewFeedback): void {
  if (!Number.isFinite(feedback.at)) throw new StoreInvalidInputError("Feedback time must be a finite number of milliseconds.");
  if (!/^[a-z][a-z-]{0,31}$/.test(feedback.event)) throw new StoreInvalidInputError(`Feedback event ${JSON.stringify(feedback.event)} is not a valid event name.`);
  if (feedback.clientEventId != null && !ID_PATTERN.test(feedback.clientEventId))
    throw new StoreInvalidInputError(`Feedback event id ${JSON.stringify(feedback.clientEventId)} must be 1-200 letters, digits or _:.-`);
}

export function validateSpendAmount(usd: number): void {
  if (!(Number.isFinite(usd) && usd >= 0)) throw new StoreInvalidInputError(`LLM spend must be a finite, non-negative USD amount, got ${usd}.`);
}

export function validateSpendReservation(reservation: LlmSpendReservation): void {
  validateSpendAmount(reservation.usd);
  if (!Number.isFinite(reservation.at) || !Number.isFinite(reservation.since)) throw new StoreInvalidInputError("LLM spend times must be finite numbers of milliseconds.");
}

export function validateConversationAppend(sessionId: string, at: number): void {
  if (!Number.isFinite(at)) throw new StoreInvalidInputError("Conversation time must be a finite number of milliseconds.");
  if (typeof sessionId !== "string" || sessionId.length === 0) throw new StoreInvalidInputError("A conversation needs a session id.");
}

export function validatePruneTimes(options: { before: number; spendBefore?: number }): void {
  if (!Number.isFinite(options.before) || (options.spendBefore !== undefined && !Number.isFinite(options.spendBefore))) {
    throw new StoreInvalidInputError("Prune times must be finite numbers of milliseconds.");
  }
}

/** A conversation message as the row to write; throws StoreInvalidInputError for a malformed one. */
export function conversationJson(message: NewConversationMessage): { messageJson: string; turnJson: string | null } {
  if (typeof message.id !== "string" || !ID_PATTERN.test(message.id)) throw new StoreInvalidInputError(`Conversation message id ${JSON.stringify(message.id)} must be 1-200 letters, digits or _:.-`);
  if (message.role !== "user" && message.role !== "assistant") throw new StoreInvalidInputError(`Conversation message role must be user or assistant, got ${JSON.stringify(message.role)}.`);
  if (!isJsonObject(message.message)) throw new StoreInvalidInputError("A conversation message must be a JSON object.");
  const turn = message.turn ?? null;
  if (turn !== null && !isJsonObject(turn)) throw new StoreInvalidInputError("A conversation turn must be a JSON object or null.");
  const messageJson = JSON.stringify(message.message);
  const turnJson = turn === null ? null : JSON.stringify(turn);
  if (Buffer.byteLength(messageJson) + (turnJson === null ? 0 : Buffer.byteLength(turnJson)) > MAX_CONVERSATION_MESSAGE_BYTES) {
    throw new StoreInvalidInputError(`Conversation message ${message.id} is larger than ${MAX_CONVERSATION_MESSAGE_BYTES} bytes.`);
  }
  return { messageJson, turnJson };
}
