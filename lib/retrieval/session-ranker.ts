/**
 * The served learned ranker: boosted trees that re-order the head of a session's candidate pool
 * (cf-neighbours.ts `recommendForUser` with `reranker`) from features serving has
 * (session-ranker-features.ts). Trained in the catalog build (session-ranker-training.ts).
 */
import type { PoolReranker, SessionPool } from "./cf-neighbours";
import { flattenTrees, predictFlatRows, type BoostedTrees, type FlatTrees } from "./gradient-boosted-trees";
import { SESSION_RANKER_FEATURE_COUNT, SessionFeatureScratch, sessionRankerFeatures, type SessionFeatureResources, type SessionInput } from "./session-ranker-features";

/** The trees and how much of the pool they re-order. */
export interface SessionRankerModel {
  /** Trees for sessions with more than `short.maxLikes` likes (all sessions without `short`), over full SESSION_RANKER_FEATURE_COUNT-wide rows. */
  trees: BoostedTrees;
  /**
   * Trees for short sessions (at most `maxLikes` likes), trained on the latest few likes of
   * people: a few recent likes ask for another ranking than a long history does.
   */
  short: { trees: BoostedTrees; maxLikes: number } | null;
  /** Items re-ordered: the pool's best `depth` by the served score. */
  depth: number;
}

/** A session ranker ready to serve: the trees plus the bundle's vectors, timeline and item statistics. */
export class SessionRanker implements PoolReranker {
  readonly depth: number;
  private readonly scratch: SessionFeatureScratch;
  private readonly main: FlatTrees;
  private readonly short: FlatTrees | null;

  /** @throws when the trees do not read SESSION_RANKER_FEATURE_COUNT features or depth is not a positive integer */
  constructor(
    readonly model: SessionRankerModel,
    private readonly resources: SessionFeatureResources,
  ) {
    for (const trees of [model.trees, model.short?.trees]) {
      if (trees && trees.featureCount !== SESSION_RANKER_FEATURE_COUNT) throw new Error(`SessionRanker: trees read ${trees.featureCount} features, this code computes ${SESSION_RANKER_FEATURE_COUNT}`);
    }
    if (!(Number.isInteger(model.depth) && model.depth > 0)) throw new Error(`SessionRanker: depth must be a positive integer, got ${model.depth}`);
    this.depth = model.depth;
    this.scratch = new SessionFeatureScratch(resources.statistics.itemCount);
    this.main = flattenTrees(model.trees);
    this.short = model.short ? flattenTrees(model.short.trees) : null;
  }

  /** The trees that rank a session with `likes` likes. */
  treesFor(likes: number): BoostedTrees {
    return this.model.short && likes <= this.model.short.maxLikes ? this.model.short.trees : this.model.trees;
  }

  /** Log-odds scores of the pool's items (higher first); the pool's order is not changed. */
  scorePool(pool: SessionPool, session: SessionInput): Float64Array {
    const rows = sessionRankerFeatures(pool, session, this.resources, this.scratch);
    const trees = this.short && this.model.short && session.likedItems.length <= this.model.short.maxLikes ? this.short : this.main;
    return predictFlatRows(trees, rows, new Float64Array(pool.items.length));
  }
}
