import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Catalog } from "../lib/catalog/catalog";
import { unpackBoostedTrees } from "../lib/retrieval/gradient-boosted-trees";
import type { ItemKnnModel } from "../lib/retrieval/item-knn";
import { ITEM_STATISTIC_COUNT, ITEM_STATISTIC_NAMES, SESSION_RANKER_FEATURE_NAMES } from "../lib/retrieval/session-ranker-features";
import { SessionRanker } from "../lib/retrieval/session-ranker";
import { readFloat32Array, readFloat64Array, readInt32Array } from "./bundle-files";

/** The manifest key (`artifacts["session-ranker"]`) and the stage's name. */
export const SESSION_RANKER_STAGE = "session-ranker";

/** Files the session-ranker stage writes into the bundle. */
export const SESSION_RANKER_FILES = {
  treeStarts: "session-ranker-tree-starts.i32",
  treeNodes: "session-ranker-tree-nodes.f64",
  shortTreeStarts: "session-ranker-short-tree-starts.i32",
  shortTreeNodes: "session-ranker-short-tree-nodes.f64",
  itemStatistics: "session-ranker-item-statistics.f32",
  genreMasks: "session-ranker-genre-masks.i32",
} as const;

const treeSetSchema = z.object({
  files: z.object({ starts: z.string(), nodes: z.string() }),
  trees: z.number().int().nonnegative(),
  nodes: z.number().int().nonnegative(),
  baseScore: z.number(),
});

const sessionShapeSchema = z.object({ likes: z.number().int().positive().nullable(), dislikes: z.boolean() });

/** What the session-ranker stage records under `manifest.artifacts["session-ranker"]`. */
export const sessionRankerArtifactInfoSchema = z.object({
  files: z.object({ itemStatistics: z.string(), genreMasks: z.string() }),
  /** The feature columns the trees read, in order: a bundle from other feature code is refused. */
  featureNames: z.array(z.string()),
  itemStatisticNames: z.array(z.string()),
  /** Trees for sessions with more likes than `short.maxLikes` (every session without `short`). */
  main: treeSetSchema,
  short: treeSetSchema.extend({ maxLikes: z.number().int().nonnegative() }).nullable(),
  depth: z.number().int().positive(),
  training: z.object({
    holdoutFraction: z.number().positive(),
    likedRating: z.number(),
    sessions: z.array(sessionShapeSchema),
    shortSessions: z.array(sessionShapeSchema).nullable(),
    featureColumns: z.array(z.number().int().nonnegative()).nullable(),
    coLiked: z.object({ minimumRating: z.number(), shrinkage: z.number(), neighbourCount: z.number().int().positive(), minimumOverlap: z.number().int().positive() }),
    boosting: z.object({
      objective: z.enum(["logistic", "lambdarank"]),
      rounds: z.number().int().nonnegative(),
      shrinkage: z.number().positive(),
      maxLeaves: z.number().int().positive(),
      minRowsPerLeaf: z.number().int().positive(),
      lambda: z.number().nonnegative(),
      maxBins: z.number().int().positive(),
    }),
    people: z.number().int().nonnegative(),
    groups: z.number().int().nonnegative(),
    rows: z.number().int().nonnegative(),
    positives: z.number().int().nonnegative(),
    seconds: z.object({ models: z.number().nonnegative(), dataset: z.number().nonnegative(), trees: z.number().nonnegative() }),
  }),
  seconds: z.number().nonnegative(),
});

export type SessionRankerArtifactInfo = z.infer<typeof sessionRankerArtifactInfoSchema>;

/** The served CF model the ranker's features read (the bundle's item vectors and timeline). */
export interface SessionRankerBase {
  itemVectors: Float32Array;
  dimensions: number;
  timeline: ItemKnnModel;
  /** The bundle's co-liked lists (null: the bundle lacks them, and the ranker cannot serve). */
  coLiked: ItemKnnModel | null;
  /** The served fold-in of likes alone. */
  foldInLikes: (liked: readonly number[]) => Float32Array;
}

/**
 * The bundle's session ranker, or null when the bundle was built without the stage.
 * @throws when the recorded features differ from the ones this code computes (rebuild the
 *   catalog), or a file is missing or disagrees with the manifest or the catalog
 */
export function loadSessionRanker(catalog: Catalog, base: SessionRankerBase): SessionRanker | null {
  const raw = catalog.manifest.artifacts[SESSION_RANKER_STAGE];
  if (raw === undefined) return null;
  const info = sessionRankerArtifactInfoSchema.parse(raw);
  const rebuild = "rebuild the catalog with `npm run catalog:build -- --force`";
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((name, position) => name === b[position]);
  if (!same(info.featureNames, SESSION_RANKER_FEATURE_NAMES) || !same(info.itemStatisticNames, ITEM_STATISTIC_NAMES)) {
    throw new Error(`The session ranker in ${catalog.bundleDir} was trained on other features than this code computes; ${rebuild}`);
  }
  const file = (name: string) => {
    const filePath = path.join(catalog.bundleDir, name);
    if (!existsSync(filePath)) throw new Error(`Session ranker file ${filePath} is missing; ${rebuild}`);
    return filePath;
  };
  const trees = (set: z.infer<typeof treeSetSchema>) => {
    const nodeStarts = readInt32Array(file(set.files.starts));
    if (nodeStarts.length !== set.trees + 1)
      throw new Error(`Session ranker file ${set.files.starts} in ${catalog.bundleDir} holds ${nodeStarts.length - 1} trees, the manifest says ${set.trees}; ${rebuild}`);
    return unpackBoostedTrees({ featureCount: info.featureNames.length, baseScore: set.baseScore, nodeStarts, nodes: readFloat64Array(file(set.files.nodes)) });
  };
  const values = readFloat32Array(file(info.files.itemStatistics));
  const genreMasks = readInt32Array(file(info.files.genreMasks));
  const itemCount = catalog.items.length;
  if (values.length !== itemCount * ITEM_STATISTIC_COUNT || genreMasks.length !== itemCount) {
    throw new Error(`Session ranker files in ${catalog.bundleDir} do not match the manifest and the ${itemCount} items; ${rebuild}`);
  }
  const model = { trees: trees(info.main), short: info.short ? { trees: trees(info.short), maxLikes: info.short.maxLikes } : null, depth: info.depth };
  if (!base.coLiked) throw new Error(`The session ranker in ${catalog.bundleDir} reads co-liked lists the bundle lacks; ${rebuild}`);
  return new SessionRanker(model, { ...base, coLiked: base.coLiked, statistics: { itemCount, values, genreMasks } });
}
