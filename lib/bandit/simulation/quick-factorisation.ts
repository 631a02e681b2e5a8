import { standardNormal, createSeededRandom } from "../random";
import { ridgeFoldIn } from "./linear-algebra";

/** Ratings in columnar form; `items` are catalog indexes. */
export interface RatingTable {
  users: ArrayLike<number>;
  items: ArrayLike<number>;
  ratings: ArrayLike<number>;
  userCount: number;
  itemCount: number;
}

export interface FactorisationOptions {
  /** Latent dimensions. Default 24. */
  dimensions?: number;
  /** Alternating least-squares sweeps. Default 8. */
  iterations?: number;
  /** Weighted-λ ridge strength. Default 0.08. */
  regularisation?: number;
  seed?: number;
}

/**
 * A quick deterministic truncated factorisation of user-mean-centred ratings by alternating
 * least squares: the simulator's stand-in when the catalog bundle carries no CF item vectors.
 * Items without ratings keep zero vectors. Returns row-major item vectors (itemCount × k).
 */
export function quickFactorisation(table: RatingTable, options: FactorisationOptions = {}): { itemVectors: Float32Array; dimensions: number } {
  const dimensions = options.dimensions ?? 24;
  const iterations = options.iterations ?? 8;
  const regularisation = options.regularisation ?? 0.08;
  const random = createSeededRandom(options.seed ?? 7);
  const count = table.ratings.length;

  const userSums = new Float64Array(table.userCount);
  const userCounts = new Int32Array(table.userCount);
  for (let row = 0; row < count; row++) {
    userSums[table.users[row]] += table.ratings[row];
    userCounts[table.users[row]]++;
  }
  const residual = new Float64Array(count);
  for (let row = 0; row < count; row++) residual[row] = table.ratings[row] - userSums[table.users[row]] / userCounts[table.users[row]];

  const rowsBy = (keys: ArrayLike<number>, size: number) => {
    const lists: number[][] = Array.from({ length: size }, () => []);
    for (let row = 0; row < count; row++) lists[keys[row]].push(row);
    return lists;
  };
  const rowsByUser = rowsBy(table.users, table.userCount);
  const rowsByItem = rowsBy(table.items, table.itemCount);

  const itemVectors = new Float64Array(table.itemCount * dimensions);
  for (let item = 0; item < table.itemCount; item++) {
    if (rowsByItem[item].length === 0) continue;
    for (let dimension = 0; dimension < dimensions; dimension++) itemVectors[item * dimensions + dimension] = 0.1 * standardNormal(random);
  }
  const userVectors = new Float64Array(table.userCount * dimensions);
  const sweep = (target: Float64Array, rowLists: number[][], other: Float64Array, otherKeys: ArrayLike<number>) => {
    rowLists.forEach((rows, key) => {
      if (rows.length === 0) return;
      const solution = ridgeFoldIn(
        other,
        dimensions,
        rows.map((row) => otherKeys[row]),
        rows.map((row) => residual[row]),
        regularisation,
      );
      target.set(solution, key * dimensions);
    });
  };
  for (let iteration = 0; iteration < iterations; iteration++) {
    sweep(userVectors, rowsByUser, itemVectors, table.items);
    sweep(itemVectors, rowsByItem, userVectors, table.users);
  }
  return { itemVectors: Float32Array.from(itemVectors), dimensions };
}
