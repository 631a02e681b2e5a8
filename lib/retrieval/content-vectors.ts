import type { Item } from "../catalog/item";
import { topKIndexes } from "./ranking-metrics";

/** How much a shared value of each field says about two films being alike (before IDF). */
export interface ContentFeatureWeights {
  genres: number;
  keywords: number;
  directors: number;
  cast: number;
  tags: number;
}

export const DEFAULT_CONTENT_FEATURE_WEIGHTS: ContentFeatureWeights = { genres: 1, keywords: 1.5, directors: 3, cast: 2, tags: 1.5 };

export interface ContentVectorOptions {
  weights: ContentFeatureWeights;
  /** Most content-similar items with a CF vector averaged into each target (default 20). */
  neighbourCount: number;
  /**
   * Candidates are drawn from at most this many postings per feature (default 1,000): a feature
   * held by more vectored items (a genre, "based on novel") contributes only its champion list,
   * the items it weighs most in. Infinity scans every posting (the exact, quadratic version).
   */
  maxPostingsPerFeature: number;
}

export const DEFAULT_CONTENT_VECTOR_OPTIONS: ContentVectorOptions = { weights: DEFAULT_CONTENT_FEATURE_WEIGHTS, neighbourCount: 20, maxPostingsPerFeature: 1000 };

/** An item's content features as "field:value" strings, lower-cased. */
export function contentFeatures(item: Item): Array<[feature: string, field: keyof ContentFeatureWeights]> {
  const features: Array<[string, keyof ContentFeatureWeights]> = [];
  const push = (field: keyof ContentFeatureWeights, values: readonly string[]) => {
    for (const value of new Set(values.map((entry) => entry.trim().toLowerCase()).filter(Boolean))) features.push([`${field}:${value}`, field]);
  };
  push("genres", item.genres);
  push("keywords", item.keywords);
  push("directors", item.directors);
  push("cast", item.cast);
  push("tags", item.tags);
  return features;
}

export interface ContentVectorResult {
  /** Items that received a vector, with their content neighbours (best first) and similarities. */
  filled: Array<{ itemIndex: number; neighbours: number[]; similarities: number[] }>;
  /** Items that share no feature with any vectored item: no vector, reachable by keyword only. */
  unreachable: number[];
  /**
   * Targets whose neighbour list is provably the exhaustive one: every item left out of the
   * candidates scores at most the list's last similarity. The rest are near-exact.
   */
  provedExact: number;
}

/** Feature rows and posting lists as flat arrays (CSR): no object per posting at 1M items. */
interface FeatureIndex {
  featureCount: number;
  /** Item i's features are itemFeatures/itemWeights[itemOffsets[i] .. itemOffsets[i + 1]), in contentFeatures order. */
  itemOffsets: Int32Array;
  itemFeatures: Int32Array;
  /** Unit-length TF-IDF weights. */
  itemWeights: Float64Array;
  /** Feature f's vectored items, heaviest weight first (ties: lower index): postingItems/Weights[postingOffsets[f] .. postingOffsets[f + 1]). */
  postingOffsets: Int32Array;
  postingItems: Int32Array;
  postingWeights: Float64Array;
}

function buildFeatureIndex(items: readonly Item[], hasVector: (itemIndex: number) => boolean, weights: ContentFeatureWeights): FeatureIndex {
  const featureIds = new Map<string, number>();
  const documentFrequency: number[] = [];
  const itemOffsets = new Int32Array(items.length + 1);
  const rawFeatures: number[] = [];
  const rawFieldWeights: number[] = [];
  items.forEach((item, itemIndex) => {
    for (const [feature, field] of contentFeatures(item)) {
      let id = featureIds.get(feature);
      if (id === undefined) {
        id = featureIds.size;
        featureIds.set(feature, id);
        documentFrequency.push(0);
      }
      documentFrequency[id] += 1;
      rawFeatures.push(id);
      rawFieldWeights.push(weights[field]);
    }
    itemOffsets[itemIndex + 1] = rawFeatures.length;
  });
  const featureCount = featureIds.size;
  const itemFeatures = Int32Array.from(rawFeatures);
  const itemWeights = new Float64Array(itemFeatures.length);
  const vectoredCount = new Int32Array(featureCount + 1);
  // Unit-length TF-IDF rows (binary term frequency: a film has a director or it does not).
  for (let itemIndex = 0; itemIndex < items.length; itemIndex += 1) {
    const from = itemOffsets[itemIndex];
    const to = itemOffsets[itemIndex + 1];
    let sumOfSquares = 0;
    for (let position = from; position < to; position += 1) {
      const weight = rawFieldWeights[position] * Math.log(items.length / documentFrequency[itemFeatures[position]]);
      itemWeights[position] = weight;
      sumOfSquares += weight * weight;
    }
    const norm = Math.sqrt(sumOfSquares) || 1;
    for (let position = from; position < to; position += 1) itemWeights[position] /= norm;
    if (hasVector(itemIndex)) for (let position = from; position < to; position += 1) vectoredCount[itemFeatures[position] + 1] += 1;
  }
  const postingOffsets = new Int32Array(featureCount + 1);
  for (let feature = 0; feature < featureCount; feature += 1) postingOffsets[feature + 1] = postingOffsets[feature] + vectoredCount[feature + 1];
  const postingItems = new Int32Array(postingOffsets[featureCount]);
  const postingWeights = new Float64Array(postingOffsets[featureCount]);
  const cursor = postingOffsets.slice(0, featureCount);
  for (let itemIndex = 0; itemIndex < items.length; itemIndex += 1) {
    if (!hasVector(itemIndex)) continue;
    for (let position = itemOffsets[itemIndex]; position < itemOffsets[itemIndex + 1]; position += 1) {
      const slot = cursor[itemFeatures[position]]++;
      postingItems[slot] = itemIndex;
      postingWeights[slot] = itemWeights[position];
    }
  }
  // Heaviest first, so a capped list keeps the items the feature says most about (champion lists).
  const order: number[] = [];
  for (let feature = 0; feature < featureCount; feature += 1) {
    const from = postingOffsets[feature];
    const to = postingOffsets[feature + 1];
    if (to - from < 2) continue;
    order.length = 0;
    for (let slot = from; slot < to; slot += 1) order.push(slot);
    order.sort((a, b) => postingWeights[b] - postingWeights[a] || postingItems[a] - postingItems[b]);
    const sortedItems = order.map((slot) => postingItems[slot]);
    const sortedWeights = order.map((slot) => postingWeights[slot]);
    postingItems.set(sortedItems, from);
    postingWeights.set(sortedWeights, from);
  }
  return { featureCount, itemOffsets, itemFeatures, itemWeights, postingOffsets, postingItems, postingWeights };
}

/**
 * Gives items without a CF vector (cold start: no interactions) one in the same space, so that
 * vector search finds them and finds neighbours for them: the similarity-weighted mean of the CF
 * vectors of the `neighbourCount` most content-similar items that have one. Content similarity
 * is the cosine of TF-IDF vectors over genres, keywords, directors, cast and tags, each field
 * weighted (a shared director says more than a shared genre; IDF makes "drama" say little).
 *
 * Cost: scanning every posting of every feature of every target is O(targets × catalog), since
 * a genre is held by a fixed share of the catalog (4.4 h at 1M items). Instead candidates come
 * from each feature's first `maxPostingsPerFeature` postings, heaviest first, with partial
 * scores accumulated on the way; a candidate that could still reach the top list (partial score
 * plus the most the capped features could add ≥ the k-th partial score) is rescored exactly.
 * Items outside every scanned list share only capped features with the target, so they score at
 * most `slack` = Σ over capped features of target weight × the first weight left out; when the
 * list's last similarity is at least that, the list is the exhaustive one (`provedExact`). Exact
 * similarities are summed in the same order as the exhaustive scan, so they are bit-identical.
 *
 * Writes the new rows into `vectors` (itemCount × dimensions) in place and returns what it did.
 * @param hasVector which items already carry a trained CF vector (sources for the averages)
 * @param targets the items to fill
 */
export function fillContentVectors(
  items: readonly Item[],
  vectors: Float32Array,
  dimensions: number,
  hasVector: (itemIndex: number) => boolean,
  targets: readonly number[],
  options: ContentVectorOptions = DEFAULT_CONTENT_VECTOR_OPTIONS,
): ContentVectorResult {
  const index = buildFeatureIndex(items, hasVector, options.weights);
  const { itemOffsets, itemFeatures, itemWeights, postingOffsets, postingItems, postingWeights } = index;
  const cap = Math.max(1, options.maxPostingsPerFeature);
  const partial = new Float64Array(items.length).fill(-Infinity);
  const exact = new Float64Array(items.length);
  /** Candidate's feature weights scattered by feature id while it is rescored (zero otherwise). */
  const scattered = new Float64Array(index.featureCount);
  const result: ContentVectorResult = { filled: [], unreachable: [], provedExact: 0 };
  for (const target of targets) {
    const touched: number[] = [];
    const targetFrom = itemOffsets[target];
    const targetTo = itemOffsets[target + 1];
    let slack = 0;
    for (let position = targetFrom; position < targetTo; position += 1) {
      const feature = itemFeatures[position];
      const weight = itemWeights[position];
      const from = postingOffsets[feature];
      const to = postingOffsets[feature + 1];
      const end = to - from > cap ? from + cap : to;
      if (end < to) slack += weight * postingWeights[end];
      for (let slot = from; slot < end; slot += 1) {
        const candidate = postingItems[slot];
        if (candidate === target) continue;
        if (partial[candidate] === -Infinity) {
          partial[candidate] = 0;
          touched.push(candidate);
        }
        partial[candidate] += weight * postingWeights[slot];
      }
    }
    let neighbours: number[];
    let scores: Float64Array;
    if (slack === 0) {
      // Nothing capped: the partial scores are the exhaustive ones.
      neighbours = topKIndexes(partial, options.neighbourCount, touched);
      scores = partial;
    } else {
      const byPartial = topKIndexes(partial, options.neighbourCount, touched);
      const kthPartial = byPartial.length < options.neighbourCount ? -Infinity : partial[byPartial[byPartial.length - 1]];
      // The exact score is at most partial + slack; a small margin keeps float rounding on the safe side.
      const bar = kthPartial - slack - 1e-12;
      const rescored: number[] = [];
      for (const candidate of touched) {
        if (partial[candidate] < bar) continue;
        for (let position = itemOffsets[candidate]; position < itemOffsets[candidate + 1]; position += 1) scattered[itemFeatures[position]] = itemWeights[position];
        let similarity = 0;
        // In the target's feature order, as the exhaustive scan adds them: bit-identical sums.
        for (let position = targetFrom; position < targetTo; position += 1) {
          const candidateWeight = scattered[itemFeatures[position]];
          if (candidateWeight !== 0) similarity += itemWeights[position] * candidateWeight;
        }
        for (let position = itemOffsets[candidate]; position < itemOffsets[candidate + 1]; position += 1) scattered[itemFeatures[position]] = 0;
        exact[candidate] = similarity;
        rescored.push(candidate);
      }
      neighbours = topKIndexes(exact, options.neighbourCount, rescored);
      scores = exact;
    }
    neighbours = neighbours.filter((itemIndex) => scores[itemIndex] > 0);
    const similarities = neighbours.map((itemIndex) => scores[itemIndex]);
    for (const itemIndex of touched) partial[itemIndex] = -Infinity;
    const complete = neighbours.length === options.neighbourCount;
    if (slack === 0 || (complete && similarities[similarities.length - 1] > slack)) result.provedExact += 1;
    if (neighbours.length === 0) {
      result.unreachable.push(target);
      continue;
    }
    const total = similarities.reduce((sum, value) => sum + value, 0);
    const offset = target * dimensions;
    vectors.fill(0, offset, offset + dimensions);
    neighbours.forEach((neighbour, position) => {
      const weight = similarities[position] / total;
      const source = neighbour * dimensions;
      for (let column = 0; column < dimensions; column += 1) vectors[offset + column] += weight * vectors[source + column];
    });
    result.filled.push({ itemIndex: target, neighbours, similarities });
  }
  return result;
}
