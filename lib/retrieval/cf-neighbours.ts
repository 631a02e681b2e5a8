import type { ItemKnnModel } from "./item-knn";
import { blendStandardisedScores } from "./score-blend";
import type { VectorIndex } from "./vector-index";

export interface CfNeighbour {
  itemIndex: number;
  score: number;
}

/**
 * The `k` items whose CF vectors are closest to item `itemIndex`'s ("more like this"), the item
 * itself excluded. Scores are the index's similarities (cosine for a "cos" index). Returns [] for
 * an item without a vector (all-zero row).
 */
export function similarItems(index: VectorIndex, itemVectors: Float32Array, itemIndex: number, k: number): CfNeighbour[] {
  const dimensions = index.dimensions;
  const query = itemVectors.subarray(itemIndex * dimensions, (itemIndex + 1) * dimensions);
  if (query.length !== dimensions || query.every((value) => value === 0)) return [];
  const { indexes, scores } = index.search(query, k + 1);
  const neighbours: CfNeighbour[] = [];
  for (let position = 0; position < indexes.length && neighbours.length < k; position += 1) {
    if (indexes[position] !== itemIndex) neighbours.push({ itemIndex: indexes[position], score: scores[position] });
  }
  return neighbours;
}

export interface RecommendOptions {
  /** Items never returned (already seen, already liked or disliked). */
  exclude?: ReadonlySet<number>;
  /**
   * Candidates fetched from the index before re-ranking by the model's score x·y (default 200).
   * A cosine index ranks by angle only; WALS scores are dot products, where the vector norm
   * carries how broadly an item is liked, so a wider cosine pool is re-scored exactly.
   */
  candidatePool?: number;
  /**
   * The timeline co-occurrence model and the session's items to score it from: the result is
   * then the blend eval:cf measures, z(x·y) + weight · z(timeline score), each standardised over
   * the pool (the cosine pool plus the strongest timeline neighbours of `history`).
   */
  timeline?: TimelineBlend;
  /**
   * A learned ranker that re-orders the best `model.depth` items of the pool (by the score
   * above) from features of the session; the rest of the pool follows in the score's order.
   */
  reranker?: SessionRerank;
}

export interface TimelineBlend {
  model: ItemKnnModel;
  /** Weight of the standardised timeline score next to the standardised WALS score (weight 1). */
  weight: number;
  /** The session's items (catalog indexes) whose timeline neighbours are scored. */
  history: readonly number[];
}

/**
 * A session's candidate pool, best first by the served score (x·y, or its timeline blend); ties
 * go to the lower item index.
 */
export interface SessionPool {
  items: Int32Array;
  /** The WALS prediction x·y of each pool item. */
  dots: Float32Array;
  /** The served score of each pool item: x·y, or z(x·y) + weight·z(timeline) with a timeline. */
  scores: Float32Array;
}

/** Re-scores the head of a session pool (lib/retrieval/session-ranker.ts implements it). */
export interface PoolReranker {
  /** Items re-scored: the pool's best `depth` by the served score. */
  readonly depth: number;
  /** Scores (higher first) of the pool's items, for the session's user vector and likes. */
  scorePool(pool: SessionPool, session: { userVector: Float32Array; likedItems: readonly number[]; dislikedItems?: readonly number[] }): ArrayLike<number>;
}

export interface SessionRerank {
  model: PoolReranker;
  /** The session's liked items, most recent first. */
  likedItems: readonly number[];
  /** The session's disliked items, most recent first when known. */
  dislikedItems?: readonly number[];
}

/**
 * The pool `recommendForUser` ranks: the cosine index's best `candidatePool` items for the user
 * vector, plus the timeline's strongest neighbours of `options.timeline.history`, minus
 * `options.exclude`, scored and sorted by the served score. Returns an empty pool for a zero
 * vector (no feedback yet).
 */
export function sessionPool(index: VectorIndex, itemVectors: Float32Array, userVector: Float32Array, k: number, options: RecommendOptions = {}): SessionPool {
  const dimensions = index.dimensions;
  if (userVector.every((value) => value === 0)) return { items: new Int32Array(0), dots: new Float32Array(0), scores: new Float32Array(0) };
  const exclude = options.exclude ?? new Set<number>();
  const pool = Math.max(k + exclude.size, options.candidatePool ?? 200);
  const timelineScores = options.timeline && options.timeline.weight !== 0 ? sparseTimelineScores(options.timeline) : new Map<number, number>();
  const candidates = new Set<number>(index.search(userVector, pool).indexes);
  // The timeline's best `pool` items join the cosine pool; its long tail would only add work.
  for (const itemIndex of strongest(timelineScores, pool)) candidates.add(itemIndex);
  const items: number[] = [];
  const dots: number[] = [];
  for (const itemIndex of candidates) {
    if (exclude.has(itemIndex)) continue;
    const offset = itemIndex * dimensions;
    let score = 0;
    for (let column = 0; column < dimensions; column += 1) score += userVector[column] * itemVectors[offset + column];
    items.push(itemIndex);
    dots.push(score);
  }
  let scores: ArrayLike<number> = dots;
  if (timelineScores.size > 0) {
    const everyItem = new Uint8Array(items.length).fill(1);
    const timeline = Float32Array.from(items, (itemIndex) => timelineScores.get(itemIndex) ?? 0);
    scores = blendStandardisedScores([Float32Array.from(dots), timeline], [1, options.timeline!.weight], everyItem, new Float32Array(items.length));
  }
  const order = items.map((_, position) => position).sort((a, b) => scores[b] - scores[a] || items[a] - items[b]);
  return {
    items: Int32Array.from(order, (position) => items[position]),
    dots: Float32Array.from(order, (position) => dots[position]),
    scores: Float32Array.from(order, (position) => scores[position]),
  };
}

/** The first `count` entries of a pool (a view, no copy). */
export function poolHead(pool: SessionPool, count: number): SessionPool {
  return { items: pool.items.subarray(0, count), dots: pool.dots.subarray(0, count), scores: pool.scores.subarray(0, count) };
}

/**
 * Top `k` items for a (folded-in) user vector, scored by the WALS prediction x·y_i, or by its
 * blend with the timeline co-occurrence model when `options.timeline` is given, the head of the
 * pool re-ordered by `options.reranker` when given (its scores are then the returned scores;
 * items below the re-ranked head follow with scores below every re-ranked one). Returns [] for a
 * zero vector (no feedback yet).
 */
export function recommendForUser(index: VectorIndex, itemVectors: Float32Array, userVector: Float32Array, k: number, options: RecommendOptions = {}): CfNeighbour[] {
  const pool = sessionPool(index, itemVectors, userVector, k, options);
  const served = (from: number, to: number) => Array.from(pool.items.subarray(from, to), (itemIndex, offset) => ({ itemIndex, score: pool.scores[from + offset] }));
  if (!options.reranker || pool.items.length === 0) return served(0, k);
  const { model, likedItems, dislikedItems } = options.reranker;
  const depth = Math.min(model.depth, pool.items.length);
  const learned = model.scorePool(poolHead(pool, depth), { userVector, likedItems, dislikedItems });
  const head = Array.from(pool.items.subarray(0, depth), (itemIndex, position) => ({ itemIndex, score: learned[position] }));
  head.sort((a, b) => b.score - a.score || a.itemIndex - b.itemIndex);
  if (k <= depth) return head.slice(0, k);
  // Below the re-ranked head: the served order, shifted under the lowest learned score.
  const floor = head.length > 0 ? head[head.length - 1].score : 0;
  const tail = served(depth, k);
  const top = tail.length > 0 ? tail[0].score : 0;
  return [...head, ...tail.map((entry) => ({ itemIndex: entry.itemIndex, score: floor - 1 - (top - entry.score) }))];
}

/** Σ_{i ∈ history} W_ij over the rows of the history items only (sparse: a session has a few). */
function sparseTimelineScores({ model, history }: TimelineBlend): Map<number, number> {
  const scores = new Map<number, number>();
  for (const item of history) {
    for (let entry = model.starts[item]; entry < model.starts[item + 1]; entry += 1) {
      const neighbour = model.neighbourItems[entry];
      scores.set(neighbour, (scores.get(neighbour) ?? 0) + model.similarities[entry]);
    }
  }
  return scores;
}

/** The `count` keys with the largest values (ties at the cut-off may add a few more). */
function strongest(scores: Map<number, number>, count: number): number[] {
  if (scores.size <= count) return [...scores.keys()];
  // The count-th largest value by a native numeric sort, then one pass: no comparator sort.
  const values = Float64Array.from(scores.values()).sort();
  const threshold = values[values.length - count];
  const kept: number[] = [];
  for (const [itemIndex, score] of scores) if (score >= threshold) kept.push(itemIndex);
  return kept;
}
