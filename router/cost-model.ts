import type { RoutePath } from "./decide-route";

/** Price and speed of one model. Prices in USD per million tokens. */
export interface ModelPrice {
  inputUsdPerMillion: number;
  outputUsdPerMillion: number;
  /** Time to first token, milliseconds (network + queue + prefill of a short prompt). */
  firstTokenMs: number;
  /** Decoding speed, output tokens per second. */
  outputTokensPerSecond: number;
}

export type PriceTable = Readonly<Record<string, ModelPrice>>;

/**
 * Published list prices (USD per 1M tokens, standard tier, as of late 2025) and typical
 * latencies; local OpenAI-compatible servers cost nothing but decode slowly on a CPU. Pass your
 * own table to `estimateRouteCost` to change any of it; unknown model ids use `DEFAULT_MODEL_PRICE`.
 */
export const DEFAULT_PRICE_TABLE: PriceTable = {
  "gpt-4o-mini": { inputUsdPerMillion: 0.15, outputUsdPerMillion: 0.6, firstTokenMs: 450, outputTokensPerSecond: 80 },
  "gpt-4o": { inputUsdPerMillion: 2.5, outputUsdPerMillion: 10, firstTokenMs: 550, outputTokensPerSecond: 90 },
  "gpt-4.1-nano": { inputUsdPerMillion: 0.1, outputUsdPerMillion: 0.4, firstTokenMs: 350, outputTokensPerSecond: 150 },
  "gpt-4.1-mini": { inputUsdPerMillion: 0.4, outputUsdPerMillion: 1.6, firstTokenMs: 450, outputTokensPerSecond: 90 },
  "gpt-4.1": { inputUsdPerMillion: 2, outputUsdPerMillion: 8, firstTokenMs: 600, outputTokensPerSecond: 80 },
  "gpt-5-nano": { inputUsdPerMillion: 0.05, outputUsdPerMillion: 0.4, firstTokenMs: 700, outputTokensPerSecond: 120 },
  "gpt-5-mini": { inputUsdPerMillion: 0.25, outputUsdPerMillion: 2, firstTokenMs: 800, outputTokensPerSecond: 100 },
  "gpt-5": { inputUsdPerMillion: 1.25, outputUsdPerMillion: 10, firstTokenMs: 1200, outputTokensPerSecond: 60 },
  "claude-haiku-4-5": { inputUsdPerMillion: 1, outputUsdPerMillion: 5, firstTokenMs: 500, outputTokensPerSecond: 100 },
  "claude-sonnet-4-5": { inputUsdPerMillion: 3, outputUsdPerMillion: 15, firstTokenMs: 900, outputTokensPerSecond: 70 },
  "gemini-2.5-flash": { inputUsdPerMillion: 0.3, outputUsdPerMillion: 2.5, firstTokenMs: 500, outputTokensPerSecond: 150 },
  "llama3.1:8b": { inputUsdPerMillion: 0, outputUsdPerMillion: 0, firstTokenMs: 300, outputTokensPerSecond: 12 },
  "qwen2.5:7b": { inputUsdPerMillion: 0, outputUsdPerMillion: 0, firstTokenMs: 300, outputTokensPerSecond: 12 },
};

/** For a model id the table does not know: priced like gpt-4o-mini, the registry's default model. */
const DEFAULT_MODEL_PRICE: ModelPrice = DEFAULT_PRICE_TABLE["gpt-4o-mini"];

/** Characters per token for English prose and JSON (OpenAI's rule of thumb). */
const CHARACTERS_PER_TOKEN = 4;
/** Milliseconds the non-LLM parts take (measured by bench/eval on 2 cores): retrieval + constraints. */
export const FAST_PATH_LATENCY_MS = 15;
const OFFLINE_REASONER_LATENCY_MS = 25;
/** Chat-format overhead per request (role markers, schema name), tokens. */
const MESSAGE_OVERHEAD_TOKENS = 12;

/** Tokens in a text of this many characters (rounded up). */
export function estimateTokens(characters: number): number {
  return Math.ceil(Math.max(0, characters) / CHARACTERS_PER_TOKEN);
}

/**
 * A typical filled constraints answer (two genres, one exclusion, a year and runtime range, a
 * language, a person, a reference with its modifier, a mood, three keywords, a sort), written
 * as lib/reasoning's schema returns it, every field present. Written out rather than parsed
 * because the router imports only lib/language and lib/catalog (../shared/ARCHITECTURE.md);
 * tests/unit/router/cost-model.test.ts checks that parseConstraints returns it unchanged, so a
 * field added to the schema fails that test until it is added here.
 */
export const TYPICAL_CONSTRAINT_ANSWER = {
  includeGenres: [
    { genre: "Comedy", strength: "hard" },
    { genre: "Drama", strength: "soft" },
  ],
  excludeGenres: [{ genre: "Romance", strength: "hard" }],
  years: { from: 1990, to: 1999, strength: "hard" },
  runtime: { minMinutes: null, maxMinutes: 90, strength: "hard" },
  languages: { include: ["fr"], exclude: [], strength: "hard" },
  people: [{ name: "Firstname Lastname", role: "director", exclude: false, strength: "soft" }],
  references: [{ title: "A Reference Title", itemId: null, modifier: "made in the 90s" }],
  mood: "melancholic, rainy",
  keywords: ["heist", "paris", "friendship"],
  excludeKeywords: [],
  excludeTitles: [],
  excludeItemIds: [],
  count: null,
  sort: "best-rated",
  discovery: null,
  directions: [],
};

/** Completion tokens of one constraints answer: the JSON of the typical answer. Computed once at load. */
export const CONSTRAINT_COMPLETION_TOKENS = estimateTokens(JSON.stringify(TYPICAL_CONSTRAINT_ANSWER).length);
/** Re-ranking answer per candidate: an id and a one-line reason. */
const RERANK_TOKENS_PER_PICK = 30;

export interface RouteCostInput {
  path: RoutePath;
  /** Which reasoner would run on the reasoning path. */
  reasoner: "llm" | "offline";
  /** Model id (REELCAST_LLM_MODEL); looked up in the price table. */
  modelId: string;
  /** Size of the reasoner prompt actually built (system + data message), in characters. */
  promptCharacters: number;
  /** When the LLM also re-ranks: the re-rank prompt size and how many picks it returns. */
  rerank?: { promptCharacters: number; picks: number } | null;
  priceTable?: PriceTable;
}

export interface CostEstimate {
  path: RoutePath;
  llmCalls: number;
  inputTokens: number;
  outputTokens: number;
  /** Estimated spend in USD (0 on the fast path and for the offline reasoner). */
  usd: number;
  /** Estimated end-to-end latency in milliseconds. */
  latencyMs: number;
  modelId: string | null;
  /** True when the model id was not in the table and the default price was used. */
  defaultPrice: boolean;
}

function priceOf(modelId: string, table: PriceTable): { price: ModelPrice; defaultPrice: boolean } {
  const price = table[modelId] ?? table[modelId.replace(/^[^/]+\//, "")];
  return price ? { price, defaultPrice: false } : { price: DEFAULT_MODEL_PRICE, defaultPrice: true };
}

/** USD for a number of tokens at a price (per million). */
export function tokensToUsd(inputTokens: number, outputTokens: number, price: ModelPrice): number {
  return (inputTokens * price.inputUsdPerMillion + outputTokens * price.outputUsdPerMillion) / 1_000_000;
}

/**
 * Estimates what a route will cost before running it: tokens (prompt from its actual size,
 * completion from the constraint schema; plus the optional re-rank), USD from the price table
 * and latency (first token + decoding + the non-LLM parts). The fast path and the offline
 * reasoner make no LLM call and cost nothing.
 */
export function estimateRouteCost(input: RouteCostInput): CostEstimate {
  if (input.path === "fast" || input.reasoner === "offline") {
    return {
      path: input.path,
      llmCalls: 0,
      inputTokens: 0,
      outputTokens: 0,
      usd: 0,
      latencyMs: input.path === "fast" ? FAST_PATH_LATENCY_MS : OFFLINE_REASONER_LATENCY_MS,
      modelId: null,
      defaultPrice: false,
    };
  }
  const { price, defaultPrice } = priceOf(input.modelId, input.priceTable ?? DEFAULT_PRICE_TABLE);
  let inputTokens = estimateTokens(input.promptCharacters) + MESSAGE_OVERHEAD_TOKENS;
  let outputTokens = CONSTRAINT_COMPLETION_TOKENS;
  let latencyMs = OFFLINE_REASONER_LATENCY_MS + price.firstTokenMs + (outputTokens / price.outputTokensPerSecond) * 1000;
  let llmCalls = 1;
  if (input.rerank) {
    const rerankInput = estimateTokens(input.rerank.promptCharacters) + MESSAGE_OVERHEAD_TOKENS;
    const rerankOutput = input.rerank.picks * RERANK_TOKENS_PER_PICK;
    inputTokens += rerankInput;
    outputTokens += rerankOutput;
    latencyMs += price.firstTokenMs + (rerankOutput / price.outputTokensPerSecond) * 1000;
    llmCalls += 1;
  }
  return { path: input.path, llmCalls, inputTokens, outputTokens, usd: tokensToUsd(inputTokens, outputTokens, price), latencyMs: Math.round(latencyMs), modelId: input.modelId, defaultPrice };
}

export interface LlmUsage {
  modelId: string;
  /** As reported by the provider (AI SDK usage); undefined when it did not say. */
  inputTokens: number | undefined;
  outputTokens: number | undefined;
  /** Measured wall time of the call, milliseconds. */
  latencyMs: number;
}

export interface ActualCost {
  modelId: string;
  inputTokens: number;
  outputTokens: number;
  usd: number;
  latencyMs: number;
  /** True when a token count was missing and estimated from the prompt/schema instead. */
  estimated: boolean;
}

/**
 * What an LLM call actually cost, after the fact, from the provider's usage. Missing counts
 * (some OpenAI-compatible servers report none) fall back to the estimates and say so.
 * @param options.fallbackPromptCharacters prompt size used when the provider reported no input tokens
 */
export function actualCost(usages: readonly LlmUsage[], options: { priceTable?: PriceTable; fallbackPromptCharacters?: number } = {}): ActualCost {
  let inputTokens = 0;
  let outputTokens = 0;
  let usd = 0;
  let latencyMs = 0;
  let estimated = false;
  for (const usage of usages) {
    const { price } = priceOf(usage.modelId, options.priceTable ?? DEFAULT_PRICE_TABLE);
    const input = usage.inputTokens ?? estimateTokens(options.fallbackPromptCharacters ?? 0) + MESSAGE_OVERHEAD_TOKENS;
    const output = usage.outputTokens ?? CONSTRAINT_COMPLETION_TOKENS;
    if (usage.inputTokens === undefined || usage.outputTokens === undefined) estimated = true;
    inputTokens += input;
    outputTokens += output;
    usd += tokensToUsd(input, output, price);
    latencyMs += usage.latencyMs;
  }
  return { modelId: usages[0]?.modelId ?? "", inputTokens, outputTokens, usd, latencyMs, estimated };
}

/** Price of a speech (text-to-speech) model, per character of the text it is given. */
export interface SpeechPrice {
  usdPerMillionCharacters: number;
}

export type SpeechPriceTable = Readonly<Record<string, SpeechPrice>>;

/**
 * OpenAI speech list prices (late 2025). tts-1 and tts-1-hd are billed per input character
 * ($15 and $30 per 1M). gpt-4o-mini-tts is billed per token ($0.60 per 1M text tokens in, $12
 * per 1M audio tokens out), which OpenAI puts at about $0.015 per minute of speech; at about 900
 * characters a minute (150 words) that is ~$16.7 per 1M characters, rounded up to $17 so the
 * estimate errs on the side of the budget. Local speech servers cost nothing: add them with 0.
 */
const DEFAULT_SPEECH_PRICE_TABLE: SpeechPriceTable = {
  "tts-1": { usdPerMillionCharacters: 15 },
  "tts-1-hd": { usdPerMillionCharacters: 30 },
  "gpt-4o-mini-tts": { usdPerMillionCharacters: 17 },
};

/** For a speech model the table does not know: priced like the dearest known one. */
const DEFAULT_SPEECH_PRICE: SpeechPrice = DEFAULT_SPEECH_PRICE_TABLE["tts-1-hd"];

/**
 * USD to speak a text of this many characters. The provider reports no usage for speech, so the
 * same figure is the estimate before the call and the cost settled after it.
 */
export function speechUsd(modelId: string, characters: number, table: SpeechPriceTable = DEFAULT_SPEECH_PRICE_TABLE): number {
  const price = table[modelId] ?? table[modelId.replace(/^[^/]+\//, "")] ?? DEFAULT_SPEECH_PRICE;
  return (Math.max(0, characters) * price.usdPerMillionCharacters) / 1_000_000;
}

/**
 * The most one plain LLM call can cost before it runs (the DJ script, the reply text): its
 * prompt as built, and the completion at its token cap.
 */
export function estimateCallUsd(input: { modelId: string; promptCharacters: number; maxOutputTokens: number; priceTable?: PriceTable }): number {
  const { price } = priceOf(input.modelId, input.priceTable ?? DEFAULT_PRICE_TABLE);
  return tokensToUsd(estimateTokens(input.promptCharacters) + MESSAGE_OVERHEAD_TOKENS, input.maxOutputTokens, price);
}
