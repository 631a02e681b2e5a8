/**
 * Smooth inverse frequency (SIF) sentence embeddings, Arora, Liang & Ma, "A Simple but
 * Tough-to-Beat Baseline for Sentence Embeddings" (ICLR 2017): a sentence is the average of its
 * word vectors weighted by a / (a + p(w)), minus its projection on the first principal component
 * of all sentence vectors (the "common component", mostly syntax and very frequent words).
 * Plain math over typed arrays: no I/O.
 */

/** The paper's recommended smoothing constant: weights fall off for words above ~1e-3 frequency. */
export const DEFAULT_SIF_SMOOTHING = 1e-3;

/**
 * Unigram probability of the word at `rank` (0 = most frequent) under Zipf's law with exponent 1,
 * normalised over a vocabulary of `vocabularySize` words: p(r) = 1 / ((r + 1) · H_N).
 * Word-vector vocabularies such as GloVe's are sorted by corpus count, so the rank is all we have.
 */
export function zipfProbability(rank: number, vocabularySize: number): number {
  if (rank < 0 || vocabularySize <= 0) throw new RangeError(`zipfProbability: rank ${rank} / vocabulary ${vocabularySize}`);
  // Harmonic number H_N ≈ ln N + γ + 1/(2N): exact enough for N in the thousands and beyond.
  const harmonic = Math.log(vocabularySize) + 0.5772156649 + 1 / (2 * vocabularySize);
  return 1 / ((rank + 1) * harmonic);
}

/** SIF weight a / (a + p): ≈ 1 for rare words, ≈ a/p for very frequent ones. */
export function sifWeight(probability: number, smoothing = DEFAULT_SIF_SMOOTHING): number {
  return smoothing / (smoothing + probability);
}

/** Dot product of two equally long vectors. */
function dot(left: ArrayLike<number>, right: ArrayLike<number>): number {
  let sum = 0;
  for (let index = 0; index < left.length; index += 1) sum += left[index] * right[index];
  return sum;
}

/** Scales `vector` in place to unit length; leaves a zero vector as it is. Returns the old norm. */
export function normaliseInPlace(vector: Float32Array): number {
  const norm = Math.sqrt(dot(vector, vector));
  if (norm > 0) for (let index = 0; index < vector.length; index += 1) vector[index] /= norm;
  return norm;
}

/** Removes the projection of `vector` on the unit vector `component`, in place: v ← v − (v·u)u. */
export function removeComponentInPlace(vector: Float32Array, component: ArrayLike<number>): void {
  const projection = dot(vector, component);
  for (let index = 0; index < vector.length; index += 1) vector[index] -= projection * component[index];
}

/**
 * First right singular vector of the row matrix `rows` (rows × dimensions, row-major), i.e. the
 * first principal component without centring, as the paper's TruncatedSVD computes it. Power
 * iteration on the dimensions × dimensions Gram matrix XᵀX, started from the column sums (a
 * deterministic start close to the answer for embeddings, which share a common direction).
 * The sign is fixed so the largest-magnitude coordinate is positive, for reproducible builds.
 * @param iterations upper bound on power iterations (default 200); stops early on convergence
 * @returns a unit vector of length `dimensions` (all zeros when `rows` is all zeros)
 */
export function firstPrincipalComponent(rows: Float32Array, dimensions: number, iterations = 200): Float32Array {
  if (dimensions <= 0 || rows.length % dimensions !== 0) throw new RangeError(`firstPrincipalComponent: ${rows.length} values are not rows of ${dimensions}`);
  const rowCount = rows.length / dimensions;
  const gram = new Float64Array(dimensions * dimensions);
  const start = new Float64Array(dimensions);
  for (let row = 0; row < rowCount; row += 1) {
    const offset = row * dimensions;
    for (let i = 0; i < dimensions; i += 1) {
      const value = rows[offset + i];
      if (value === 0) continue;
      start[i] += value;
      for (let j = i; j < dimensions; j += 1) gram[i * dimensions + j] += value * rows[offset + j];
    }
  }
  for (let i = 0; i < dimensions; i += 1) for (let j = 0; j < i; j += 1) gram[i * dimensions + j] = gram[j * dimensions + i];

  let current: Float64Array = start;
  if (current.every((value) => value === 0)) current = new Float64Array(dimensions).fill(1);
  const unit = (vector: Float64Array): Float64Array => {
    const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
    return norm > 0 ? vector.map((value) => value / norm) : vector;
  };
  current = unit(current);
  for (let iteration = 0; iteration < iterations; iteration += 1) {
    const next = new Float64Array(dimensions);
    for (let i = 0; i < dimensions; i += 1) {
      let sum = 0;
      for (let j = 0; j < dimensions; j += 1) sum += gram[i * dimensions + j] * current[j];
      next[i] = sum;
    }
    const normalised = unit(next);
    let change = 0;
    for (let i = 0; i < dimensions; i += 1) change = Math.max(change, Math.abs(normalised[i] - current[i]));
    current = normalised;
    if (change < 1e-10) break;
  }
  let largest = 0;
  for (let i = 1; i < dimensions; i += 1) if (Math.abs(current[i]) > Math.abs(current[largest])) largest = i;
  const sign = current[largest] < 0 ? -1 : 1;
  return Float32Array.from(current, (value) => sign * value);
}
