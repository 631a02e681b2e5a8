import { quantizeVector, type GloveSifModel } from "../../../lib/ai";

/**
 * A hand-made GloVe-SIF model: 2-dimensional word vectors with chosen weights, so expected
 * sentence vectors can be worked out on paper.
 */
export function tinyGloveModel(entries: Record<string, { vector: [number, number]; weight: number }>, commonComponent: [number, number] = [0, 0]): GloveSifModel {
  const words = Object.keys(entries);
  const quantized = new Int8Array(words.length * 2);
  const scales = new Float32Array(words.length);
  words.forEach((word, row) => {
    scales[row] = quantizeVector(entries[word].vector, quantized, row * 2);
  });
  return {
    dimensions: 2,
    smoothing: 1e-3,
    words,
    weights: Float32Array.from(words.map((word) => entries[word].weight)),
    scales,
    quantized,
    commonComponent: Float32Array.from(commonComponent),
  };
}
