import path from "node:path";
import { buildCfItemVectors, DEFAULT_MINIMUM_INDEXED_INTERACTIONS, gatherRows, ITEM_VECTOR_ORIGIN } from "../lib/retrieval/cf-item-vectors";
import { DEFAULT_CF_DIMENSIONS, DEFAULT_CF_TRAINING, feedbackMatrix, trainCfModel } from "../lib/retrieval/cf-training";
import { createSeededRandom } from "../lib/retrieval/seeded-random";
import { DEFAULT_TIMELINE_BLEND, DEFAULT_TIMELINE_OPTIONS, trainTimelineNeighbours } from "../lib/retrieval/timeline-neighbours";
import { DEFAULT_USEARCH_OPTIONS, UsearchVectorIndex } from "../lib/retrieval/usearch-vector-index";
import type { Environment } from "../lib/catalog/catalog";
import type { BuildStage } from "./build-stage";
import { writeTypedArray } from "./bundle-files";
import type { CfArtifactInfo } from "./cf-artifacts";

/** Files the CF stage writes into the bundle. */
export const CF_FILES = {
  itemVectors: "cf-item-vectors.f32",
  itemOrigin: "cf-item-origin.u8",
  missingWeights: "cf-missing-weights.f32",
  index: "cf-items.usearch",
  timelineStarts: "cf-timeline-starts.i32",
  timelineItems: "cf-timeline-items.i32",
  timelineWeights: "cf-timeline-weights.f32",
} as const;

/** Reads REELCAST_CF_DIM (default 64); throws on anything but an integer in 2..1024. */
export function cfDimensionsFrom(environment: Environment): number {
  const raw = environment.REELCAST_CF_DIM?.trim();
  if (!raw) return DEFAULT_CF_DIMENSIONS;
  const dimensions = Number(raw);
  if (!Number.isInteger(dimensions) || dimensions < 2 || dimensions > 1024) {
    throw new Error(`REELCAST_CF_DIM must be an integer between 2 and 1024, got "${raw}"`);
  }
  return dimensions;
}

/**
 * Trains WALS on every MovieLens rating, gives cold-start items content-based vectors, and writes
 * the item vectors (raw little-endian float32, itemCount × dimensions), the per-item origin codes
 * and a cosine usearch HNSW index over the trained items with at least
 * DEFAULT_MINIMUM_INDEXED_INTERACTIONS ratings. The index is built on one thread so the same
 * seed and data give a byte-identical graph.
 */
export const cfStage: BuildStage = createCfStage();

/**
 * The CF stage; `contentVectorSample` (benchmarks only) runs the content-vector step (once quadratic, now linear) for
 * a sample of the cold-start items, times it and records the extrapolated full cost.
 */
export function createCfStage(options: { contentVectorSample?: number } = {}): BuildStage {
  const contentVectorSample = options.contentVectorSample ?? null;
  return {
    name: "cf",
    environmentKeys: ["REELCAST_CF_DIM"],
    async run({ catalog, bundleDir, log, seed, environment }) {
      const dimensions = cfDimensionsFrom(environment);
      const { interactions, items } = catalog;
      const matrix = feedbackMatrix(interactions.userCount, items.length, interactions.users, interactions.items, interactions.ratings);
      const started = performance.now();
      const model = trainCfModel(matrix, createSeededRandom(seed), dimensions, DEFAULT_CF_TRAINING, (iteration) => {
        if (iteration % 5 === 0) log(`WALS iteration ${iteration}/${DEFAULT_CF_TRAINING.als.iterations} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
      });
      const trainingSeconds = Math.round((performance.now() - started) / 10) / 100;
      const contentStarted = performance.now();
      const itemVectors = buildCfItemVectors(items, model, matrix, undefined, undefined, contentVectorSample);
      const contentSeconds = Math.round((performance.now() - contentStarted) / 10) / 100;
      const counts = {
        trained: itemVectors.origin.filter((code) => code === ITEM_VECTOR_ORIGIN.trained).length,
        contentBased: itemVectors.content.filled.length,
        withoutVector: itemVectors.contentTargets.total - itemVectors.content.filled.length,
      };
      const { total, filled } = itemVectors.contentTargets;
      const contentSample =
        contentVectorSample === null ? null : { targets: total, sampled: filled, seconds: contentSeconds, estimatedSeconds: Math.round((contentSeconds * total) / Math.max(1, filled)) };
      if (contentSample) log(`content-based vectors for ${filled} of ${total} untrained items in ${contentSeconds} s: all of them would take ~${contentSample.estimatedSeconds} s`);
      log(
        `${dimensions}-d WALS vectors for ${counts.trained} items in ${trainingSeconds} s; ${counts.contentBased} cold-start items got content-based vectors in ${contentSeconds} s (${itemVectors.content.provedExact} provably the exhaustive neighbours), ${counts.withoutVector} have none`,
      );

      writeTypedArray(path.join(bundleDir, CF_FILES.itemVectors), itemVectors.vectors);
      writeTypedArray(path.join(bundleDir, CF_FILES.itemOrigin), itemVectors.origin);
      if (model.missingWeights) writeTypedArray(path.join(bundleDir, CF_FILES.missingWeights), model.missingWeights);

      // Timeline co-occurrence, blended with WALS when scoring a session (cf-neighbours.ts). Its
      // neighbours need as many ratings as the usearch index asks of its items.
      const timelineStarted = performance.now();
      const timelineOptions = { ...DEFAULT_TIMELINE_OPTIONS, minimumNeighbourRatings: DEFAULT_MINIMUM_INDEXED_INTERACTIONS };
      const timeline = trainTimelineNeighbours(interactions, items.length, timelineOptions);
      const timelineSeconds = Math.round((performance.now() - timelineStarted) / 10) / 100;
      writeTypedArray(path.join(bundleDir, CF_FILES.timelineStarts), timeline.starts);
      writeTypedArray(path.join(bundleDir, CF_FILES.timelineItems), timeline.neighbourItems);
      writeTypedArray(path.join(bundleDir, CF_FILES.timelineWeights), timeline.similarities);
      log(`timeline co-occurrence neighbours: ${timeline.neighbourItems.length} entries in ${timelineSeconds} s`);

      const indexStarted = performance.now();
      const indexOptions = { ...DEFAULT_USEARCH_OPTIONS, metric: "cos" as const, addThreads: 1 };
      const index = UsearchVectorIndex.create(dimensions, indexOptions);
      const { indexed } = itemVectors;
      index.add(indexed, gatherRows(itemVectors.vectors, dimensions, indexed));
      index.save(path.join(bundleDir, CF_FILES.index));
      const indexSeconds = Math.round((performance.now() - indexStarted) / 10) / 100;
      log(`usearch index over ${index.size} items in ${indexSeconds} s`);

      const info: CfArtifactInfo = {
        model: "wals",
        dimensions,
        seed,
        trainingSeconds,
        indexSeconds,
        files: {
          itemVectors: CF_FILES.itemVectors,
          itemOrigin: CF_FILES.itemOrigin,
          index: CF_FILES.index,
          missingWeights: model.missingWeights ? CF_FILES.missingWeights : null,
        },
        timeline: {
          files: { starts: CF_FILES.timelineStarts, items: CF_FILES.timelineItems, weights: CF_FILES.timelineWeights },
          options: timelineOptions,
          blend: DEFAULT_TIMELINE_BLEND,
          entries: timeline.neighbourItems.length,
          trainingSeconds: timelineSeconds,
        },
        regularization: model.regularization,
        strength: DEFAULT_CF_TRAINING.strength,
        iterations: DEFAULT_CF_TRAINING.als.iterations,
        counts,
        index: {
          metric: indexOptions.metric,
          connectivity: indexOptions.connectivity,
          expansionAdd: indexOptions.expansionAdd,
          expansionSearch: indexOptions.expansionSearch,
          size: index.size,
          minimumInteractions: DEFAULT_MINIMUM_INDEXED_INTERACTIONS,
        },
      };
      return contentSample ? { ...info, contentSample } : info;
    },
  };
}
