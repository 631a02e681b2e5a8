import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Catalog } from "../lib/catalog/catalog";
import type { ItemKnnModel } from "../lib/retrieval/item-knn";
import { readFloat32Array, readInt32Array } from "./bundle-files";

/** The manifest key (`artifacts["co-liked"]`) and the stage's name. */
export const CO_LIKED_STAGE = "co-liked";

/** Files the co-liked stage writes into the bundle (the ItemKnnModel CSR arrays). */
export const CO_LIKED_FILES = {
  starts: "co-liked-starts.i32",
  items: "co-liked-items.i32",
  similarities: "co-liked-similarities.f32",
} as const;

/** What the co-liked stage records under `manifest.artifacts["co-liked"]`. */
export const coLikedArtifactInfoSchema = z.object({
  files: z.object({ starts: z.string(), items: z.string(), similarities: z.string() }),
  options: z.object({ minimumRating: z.number(), shrinkage: z.number(), neighbourCount: z.number().int().positive(), minimumOverlap: z.number().int().positive() }),
  entries: z.number().int().nonnegative(),
  itemsWithNeighbours: z.number().int().nonnegative(),
  seconds: z.number().nonnegative(),
});

export type CoLikedArtifactInfo = z.infer<typeof coLikedArtifactInfoSchema>;

/**
 * The bundle's co-liked neighbour lists, or null for a bundle built before the stage existed
 * (serving then finds neighbours with WALS alone). Throws when the files disagree with the manifest.
 */
export function loadCoLikedNeighbours(catalog: Catalog): ItemKnnModel | null {
  const parsed = coLikedArtifactInfoSchema.safeParse(catalog.manifest.artifacts[CO_LIKED_STAGE]);
  if (!parsed.success) return null;
  const info = parsed.data;
  const file = (name: string) => path.join(/*turbopackIgnore: true*/ catalog.bundleDir, name);
  if (!existsSync(file(info.files.starts))) throw new Error(`co-liked neighbours missing from ${catalog.bundleDir}: rebuild with npm run catalog:build -- --force`);
  const model: ItemKnnModel = {
    itemCount: catalog.items.length,
    starts: readInt32Array(file(info.files.starts)),
    neighbourItems: readInt32Array(file(info.files.items)),
    similarities: readFloat32Array(file(info.files.similarities)),
  };
  if (model.starts.length !== catalog.items.length + 1 || model.neighbourItems.length !== info.entries || model.similarities.length !== info.entries) {
    throw new Error(`co-liked neighbours in ${catalog.bundleDir} do not match the manifest (${model.starts.length - 1} rows, ${model.neighbourItems.length} entries)`);
  }
  return model;
}
