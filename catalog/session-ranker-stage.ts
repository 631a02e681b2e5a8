import path from "node:path";
import { packBoostedTrees, type BoostedTrees } from "../lib/retrieval/gradient-boosted-trees";
import { ITEM_STATISTIC_NAMES, SESSION_RANKER_FEATURE_NAMES, sessionItemStatistics } from "../lib/retrieval/session-ranker-features";
import { DEFAULT_SESSION_RANKER_TRAINING, trainSessionRanker, type SessionShape } from "../lib/retrieval/session-ranker-training";
import { CO_LIKED_STAGE } from "./co-liked-artifacts";
import { SERVED_CO_LIKED_OPTIONS } from "./co-liked-stage";
import type { BuildStage } from "./build-stage";
import { readFloat32Array, writeTypedArray } from "./bundle-files";
import { cfArtifactInfoSchema } from "./cf-artifacts";
import { SESSION_RANKER_FILES, SESSION_RANKER_STAGE, type SessionRankerArtifactInfo } from "./session-ranker-artifacts";

/**
 * Trains the served session ranker (lib/retrieval/session-ranker-training.ts: a temporal holdout
 * of every person's latest ratings, the served models refitted on the rest, session-like inputs,
 * boosted trees) and writes the trees plus the item statistics serving computes features from
 * (from every interaction and the CF stage's item vectors). It runs after the CF and co-liked
 * stages: serving's features read their vectors, timeline and co-liked lists.
 * Deterministic for the build seed.
 */
export const sessionRankerStage: BuildStage = {
  name: SESSION_RANKER_STAGE,
  async run({ catalog, bundleDir, log, seed }) {
    const started = performance.now();
    const cf = cfArtifactInfoSchema.safeParse(catalog.manifest.artifacts.cf);
    if (!cf.success) throw new Error("The session-ranker stage needs the CF stage's item vectors: list it after the cf stage");
    // Serving reads the bundle's co-liked lists; training refits them with the same options.
    if (catalog.manifest.artifacts[CO_LIKED_STAGE] === undefined) throw new Error("The session-ranker stage needs the co-liked lists: list it after the co-liked stage");
    const { interactions, items } = catalog;
    const options = { ...DEFAULT_SESSION_RANKER_TRAINING, dimensions: cf.data.dimensions, coLiked: SERVED_CO_LIKED_OPTIONS };
    const { model, report } = trainSessionRanker(interactions, interactions.userCount, items, seed, options);
    log(
      `${model.trees.trees.length}${model.short ? ` + ${model.short.trees.trees.length} (sessions of ≤ ${model.short.maxLikes} likes)` : ""} trees from ${report.rows} pool rows (${report.groups} session-like inputs of ${report.people} people, ${report.positives} positives): ` +
        `models ${report.seconds.models} s, pools and features ${report.seconds.dataset} s, trees ${report.seconds.trees} s`,
    );
    const itemVectors = readFloat32Array(path.join(bundleDir, cf.data.files.itemVectors));
    const statistics = sessionItemStatistics(interactions, items, itemVectors, cf.data.dimensions);
    const write = (name: string, array: ArrayBufferView) => writeTypedArray(path.join(bundleDir, name), array);
    write(SESSION_RANKER_FILES.itemStatistics, statistics.values);
    write(SESSION_RANKER_FILES.genreMasks, statistics.genreMasks);
    const treeSet = (trees: BoostedTrees, files: { starts: string; nodes: string }) => {
      const packed = packBoostedTrees(trees);
      write(files.starts, packed.nodeStarts);
      write(files.nodes, packed.nodes);
      return { files, trees: trees.trees.length, nodes: packed.nodeStarts[packed.nodeStarts.length - 1], baseScore: packed.baseScore };
    };
    const shape = (session: SessionShape) => ({ likes: Number.isFinite(session.likes) ? session.likes : null, dislikes: session.dislikes });
    const info: SessionRankerArtifactInfo = {
      files: {
        itemStatistics: SESSION_RANKER_FILES.itemStatistics,
        genreMasks: SESSION_RANKER_FILES.genreMasks,
      },
      featureNames: [...SESSION_RANKER_FEATURE_NAMES],
      itemStatisticNames: [...ITEM_STATISTIC_NAMES],
      main: treeSet(model.trees, { starts: SESSION_RANKER_FILES.treeStarts, nodes: SESSION_RANKER_FILES.treeNodes }),
      short: model.short ? { ...treeSet(model.short.trees, { starts: SESSION_RANKER_FILES.shortTreeStarts, nodes: SESSION_RANKER_FILES.shortTreeNodes }), maxLikes: model.short.maxLikes } : null,
      depth: model.depth,
      training: {
        holdoutFraction: options.holdoutFraction,
        likedRating: options.likedRating,
        sessions: options.sessions.map(shape),
        shortSessions: options.short ? options.short.sessions.map(shape) : null,
        featureColumns: options.featureColumns ? [...options.featureColumns] : null,
        coLiked: options.coLiked,
        boosting: options.boosting,
        ...report,
      },
      seconds: Math.round(performance.now() - started) / 1000,
    };
    return info;
  },
};
