/**
 * Gradient-boosted regression trees for re-ranking (I/O-free, deterministic).
 *
 * - Features are binned once into at most `maxBins` (≤ 256) quantile bins per feature
 *   (`binFeatures`); a split "bin ≤ s" is the raw-value test "value ≤ thresholds[s]", so trees
 *   trained on bins predict raw rows (`predictRow`) exactly as they scored the bins.
 *   NaN is treated as "smaller than everything": bin 0 when binning, left branch when predicting.
 * - Trees grow best-first (the leaf whose best split gains most is split next) up to `maxLeaves`
 *   leaves, each with at least `minRowsPerLeaf` rows; split gain and leaf values use the second-
 *   order (Newton) step with L2 penalty λ: value = −G / (H + λ), times the shrinkage.
 * - Objectives: "logistic" (pointwise log loss on 0/1 labels) or "lambdarank" (pairwise within
 *   groups, each pair weighted by the |ΔNDCG| of swapping it, binary gains).
 * No sampling, so the result depends only on the data and the options.
 */

export interface BinnedFeatures {
  rowCount: number;
  featureCount: number;
  /** Feature-major bin codes: bins[feature * rowCount + row]. */
  bins: Uint8Array;
  /** The same codes row-major: rowBins[row * featureCount + feature]. */
  rowBins: Uint8Array;
  /** Per feature, ascending thresholds; bin b holds values v with thresholds[b-1] < v ≤ thresholds[b]. */
  thresholds: Float64Array[];
}

/**
 * Thresholds for one feature: the midpoints between consecutive distinct values when there are
 * at most `maxBins` of them, otherwise values at evenly spaced quantiles (deduplicated).
 */
export function binThresholds(values: ArrayLike<number>, maxBins: number): Float64Array {
  if (maxBins < 2 || maxBins > 256) throw new Error(`binThresholds: maxBins ${maxBins} outside 2..256`);
  const finite: number[] = [];
  for (let index = 0; index < values.length; index += 1) if (!Number.isNaN(values[index])) finite.push(values[index]);
  const sorted = Float64Array.from(finite).sort();
  const distinct: number[] = [];
  for (const value of sorted) if (distinct.length === 0 || value !== distinct[distinct.length - 1]) distinct.push(value);
  if (distinct.length <= maxBins) {
    const thresholds = new Float64Array(Math.max(0, distinct.length - 1));
    for (let index = 0; index + 1 < distinct.length; index += 1) {
      const [low, high] = [distinct[index], distinct[index + 1]];
      // Midpoints of infinities are not numbers; the lower value separates them just as well.
      const middle = low + (high - low) / 2;
      thresholds[index] = Number.isFinite(middle) ? middle : low;
    }
    return thresholds;
  }
  const thresholds: number[] = [];
  for (let bin = 1; bin < maxBins; bin += 1) {
    const value = sorted[Math.floor((bin * sorted.length) / maxBins) - 1];
    // Never split above the largest value (the last bin would be empty).
    if (value < sorted[sorted.length - 1] && (thresholds.length === 0 || value > thresholds[thresholds.length - 1])) thresholds.push(value);
  }
  return Float64Array.from(thresholds);
}

/** Bin of `value`: the first b with value ≤ thresholds[b], else thresholds.length; NaN → 0. */
export function binOf(thresholds: Float64Array, value: number): number {
  if (Number.isNaN(value)) return 0;
  let low = 0;
  let high = thresholds.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (value <= thresholds[middle]) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Bins row-major `rows` (rowCount × featureCount). */
export function binFeatures(rows: Float32Array, featureCount: number, maxBins = 64): BinnedFeatures {
  if (featureCount <= 0 || rows.length % featureCount !== 0) throw new Error(`binFeatures: ${rows.length} values are not rows of ${featureCount} features`);
  const rowCount = rows.length / featureCount;
  const bins = new Uint8Array(rowCount * featureCount);
  const thresholds: Float64Array[] = [];
  const column = new Float64Array(rowCount);
  for (let feature = 0; feature < featureCount; feature += 1) {
    for (let row = 0; row < rowCount; row += 1) column[row] = rows[row * featureCount + feature];
    const featureThresholds = binThresholds(column, maxBins);
    thresholds.push(featureThresholds);
    for (let row = 0; row < rowCount; row += 1) bins[feature * rowCount + row] = binOf(featureThresholds, column[row]);
  }
  const rowBins = new Uint8Array(rowCount * featureCount);
  for (let feature = 0; feature < featureCount; feature += 1) for (let row = 0; row < rowCount; row += 1) rowBins[row * featureCount + feature] = bins[feature * rowCount + row];
  return { rowCount, featureCount, bins, rowBins, thresholds };
}

export interface BoostingOptions {
  objective: "logistic" | "lambdarank";
  rounds: number;
  shrinkage: number;
  maxLeaves: number;
  minRowsPerLeaf: number;
  /** L2 penalty on leaf values. */
  lambda: number;
  maxBins: number;
}

export const DEFAULT_BOOSTING_OPTIONS: BoostingOptions = { objective: "logistic", rounds: 300, shrinkage: 0.05, maxLeaves: 7, minRowsPerLeaf: 500, lambda: 10, maxBins: 64 };

/** Flat tree: internal nodes have feature ≥ 0; leaves have feature −1 and a value. */
export interface RegressionTree {
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  value: Float64Array;
}

export interface BoostedTrees {
  featureCount: number;
  baseScore: number;
  trees: RegressionTree[];
}

interface Split {
  gain: number;
  feature: number;
  bin: number;
}

interface GrowingLeaf {
  rows: Int32Array;
  /** Per (feature, bin) slot: gradient sum, hessian sum and row count, interleaved (3 values per slot). */
  histogram: Float64Array;
  sumGradient: number;
  sumHessian: number;
  split: Split | null;
  node: number;
}

function histogram(data: BinnedFeatures, rows: Int32Array, gradients: Float64Array, hessians: Float64Array, width: number): Float64Array {
  const sums = new Float64Array(data.featureCount * width * 3);
  // Row by row over the row-major copy: each row's bins are read contiguously, once; the three
  // sums of a slot sit side by side, so each update touches one cache line.
  const featureCount = data.featureCount;
  const rowBins = data.rowBins;
  const stride = width * 3;
  for (let index = 0; index < rows.length; index += 1) {
    const row = rows[index];
    const g = gradients[row];
    const h = hessians[row];
    const base = row * featureCount;
    for (let feature = 0, offset = 0; feature < featureCount; feature += 1, offset += stride) {
      const slot = offset + rowBins[base + feature] * 3;
      sums[slot] += g;
      sums[slot + 1] += h;
      sums[slot + 2] += 1;
    }
  }
  return sums;
}

function bestSplit(leaf: GrowingLeaf, data: BinnedFeatures, width: number, options: BoostingOptions): Split | null {
  const total = leaf.rows.length;
  if (total < 2 * options.minRowsPerLeaf) return null;
  const parent = (leaf.sumGradient * leaf.sumGradient) / (leaf.sumHessian + options.lambda);
  let best: Split | null = null;
  for (let feature = 0; feature < data.featureCount; feature += 1) {
    const binCount = data.thresholds[feature].length + 1;
    let gradientLeft = 0;
    let hessianLeft = 0;
    let countLeft = 0;
    for (let bin = 0; bin + 1 < binCount; bin += 1) {
      const slot = (feature * width + bin) * 3;
      gradientLeft += leaf.histogram[slot];
      hessianLeft += leaf.histogram[slot + 1];
      countLeft += leaf.histogram[slot + 2];
      if (countLeft < options.minRowsPerLeaf) continue;
      if (total - countLeft < options.minRowsPerLeaf) break;
      const gradientRight = leaf.sumGradient - gradientLeft;
      const hessianRight = leaf.sumHessian - hessianLeft;
      const gain = (gradientLeft * gradientLeft) / (hessianLeft + options.lambda) + (gradientRight * gradientRight) / (hessianRight + options.lambda) - parent;
      if (gain > 1e-12 && (best === null || gain > best.gain)) best = { gain, feature, bin };
    }
  }
  return best;
}

/**
 * Grows one tree on gradients/hessians; adds shrinkage × leaf value to `scores` for every row
 * and returns the tree with raw-value thresholds.
 */
function growTree(data: BinnedFeatures, gradients: Float64Array, hessians: Float64Array, scores: Float64Array, options: BoostingOptions): RegressionTree {
  const width = options.maxBins;
  const feature: number[] = [-1];
  const threshold: number[] = [0];
  const left: number[] = [-1];
  const right: number[] = [-1];
  const value: number[] = [0];
  const makeLeaf = (rows: Int32Array, node: number, sums?: Float64Array): GrowingLeaf => {
    const hist = sums ?? histogram(data, rows, gradients, hessians, width);
    let sumGradient = 0;
    let sumHessian = 0;
    for (let index = 0; index < rows.length; index += 1) {
      sumGradient += gradients[rows[index]];
      sumHessian += hessians[rows[index]];
    }
    const leaf: GrowingLeaf = { rows, histogram: hist, sumGradient, sumHessian, split: null, node };
    leaf.split = bestSplit(leaf, data, width, options);
    return leaf;
  };
  const allRows = new Int32Array(data.rowCount);
  for (let row = 0; row < data.rowCount; row += 1) allRows[row] = row;
  const leaves: GrowingLeaf[] = [makeLeaf(allRows, 0)];
  while (leaves.length < options.maxLeaves) {
    let chosen = -1;
    for (let index = 0; index < leaves.length; index += 1) {
      const split = leaves[index].split;
      if (split && (chosen < 0 || split.gain > leaves[chosen].split!.gain)) chosen = index;
    }
    if (chosen < 0) break;
    const leaf = leaves[chosen];
    const split = leaf.split!;
    const base = split.feature * data.rowCount;
    const parentRows = leaf.rows;
    let leftCount = 0;
    for (let index = 0; index < parentRows.length; index += 1) if (data.bins[base + parentRows[index]] <= split.bin) leftCount += 1;
    const leftRows = new Int32Array(leftCount);
    const rightRows = new Int32Array(parentRows.length - leftCount);
    let leftIndex = 0;
    let rightIndex = 0;
    for (let index = 0; index < parentRows.length; index += 1) {
      const row = parentRows[index];
      if (data.bins[base + row] <= split.bin) leftRows[leftIndex++] = row;
      else rightRows[rightIndex++] = row;
    }
    const leftNode = feature.length;
    const rightNode = leftNode + 1;
    feature.push(-1, -1);
    threshold.push(0, 0);
    left.push(-1, -1);
    right.push(-1, -1);
    value.push(0, 0);
    feature[leaf.node] = split.feature;
    threshold[leaf.node] = data.thresholds[split.feature][split.bin];
    left[leaf.node] = leftNode;
    right[leaf.node] = rightNode;
    // Histogram of the smaller child; the larger one is the parent's minus it.
    const smallerIsLeft = leftRows.length <= rightRows.length;
    const small = makeLeaf(smallerIsLeft ? leftRows : rightRows, smallerIsLeft ? leftNode : rightNode);
    const largeHist = new Float64Array(leaf.histogram);
    for (let slot = 0; slot < largeHist.length; slot += 1) largeHist[slot] -= small.histogram[slot];
    const large = makeLeaf(smallerIsLeft ? rightRows : leftRows, smallerIsLeft ? rightNode : leftNode, largeHist);
    leaves.splice(chosen, 1, smallerIsLeft ? small : large, smallerIsLeft ? large : small);
  }
  for (const leaf of leaves) {
    const leafValue = (-options.shrinkage * leaf.sumGradient) / (leaf.sumHessian + options.lambda);
    value[leaf.node] = leafValue;
    for (let index = 0; index < leaf.rows.length; index += 1) scores[leaf.rows[index]] += leafValue;
  }
  return { feature: Int32Array.from(feature), threshold: Float64Array.from(threshold), left: Int32Array.from(left), right: Int32Array.from(right), value: Float64Array.from(value) };
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

function logisticGradients(labels: ArrayLike<number>, scores: Float64Array, gradients: Float64Array, hessians: Float64Array) {
  for (let row = 0; row < scores.length; row += 1) {
    const probability = sigmoid(scores[row]);
    gradients[row] = probability - labels[row];
    hessians[row] = Math.max(probability * (1 - probability), 1e-6);
  }
}

/**
 * LambdaRank gradients (binary gains, NDCG truncated at nothing): within each group, every
 * (positive, negative) pair pulls the positive up and the negative down by ρ·|ΔNDCG|, where
 * ρ = σ(s_neg − s_pos) and ΔNDCG is the change from swapping their current positions.
 */
function lambdaRankGradients(labels: ArrayLike<number>, groupStarts: ArrayLike<number>, scores: Float64Array, gradients: Float64Array, hessians: Float64Array) {
  gradients.fill(0);
  hessians.fill(0);
  for (let group = 0; group + 1 < groupStarts.length; group += 1) {
    const start = groupStarts[group];
    const end = groupStarts[group + 1];
    const order: number[] = [];
    for (let row = start; row < end; row += 1) order.push(row);
    order.sort((a, b) => scores[b] - scores[a] || a - b);
    const position = new Map<number, number>();
    order.forEach((row, rank) => position.set(row, rank));
    let positives = 0;
    for (let row = start; row < end; row += 1) if (labels[row] > 0) positives += 1;
    if (positives === 0 || positives === end - start) continue;
    let ideal = 0;
    for (let rank = 0; rank < positives; rank += 1) ideal += 1 / Math.log2(rank + 2);
    for (let positive = start; positive < end; positive += 1) {
      if (!(labels[positive] > 0)) continue;
      const discountPositive = 1 / Math.log2(position.get(positive)! + 2);
      for (let negative = start; negative < end; negative += 1) {
        if (labels[negative] > 0) continue;
        const delta = Math.abs(discountPositive - 1 / Math.log2(position.get(negative)! + 2)) / ideal;
        const rho = sigmoid(scores[negative] - scores[positive]);
        gradients[positive] -= rho * delta;
        gradients[negative] += rho * delta;
        const curvature = Math.max(rho * (1 - rho) * delta, 1e-9);
        hessians[positive] += curvature;
        hessians[negative] += curvature;
      }
    }
  }
  for (let row = 0; row < hessians.length; row += 1) if (hessians[row] === 0) hessians[row] = 1e-6;
}

/**
 * Fits boosted trees to 0/1 `labels` of row-major `rows`. `groupStarts` (offsets of each query's
 * rows, ending with the row count) is required for "lambdarank".
 */
export function trainBoostedTrees(rows: Float32Array, featureCount: number, labels: ArrayLike<number>, options: Partial<BoostingOptions> = {}, groupStarts?: ArrayLike<number>): BoostedTrees {
  const settings = { ...DEFAULT_BOOSTING_OPTIONS, ...options };
  const data = binFeatures(rows, featureCount, settings.maxBins);
  if (labels.length !== data.rowCount) throw new Error(`trainBoostedTrees: ${labels.length} labels for ${data.rowCount} rows`);
  if (settings.objective === "lambdarank" && !groupStarts) throw new Error("trainBoostedTrees: lambdarank needs groupStarts");
  let baseScore = 0;
  if (settings.objective === "logistic") {
    let positives = 0;
    for (let row = 0; row < labels.length; row += 1) positives += labels[row];
    const rate = Math.min(Math.max(positives / Math.max(1, labels.length), 1e-6), 1 - 1e-6);
    baseScore = Math.log(rate / (1 - rate));
  }
  const scores = new Float64Array(data.rowCount).fill(baseScore);
  const gradients = new Float64Array(data.rowCount);
  const hessians = new Float64Array(data.rowCount);
  const trees: RegressionTree[] = [];
  for (let round = 0; round < settings.rounds; round += 1) {
    if (settings.objective === "logistic") logisticGradients(labels, scores, gradients, hessians);
    else lambdaRankGradients(labels, groupStarts!, scores, gradients, hessians);
    trees.push(growTree(data, gradients, hessians, scores, settings));
  }
  return { featureCount, baseScore, trees };
}

/** Score of one raw feature row (`offset` = index of its first feature in `rows`). */
export function predictRow(model: BoostedTrees, rows: ArrayLike<number>, offset = 0): number {
  let score = model.baseScore;
  for (const tree of model.trees) {
    let node = 0;
    while (tree.feature[node] >= 0) {
      // NaN fails "> threshold", so it goes left like bin 0.
      node = rows[offset + tree.feature[node]] > tree.threshold[node] ? tree.right[node] : tree.left[node];
    }
    score += tree.value[node];
  }
  return score;
}

/** Scores of every row of row-major `rows`. */
export function predictRows(model: BoostedTrees, rows: Float32Array): Float64Array {
  const rowCount = rows.length / model.featureCount;
  const out = new Float64Array(rowCount);
  for (let row = 0; row < rowCount; row += 1) out[row] = predictRow(model, rows, row * model.featureCount);
  return out;
}

/** Values stored per node by `packBoostedTrees`: feature, threshold, left, right, value. */
const PACKED_NODE_WIDTH = 5;

/** Trees as two flat arrays (for a bundle file): node offsets per tree and the nodes themselves. */
export interface PackedTrees {
  featureCount: number;
  baseScore: number;
  /** Tree t's nodes are nodes[PACKED_NODE_WIDTH·nodeStarts[t] .. PACKED_NODE_WIDTH·nodeStarts[t+1]). */
  nodeStarts: Int32Array;
  /** feature, threshold, left, right, value per node (feature −1 = leaf); float64, so thresholds round-trip exactly. */
  nodes: Float64Array;
}

/** Flattens a model for storage; `unpackBoostedTrees` restores it exactly. */
export function packBoostedTrees(model: BoostedTrees): PackedTrees {
  const nodeStarts = new Int32Array(model.trees.length + 1);
  model.trees.forEach((tree, position) => (nodeStarts[position + 1] = nodeStarts[position] + tree.feature.length));
  const nodes = new Float64Array(nodeStarts[model.trees.length] * PACKED_NODE_WIDTH);
  model.trees.forEach((tree, position) => {
    for (let node = 0; node < tree.feature.length; node += 1) {
      nodes.set([tree.feature[node], tree.threshold[node], tree.left[node], tree.right[node], tree.value[node]], (nodeStarts[position] + node) * PACKED_NODE_WIDTH);
    }
  });
  return { featureCount: model.featureCount, baseScore: model.baseScore, nodeStarts, nodes };
}

/**
 * The model `packBoostedTrees` flattened.
 * @throws when the arrays disagree in size or a child or feature index is out of range
 */
export function unpackBoostedTrees(packed: PackedTrees): BoostedTrees {
  const { nodeStarts, nodes, featureCount } = packed;
  if (nodeStarts.length < 1 || nodes.length !== nodeStarts[nodeStarts.length - 1] * PACKED_NODE_WIDTH)
    throw new Error(`unpackBoostedTrees: ${nodes.length / PACKED_NODE_WIDTH} nodes for node offsets ending at ${nodeStarts[nodeStarts.length - 1]}`);
  const trees: RegressionTree[] = [];
  for (let position = 0; position + 1 < nodeStarts.length; position += 1) {
    const count = nodeStarts[position + 1] - nodeStarts[position];
    const column = (field: number) => Float64Array.from({ length: count }, (_, node) => nodes[(nodeStarts[position] + node) * PACKED_NODE_WIDTH + field]);
    const tree: RegressionTree = { feature: Int32Array.from(column(0)), threshold: column(1), left: Int32Array.from(column(2)), right: Int32Array.from(column(3)), value: column(4) };
    for (let node = 0; node < count; node += 1) {
      const isLeaf = tree.feature[node] < 0;
      if (!isLeaf && (tree.feature[node] >= featureCount || !(tree.left[node] > node && tree.left[node] < count && tree.right[node] > node && tree.right[node] < count))) {
        throw new Error(`unpackBoostedTrees: tree ${position} node ${node} points outside the tree or the ${featureCount} features`);
      }
    }
    trees.push(tree);
  }
  return { featureCount, baseScore: packed.baseScore, trees };
}

/**
 * The same model reading rows of `width` features, where the model's feature f is column
 * `columns[f]` (trained on a subset of the columns, served on full rows).
 * @throws when a column is outside 0..width−1 or the model has more features than columns
 */
export function widenFeatures(model: BoostedTrees, columns: readonly number[], width: number): BoostedTrees {
  if (columns.length !== model.featureCount || columns.some((column) => !(Number.isInteger(column) && column >= 0 && column < width))) {
    throw new Error(`widenFeatures: ${columns.length} columns for ${model.featureCount} features, each in 0..${width - 1}`);
  }
  const trees = model.trees.map((tree) => ({ ...tree, feature: Int32Array.from(tree.feature, (feature) => (feature < 0 ? feature : columns[feature])) }));
  return { featureCount: width, baseScore: model.baseScore, trees };
}

/**
 * Every tree's split nodes in shared arrays, for fast scoring of many rows: children are
 * absolute split indexes, or ~leaf (negative) for a leaf, so a walk reads one array per step.
 */
export interface FlatTrees {
  featureCount: number;
  baseScore: number;
  /** Root of each tree: a split index, or ~leaf for a tree that is a single leaf. */
  roots: Int32Array;
  /** Per split: feature, threshold, and children (left at 2s, right at 2s + 1). */
  feature: Int32Array;
  threshold: Float64Array;
  children: Int32Array;
  /** Leaf values. */
  leaves: Float64Array;
}

/** The model's trees laid end to end; `predictFlatRows` scores with them exactly as `predictRow` does. */
export function flattenTrees(model: BoostedTrees): FlatTrees {
  const [features, thresholds, children, leaves, roots] = [[] as number[], [] as number[], [] as number[], [] as number[], [] as number[]];
  for (const tree of model.trees) {
    // Old node → new code: a split index, or ~leaf index.
    const code = new Int32Array(tree.feature.length);
    for (let node = 0; node < tree.feature.length; node += 1) {
      if (tree.feature[node] >= 0) {
        code[node] = features.length;
        features.push(tree.feature[node]);
        thresholds.push(tree.threshold[node]);
        children.push(0, 0);
      } else {
        code[node] = ~leaves.length;
        leaves.push(tree.value[node]);
      }
    }
    for (let node = 0; node < tree.feature.length; node += 1) {
      if (tree.feature[node] < 0) continue;
      children[2 * code[node]] = code[tree.left[node]];
      children[2 * code[node] + 1] = code[tree.right[node]];
    }
    roots.push(code[0]);
  }
  return {
    featureCount: model.featureCount,
    baseScore: model.baseScore,
    roots: Int32Array.from(roots),
    feature: Int32Array.from(features),
    threshold: Float64Array.from(thresholds),
    children: Int32Array.from(children),
    leaves: Float64Array.from(leaves),
  };
}

/**
 * Scores of every row of row-major `rows` (rowCount × featureCount), tree by tree so each tree's
 * nodes stay in cache; each row's sum runs in tree order, so the scores equal `predictRow`'s.
 */
export function predictFlatRows(trees: FlatTrees, rows: Float32Array, out: Float64Array = new Float64Array(rows.length / trees.featureCount)): Float64Array {
  const { feature, threshold, children, leaves, roots, featureCount } = trees;
  const rowCount = out.length;
  out.fill(trees.baseScore);
  for (let tree = 0; tree < roots.length; tree += 1) {
    const root = roots[tree];
    for (let row = 0, offset = 0; row < rowCount; row += 1, offset += featureCount) {
      let node = root;
      // NaN fails "> threshold", so it goes left like bin 0.
      while (node >= 0) node = children[2 * node + (rows[offset + feature[node]] > threshold[node] ? 1 : 0)];
      out[row] += leaves[~node];
    }
  }
  return out;
}
