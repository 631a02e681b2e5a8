import type { GloveSifModel } from "./glove-sif-model";
import { doEmbedWith, type SentenceEncoder } from "./sentence-encoder";
import { normaliseInPlace, removeComponentInPlace } from "./sif";
import { vocabularyTokens, wordTokens } from "./word-tokens";

export const GLOVE_SIF_MODEL_ID = "glove-sif-wink-sg-100d";

/**
 * SIF-weighted GloVe sentence encoder (Arora et al. 2017) over a compacted vocabulary. Embedding
 * is a few dictionary look-ups and multiply-adds per word: microseconds per query, no model
 * runtime, no download. Words outside the compacted vocabulary are ignored.
 */
export class GloveSifEncoder implements SentenceEncoder {
  readonly specificationVersion = "v3";
  readonly provider = "reelcast";
  readonly modelId = GLOVE_SIF_MODEL_ID;
  readonly maxEmbeddingsPerCall = Number.POSITIVE_INFINITY;
  readonly supportsParallelCalls = true;
  readonly encoderId = "glove-sif";
  readonly dimensions: number;
  readonly doEmbed = doEmbedWith(async (texts) => this.embedTextsSync(texts));
  private readonly indexOf: Map<string, number>;
  private readonly hasWord = (word: string) => this.indexOf.has(word);

  constructor(readonly model: GloveSifModel) {
    this.dimensions = model.dimensions;
    this.indexOf = new Map(model.words.map((word, index) => [word, index]));
  }

  /** Vocabulary size of the compacted model. */
  get vocabularySize(): number {
    return this.model.words.length;
  }

  /** The words of `text` this encoder knows, in order (what the vector is made of). */
  knownWords(text: string): string[] {
    return vocabularyTokens(wordTokens(text), this.hasWord);
  }

  /**
   * The SIF-weighted average of the known words' vectors, before common-component removal and
   * normalisation. The catalog build uses it to compute the common component.
   * @returns the vector and how many known words went into it
   */
  weightedAverage(text: string): { vector: Float32Array; wordCount: number } {
    const { dimensions, weights, scales, quantized } = this.model;
    const vector = new Float32Array(dimensions);
    const words = this.knownWords(text);
    for (const word of words) {
      const row = this.indexOf.get(word)!;
      const factor = weights[row] * scales[row];
      const offset = row * dimensions;
      for (let index = 0; index < dimensions; index += 1) vector[index] += factor * quantized[offset + index];
    }
    if (words.length > 0) for (let index = 0; index < dimensions; index += 1) vector[index] /= words.length;
    return { vector, wordCount: words.length };
  }

  /** Embeds one text synchronously: SIF average, common component removed, unit length. */
  embedText(text: string): Float32Array {
    const { vector } = this.weightedAverage(text);
    removeComponentInPlace(vector, this.model.commonComponent);
    normaliseInPlace(vector);
    return vector;
  }

  embedTextsSync(texts: readonly string[]): Float32Array[] {
    return texts.map((text) => this.embedText(text));
  }

  async embedTexts(texts: readonly string[]): Promise<Float32Array[]> {
    return this.embedTextsSync(texts);
  }
}
