import { readUIMessageStream, type UIMessageStreamWriter } from "ai";
import { z } from "zod";
import { slotFeedbackState } from "../bandit";
import { ReelcastError } from "../errors/reelcast-error";
import { recommendRequestSchema, type ParsedRecommendRequest } from "../pipeline/contract";
import type { Engine } from "../pipeline/engine";
import type { Rerun } from "../pipeline/session-step";
import { emptySession, restoreSession } from "../reasoning";
import { StoreConflictError, timeOrderedId, type JsonObject } from "../store";
import type { ChatMessage, RecommendationsData } from "./chat-message";
import { feedbackKey, type ConversationTurn, type RestoredConversation, type RestoredFeedback } from "./transcript";

/** Messages a reload gets back: the end of a long conversation. */
const RESTORED_MESSAGES = 200;

/**
 * How an answer was made, stored beside it: enough to answer its request again ("regenerate")
 * or to page on ("show more") exactly as the first time — the request, the session it was
 * answered from (so "older" means what it meant then), and the films earlier pages showed.
 */
const storedTurnSchema = z.object({
  version: z.literal(1),
  request: z.looseObject({ query: z.string() }),
  sessionBefore: z.unknown(),
  /** Films earlier pages of the same request showed. */
  excludedItemIds: z.array(z.string()),
  /** Films this answer showed. */
  itemIds: z.array(z.string()),
  /** 1 for the first answer to a request, 2 for its first "show more", … */
  page: z.number().int().min(1),
});
type StoredTurn = z.infer<typeof storedTurnSchema>;

/** One chat POST's part in the conversation, ready to run and then to record. */
export interface PreparedTurn {
  kind: ConversationTurn["kind"];
  /** The pipeline request: the posted question, or for regenerate and more the stored one; always with a session id when a store exists. */
  request: ParsedRecommendRequest;
  /** For regenerate and more: run from the session the answer was made from (recommend's `rerun`). */
  rerun: Rerun | undefined;
  /** The new answer's message id (the stream's messageId). */
  answerId: string;
  /** The question to store before the answer (null when regenerating: it is already there). */
  question: { id: string; text: string } | null;
  /** Regenerating: the answer this one replaces. */
  replaces: string | null;
  /** Stored with the answer; its item ids are added once the answer is known. */
  turn: Omit<StoredTurn, "itemIds">;
}

const messageId = (prefix: "u" | "a", engine: Engine) => `${prefix}_${timeOrderedId(engine.epochMs())}`;

/** The request to store: what the pipeline needs to answer it again (no session id: the conversation's own). */
function storableRequest(request: ParsedRecommendRequest): StoredTurn["request"] {
  const { sessionId: _sessionId, ...rest } = request;
  void _sessionId;
  return JSON.parse(JSON.stringify(rest)) as StoredTurn["request"];
}

/**
 * Works out what a chat POST does to the conversation before anything runs. "ask": the posted
 * question, from the session as it stands (a session id is made when the client sent none, so
 * the turn can be stored). "regenerate" and "more": the stored request of the conversation's
 * last answer, which must be `answerId`.
 * @throws ReelcastError 400 bad_request:chat without a session id for regenerate or more,
 *   404 not_found:session when the session has no conversation, 409 conflict:chat when
 *   `answerId` is not its last answer, 503 unavailable:store without a database
 */
export async function prepareConversationTurn(engine: Engine, input: { request: ParsedRecommendRequest; question: string; turn: ConversationTurn }): Promise<PreparedTurn> {
  const { store } = engine;
  const answerId = messageId("a", engine);
  if (input.turn.kind === "ask") {
    const sessionId = input.request.sessionId ?? (store ? engine.newSessionId() : undefined);
    const request = sessionId === undefined ? input.request : { ...input.request, sessionId };
    const sessionBefore = store && sessionId ? restoreSession((await store.getSession(sessionId))?.state ?? null) : emptySession();
    return {
      kind: "ask",
      request,
      rerun: undefined,
      answerId,
      question: { id: messageId("u", engine), text: input.question },
      replaces: null,
      turn: { version: 1, request: storableRequest(request), sessionBefore, excludedItemIds: [], page: 1 },
    };
  }
  const action = input.turn.kind === "regenerate" ? "Regenerating" : "Showing more";
  if (!store) throw new ReelcastError("unavailable:store", `${action} needs the database, and this server has none.`);
  const sessionId = input.request.sessionId;
  if (!sessionId) throw new ReelcastError("bad_request:chat", `sessionId: ${action.toLowerCase()} needs the sessionId of the conversation`);
  const last = await store.lastConversationMessage(sessionId);
  if (!last) throw new ReelcastError("not_found:session", "This conversation was not found: it may have been started on another server. Ask again to start a new one.");
  if (last.role !== "assistant" || last.id !== input.turn.answerId) {
    throw new ReelcastError("conflict:chat", `${action} works on the last answer only, and this one is no longer the last. Reload to see the conversation as it is.`);
  }
  const stored = storedTurnSchema.safeParse(last.turn);
  const request = stored.success ? recommendRequestSchema.safeParse({ ...stored.data.request, sessionId }) : null;
  if (!stored.success || !request?.success) throw new ReelcastError("conflict:chat", `${action} is not possible for this answer: it was stored without its request. Ask again instead.`);
  const previous = stored.data;
  const sessionBefore = restoreSession(previous.sessionBefore);
  if (input.turn.kind === "regenerate") {
    return {
      kind: "regenerate",
      request: request.data,
      rerun: { session: sessionBefore, excludeItemIds: previous.excludedItemIds, setAsideItemIds: previous.itemIds, replacesLastTurn: true },
      answerId,
      question: null,
      replaces: last.id,
      turn: { version: 1, request: previous.request, sessionBefore, excludedItemIds: previous.excludedItemIds, page: previous.page },
    };
  }
  const excludedItemIds = [...new Set([...previous.excludedItemIds, ...previous.itemIds])];
  return {
    kind: "more",
    request: request.data,
    rerun: { session: sessionBefore, excludeItemIds: excludedItemIds, replacesLastTurn: false },
    answerId,
    question: { id: messageId("u", engine), text: input.question },
    replaces: null,
    turn: { version: 1, request: previous.request, sessionBefore, excludedItemIds, page: previous.page + 1 },
  };
}

type Chunk = Parameters<UIMessageStreamWriter<ChatMessage>["write"]>[0];

export interface TranscriptRecorder {
  /** Pass this writer to the chat turn: it forwards every part, but holds the `finish` back. */
  writer: UIMessageStreamWriter<ChatMessage>;
  /**
   * After the turn was written: stores the question and the answer as the client assembled it
   * (so a reload shows exactly what was on screen), then releases `finish`. A client that sees
   * the answer finish can reload and find it. Returns whether it was stored (not when there is
   * no store or session, when `skip` says so — a stopped answer is not kept — or when another
   * tab moved the conversation on meanwhile). A store failure rejects, and `finish` is not
   * written: the stream ends in its error part.
   */
  commit(options?: { skip?: boolean }): Promise<boolean>;
}

/**
 * Records one chat turn into the conversation of `prepared.request.sessionId` while it streams:
 * the answer's message id becomes `prepared.answerId`.
 * @throws from commit: the store's errors (nothing was stored)
 */
export function recordTranscript(engine: Engine, writer: UIMessageStreamWriter<ChatMessage>, prepared: PreparedTurn): TranscriptRecorder {
  const chunks: Chunk[] = [];
  const merges: Promise<void>[] = [];
  let finish: Chunk | null = null;
  const record = (chunk: Chunk): Chunk | null => {
    if (chunk.type === "start") chunk = { ...chunk, messageId: prepared.answerId };
    if (chunk.type === "finish") {
      finish = chunk;
      return null;
    }
    chunks.push(chunk);
    return chunk;
  };
  const recording: UIMessageStreamWriter<ChatMessage> = {
    write: (chunk) => {
      const forwarded = record(chunk);
      if (forwarded) writer.write(forwarded);
    },
    merge: (stream) => {
      let done!: () => void;
      merges.push(new Promise<void>((resolve) => (done = resolve)));
      writer.merge(
        stream.pipeThrough(
          new TransformStream<Chunk, Chunk>({
            transform(chunk, controller) {
              const forwarded = record(chunk);
              if (forwarded) controller.enqueue(forwarded);
            },
            flush: () => done(),
          }),
        ),
      );
    },
    get onError() {
      return writer.onError;
    },
  };

  const commit = async (options: { skip?: boolean } = {}): Promise<boolean> => {
    await Promise.all(merges);
    const release = () => writer.write(finish ?? { type: "finish", finishReason: "stop" });
    const sessionId = prepared.request.sessionId;
    if (!engine.store || !sessionId || options.skip) {
      release();
      return false;
    }
    const answer = await assemble(chunks);
    const recommendations = answer.parts.findLast((part) => part.type === "data-recommendations")?.data as RecommendationsData | undefined;
    const turn = { ...prepared.turn, itemIds: recommendations?.items.map((item) => item.id) ?? [] } as unknown as JsonObject;
    const messages = [
      ...(prepared.question ? [{ id: prepared.question.id, role: "user" as const, message: { id: prepared.question.id, role: "user", parts: [{ type: "text", text: prepared.question.text }] } }] : []),
      { id: prepared.answerId, role: "assistant" as const, message: { ...answer, id: prepared.answerId } as unknown as JsonObject, turn },
    ];
    let stored = true;
    try {
      await engine.store.appendConversation(sessionId, messages, engine.epochMs(), prepared.replaces ? { replaceAnswerId: prepared.replaces } : {});
    } catch (error) {
      // Another tab moved the conversation on since this turn started: the answer stays on
      // screen, unstored. Any other failure is the stream's error (no finish): never silent.
      if (!(error instanceof StoreConflictError)) throw error;
      stored = false;
    }
    release();
    return stored;
  };
  return { writer: recording, commit };
}

/** The assistant message the client builds from these chunks (the AI SDK's own assembly). */
async function assemble(chunks: readonly Chunk[]): Promise<ChatMessage> {
  const stream = new ReadableStream<Chunk>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.enqueue({ type: "finish" });
      controller.close();
    },
  });
  let message: ChatMessage | undefined;
  for await (const state of readUIMessageStream<ChatMessage>({ stream })) message = state;
  return message ?? { id: "", role: "assistant", parts: [] };
}

/**
 * A session's conversation as a reload shows it: the last messages as the chat showed them, and
 * where each card's like, skip or seen it stands (from the feedback events, so undo and
 * switching are reflected).
 */
export async function restoreConversation(engine: Engine, sessionId: string): Promise<RestoredConversation | null> {
  if (!engine.store) throw new ReelcastError("unavailable:store", "Conversations need the database, and this server has none.");
  const [{ messages, total }, events] = await Promise.all([engine.store.listConversation(sessionId, { limit: RESTORED_MESSAGES }), engine.store.listSessionFeedback(sessionId)]);
  if (total === 0) return null;
  const bySlot = new Map<string, { impressionId: string; itemId: string; events: string[] }>();
  for (const event of events) {
    const key = feedbackKey(event.impressionId, event.itemId);
    const slot = bySlot.get(key) ?? { impressionId: event.impressionId, itemId: event.itemId, events: [] };
    slot.events.push(event.event);
    bySlot.set(key, slot);
  }
  const feedback: RestoredFeedback[] = [];
  for (const slot of bySlot.values()) {
    const state = slotFeedbackState(slot.events);
    if (state.choice !== null || state.seen || state.clicked) feedback.push({ impressionId: slot.impressionId, itemId: slot.itemId, state });
  }
  return { sessionId, messages: messages.map((record) => record.message as unknown as ChatMessage), feedback, total };
}
