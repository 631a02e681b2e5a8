import type { EmbeddingModel } from "ai";

/** The AI SDK's embedding model contract (specification v3): what `embed`/`embedMany` accept. */
export type EmbeddingModelV3 = Extract<EmbeddingModel, { specificationVersion: "v3" }>;
type DoEmbedOptions = Parameters<EmbeddingModelV3["doEmbed"]>[0];
type DoEmbedResult = Awaited<ReturnType<EmbeddingModelV3["doEmbed"]>>;

/** The text encoders a catalog can be built with. */
export const TEXT_ENCODER_IDS = ["glove-sif", "minilm"] as const;
export type TextEncoderId = (typeof TEXT_ENCODER_IDS)[number];

/**
 * A text encoder: an AI SDK embedding model (so `embed({ model: encoder, value })` works) that
 * also embeds straight into typed arrays for the catalog build and the search path.
 */
export interface SentenceEncoder extends EmbeddingModelV3 {
  readonly encoderId: TextEncoderId;
  /** Length of every vector this encoder returns. */
  readonly dimensions: number;
  /**
   * Embeds texts into unit-length vectors, so cosine similarity is a dot product. A text with no
   * known word gives the zero vector (similar to nothing).
   */
  embedTexts(texts: readonly string[]): Promise<Float32Array[]>;
}

/**
 * The AI SDK `doEmbed` over an `embedTexts` function: honours the abort signal and reports a
 * rough token count (whitespace-separated words) as usage.
 */
export function doEmbedWith(embedTexts: (texts: readonly string[]) => Promise<Float32Array[]>) {
  return async (options: DoEmbedOptions): Promise<DoEmbedResult> => {
    options.abortSignal?.throwIfAborted();
    const vectors = await embedTexts(options.values);
    const tokens = options.values.reduce((sum, value) => sum + (value.match(/\S+/g)?.length ?? 0), 0);
    return { embeddings: vectors.map((vector) => Array.from(vector)), usage: { tokens }, warnings: [] };
  };
}
