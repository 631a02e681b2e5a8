import { z } from "zod";
import { conversationTurnSchema, type ConversationTurn } from "../../../lib/chat/transcript";
import { recommendRequestSchema, type ParsedRecommendRequest } from "../../../lib/pipeline/contract";
import { describeIssues } from "../../../lib/server/parse-request-body";

/** Default number of cards per chat answer (fewer than /api/recommend's 10: it is a conversation). */
export const CHAT_DEFAULT_LIMIT = 8;
/** Most cards one chat answer may hold, also when the message asks for more ("thirty comedies"). */
const CHAT_MAX_LIMIT = 24;

const messagePartSchema = z.looseObject({ type: z.string(), text: z.string().optional() });

/** A UI message as useChat sends it; only text parts matter, the rest is tolerated. */
const chatMessageSchema = z.object({
  id: z.string().max(200).optional(),
  role: z.enum(["system", "user", "assistant"], { error: "role must be system, user or assistant" }),
  parts: z.array(messagePartSchema).max(100, "a message may have at most 100 parts"),
});

/**
 * Body of POST /api/chat: DefaultChatTransport's `{ id, messages, trigger, messageId }` plus the
 * client's session id and narration state. The client sends only the newest message (the server
 * keeps the session), but whole transcripts are accepted too. Unknown fields are ignored.
 */
const chatBodySchema = z.object({
  id: z.string().max(200).optional(),
  messages: z.array(chatMessageSchema, { error: "messages must be an array of UI messages" }).min(1, "messages must hold at least one message").max(200, "messages may hold at most 200 messages"),
  sessionId: recommendRequestSchema.shape.sessionId,
  /** Cards per answer; when absent, CHAT_DEFAULT_LIMIT unless the message states a count ("three films"). */
  limit: z.number({ error: "limit must be a number" }).int("limit must be a whole number").min(1, "limit must be at least 1").max(CHAT_MAX_LIMIT, `limit must be at most ${CHAT_MAX_LIMIT}`).optional(),
  route: recommendRequestSchema.shape.route,
  discovery: recommendRequestSchema.shape.discovery,
  narration: z.object({ previousOpeningId: z.string().max(64, "narration.previousOpeningId must be at most 64 characters").nullable().optional() }).optional(),
  /** What this message does to the stored conversation: ask (default), regenerate or more (lib/chat/transcript.ts). */
  turn: conversationTurnSchema.optional(),
  /** "New chat": start a new session instead of continuing the one in the session cookie. */
  newConversation: z.boolean({ error: "newConversation must be true or false" }).optional(),
});

/** What one chat turn needs: the pipeline request and the narration state. */
export interface ChatTurnRequest {
  request: ParsedRecommendRequest;
  previousOpeningId: string | null;
  /** The last user message's text, as the conversation stores it. */
  question: string;
  turn: ConversationTurn;
  /** True when the body asked for a new conversation (the session cookie is not continued). */
  newConversation: boolean;
}

/** The text of the last user message: its text parts joined. */
function lastUserText(messages: ReadonlyArray<z.infer<typeof chatMessageSchema>>): string | null {
  const last = messages.findLast((message) => message.role === "user");
  if (!last) return null;
  return last.parts
    .filter((part) => part.type === "text" && typeof part.text === "string")
    .map((part) => part.text)
    .join("\n");
}

/**
 * The chat body validated and turned into a pipeline request: the last user message's text is
 * the query, checked by the same rules as /api/recommend's `query`.
 */
export const chatRequestSchema = chatBodySchema.transform((body, context): ChatTurnRequest => {
  const text = lastUserText(body.messages);
  if (text === null) {
    context.issues.push({ code: "custom", message: "messages must include a user message", input: body.messages, path: ["messages"] });
    return z.NEVER;
  }
  const parsed = recommendRequestSchema.safeParse({
    query: text,
    limit: body.limit ?? CHAT_DEFAULT_LIMIT,
    // The default is only a default: a count in the message ("twelve comedies") may go past it.
    ...(body.limit === undefined ? { maxCount: CHAT_MAX_LIMIT } : {}),
    route: body.route,
    ...(body.sessionId === undefined ? {} : { sessionId: body.sessionId }),
    ...(body.discovery === undefined ? {} : { discovery: body.discovery }),
  });
  if (!parsed.success) {
    context.issues.push({ code: "custom", message: `the last user message: ${describeIssues(parsed.error).replace(/^query: query /, "text ")}`, input: text, path: ["messages"] });
    return z.NEVER;
  }
  return { request: parsed.data, previousOpeningId: body.narration?.previousOpeningId ?? null, question: text, turn: body.turn ?? { kind: "ask" }, newConversation: body.newConversation === true };
});
