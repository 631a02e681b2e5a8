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
}

export const DEFAULT_CONTENT_VECTOR_OPTIONS: ContentVectorOptions = { weights: DEFAULT_CONTENT_FEATURE_WEIGHTS, neighbourCount: 20 };

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
}

/**
 * Gives items without a CF vector (cold start: no interactions) one in the same space, so that
 * vector search finds them and finds neighbours for them: the similarity-weighted mean of the CF
 * vectors of the `neighbourCount` most content-similar items that have one. Content similarity
 * is the cosine of TF-IDF vectors over genres, keywords, directors, cast and tags, each field
 * weighted (a shared director says more than a shared genre; IDF makes "drama" say little).
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
  const featureIds = new Map<string, number>();
  const documentFrequency: number[] = [];
  const itemFeatures = items.map((item) =>
    contentFeatures(item).map(([feature, field]) => {
      let id = featureIds.get(feature);
      if (id === undefined) {
        id = featureIds.size;
        featureIds.set(feature, id);
        documentFrequency.push(0);
      }
      documentFrequency[id] += 1;
      return { id, fieldWeight: options.weights[field] };
    }),
  );
  // Unit-length TF-IDF rows (binary term frequency: a film has a director or it does not).
  const weighted = itemFeatures.map((features) => {
    const weights = features.map(({ id, fieldWeight }) => fieldWeight * Math.log(items.length / documentFrequency[id]));
    const norm = Math.sqrt(weights.reduce((sum, weight) => sum + weight * weight, 0)) || 1;
    return features.map(({ id }, position) => ({ id, weight: weights[position] / norm }));
  });
  const postings: Array<Array<{ itemIndex: number; weight: number }>> = Array.from({ length: featureIds.size }, () => []);
  weighted.forEach((features, itemIndex) => {
    if (!hasVector(itemIndex)) return;
    for (const { id, weight } of features) postings[id].push({ itemIndex, weight });
  });

  const similarity = new Float64Array(items.length).fill(-Infinity);
  const result: ContentVectorResult = { filled: [], unreachable: [] };
  for (const target of targets) {
    const touched: number[] = [];
    for (const { id, weight } of weighted[target]) {
      for (const posting of postings[id]) {
        if (posting.itemIndex === target) continue;
        if (similarity[posting.itemIndex] === -Infinity) {
          similarity[posting.itemIndex] = 0;
          touched.push(posting.itemIndex);
        }
        similarity[posting.itemIndex] += weight * posting.weight;
      }
    }
    const neighbours = topKIndexes(similarity, options.neighbourCount).filter((itemIndex) => similarity[itemIndex] > 0);
    const similarities = neighbours.map((itemIndex) => similarity[itemIndex]);
    for (const itemIndex of touched) similarity[itemIndex] = -Infinity;
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
