import type { UIMessageStreamWriter } from "ai";
import type { ParsedRecommendRequest, RecommendResponse } from "../pipeline/contract";
import { CHAT_PART_IDS, type ChatMessage, type NarrationData, type RecommendationsData } from "./chat-message";
import type { ReplyWriter } from "./llm-reply";
import type { ProgressiveRecommend } from "./progressive-recommend";
import { composeReply } from "./reply-text";

/** What the narrator gets for one answer. */
export interface NarrateInput {
  query: string;
  response: RecommendResponse;
  previousOpeningId: string | null;
  signal?: AbortSignal;
}

export interface ChatTurnInput {
  request: ParsedRecommendRequest;
  /** Opening id of the session's previous narration, so the next one opens differently. */
  previousOpeningId: string | null;
}

export interface ChatTurnDependencies {
  recommend: ProgressiveRecommend;
  /** Writes the DJ script (lib/narration); not called when nothing matched. */
  narrate: (input: NarrateInput) => Promise<NarrationData>;
  /** Writes the reply's details with an LLM (llm-reply.ts); absent or null = the templates. */
  reply?: ReplyWriter;
  /**
   * Reasons the narrator and reply writer found after the route decision went out (the spend
   * gate refused a call, a circuit is open): the route decision is written again with them.
   */
  lateReasons?: () => readonly string[];
  /** Monotonic milliseconds. */
  now: () => number;
  signal?: AbortSignal;
}

function sameItems(a: RecommendResponse, b: RecommendResponse): boolean {
  return a.items.length === b.items.length && a.items.every((item, index) => item.id === b.items[index].id);
}

/**
 * One chat answer as UI message stream parts, in this order: `data-route-decision` (id
 * "route-decision"); the reply text part (id "reply"), whose first sentence (what was understood)
 * comes before `data-recommendations` (id "recommendations") and the rest (what was loosened, how
 * many films fit, "did you mean") after it, from the templates or from `reply`; then
 * `data-narration`. Provisional answers from `onProgress` are written with stage "preview" under
 * the same ids, so the final answer replaces them on the client and says whether the cards
 * changed (`replacedPreview`).
 * @throws whatever the pipeline throws (the stream's onError turns it into an error part)
 */
export async function writeChatTurn(writer: UIMessageStreamWriter<ChatMessage>, input: ChatTurnInput, dependencies: ChatTurnDependencies): Promise<void> {
  const started = dependencies.now();
  const query = input.request.query;
  let preview: RecommendResponse | null = null;
  let finished = false;

  const writeRoute = (response: RecommendResponse) => writer.write({ type: "data-route-decision", id: CHAT_PART_IDS.routeDecision, data: { ...response.route } });
  const writeCards = (response: RecommendResponse, stage: RecommendationsData["stage"], replacedPreview: boolean) => {
    writer.write({
      type: "data-recommendations",
      id: CHAT_PART_IDS.recommendations,
      data: {
        query,
        stage,
        items: response.items,
        didYouMean: response.didYouMean,
        references: response.references,
        lookup: response.lookup,
        series: response.series,
        people: response.people,
        unknownTitles: response.unknownTitles,
        catalogYears: response.catalogYears,
        relaxations: response.relaxations,
        metEveryConstraint: response.metEveryConstraint,
        constraints: response.constraints,
        impressionId: response.impressionId,
        sessionId: response.sessionId,
        replacedPreview,
        elapsedMs: Math.round((dependencies.now() - started) * 100) / 100,
      },
    });
  };

  writer.write({ type: "start" });
  const response = await dependencies.recommend(input.request, {
    signal: dependencies.signal,
    onProgress: (partial) => {
      // A late progress call after the answer would overwrite the final cards: ignore it.
      if (finished) return;
      preview = partial;
      writeRoute(partial);
      writeCards(partial, "preview", false);
    },
  });
  finished = true;
  const earlier: RecommendResponse | null = preview;
  writeRoute(response);

  // What was understood goes out before the cards; the rest of the reply with them.
  const template = composeReply(query, response, `${response.sessionId ?? ""}\u0000${query}`);
  const say = (delta: string) => writer.write({ type: "text-delta", id: CHAT_PART_IDS.reply, delta });
  writer.write({ type: "text-start", id: CHAT_PART_IDS.reply });
  say(template.understood);
  writeCards(response, "final", earlier !== null && !sameItems(earlier, response));

  // The DJ writes while the reply streams; a narrator fault only costs the narration.
  const narration: Promise<NarrationData | null> =
    response.items.length === 0 ? Promise.resolve(null) : dependencies.narrate({ query, response, previousOpeningId: input.previousOpeningId, signal: dependencies.signal }).catch(() => null);
  const fromModel = dependencies.reply ? await dependencies.reply({ query, response, template, signal: dependencies.signal }).catch(() => null) : null;
  if (fromModel) for await (const delta of fromModel) say(delta);
  else for (const detail of template.details) say(` ${detail}`);
  writer.write({ type: "text-end", id: CHAT_PART_IDS.reply });

  const narrated = await narration;
  const late = dependencies.lateReasons?.() ?? [];
  if (late.length > 0) writeRoute({ ...response, route: { ...response.route, reasons: [...response.route.reasons, ...late] } });
  if (narrated) writer.write({ type: "data-narration", id: CHAT_PART_IDS.narration, data: narrated });
  writer.write({ type: "finish", finishReason: "stop" });
}
