import { topKIndexes } from "./ranking-metrics";
import { transposeSparse, type SparseMatrix } from "./sparse-matrix";

/**
 * Item-based k-nearest-neighbours CF (Sarwar et al., 2001; Deshpande & Karypis, 2004), the
 * classic strong baseline: cosine similarity between items' binary user vectors, each item keeping
 * its `neighbourCount` most similar items; a user's score for item i is Σ_{j ∈ history} sim(j, i).
 */
export interface ItemKnnModel {
  itemCount: number;
  /** Neighbour lists in CSR form: item j's neighbours are neighbourItems[starts[j]..starts[j+1]). */
  starts: Int32Array;
  neighbourItems: Int32Array;
  similarities: Float32Array;
}

/**
 * Builds the neighbour lists from a user × item matrix (any non-zero value counts as one
 * interaction). Cost: Σ_u |I_u|² accumulations.
 * @param neighbourCount neighbours kept per item (default 100); Infinity keeps all
 */
export function trainItemKnn(userItems: SparseMatrix, neighbourCount = 100): ItemKnnModel {
  const itemUsers = transposeSparse(userItems);
  const itemCount = userItems.columnCount;
  const itemDegree = new Float64Array(itemCount);
  for (let item = 0; item < itemCount; item += 1) itemDegree[item] = itemUsers.rowStarts[item + 1] - itemUsers.rowStarts[item];
  const overlap = new Float64Array(itemCount);
  const similarity = new Float64Array(itemCount);
  const starts = new Int32Array(itemCount + 1);
  const neighbourLists: number[][] = [];
  const similarityLists: number[][] = [];
  for (let item = 0; item < itemCount; item += 1) {
    const touched: number[] = [];
    for (let entry = itemUsers.rowStarts[item]; entry < itemUsers.rowStarts[item + 1]; entry += 1) {
      const user = itemUsers.columns[entry];
      for (let other = userItems.rowStarts[user]; other < userItems.rowStarts[user + 1]; other += 1) {
        const neighbour = userItems.columns[other];
        if (neighbour === item) continue;
        if (overlap[neighbour] === 0) touched.push(neighbour);
        overlap[neighbour] += 1;
      }
    }
    similarity.fill(-Infinity);
    for (const neighbour of touched) similarity[neighbour] = overlap[neighbour] / Math.sqrt(itemDegree[item] * itemDegree[neighbour]);
    const kept = Number.isFinite(neighbourCount) ? topKIndexes(similarity, neighbourCount) : touched.sort((a, b) => a - b);
    neighbourLists.push(kept);
    similarityLists.push(kept.map((neighbour) => similarity[neighbour]));
    for (const neighbour of touched) overlap[neighbour] = 0;
    starts[item + 1] = starts[item] + kept.length;
  }
  return {
    itemCount,
    starts,
    neighbourItems: Int32Array.from(neighbourLists.flat()),
    similarities: Float32Array.from(similarityLists.flat()),
  };
}

/**
 * Scores every item for a user who interacted with `history` (item indexes); writes into `scores`.
 * Works for any model in this CSR shape (item-kNN, RP3beta).
 * @param historyWeights optional weight per history position (default 1 each), e.g. higher for
 *   5-star ratings or negative for dislikes
 */
export function scoreItemKnn(model: ItemKnnModel, history: ArrayLike<number>, scores: Float32Array = new Float32Array(model.itemCount), historyWeights?: ArrayLike<number>): Float32Array {
  scores.fill(0);
  for (let position = 0; position < history.length; position += 1) {
    const item = history[position];
    const weight = historyWeights ? historyWeights[position] : 1;
    if (weight === 0) continue;
    for (let entry = model.starts[item]; entry < model.starts[item + 1]; entry += 1) scores[model.neighbourItems[entry]] += weight * model.similarities[entry];
  }
  return scores;
}
