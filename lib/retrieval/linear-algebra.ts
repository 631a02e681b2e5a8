/** Small dense linear algebra on row-major Float64Arrays, enough for per-user and per-item solves. */

/**
 * Gram matrix FᵀF (dimensions × dimensions, row-major) of the `rows` × `dimensions` factor matrix,
 * optionally over a subset of rows.
 */
export function gramMatrix(factors: ArrayLike<number>, rows: number, dimensions: number, include?: (row: number) => boolean): Float64Array {
  const gram = new Float64Array(dimensions * dimensions);
  for (let row = 0; row < rows; row += 1) {
    if (include && !include(row)) continue;
    const offset = row * dimensions;
    for (let i = 0; i < dimensions; i += 1) {
      const value = factors[offset + i];
      if (value === 0) continue;
      const gramRow = i * dimensions;
      for (let j = i; j < dimensions; j += 1) gram[gramRow + j] += value * factors[offset + j];
    }
  }
  for (let i = 0; i < dimensions; i += 1) for (let j = 0; j < i; j += 1) gram[i * dimensions + j] = gram[j * dimensions + i];
  return gram;
}

/**
 * Solves A x = b in place for a symmetric positive-definite A (n × n, row-major) by Cholesky
 * decomposition. `matrix` is overwritten by its factor and `rightHandSide` by the solution.
 * Throws when A is not positive definite (a zero or negative pivot).
 */
export function choleskySolveInPlace(matrix: Float64Array, rightHandSide: Float64Array, n: number): Float64Array {
  for (let j = 0; j < n; j += 1) {
    const rowJ = j * n;
    let diagonal = matrix[rowJ + j];
    for (let k = 0; k < j; k += 1) diagonal -= matrix[rowJ + k] * matrix[rowJ + k];
    if (!(diagonal > 0)) throw new Error(`choleskySolveInPlace: matrix is not positive definite (pivot ${j} = ${diagonal})`);
    const pivot = Math.sqrt(diagonal);
    matrix[rowJ + j] = pivot;
    for (let i = j + 1; i < n; i += 1) {
      const rowI = i * n;
      let value = matrix[rowI + j];
      for (let k = 0; k < j; k += 1) value -= matrix[rowI + k] * matrix[rowJ + k];
      matrix[rowI + j] = value / pivot;
    }
  }
  // Forward substitution L y = b, then back substitution Lᵀ x = y.
  for (let i = 0; i < n; i += 1) {
    let value = rightHandSide[i];
    for (let k = 0; k < i; k += 1) value -= matrix[i * n + k] * rightHandSide[k];
    rightHandSide[i] = value / matrix[i * n + i];
  }
  for (let i = n - 1; i >= 0; i -= 1) {
    let value = rightHandSide[i];
    for (let k = i + 1; k < n; k += 1) value -= matrix[k * n + i] * rightHandSide[k];
    rightHandSide[i] = value / matrix[i * n + i];
  }
  return rightHandSide;
}

/** Scales each `dimensions`-long row to unit Euclidean length (zero rows stay zero). */
export function normalizeRows(vectors: Float32Array, dimensions: number): Float32Array {
  const normalized = new Float32Array(vectors.length);
  for (let offset = 0; offset < vectors.length; offset += dimensions) {
    let norm = 0;
    for (let column = 0; column < dimensions; column += 1) norm += vectors[offset + column] * vectors[offset + column];
    if (norm === 0) continue;
    const scale = 1 / Math.sqrt(norm);
    for (let column = 0; column < dimensions; column += 1) normalized[offset + column] = vectors[offset + column] * scale;
  }
  return normalized;
}
