import { choleskySolveInPlace } from "./linear-algebra";
import { gaussian, type RandomSource } from "./seeded-random";
import { transposeSparse, type SparseMatrix } from "./sparse-matrix";

/**
 * Weighted alternating least squares for implicit feedback (Hu, Koren & Volinsky, ICDM 2008).
 *
 * Minimises Σ_{u,i} c_ui (p_ui − x_uᵀ y_i)² + λ (Σ_u |x_u|² + Σ_i |y_i|²) over every user–item
 * pair, where unobserved pairs have p = 0, c = 1 and observed ones p ∈ {0, 1}, c = 1 + |s| (see
 * feedback-strength.ts). Each half-step fixes one side and solves, for every row,
 *   (YᵀY + λI + Σ_{i∈I_u} (c_ui − 1) y_i y_iᵀ) x_u = Σ_{i∈I_u} c_ui p_ui y_i,
 * which costs O(|I_u| k) beyond the shared Gram matrix YᵀY, so the dense "all unobserved pairs"
 * term never has to be touched. Rows are solved by a few warm-started conjugate-gradient steps
 * (Takács, Pilászy & Tikk, RecSys 2011) or exactly by Cholesky.
 */
export interface AlsOptions {
  /** Factor dimension k (default 64). */
  dimensions: number;
  /** λ, the L2 penalty on both factor matrices (default 5). */
  regularization: number;
  /** Full user + item sweeps (default 15). */
  iterations: number;
  /** "conjugate-gradient" (fast, default) or "cholesky" (exact per-row solve). */
  solver: "conjugate-gradient" | "cholesky";
  /** CG steps per row and sweep when solver is conjugate-gradient (default 3). */
  conjugateGradientSteps: number;
  /**
   * β of the popularity-aware weighting of unobserved pairs (He et al., SIGIR 2016, "eALS"):
   * item i's missing-data weight is ∝ (number of interactions)^β, rescaled to mean 1 over items;
   * 0 (default) is the uniform weighting of Hu et al.
   */
  missingWeightExponent: number;
  /** Standard deviation of the Gaussian initial factors, divided by √k (default 0.1). */
  initialScale: number;
}

const DEFAULT_ALS_OPTIONS: AlsOptions = {
  dimensions: 64,
  regularization: 5,
  iterations: 15,
  solver: "conjugate-gradient",
  conjugateGradientSteps: 3,
  initialScale: 0.1,
  missingWeightExponent: 0,
};

export interface AlsModel {
  dimensions: number;
  regularization: number;
  userCount: number;
  itemCount: number;
  /** userCount × dimensions, row-major. */
  userFactors: Float32Array;
  /** itemCount × dimensions, row-major. Items without feedback get zero rows. */
  itemFactors: Float32Array;
  /** Per-item unobserved-pair weights (null = uniform 1), needed to fold in new users exactly. */
  missingWeights: Float32Array | null;
}

/** Item missing-data weights ∝ count^β with mean 1 over the items that have interactions. */
function popularityMissingWeights(itemUsers: SparseMatrix, exponent: number): Float64Array {
  const weights = new Float64Array(itemUsers.rowCount);
  let total = 0;
  let counted = 0;
  for (let item = 0; item < itemUsers.rowCount; item += 1) {
    const count = itemUsers.rowStarts[item + 1] - itemUsers.rowStarts[item];
    if (count === 0) continue;
    weights[item] = Math.pow(count, exponent);
    total += weights[item];
    counted += 1;
  }
  const scale = counted / (total || 1);
  for (let item = 0; item < weights.length; item += 1) weights[item] *= scale;
  return weights;
}

/**
 * Trains WALS on a user × item strength matrix (values: signed strengths). Deterministic for a
 * given `random` sequence: initialisation is the only randomness and the solves are sequential.
 * @param onIteration called after each sweep with the 1-based iteration number (progress, timing)
 */
export function trainAls(userItems: SparseMatrix, options: Partial<AlsOptions>, random: RandomSource, onIteration?: (iteration: number) => void): AlsModel {
  const settings = { ...DEFAULT_ALS_OPTIONS, ...options };
  const { dimensions, regularization } = settings;
  const itemUsers = transposeSparse(userItems);
  const missingWeights = settings.missingWeightExponent === 0 ? null : popularityMissingWeights(itemUsers, settings.missingWeightExponent);
  const scale = settings.initialScale / Math.sqrt(dimensions);
  const userFactors = new Float64Array(userItems.rowCount * dimensions);
  const itemFactors = Float64Array.from({ length: userItems.columnCount * dimensions }, () => gaussian(random) * scale);
  for (let iteration = 1; iteration <= settings.iterations; iteration += 1) {
    solveSide(userItems, userFactors, itemFactors, settings, missingWeights, null);
    solveSide(itemUsers, itemFactors, userFactors, settings, null, missingWeights);
    onIteration?.(iteration);
  }
  return {
    dimensions,
    regularization,
    userCount: userItems.rowCount,
    itemCount: userItems.columnCount,
    userFactors: Float32Array.from(userFactors),
    itemFactors: Float32Array.from(itemFactors),
    missingWeights: missingWeights ? Float32Array.from(missingWeights) : null,
  };
}

/**
 * Re-solves every row of `solved` with `fixed` held constant. The unobserved-pair weight of an
 * entry is its item's missing weight: `fixedWeights[column]` on the user side (rows are users,
 * columns items), `solvedWeights[row]` on the item side; both absent means uniform weight 1.
 */
function solveSide(matrix: SparseMatrix, solved: Float64Array, fixed: Float64Array, settings: AlsOptions, fixedWeights: Float64Array | null, solvedWeights: Float64Array | null): void {
  const { dimensions: k, regularization } = settings;
  const gram = weightedGram(fixed, k, fixedWeights);
  const workspace = createWorkspace(k);
  for (let row = 0; row < matrix.rowCount; row += 1) {
    const start = matrix.rowStarts[row];
    const end = matrix.rowStarts[row + 1];
    if (start === end) {
      // No feedback: the optimum of λ|x|² + w·xᵀGx is zero.
      solved.fill(0, row * k, row * k + k);
      continue;
    }
    const rowWeight = solvedWeights ? solvedWeights[row] : 1;
    const problem: RowProblem = {
      gram,
      gramScale: rowWeight,
      regularization,
      fixed,
      columns: matrix.columns,
      strengths: matrix.values,
      start,
      end,
      k,
      missingWeights: fixedWeights,
      rowMissingWeight: rowWeight,
    };
    if (settings.solver === "cholesky") {
      solveRowExactly(problem, workspace.matrix, workspace.vector);
      solved.set(workspace.vector, row * k);
    } else {
      conjugateGradientRow(problem, solved, row * k, settings.conjugateGradientSteps, workspace);
    }
  }
}

/** Σ_r w_r f_r f_rᵀ (k × k, row-major); w = 1 when `weights` is null. */
function weightedGram(factors: Float64Array, k: number, weights: Float64Array | null): Float64Array {
  const gram = new Float64Array(k * k);
  const rows = factors.length / k;
  for (let row = 0; row < rows; row += 1) {
    const weight = weights ? weights[row] : 1;
    const offset = row * k;
    for (let i = 0; i < k; i += 1) {
      const value = weight * factors[offset + i];
      if (value === 0) continue;
      const gramRow = i * k;
      for (let j = i; j < k; j += 1) gram[gramRow + j] += value * factors[offset + j];
    }
  }
  for (let i = 0; i < k; i += 1) for (let j = 0; j < i; j += 1) gram[i * k + j] = gram[j * k + i];
  return gram;
}

/**
 * One row's normal equations: A = gramScale·gram + λI + Σ_e (c_e − w_e) y_e y_eᵀ and
 * b = Σ_e c_e p_e y_e over entries e in [start, end), with c_e = 1 + |s_e|, p_e = [s_e > 0] and
 * w_e the entry's unobserved weight (`missingWeights[column]`, else `rowMissingWeight`).
 */
export interface RowProblem {
  gram: Float64Array;
  gramScale: number;
  regularization: number;
  fixed: ArrayLike<number>;
  columns: ArrayLike<number>;
  strengths: ArrayLike<number>;
  start: number;
  end: number;
  k: number;
  missingWeights: ArrayLike<number> | null;
  rowMissingWeight: number;
}

interface Workspace {
  residual: Float64Array;
  direction: Float64Array;
  product: Float64Array;
  matrix: Float64Array;
  vector: Float64Array;
}

const createWorkspace = (k: number): Workspace => ({
  residual: new Float64Array(k),
  direction: new Float64Array(k),
  product: new Float64Array(k),
  matrix: new Float64Array(k * k),
  vector: new Float64Array(k),
});

/** Solves a row problem exactly by Cholesky into `vector` (`matrix` is k × k scratch). */
function solveRowExactly(problem: RowProblem, matrix: Float64Array, vector: Float64Array): Float64Array {
  const { gram, gramScale, regularization, fixed, columns, strengths, start, end, k, missingWeights, rowMissingWeight } = problem;
  for (let index = 0; index < k * k; index += 1) matrix[index] = gramScale * gram[index];
  for (let i = 0; i < k; i += 1) matrix[i * k + i] += regularization;
  vector.fill(0);
  for (let entry = start; entry < end; entry += 1) {
    const strength = strengths[entry];
    const confidence = 1 + Math.abs(strength);
    const target = strength > 0 ? confidence : 0;
    const column = columns[entry];
    const extra = confidence - (missingWeights ? missingWeights[column] : rowMissingWeight);
    const offset = column * k;
    for (let i = 0; i < k; i += 1) {
      const value = fixed[offset + i];
      if (target !== 0) vector[i] += target * value;
      const scaled = extra * value;
      const rowOffset = i * k;
      for (let j = 0; j <= i; j += 1) matrix[rowOffset + j] += scaled * fixed[offset + j];
    }
  }
  // The loop above only touched the lower triangle; mirror it for the solver.
  for (let i = 0; i < k; i += 1) for (let j = i + 1; j < k; j += 1) matrix[i * k + j] = matrix[j * k + i];
  return choleskySolveInPlace(matrix, vector, k);
}

/** A·v for a row problem, written into `out`. */
function applyRowMatrix(problem: RowProblem, vector: Float64Array, out: Float64Array): void {
  const { gram, gramScale, regularization, fixed, columns, strengths, start, end, k, missingWeights, rowMissingWeight } = problem;
  for (let i = 0; i < k; i += 1) {
    let value = 0;
    const gramRow = i * k;
    for (let j = 0; j < k; j += 1) value += gram[gramRow + j] * vector[j];
    out[i] = gramScale * value + regularization * vector[i];
  }
  for (let entry = start; entry < end; entry += 1) {
    const column = columns[entry];
    const extra = 1 + Math.abs(strengths[entry]) - (missingWeights ? missingWeights[column] : rowMissingWeight);
    const offset = column * k;
    let projection = 0;
    for (let j = 0; j < k; j += 1) projection += fixed[offset + j] * vector[j];
    const coefficient = extra * projection;
    for (let j = 0; j < k; j += 1) out[j] += coefficient * fixed[offset + j];
  }
}

/** A few conjugate-gradient steps on a row problem, warm-started from the row's current value. */
function conjugateGradientRow(problem: RowProblem, solved: Float64Array, offset: number, steps: number, { residual, direction, product }: Workspace): void {
  const { fixed, columns, strengths, start, end, k } = problem;
  const current = solved.subarray(offset, offset + k);
  // residual = b − A x
  applyRowMatrix(problem, current, residual);
  for (let j = 0; j < k; j += 1) residual[j] = -residual[j];
  for (let entry = start; entry < end; entry += 1) {
    const strength = strengths[entry];
    if (strength <= 0) continue;
    const target = 1 + strength;
    const fixedOffset = columns[entry] * k;
    for (let j = 0; j < k; j += 1) residual[j] += target * fixed[fixedOffset + j];
  }
  direction.set(residual);
  let residualNorm = 0;
  for (let j = 0; j < k; j += 1) residualNorm += residual[j] * residual[j];
  for (let step = 0; step < steps && residualNorm > 1e-20; step += 1) {
    applyRowMatrix(problem, direction, product);
    let curvature = 0;
    for (let j = 0; j < k; j += 1) curvature += direction[j] * product[j];
    const stepSize = residualNorm / curvature;
    let nextNorm = 0;
    for (let j = 0; j < k; j += 1) {
      current[j] += stepSize * direction[j];
      residual[j] -= stepSize * product[j];
      nextNorm += residual[j] * residual[j];
    }
    const ratio = nextNorm / residualNorm;
    for (let j = 0; j < k; j += 1) direction[j] = residual[j] + ratio * direction[j];
    residualNorm = nextNorm;
  }
}
