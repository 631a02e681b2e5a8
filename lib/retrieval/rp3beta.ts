import type { ItemKnnModel } from "./item-knn";
import { largestEntries } from "./largest-entries";
import type { SparseMatrix } from "./sparse-matrix";

/**
 * RP3beta (Paudel, Christoffel, Newell & Bernstein, ACM TiiS 2016): an item–item graph model that
 * ranks items by the probability of a three-step random walk user → item → user → item, with
 * popular destinations discounted. Dacrema, Cremonesi & Jannach (RecSys 2019, "Are we really making
 * much progress?") found it among the strongest top-n models on MovieLens.
 *
 * With P_ui the user → item transition matrix (each user's row of interaction weights divided by
 * its sum) and P_iu the item → user one (each item's binary user row divided by its degree),
 *   W_ij = Σ_u P_iu[i, u]^α · P_ui[u, j]^α / degree_j^β,
 * keeping each row's `neighbourCount` largest entries. A user's score for item j is
 * Σ_{i ∈ history} h_i W_ij (h = 1 unless history weights are given). α is applied elementwise
 * to the transition probabilities before the product, as in Dacrema et al.'s reference code.
 * The model has the same CSR shape as item-kNN, so `scoreItemKnn` scores it.
 */
export interface Rp3betaOptions {
  /** α, the exponent on transition probabilities (default 1: the plain random walk, "P3"). */
  alpha: number;
  /** β, the popularity discount: column j is divided by degree_j^β (default 0.5). */
  beta: number;
  /** Entries kept per row (default 100); Infinity keeps all. */
  neighbourCount: number;
}

const DEFAULT_RP3BETA_OPTIONS: Rp3betaOptions = { alpha: 1, beta: 0.5, neighbourCount: 100 };

/**
 * Builds the RP3beta neighbour lists from a user × item matrix of non-negative interaction weights
 * (1 for binary data; zero entries are ignored). Cost: Σ_u |I_u|² accumulations, like item-kNN.
 * Deterministic: neighbours are ordered by weight, ties to the lower item index.
 * @throws when a weight is negative or an option is out of range
 */
export function trainRp3beta(userItems: SparseMatrix, options: Partial<Rp3betaOptions> = {}): ItemKnnModel {
  const { alpha, beta, neighbourCount } = { ...DEFAULT_RP3BETA_OPTIONS, ...options };
  return trainRp3betaGrid(userItems, alpha, [beta], [neighbourCount])[0][0];
}

/**
 * Several RP3beta models sharing α in one pass (the walk product is computed once per row and
 * every β / neighbour count is cut from it): `result[b][k]` is the model for `betas[b]` and
 * `neighbourCounts[k]`. Used to tune on a validation split without recomputing the product.
 * @throws when a weight is negative, α ≤ 0, or a neighbour count is below 1
 */
export function trainRp3betaGrid(userItems: SparseMatrix, alpha: number, betas: readonly number[], neighbourCounts: readonly number[]): ItemKnnModel[][] {
  if (!(alpha > 0)) throw new Error(`trainRp3beta: alpha must be positive, got ${alpha}`);
  if (neighbourCounts.some((count) => !(count >= 1))) throw new Error(`trainRp3beta: neighbour counts must be ≥ 1, got ${neighbourCounts.join(", ")}`);
  const itemCount = userItems.columnCount;
  const userCount = userItems.rowCount;
  // Transition probabilities user → item (α already applied) and each item's users, from the
  // positive entries only.
  const transition = new Float64Array(userItems.values.length);
  const degree = new Float64Array(itemCount);
  for (let user = 0; user < userCount; user += 1) {
    let total = 0;
    for (let entry = userItems.rowStarts[user]; entry < userItems.rowStarts[user + 1]; entry += 1) {
      const weight = userItems.values[entry];
      if (weight < 0) throw new Error(`trainRp3beta: negative weight ${weight} for user ${user}`);
      if (weight > 0) {
        total += weight;
        degree[userItems.columns[entry]] += 1;
      }
    }
    for (let entry = userItems.rowStarts[user]; entry < userItems.rowStarts[user + 1]; entry += 1) {
      const weight = userItems.values[entry];
      transition[entry] = weight > 0 ? Math.pow(weight / total, alpha) : 0;
    }
  }
  const itemUserStarts = new Int32Array(itemCount + 1);
  for (let item = 0; item < itemCount; item += 1) itemUserStarts[item + 1] = itemUserStarts[item] + degree[item];
  const itemUsers = new Int32Array(itemUserStarts[itemCount]);
  const cursor = itemUserStarts.slice(0, itemCount);
  for (let user = 0; user < userCount; user += 1) {
    for (let entry = userItems.rowStarts[user]; entry < userItems.rowStarts[user + 1]; entry += 1) {
      if (userItems.values[entry] > 0) itemUsers[cursor[userItems.columns[entry]]++] = user;
    }
  }
  const discounts = betas.map((beta) => Float64Array.from(degree, (count) => (count > 0 ? Math.pow(count, -beta) : 0)));
  const maximumKept = Math.max(...neighbourCounts);
  // Per β, each row's best `maximumKept` entries (sorted); smaller counts are prefixes of them.
  const keptLists = betas.map(() => ({ lengths: new Int32Array(itemCount), items: [] as Int32Array[], weights: [] as Float32Array[] }));

  const walk = new Float64Array(itemCount);
  const weighted = new Float64Array(itemCount);
  const touched: number[] = [];
  for (let item = 0; item < itemCount; item += 1) {
    touched.length = 0;
    for (let position = itemUserStarts[item]; position < itemUserStarts[item + 1]; position += 1) {
      const user = itemUsers[position];
      for (let entry = userItems.rowStarts[user]; entry < userItems.rowStarts[user + 1]; entry += 1) {
        const destination = userItems.columns[entry];
        // The walk may return to its start: Dacrema et al. keep the diagonal too, but a user's
        // own history items are never recommended, so dropping it changes no ranking.
        if (destination === item || transition[entry] === 0) continue;
        if (walk[destination] === 0) touched.push(destination);
        walk[destination] += transition[entry];
      }
    }
    // P_iu[i, u]^α is the same for every user of item i.
    const start = degree[item] > 0 ? Math.pow(1 / degree[item], alpha) : 0;
    for (let betaIndex = 0; betaIndex < betas.length; betaIndex += 1) {
      for (const destination of touched) weighted[destination] = start * walk[destination] * discounts[betaIndex][destination];
      const kept = largestEntries(touched, weighted, maximumKept);
      const lists = keptLists[betaIndex];
      lists.lengths[item] = kept.length;
      lists.items.push(Int32Array.from(kept));
      lists.weights.push(Float32Array.from(kept, (destination) => weighted[destination]));
    }
    for (const destination of touched) walk[destination] = 0;
  }
  return keptLists.map((lists) =>
    neighbourCounts.map((count) => {
      const starts = new Int32Array(itemCount + 1);
      for (let item = 0; item < itemCount; item += 1) starts[item + 1] = starts[item] + Math.min(count, lists.lengths[item]);
      const neighbourItems = new Int32Array(starts[itemCount]);
      const similarities = new Float32Array(starts[itemCount]);
      for (let item = 0; item < itemCount; item += 1) {
        const length = starts[item + 1] - starts[item];
        neighbourItems.set(lists.items[item].subarray(0, length), starts[item]);
        similarities.set(lists.weights[item].subarray(0, length), starts[item]);
      }
      return { itemCount, starts, neighbourItems, similarities };
    }),
  );
}
