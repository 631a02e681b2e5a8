import type { UIMessage } from "ai";
import type { RecommendedItem, RecommendResponse, RouteInfo } from "../pipeline/contract";

/**
 * The router's decision as the badge shows it. Fields the pipeline may add later (token counts
 * of an LLM call) are optional, so the badge shows whatever exists.
 */
export type RouteDecisionData = RouteInfo & {
  inputTokens?: number | null;
  outputTokens?: number | null;
};

/** "preview": fast candidates shown while the reasoner still works; "final": the answer. */
export type RecommendationsStage = "preview" | "final";

export interface RecommendationsData {
  /** The text the pipeline answered (the last user message). */
  query: string;
  stage: RecommendationsStage;
  items: RecommendedItem[];
  /** Constraints widened or dropped to fill the answer (reasoning path); absent in older streams. */
  relaxations?: RecommendResponse["relaxations"];
  /** Candidates that met every stated constraint before relaxing; null on the fast path. */
  metEveryConstraint?: number | null;
  /** Films the request referred to, and names the catalog lacks; absent in older streams. */
  references?: RecommendResponse["references"];
  /** The film a title lookup answered with, a series, people named; absent in older streams. */
  lookup?: RecommendResponse["lookup"];
  series?: RecommendResponse["series"];
  people?: RecommendResponse["people"];
  unknownTitles?: RecommendResponse["unknownTitles"];
  /** Other films of the title a lookup asked for ("did you mean"); absent in older streams. */
  didYouMean?: RecommendResponse["didYouMean"];
  /** What the reasoner understood, in the shared constraint schema; null on the fast path. */
  constraints: RecommendResponse["constraints"];
  /** Set when the years asked for reach past the catalog's; absent in older streams. */
  catalogYears?: RecommendResponse["catalogYears"];
  /** For POST /api/feedback; null until the bandit logs impressions. */
  impressionId: string | null;
  sessionId: string | null;
  /** True when these cards replaced different preview cards earlier in the same answer. */
  replacedPreview: boolean;
  /** Server milliseconds from the start of the request to this part. */
  elapsedMs: number;
}

/** Where a DJ script came from: the templates or an LLM ("llm:gpt-4o-mini"). */
export type NarrationSource = "template" | `llm:${string}`;

export interface NarrationData {
  /** The spoken-style script, plain text. */
  text: string;
  /** Which opening was used; the client sends it back so the next answer opens differently. */
  openingId: string;
  source: NarrationSource;
}

/** Data part payloads by name: the stream carries them as `data-<name>` parts. */
// A type alias, not an interface: UIDataTypes is a Record, which only aliases satisfy without an
// index signature (and an index signature would let any `data-*` part through the types).
export type ChatDataParts = {
  "route-decision": RouteDecisionData;
  recommendations: RecommendationsData;
  narration: NarrationData;
};

/** The one message type shared by /api/chat and `useChat<ChatMessage>`. */
export type ChatMessage = UIMessage<never, ChatDataParts>;

/**
 * Data part ids. A later part with the same type and id replaces the earlier one on the client,
 * which is how reasoner answers replace fast preview cards.
 */
export const CHAT_PART_IDS = {
  routeDecision: "route-decision",
  recommendations: "recommendations",
  narration: "narration",
  /** The reply text: what was understood, what was loosened, how many fit, "did you mean". */
  reply: "reply",
} as const;
