import { z } from "zod";
import { TEXT_ENCODER_IDS } from "./sentence-encoder";

/** Name of the catalog build stage, and the manifest's `artifacts` key it records under. */
export const TEXT_VECTORS_STAGE = "text-vectors";

/** Files the stage writes into the bundle directory. */
export const TEXT_VECTOR_FILES = {
  /** items × dimensions float32, row-major, unit rows (zero rows for items without text). */
  vectors: "text-vectors.f32",
  /** The compacted GloVe-SIF model (glove-sif only), see glove-sif-model.ts. */
  gloveSifModel: "glove-sif.bin",
  /** Cosine usearch HNSW index over the rows with text (large catalogs only, see catalog/text-index.ts). */
  index: "text-vectors.usearch",
} as const;

/** The approximate index over the item text vectors, when the build wrote one. */
export const textIndexArtifactSchema = z.object({
  file: z.string(),
  metric: z.literal("cos"),
  /** Rows indexed (items with text; zero rows are left out). */
  items: z.number().int().nonnegative(),
  /** The search expansion (ef) the view is opened with. */
  expansionSearch: z.number().int().positive(),
  buildSeconds: z.number(),
});

export type TextIndexArtifact = z.infer<typeof textIndexArtifactSchema>;

/** What the manifest records about the item text vectors. */
export const textVectorsArtifactSchema = z.object({
  encoder: z.object({
    id: z.enum(TEXT_ENCODER_IDS),
    modelId: z.string(),
    dimensions: z.number().int().positive(),
  }),
  vectorsFile: z.string(),
  /** The bundle-local model file the query side must use (glove-sif), or null (minilm). */
  modelFile: z.string().nullable(),
  items: z.number().int().nonnegative(),
  itemsWithoutText: z.number().int().nonnegative(),
  proseWeight: z.number(),
  vocabularyWords: z.number().int().nullable(),
  modelBytes: z.number().int().nullable(),
  embedSeconds: z.number(),
  /** Absent or null: the catalog is small enough for the exact scan. */
  index: textIndexArtifactSchema.nullish(),
});

export type TextVectorsArtifact = z.infer<typeof textVectorsArtifactSchema>;
