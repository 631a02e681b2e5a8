/**
 * The CF build stage as stage-probe.ts runs it: the same WALS training, index selection and
 * usearch index as catalog/cf-stage.ts, but the content-based vectors for untrained (cold-start)
 * items are computed for an evenly spaced sample of them only, timed, and extrapolated. That step
 * costs O(targets × catalog) — each target scans the postings of its genres and a top-k over the
 * whole catalog — so at 1M items it alone would outlast any sensible limit; sampling lets the
 * probe measure it and still go on to the usearch index and serving. Unsampled targets keep zero
 * vectors (origin "none"), which serving treats like any item without a CF vector.
 */
import path from "node:path";
import { CF_FILES, cfDimensionsFrom } from "../../catalog/cf-stage";
import type { CfArtifactInfo } from "../../catalog/cf-artifacts";
import type { BuildStage } from "../../catalog/build-stage";
import { writeTypedArray } from "../../catalog/bundle-files";
import { DEFAULT_MINIMUM_INDEXED_INTERACTIONS, gatherRows, ITEM_VECTOR_ORIGIN } from "../../lib/retrieval/cf-item-vectors";
import { DEFAULT_CF_TRAINING, feedbackMatrix, trainCfModel } from "../../lib/retrieval/cf-training";
import { DEFAULT_CONTENT_VECTOR_OPTIONS, fillContentVectors } from "../../lib/retrieval/content-vectors";
import { createSeededRandom } from "../../lib/retrieval/seeded-random";
import { DEFAULT_USEARCH_OPTIONS, UsearchVectorIndex } from "../../lib/retrieval/usearch-vector-index";

/** Untrained items given content-based vectors in the probe; the rest is extrapolated. */
export const CONTENT_VECTOR_SAMPLE = 1000;

const seconds = (since: number) => Math.round((performance.now() - since) / 10) / 100;

export const sampledCfStage: BuildStage = {
  name: "cf",
  environmentKeys: ["REELCAST_CF_DIM"],
  async run({ catalog, bundleDir, log, seed, environment }) {
    const dimensions = cfDimensionsFrom(environment);
    const { interactions, items } = catalog;
    const matrix = feedbackMatrix(interactions.userCount, items.length, interactions.users, interactions.items, interactions.ratings);
    const started = performance.now();
    const model = trainCfModel(matrix, createSeededRandom(seed), dimensions, DEFAULT_CF_TRAINING, (iteration) => {
      if (iteration % 5 === 0) log(`WALS iteration ${iteration}/${DEFAULT_CF_TRAINING.als.iterations} (${seconds(started)} s)`);
    });
    const trainingSeconds = seconds(started);

    // As buildCfItemVectors, with the content step on a sample of the targets.
    const contentStarted = performance.now();
    const origin = new Uint8Array(items.length);
    const interactionCounts = new Int32Array(items.length);
    for (const column of matrix.columns) {
      origin[column] = ITEM_VECTOR_ORIGIN.trained;
      interactionCounts[column] += 1;
    }
    const vectors = Float32Array.from(model.itemFactors);
    const targets: number[] = [];
    origin.forEach((code, itemIndex) => {
      if (code !== ITEM_VECTOR_ORIGIN.trained) targets.push(itemIndex);
    });
    const step = Math.max(1, Math.floor(targets.length / CONTENT_VECTOR_SAMPLE));
    const sample = targets.filter((_, position) => position % step === 0);
    const content = fillContentVectors(items, vectors, dimensions, (itemIndex) => origin[itemIndex] === ITEM_VECTOR_ORIGIN.trained, sample, DEFAULT_CONTENT_VECTOR_OPTIONS);
    for (const { itemIndex } of content.filled) origin[itemIndex] = ITEM_VECTOR_ORIGIN.content;
    const contentSeconds = seconds(contentStarted);
    const contentEstimateSeconds = Math.round((contentSeconds * targets.length) / Math.max(1, sample.length));
    log(`content-based vectors for ${sample.length} of ${targets.length} untrained items in ${contentSeconds} s: all of them would take ~${contentEstimateSeconds} s`);
    const indexedItems: number[] = [];
    interactionCounts.forEach((count, itemIndex) => {
      if (count >= DEFAULT_MINIMUM_INDEXED_INTERACTIONS) indexedItems.push(itemIndex);
    });
    const indexed = Int32Array.from(indexedItems);
    log(`${dimensions}-d WALS vectors for ${items.length - targets.length} items in ${trainingSeconds} s`);

    writeTypedArray(path.join(bundleDir, CF_FILES.itemVectors), vectors);
    writeTypedArray(path.join(bundleDir, CF_FILES.itemOrigin), origin);
    if (model.missingWeights) writeTypedArray(path.join(bundleDir, CF_FILES.missingWeights), model.missingWeights);
    const indexStarted = performance.now();
    const indexOptions = { ...DEFAULT_USEARCH_OPTIONS, metric: "cos" as const, addThreads: 1 };
    const index = UsearchVectorIndex.create(dimensions, indexOptions);
    index.add(indexed, gatherRows(vectors, dimensions, indexed));
    index.save(path.join(bundleDir, CF_FILES.index));
    const indexSeconds = seconds(indexStarted);
    log(`usearch index over ${index.size} items in ${indexSeconds} s`);

    const info: CfArtifactInfo & { contentSample: Record<string, number> } = {
      model: "wals",
      dimensions,
      seed,
      trainingSeconds,
      indexSeconds,
      files: { itemVectors: CF_FILES.itemVectors, itemOrigin: CF_FILES.itemOrigin, index: CF_FILES.index, missingWeights: model.missingWeights ? CF_FILES.missingWeights : null },
      regularization: model.regularization,
      strength: DEFAULT_CF_TRAINING.strength,
      iterations: DEFAULT_CF_TRAINING.als.iterations,
      counts: { trained: items.length - targets.length, contentBased: content.filled.length, withoutVector: targets.length - content.filled.length },
      index: {
        metric: indexOptions.metric,
        connectivity: indexOptions.connectivity,
        expansionAdd: indexOptions.expansionAdd,
        expansionSearch: indexOptions.expansionSearch,
        size: index.size,
        minimumInteractions: DEFAULT_MINIMUM_INDEXED_INTERACTIONS,
      },
      contentSample: { targets: targets.length, sampled: sample.length, seconds: contentSeconds, estimatedSeconds: contentEstimateSeconds },
    };
    return info;
  },
};
