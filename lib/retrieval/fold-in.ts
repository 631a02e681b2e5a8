import { choleskySolveInPlace, gramMatrix } from "./linear-algebra";

/**
 * Everything needed to place a new user in the item-factor space of a trained WALS model
 * without retraining. Build it once per loaded model (O(n·k²)); each fold-in is then O(m·k² + k³)
 * for m rated items — about 0.1 ms for k = 64.
 */
export interface FoldInContext {
  dimensions: number;
  /** itemCount × dimensions, row-major: the fixed item factors Y. */
  itemVectors: Float32Array;
  /** YᵀWY + λI over the items the model was trained on (W = missing-data weights), k × k. */
  regularizedGram: Float64Array;
  /** Per-item unobserved-pair weights w_i, or null for the uniform weight 1. */
  missingWeights: Float32Array | null;
  /** Strength of a "liked" item (confidence 1 + s, preference 1). */
  likedStrength: number;
  /** Strength magnitude of a "disliked" item (confidence 1 + s, preference 0). */
  dislikedStrength: number;
}

/**
 * Prepares fold-in for a WALS model.
 * @param trained which item rows took part in training; content-derived (cold-start) vectors are
 *   left out of YᵀY so the solve sees the same unobserved-item penalty as training did
 * @param regularization the λ the model was trained with
 * @param missingWeights the model's per-item unobserved weights (null = uniform)
 */
export function createFoldInContext(
  itemVectors: Float32Array,
  dimensions: number,
  regularization: number,
  likedStrength: number,
  dislikedStrength: number,
  missingWeights: Float32Array | null,
  trained?: (itemIndex: number) => boolean,
): FoldInContext {
  const itemCount = itemVectors.length / dimensions;
  const weighted = missingWeights ? weightRows(itemVectors, dimensions, missingWeights) : itemVectors;
  // Σ w_i y_i y_iᵀ = (√w ⊙ Y)ᵀ(√w ⊙ Y)
  const regularizedGram = gramMatrix(weighted, itemCount, dimensions, trained);
  for (let i = 0; i < dimensions; i += 1) regularizedGram[i * dimensions + i] += regularization;
  return { dimensions, itemVectors, regularizedGram, missingWeights, likedStrength, dislikedStrength: Math.abs(dislikedStrength) };
}

function weightRows(vectors: Float32Array, dimensions: number, weights: Float32Array): Float32Array {
  const scaled = new Float32Array(vectors.length);
  for (let row = 0; row < weights.length; row += 1) {
    const factor = Math.sqrt(weights[row]);
    for (let column = 0; column < dimensions; column += 1) scaled[row * dimensions + column] = factor * vectors[row * dimensions + column];
  }
  return scaled;
}

export interface SessionFeedback {
  /** Item indexes the person liked (picked, thumbs-up, named as a reference). */
  liked: readonly number[];
  /** Item indexes the person rejected. */
  disliked?: readonly number[];
}

/**
 * The user vector x that WALS would assign to someone with exactly this feedback, holding the
 * item factors Y fixed — the same closed-form least-squares step as one ALS half-iteration:
 *
 *   (YᵀWY + λI + Σ_{i∈liked∪disliked} (c_i − w_i) y_i y_iᵀ) x = Σ_{i∈liked} c_i y_i,
 *
 * with c_i = 1 + strength and w_i the item's unobserved weight (1 for uniform WALS). Liked items pull x towards them (preference 1); disliked ones add
 * confidence that their preference is 0, pushing x away from their direction. Solved exactly by
 * Cholesky (well-posed for any λ > 0). Scores are then x·y_j for every item j.
 * An item listed in both lists counts as disliked. Returns a zero vector for empty feedback.
 * Throws when an index is out of range.
 */
export function foldInUser(context: FoldInContext, feedback: SessionFeedback): Float32Array {
  const { dimensions: k, itemVectors } = context;
  const itemCount = itemVectors.length / k;
  const disliked = new Set(feedback.disliked ?? []);
  const liked = new Set(feedback.liked.filter((itemIndex) => !disliked.has(itemIndex)));
  for (const itemIndex of [...liked, ...disliked]) {
    if (!Number.isInteger(itemIndex) || itemIndex < 0 || itemIndex >= itemCount) throw new Error(`foldInUser: item index ${itemIndex} outside 0..${itemCount - 1}`);
  }
  if (liked.size === 0) return new Float32Array(k);
  const matrix = Float64Array.from(context.regularizedGram);
  const rightHandSide = new Float64Array(k);
  const accumulate = (itemIndex: number, strength: number, target: number) => {
    const extraConfidence = 1 + strength - (context.missingWeights ? context.missingWeights[itemIndex] : 1);
    const offset = itemIndex * k;
    for (let i = 0; i < k; i += 1) {
      const value = itemVectors[offset + i];
      rightHandSide[i] += target * value;
      const scaled = extraConfidence * value;
      const row = i * k;
      for (let j = 0; j <= i; j += 1) matrix[row + j] += scaled * itemVectors[offset + j];
    }
  };
  for (const itemIndex of liked) accumulate(itemIndex, context.likedStrength, 1 + context.likedStrength);
  for (const itemIndex of disliked) accumulate(itemIndex, context.dislikedStrength, 0);
  for (let i = 0; i < k; i += 1) for (let j = i + 1; j < k; j += 1) matrix[i * k + j] = matrix[j * k + i];
  return Float32Array.from(choleskySolveInPlace(matrix, rightHandSide, k));
}
