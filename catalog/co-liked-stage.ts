import path from "node:path";
import { DEFAULT_CO_LIKED_OPTIONS, trainCoLikedNeighbours } from "../lib/retrieval/co-liked-neighbours";
import type { BuildStage } from "./build-stage";
import { writeTypedArray } from "./bundle-files";
import { CO_LIKED_FILES, CO_LIKED_STAGE, type CoLikedArtifactInfo } from "./co-liked-artifacts";

/**
 * The served "people who loved X also loved" options: liked = 3.5★ or more, shrinkage 20. They
 * deliberately differ from eval:served's judge (4★, shrinkage 10), which measures agreement with
 * co-liked films; docs/EVALUATION.md reports that agreement beside a content-based signal the
 * ratings do not touch.
 */
export const SERVED_CO_LIKED_OPTIONS = { ...DEFAULT_CO_LIKED_OPTIONS, minimumRating: 3.5, shrinkage: 20 };

/** Trains the co-liked neighbour lists from every interaction and writes them as CSR arrays. */
export const coLikedStage: BuildStage = {
  name: CO_LIKED_STAGE,
  async run({ catalog, bundleDir, log }) {
    const started = performance.now();
    const model = trainCoLikedNeighbours(catalog.interactions, catalog.items.length, SERVED_CO_LIKED_OPTIONS);
    writeTypedArray(path.join(bundleDir, CO_LIKED_FILES.starts), model.starts);
    writeTypedArray(path.join(bundleDir, CO_LIKED_FILES.items), model.neighbourItems);
    writeTypedArray(path.join(bundleDir, CO_LIKED_FILES.similarities), model.similarities);
    let itemsWithNeighbours = 0;
    for (let item = 0; item < catalog.items.length; item += 1) if (model.starts[item + 1] > model.starts[item]) itemsWithNeighbours += 1;
    const seconds = Math.round(performance.now() - started) / 1000;
    log(`co-liked neighbours: ${model.neighbourItems.length} entries for ${itemsWithNeighbours} films in ${seconds} s`);
    const info: CoLikedArtifactInfo = { files: CO_LIKED_FILES, options: SERVED_CO_LIKED_OPTIONS, entries: model.neighbourItems.length, itemsWithNeighbours, seconds };
    return info;
  },
};
