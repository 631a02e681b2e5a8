import { fnv1aHash } from "../hash/fnv1a";
import type { ItemKnnModel } from "./item-knn";
import { largestEntries } from "./largest-entries";

/**
 * Timeline co-occurrence: two films are neighbours when people rate them close together in their
 * own rating history. Where item-kNN and WALS only see *that* a person rated both films, this
 * sees *when*: films rated in the same sitting share a mood, a franchise, a season of watching,
 * the way session-based recommenders (item-to-item transition and windowed co-occurrence models,
 * e.g. item2vec) read sessions. On eval:cf's validation split it adds more to WALS than RP3beta
 * or item-kNN do (docs/EVALUATION.md).
 *
 * For each person's ratings in time order, every pair d ≤ `window` positions apart adds
 * exp(−(d − 1) / decay) to W_ij and W_ji; column j is then divided by degree_j^β (how many
 * people rated j) so blockbusters do not neighbour everything. Pairs seen too rarely
 * (`minimumPairWeight`) are dropped and each row keeps its `neighbourCount` largest entries.
 * A person's score for item j is Σ_{i ∈ history} W_ij — the same CSR shape as item-kNN, so
 * `scoreItemKnn` scores it.
 */
export interface TimelineNeighbourOptions {
  /** How many positions either side of a rating count as "close in time" (default 10). */
  window: number;
  /** τ of the exponential decay with distance in positions (default 3: neighbours 1–3 apart dominate). */
  decay: number;
  /** β, the popularity discount on the destination item (default 0.5). */
  popularityExponent: number;
  /** Entries kept per row (default 400). */
  neighbourCount: number;
  /**
   * Pairs whose summed weight (before the popularity discount) is below this are dropped
   * (default 0.5: one co-occurrence 4 or more positions apart). On eval:cf's random validation
   * split this keeps 40 % of the entries at the same NDCG@10, which matters at scale: the full
   * lists grow with ratings × 2·window.
   */
  minimumPairWeight: number;
  /**
   * Neighbours need at least this many ratings (default 1). Serving uses the CF index's floor:
   * a film rated once or twice mirrors its few raters' timelines, not a shared taste.
   */
  minimumNeighbourRatings: number;
}

export const DEFAULT_TIMELINE_OPTIONS: TimelineNeighbourOptions = { window: 10, decay: 3, popularityExponent: 0.5, neighbourCount: 400, minimumPairWeight: 0.5, minimumNeighbourRatings: 1 };

/**
 * How serving blends the timeline with WALS for a session: the standardised timeline score of
 * the session's `historyLength` most recent likes, at `weight` next to the standardised WALS
 * score (weight 1). Picked by eval:cf on the temporal validation split, the protocol that, like
 * a live session, predicts what a person rates next (the random split prefers every rated item
 * at 0.75: docs/EVALUATION.md).
 */
export const DEFAULT_TIMELINE_BLEND = { historyLength: 3, weight: 0.25 } as const;

/** Rating rows grouped by person and in time order within each person (as `Interactions` stores them). */
export interface Timelines {
  users: ArrayLike<number>;
  items: ArrayLike<number>;
  /**
   * When given, ratings with the same timestamp are put in a fixed pseudo-random order (the
   * FNV-1a hash of person and item). Their order in the rows is not a time order: MovieLens lists
   * a person's same-second ratings by movieId, and adjacent ids (films added to MovieLens
   * together) would otherwise look like films watched together. On eval:cf's random validation
   * split the blend with WALS scores NDCG@10 0.2113 with this order; a scratch model without
   * pruning scored 0.2112 with the movieId order and 0.2101 with the ties shuffled (WALS alone
   * 0.1986): the model does not live on that artefact, but the artefact is not taste.
   */
  timestamps?: ArrayLike<number>;
}

/**
 * Builds the neighbour lists. Cost: Σ ratings × 2·window accumulations plus one top-k per item;
 * memory: the output and two item-sized scratch arrays. Deterministic: neighbours are ordered by
 * weight, ties to the lower item index.
 * @throws when an option is out of range or the rows are not grouped by person
 */
export function trainTimelineNeighbours(timelines: Timelines, itemCount: number, options: Partial<TimelineNeighbourOptions> = {}): ItemKnnModel {
  const { window, decay, popularityExponent, neighbourCount, minimumPairWeight, minimumNeighbourRatings } = { ...DEFAULT_TIMELINE_OPTIONS, ...options };
  if (!(Number.isInteger(window) && window >= 1)) throw new Error(`trainTimelineNeighbours: window must be a positive integer, got ${window}`);
  if (!(decay > 0)) throw new Error(`trainTimelineNeighbours: decay must be positive, got ${decay}`);
  if (!(popularityExponent >= 0)) throw new Error(`trainTimelineNeighbours: popularityExponent must be ≥ 0, got ${popularityExponent}`);
  if (!(minimumPairWeight >= 0)) throw new Error(`trainTimelineNeighbours: minimumPairWeight must be ≥ 0, got ${minimumPairWeight}`);
  if (!(neighbourCount >= 1)) throw new Error(`trainTimelineNeighbours: neighbourCount must be ≥ 1, got ${neighbourCount}`);
  const { users } = timelines;
  const rowCount = users.length;

  // Each row's person segment [segmentStart, segmentEnd), and every item's rows.
  const segmentStart = new Int32Array(rowCount);
  const segmentEnd = new Int32Array(rowCount);
  const seenUsers = new Set<number>();
  for (let start = 0; start < rowCount;) {
    let end = start;
    while (end < rowCount && users[end] === users[start]) end += 1;
    if (seenUsers.has(users[start])) throw new Error(`trainTimelineNeighbours: rows of person ${users[start]} are not contiguous`);
    seenUsers.add(users[start]);
    segmentStart.fill(start, start, end);
    segmentEnd.fill(end, start, end);
    start = end;
  }
  const sequence = timelines.timestamps ? orderTies(users, timelines.items, timelines.timestamps) : Int32Array.from(timelines.items);
  const degree = new Float64Array(itemCount);
  for (let row = 0; row < rowCount; row += 1) degree[sequence[row]] += 1;
  const itemRowStarts = new Int32Array(itemCount + 1);
  for (let item = 0; item < itemCount; item += 1) itemRowStarts[item + 1] = itemRowStarts[item] + degree[item];
  const itemRows = new Int32Array(rowCount);
  const cursor = itemRowStarts.slice(0, itemCount);
  for (let row = 0; row < rowCount; row += 1) itemRows[cursor[sequence[row]]++] = row;

  const kernel = Float64Array.from({ length: window + 1 }, (_, distance) => Math.exp(-(distance - 1) / decay));
  const discount = Float64Array.from(degree, (count) => (count >= Math.max(1, minimumNeighbourRatings) ? Math.pow(count, -popularityExponent) : 0));
  const weights = new Float64Array(itemCount);
  const touched: number[] = [];
  const starts = new Int32Array(itemCount + 1);
  const keptItems: Int32Array[] = [];
  const keptWeights: Float32Array[] = [];
  const add = (neighbour: number, weight: number) => {
    if (weights[neighbour] === 0) touched.push(neighbour);
    weights[neighbour] += weight;
  };
  for (let item = 0; item < itemCount; item += 1) {
    touched.length = 0;
    for (let entry = itemRowStarts[item]; entry < itemRowStarts[item + 1]; entry += 1) {
      const row = itemRows[entry];
      const first = Math.max(segmentStart[row], row - window);
      const last = Math.min(segmentEnd[row] - 1, row + window);
      for (let other = first; other <= last; other += 1) if (other !== row && sequence[other] !== item) add(sequence[other], kernel[Math.abs(other - row)]);
    }
    for (const neighbour of touched) weights[neighbour] = weights[neighbour] >= minimumPairWeight ? weights[neighbour] * discount[neighbour] : 0;
    const kept = largestEntries(
      touched.filter((neighbour) => weights[neighbour] > 0),
      weights,
      neighbourCount,
    );
    keptItems.push(Int32Array.from(kept));
    keptWeights.push(Float32Array.from(kept, (neighbour) => weights[neighbour]));
    starts[item + 1] = starts[item] + kept.length;
    for (const neighbour of touched) weights[neighbour] = 0;
  }
  const neighbourItems = new Int32Array(starts[itemCount]);
  const similarities = new Float32Array(starts[itemCount]);
  for (let item = 0; item < itemCount; item += 1) {
    neighbourItems.set(keptItems[item], starts[item]);
    similarities.set(keptWeights[item], starts[item]);
  }
  return { itemCount, starts, neighbourItems, similarities };
}

/**
 * The items in row order, except that each run of one person's same-timestamp rows is sorted by
 * a hash of (person, item): a fixed order that owes nothing to how the source listed the ties.
 */
function orderTies(users: ArrayLike<number>, items: ArrayLike<number>, timestamps: ArrayLike<number>): Int32Array {
  const sequence = Int32Array.from(items);
  for (let start = 0; start < sequence.length;) {
    let end = start + 1;
    while (end < sequence.length && users[end] === users[start] && timestamps[end] === timestamps[start]) end += 1;
    if (end - start > 1) {
      const keyed = Array.from(sequence.subarray(start, end), (item) => ({ item, key: fnv1aHash(`${users[start]}:${item}`) }));
      keyed.sort((a, b) => a.key - b.key || a.item - b.item);
      sequence.set(
        keyed.map((entry) => entry.item),
        start,
      );
    }
    start = end;
  }
  return sequence;
}
