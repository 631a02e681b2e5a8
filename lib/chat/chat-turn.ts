import type { UIMessageStreamWriter } from "ai";
import type { ParsedRecommendRequest, RecommendResponse } from "../pipeline/contract";
import { answerSummary } from "./answer-summary";
import { CHAT_PART_IDS, type ChatMessage, type NarrationData, type RecommendationsData } from "./chat-message";
import type { ProgressiveRecommend } from "./progressive-recommend";

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
  /** Writes the DJ script (lib/narration); not called when the pipeline already narrated or nothing matched. */
  narrate: (input: NarrateInput) => Promise<NarrationData>;
  /** Monotonic milliseconds. */
  now: () => number;
  signal?: AbortSignal;
}

function sameItems(a: RecommendResponse, b: RecommendResponse): boolean {
  return a.items.length === b.items.length && a.items.every((item, index) => item.id === b.items[index].id);
}

/**
 * One chat answer as UI message stream parts, in this order: `data-route-decision` (id
 * "route-decision"), `data-recommendations` (id "recommendations") as soon as cards exist, a
 * short text part, then `data-narration`. Provisional answers from `onProgress` are written with
 * stage "preview" under the same ids, so the final answer replaces them on the client and says
 * whether the cards changed (`replacedPreview`).
 * @throws whatever the pipeline throws (the stream's onError turns it into an error part)
 */
export async function writeChatTurn(writer: UIMessageStreamWriter<ChatMessage>, input: ChatTurnInput, dependencies: ChatTurnDependencies): Promise<void> {
  const started = dependencies.now();
  const query = input.request.query;
  let preview: RecommendResponse | null = null;
  let finished = false;

  const writeAnswer = (response: RecommendResponse, stage: RecommendationsData["stage"], replacedPreview: boolean) => {
    writer.write({ type: "data-route-decision", id: CHAT_PART_IDS.routeDecision, data: { ...response.route } });
    writer.write({
      type: "data-recommendations",
      id: CHAT_PART_IDS.recommendations,
      data: {
        query,
        stage,
        items: response.items,
        didYouMean: response.didYouMean,
        references: response.references,
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
      writeAnswer(partial, "preview", false);
    },
  });
  finished = true;
  const earlier: RecommendResponse | null = preview;
  writeAnswer(response, "final", earlier !== null && !sameItems(earlier, response));

  writer.write({ type: "text-start", id: CHAT_PART_IDS.summary });
  writer.write({ type: "text-delta", id: CHAT_PART_IDS.summary, delta: answerSummary(query, response) });
  writer.write({ type: "text-end", id: CHAT_PART_IDS.summary });

  if (response.items.length > 0) {
    const narration = response.narration?.text
      ? ({ text: response.narration.text, openingId: "pipeline", source: "pipeline" } satisfies NarrationData)
      : // The cards are already on screen; a narrator fault only costs the narration.
        await dependencies.narrate({ query, response, previousOpeningId: input.previousOpeningId, signal: dependencies.signal }).catch(() => null);
    if (narration) writer.write({ type: "data-narration", id: CHAT_PART_IDS.narration, data: narration });
  }
  writer.write({ type: "finish", finishReason: "stop" });
}
