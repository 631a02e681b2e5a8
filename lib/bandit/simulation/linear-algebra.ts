/**
 * Solves A x = b for a symmetric positive-definite k × k matrix (row-major) by Cholesky
 * decomposition. `matrix` is overwritten with its factor. Throws a RangeError when A is not
 * positive definite (a regularisation bug).
 */
function solveSymmetricPositiveDefinite(matrix: Float64Array, rhs: Float64Array, size: number): Float64Array {
  for (let row = 0; row < size; row++) {
    for (let column = 0; column <= row; column++) {
      let sum = matrix[row * size + column];
      for (let inner = 0; inner < column; inner++) sum -= matrix[row * size + inner] * matrix[column * size + inner];
      if (row === column) {
        if (!(sum > 0)) throw new RangeError("Matrix is not positive definite.");
        matrix[row * size + row] = Math.sqrt(sum);
      } else {
        matrix[row * size + column] = sum / matrix[column * size + column];
      }
    }
  }
  const solution = new Float64Array(rhs);
  for (let row = 0; row < size; row++) {
    let sum = solution[row];
    for (let inner = 0; inner < row; inner++) sum -= matrix[row * size + inner] * solution[inner];
    solution[row] = sum / matrix[row * size + row];
  }
  for (let row = size - 1; row >= 0; row--) {
    let sum = solution[row];
    for (let inner = row + 1; inner < size; inner++) sum -= matrix[inner * size + row] * solution[inner];
    solution[row] = sum / matrix[row * size + row];
  }
  return solution;
}

/** Dot product of row `row` of a row-major matrix with `vector`. */
export function rowDot(matrix: Float32Array | Float64Array, row: number, vector: ArrayLike<number>, size: number): number {
  let sum = 0;
  const offset = row * size;
  for (let index = 0; index < size; index++) sum += matrix[offset + index] * vector[index];
  return sum;
}

/**
 * Ridge regression of `values` on the listed rows of `vectors` (k columns):
 * x = (Vᵀ V + λ n I)⁻¹ Vᵀ y, the ALS fold-in of one user or item. λ scales with the number of
 * observations (weighted-λ regularisation, Zhou et al. 2008).
 */
export function ridgeFoldIn(vectors: Float32Array | Float64Array, size: number, rows: ArrayLike<number>, values: ArrayLike<number>, regularisation: number): Float64Array {
  const gram = new Float64Array(size * size);
  const rhs = new Float64Array(size);
  for (let index = 0; index < rows.length; index++) {
    const offset = rows[index] * size;
    const value = values[index];
    for (let row = 0; row < size; row++) {
      const entry = vectors[offset + row];
      rhs[row] += entry * value;
      for (let column = 0; column <= row; column++) gram[row * size + column] += entry * vectors[offset + column];
    }
  }
  const ridge = regularisation * Math.max(1, rows.length);
  for (let row = 0; row < size; row++) {
    gram[row * size + row] += ridge;
    for (let column = 0; column < row; column++) gram[column * size + row] = gram[row * size + column];
  }
  return solveSymmetricPositiveDefinite(gram, rhs, size);
}
