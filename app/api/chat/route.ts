import { createUIMessageStream, createUIMessageStreamResponse } from "ai";
import { createProviderRegistry, streamPlainText, type ProviderRegistry } from "../../../lib/ai";
import { createLlmReplyWriter, writeChatTurn, type ChatMessage, type ProgressiveRecommend } from "../../../lib/chat";
import { ReelcastError } from "../../../lib/errors/reelcast-error";
import { prepareConversationTurn, recordTranscript } from "../../../lib/chat/transcript-turn";
import { writeDjScript } from "../../../lib/narration";
import { recommend, type RecommendResponse } from "../../../lib/pipeline";
import { spendGate } from "../../../lib/pipeline/spend-gate";
import { clientAddress } from "../../../lib/server/client-address";
import { issueSession } from "../../../lib/server/issue-session";
import { readSessionCookie, sessionCookieHeader } from "../../../lib/server/session-cookie";
import { parseRequestBody } from "../../../lib/server/parse-request-body";
import { passDoor } from "../../../lib/server/request-door";
import { methodNotAllowed } from "../../../lib/server/request-door-methods";
import { requestStore, withStoreNotice } from "../../../lib/server/request-store";
import { serverStoreHealth } from "../../../lib/server/store-health";
import { withEngine, withStoreApiErrors } from "../../../lib/server/with-engine";
import { chatRequestSchema } from "./schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

let registry: ProviderRegistry | undefined;
/** Built once: the environment does not change while the server runs. */
function providers(): ProviderRegistry {
  registry ??= createProviderRegistry();
  return registry;
}

const GENERIC_FAILURE = "Something went wrong on our side. Please try again.";

/**
 * The stream's media type with its character set: SSE is UTF-8 by definition, but clients that
 * read the body as text (Playwright's response.text(), curl into a file viewer) guess otherwise
 * without it ("AmÃ©lie").
 */
const STREAM_HEADERS = { "content-type": "text/event-stream; charset=utf-8" };

/**
 * POST /api/chat: one chat turn as an AI SDK UI message stream (data-route-decision, the reply
 * text, data-recommendations, data-narration). Bad input is a 400 JSON error before any
 * streaming starts (409 for a regenerate or "more" of an answer that is no longer the last);
 * failures after that arrive as the stream's error part. The turn is stored in the session's
 * conversation before the stream finishes (lib/chat/transcript-turn.ts).
 */
export async function POST(request: Request): Promise<Response> {
  return withEngine("chat", async (loadEngine) => {
    await passDoor(request, "chat");
    const parsed = await parseRequestBody(request, chatRequestSchema, "chat");
    const engine = await loadEngine();
    // The browser's session lives in an HttpOnly cookie; API clients send the id they were given.
    const browser = parsed.request.sessionId === undefined;
    const cookie = browser && !parsed.newConversation ? readSessionCookie(request) : null;
    const client = clientAddress(request);
    // A failing database leaves the turn unstored and its cards without feedback, not unanswered.
    const answer = requestStore(engine, serverStoreHealth());
    const session = await issueSession(answer.engine, parsed.request.sessionId ?? cookie, client, "chat", { mayStart: parsed.turn.kind === "ask" });
    const turn = { ...parsed, request: { ...parsed.request, sessionId: session.sessionId } };
    const conversation = await answer.run((answering) => prepareConversationTurn(answering, turn));
    // While an LLM reasons, the pipeline reports the fast candidates through onProgress first.
    // A browser never sees its session id in the stream: the cookie carries it, out of scripts' reach.
    const hideSession = (response: RecommendResponse): RecommendResponse => (browser ? { ...response, sessionId: null } : response);
    const run: ProgressiveRecommend = (pipelineRequest, options) =>
      withStoreApiErrors(
        answer
          .run((answering) =>
            recommend(pipelineRequest, answering, { ...options, rerun: conversation.rerun, client, onProgress: options?.onProgress && ((partial) => options.onProgress!(hideSession(partial))) }),
          )
          .then((response) => hideSession(withStoreNotice(response, answer.outage()))),
      );
    const languageModel = providers().languageModel;
    // The DJ script and the reply spend the same budgets as the reasoner; refusals join route.reasons.
    const spender = { sessionId: conversation.request.sessionId ?? null, client };
    const spendNotes: string[] = [];
    const stream = createUIMessageStream<ChatMessage>({
      execute: async ({ writer }) => {
        const transcript = recordTranscript(answer.engine, writer, conversation);
        await writeChatTurn(
          transcript.writer,
          { ...turn, request: conversation.request },
          {
            recommend: run,
            narrate: async ({ query, response, previousOpeningId, signal }) => {
              const { reason, ...script } = await writeDjScript(
                { query, items: response.items, routePath: response.route.path, seed: `${response.sessionId ?? ""}\u0000${query}`, previousOpeningId },
                { model: languageModel, signal, gate: spendGate(answer.engine, spender), priceTable: engine.llm.priceTable },
              );
              if (reason) spendNotes.push(reason);
              return script;
            },
            lateReasons: () => spendNotes,
            reply: createLlmReplyWriter({
              engine: answer.engine,
              handle: languageModel,
              ...spender,
              onRefused: (reason) => spendNotes.push(reason),
              stream: ({ system, content, maxOutputTokens, signal }) => streamPlainText({ handle: languageModel!, system, content, maxOutputTokens, abortSignal: signal }),
            }),
            now: () => performance.now(),
            signal: request.signal,
          },
        );
        // A stopped answer is not kept: the person saw it stop.
        await withStoreApiErrors(transcript.commit({ skip: request.signal.aborted }));
      },
      // ReelcastError messages are written for clients; anything else stays on the server.
      onError: (error) => (error instanceof ReelcastError ? error.message : GENERIC_FAILURE),
    });
    const sessionId = conversation.request.sessionId;
    const headers = browser && sessionId && sessionId !== cookie ? { ...STREAM_HEADERS, "set-cookie": sessionCookieHeader(sessionId, request) } : STREAM_HEADERS;
    return createUIMessageStreamResponse({ stream, headers });
  });
}

const refuse = methodNotAllowed(["POST"], "chat");
export { refuse as GET, refuse as HEAD, refuse as PUT, refuse as PATCH, refuse as DELETE, refuse as OPTIONS };
