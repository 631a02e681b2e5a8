import { z } from "zod";

/** Bumped when the bundle layout changes incompatibly; the loader refuses other versions. */
// 2: items as JSON Lines (items.jsonl) instead of one JSON document (items.json).
export const BUNDLE_SCHEMA_VERSION = 2;

export const sourceFileSchema = z.object({
  path: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const rejectedRowsSchema = z.object({
  file: z.string(),
  reason: z.string(),
  count: z.number().int().positive(),
  examples: z.array(z.string()),
});

export const manifestSchema = z.object({
  schemaVersion: z.literal(BUNDLE_SCHEMA_VERSION),
  /** Hash of the source sha256s and the build code: equal keys mean the bundle can be reused. */
  buildKey: z.string(),
  builtAt: z.string(),
  buildSeconds: z.number().nonnegative(),
  peakRssMb: z.number().nonnegative(),
  sources: z.array(sourceFileSchema),
  /** What is missing from the sources, e.g. "TMDB not found: no overviews or runtimes". */
  warnings: z.array(z.string()),
  rejected: z.array(rejectedRowsSchema),
  counts: z.object({
    items: z.number().int(),
    movieLensItems: z.number().int(),
    coldStartItems: z.number().int(),
    itemsWithTmdb: z.number().int(),
    interactions: z.number().int(),
    users: z.number().int(),
    tags: z.number().int(),
  }),
  /** Files of the bundle written by later stages (CF vectors, vector indexes, text vectors). */
  artifacts: z.record(z.string(), z.unknown()),
});

export type BundleManifest = z.infer<typeof manifestSchema>;
export type SourceFile = z.infer<typeof sourceFileSchema>;
export type RejectedRows = z.infer<typeof rejectedRowsSchema>;
