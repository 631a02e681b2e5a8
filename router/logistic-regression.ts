/** A logistic regression over named features: P(reasoning) = σ(bias + w·x). */
export interface LogisticModel {
  featureNames: readonly string[];
  weights: readonly number[];
  bias: number;
}

export interface TrainingOptions {
  /** Full-batch gradient steps (default 4000). */
  iterations?: number;
  /** Step size (default 0.3). */
  learningRate?: number;
  /** L2 penalty on the weights, not the bias (default 0.003). */
  l2?: number;
  /** Weight of the positive class, to balance unequal classes (default 1). */
  positiveWeight?: number;
}

const sigmoid = (value: number) => 1 / (1 + Math.exp(-value));

/** P(positive) for one feature vector; lengths must match the model's. */
export function predictProbability(model: LogisticModel, values: ArrayLike<number>): number {
  let sum = model.bias;
  for (let index = 0; index < model.weights.length; index += 1) sum += model.weights[index] * values[index];
  return sigmoid(sum);
}

/**
 * Fits weights by full-batch gradient descent on the L2-regularised log loss from zero
 * weights: deterministic (no sampling, no random start), so retraining on the same rows gives
 * the same weights.
 * @throws when rows and labels differ in length or rows differ in width
 */
export function trainLogisticRegression(rows: ReadonlyArray<ArrayLike<number>>, labels: readonly number[], featureNames: readonly string[], options: TrainingOptions = {}): LogisticModel {
  if (rows.length !== labels.length) throw new Error(`trainLogisticRegression: ${rows.length} rows but ${labels.length} labels`);
  const width = featureNames.length;
  for (const row of rows) if (row.length !== width) throw new Error(`trainLogisticRegression: a row has ${row.length} values, expected ${width}`);
  const iterations = options.iterations ?? 4000;
  const learningRate = options.learningRate ?? 0.3;
  const l2 = options.l2 ?? 0.003;
  const positiveWeight = options.positiveWeight ?? 1;
  const weights = new Float64Array(width);
  let bias = 0;
  const gradient = new Float64Array(width);
  const totalWeight = labels.reduce((sum, label) => sum + (label === 1 ? positiveWeight : 1), 0);
  for (let step = 0; step < iterations; step += 1) {
    gradient.fill(0);
    let biasGradient = 0;
    rows.forEach((row, rowIndex) => {
      let sum = bias;
      for (let index = 0; index < width; index += 1) sum += weights[index] * row[index];
      const label = labels[rowIndex];
      const error = (sigmoid(sum) - label) * (label === 1 ? positiveWeight : 1);
      for (let index = 0; index < width; index += 1) gradient[index] += error * row[index];
      biasGradient += error;
    });
    for (let index = 0; index < width; index += 1) weights[index] -= learningRate * (gradient[index] / totalWeight + l2 * weights[index]);
    bias -= (learningRate * biasGradient) / totalWeight;
  }
  return { featureNames: [...featureNames], weights: Array.from(weights, (weight) => Math.round(weight * 1e6) / 1e6), bias: Math.round(bias * 1e6) / 1e6 };
}
