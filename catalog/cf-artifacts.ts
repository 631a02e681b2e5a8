import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Catalog } from "../lib/catalog/catalog";
import { recommendForUser, similarItems, type CfNeighbour, type RecommendOptions } from "../lib/retrieval/cf-neighbours";
import { ITEM_VECTOR_ORIGIN } from "../lib/retrieval/cf-item-vectors";
import { sessionStrengths } from "../lib/retrieval/cf-training";
import { createFoldInContext, foldInUser, type SessionFeedback } from "../lib/retrieval/fold-in";
import { UsearchVectorIndex } from "../lib/retrieval/usearch-vector-index";
import type { VectorIndex } from "../lib/retrieval/vector-index";
import type { SessionTimeline } from "../lib/retrieval/fast-path";
import type { ItemKnnModel } from "../lib/retrieval/item-knn";
import type { SessionRanker } from "../lib/retrieval/session-ranker";
import { readFloat32Array, readInt32Array } from "./bundle-files";
import { loadCoLikedNeighbours } from "./co-liked-artifacts";
import { loadSessionRanker } from "./session-ranker-artifacts";

/** What the CF build stage records under `manifest.artifacts.cf`. */
export const cfArtifactInfoSchema = z.object({
  model: z.literal("wals"),
  dimensions: z.number().int().positive(),
  seed: z.number().int(),
  trainingSeconds: z.number().nonnegative(),
  indexSeconds: z.number().nonnegative(),
  files: z.object({ itemVectors: z.string(), itemOrigin: z.string(), index: z.string(), missingWeights: z.string().nullable() }),
  timeline: z.object({
    files: z.object({ starts: z.string(), items: z.string(), weights: z.string() }),
    options: z.object({
      window: z.number().int().positive(),
      decay: z.number().positive(),
      popularityExponent: z.number().nonnegative(),
      neighbourCount: z.number().positive(),
      minimumPairWeight: z.number().nonnegative(),
      minimumNeighbourRatings: z.number().int().nonnegative(),
    }),
    blend: z.object({ historyLength: z.number().int().positive(), weight: z.number().nonnegative() }),
    entries: z.number().int().nonnegative(),
    trainingSeconds: z.number().nonnegative(),
  }),
  regularization: z.number().positive(),
  strength: z.object({
    alpha: z.number(),
    dislikeBelow: z.number().nullable(),
    weighting: z.enum(["binary", "rating"]),
    dislikeWeight: z.number(),
  }),
  iterations: z.number().int().positive(),
  counts: z.object({ trained: z.number().int(), contentBased: z.number().int(), withoutVector: z.number().int() }),
  index: z.object({
    metric: z.enum(["cos", "ip"]),
    connectivity: z.number().int().positive(),
    expansionAdd: z.number().int().positive(),
    expansionSearch: z.number().int().positive(),
    size: z.number().int().nonnegative(),
    minimumInteractions: z.number().int().nonnegative(),
  }),
});

export type CfArtifactInfo = z.infer<typeof cfArtifactInfoSchema>;

/** The CF half of the fast path, ready to serve. */
export interface CfArtifacts {
  info: CfArtifactInfo;
  dimensions: number;
  /** itemCount × dimensions, row-major; zero rows for items without a vector. */
  itemVectors: Float32Array;
  /** ITEM_VECTOR_ORIGIN code per item (trained, content-based cold start, none). */
  origin: Uint8Array;
  /** Memory-mapped cosine usearch index over the trained items with enough interactions. */
  index: VectorIndex;
  /** Timeline co-occurrence neighbours and how a session blends them with WALS (see timeline-neighbours.ts). */
  timeline: SessionTimeline;
  /**
   * The learned ranker that re-orders a session's taste pool (session-ranker.ts); null for a
   * bundle built without the session-ranker stage, or when `LoadCfOptions.sessionRanker` is false.
   */
  sessionRanker: SessionRanker | null;
  /** "People who loved X also loved" lists (co-liked-neighbours.ts); null for a bundle built before them. */
  coLiked: ItemKnnModel | null;
  /** The WALS user vector for session feedback, in well under 1 ms (see fold-in.ts). */
  foldIn(feedback: SessionFeedback): Float32Array;
  /** "More like this": nearest items by CF vector, the item itself excluded. */
  similarItems(itemIndex: number, k: number): CfNeighbour[];
  /**
   * Top items for a user vector by the WALS score x·y (cosine pool re-ranked), blended with the
   * timeline neighbours of `options.timeline.history` when given.
   */
  recommendForUser(userVector: Float32Array, k: number, options?: RecommendOptions): CfNeighbour[];
}

class CfArtifactsMissingError extends Error {
  constructor(bundleDir: string) {
    super(`Catalog bundle ${bundleDir} has no CF artifacts. Run \`npm run catalog:build\` to rebuild it with the CF stage.`);
    this.name = "CfArtifactsMissingError";
  }
}

export interface LoadCfOptions {
  /** HNSW search expansion (ef) for this process; default the value recorded at build time. */
  expansionSearch?: number;
  /** Load the bundle's session ranker when it has one (default true; false serves the timeline blend alone). */
  sessionRanker?: boolean;
}

/**
 * Loads the CF artifacts of a catalog bundle: reads the item vectors, memory-maps the usearch
 * index, prepares the fold-in (one O(n·k²) Gram matrix, ~50 ms) and loads the session ranker
 * when the bundle has one. Call once per process.
 * Throws CfArtifactsMissingError for a bundle built without the CF stage, and an Error when a
 * file is missing or its size disagrees with the manifest.
 */
export function loadCfArtifacts(catalog: Catalog, options: LoadCfOptions = {}): CfArtifacts {
  const rawInfo = catalog.manifest.artifacts.cf;
  if (rawInfo === undefined) throw new CfArtifactsMissingError(catalog.bundleDir);
  const info = cfArtifactInfoSchema.parse(rawInfo);
  const { dimensions } = info;
  const file = (name: string) => {
    const filePath = path.join(catalog.bundleDir, name);
    if (!existsSync(filePath)) throw new Error(`CF artifact ${filePath} is missing; rebuild the catalog with \`npm run catalog:build -- --force\``);
    return filePath;
  };
  const itemVectors = readFloat32Array(file(info.files.itemVectors));
  const origin = new Uint8Array(readFileSync(file(info.files.itemOrigin)));
  const itemCount = catalog.items.length;
  if (itemVectors.length !== itemCount * dimensions || origin.length !== itemCount) {
    throw new Error(`CF artifacts in ${catalog.bundleDir} hold ${itemVectors.length / dimensions} vectors and ${origin.length} origins for ${itemCount} items`);
  }
  const missingWeights = info.files.missingWeights ? readFloat32Array(file(info.files.missingWeights)) : null;
  const index = UsearchVectorIndex.view(file(info.files.index), dimensions, {
    metric: info.index.metric,
    expansionSearch: options.expansionSearch ?? info.index.expansionSearch,
  });
  const timelineStarts = readInt32Array(file(info.timeline.files.starts));
  const timelineModel: ItemKnnModel = {
    itemCount,
    starts: timelineStarts,
    neighbourItems: readInt32Array(file(info.timeline.files.items)),
    similarities: readFloat32Array(file(info.timeline.files.weights)),
  };
  if (timelineStarts.length !== itemCount + 1 || timelineModel.neighbourItems.length !== info.timeline.entries || timelineModel.similarities.length !== info.timeline.entries) {
    throw new Error(`CF timeline neighbours in ${catalog.bundleDir} do not match the manifest (${timelineStarts.length - 1} rows, ${timelineModel.neighbourItems.length} entries)`);
  }
  const coLiked = loadCoLikedNeighbours(catalog);
  const strengths = sessionStrengths(info.strength);
  const foldInContext = createFoldInContext(
    itemVectors,
    dimensions,
    info.regularization,
    strengths.liked,
    strengths.disliked,
    missingWeights,
    (itemIndex) => origin[itemIndex] === ITEM_VECTOR_ORIGIN.trained,
  );
  return {
    info,
    dimensions,
    itemVectors,
    origin,
    index,
    timeline: { model: timelineModel, ...info.timeline.blend },
    sessionRanker:
      options.sessionRanker === false ? null : loadSessionRanker(catalog, { itemVectors, dimensions, timeline: timelineModel, coLiked, foldInLikes: (liked) => foldInUser(foldInContext, { liked }) }),
    coLiked,
    foldIn: (feedback) => foldInUser(foldInContext, feedback),
    similarItems: (itemIndex, k) => similarItems(index, itemVectors, itemIndex, k),
    recommendForUser: (userVector, k, recommendOptions) => recommendForUser(index, itemVectors, userVector, k, recommendOptions),
  };
}
