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
} as const;

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
});

export type TextVectorsArtifact = z.infer<typeof textVectorsArtifactSchema>;
