import path from "node:path";
import type { Environment } from "../catalog/catalog";
import { ReelcastError } from "../errors/reelcast-error";
import { TEXT_ENCODER_IDS, type TextEncoderId } from "./sentence-encoder";

const DEFAULT_TEXT_ENCODER: TextEncoderId = "glove-sif";
const DEFAULT_MINILM_MODEL = "Xenova/all-MiniLM-L6-v2";

/** Where and how the transformers.js sentence-embedding model is found. */
export interface MiniLmOptions {
  /** Hub id, also the sub-directory under `modelsDirectory`: default Xenova/all-MiniLM-L6-v2. */
  modelId: string;
  /** Directory holding `<modelId>/` (config.json, tokenizer files, onnx/…). */
  modelsDirectory: string;
  /** Fetch from the Hugging Face hub when the files are not local (and cache them there). */
  allowDownload: boolean;
  /** ONNX weights variant: "q8" reads onnx/model_quantized.onnx, "fp32" onnx/model.onnx. */
  dtype: "q8" | "fp32" | "fp16";
}

export interface TextEncoderConfig {
  encoderId: TextEncoderId;
  miniLm: MiniLmOptions;
}

/** Environment variables that change the item text vectors a catalog build writes. */
export const TEXT_ENCODER_ENVIRONMENT_KEYS = ["REELCAST_TEXT_ENCODER", "REELCAST_MINILM_MODEL", "REELCAST_MINILM_DTYPE"] as const;

/**
 * Reads the text-encoder settings: REELCAST_TEXT_ENCODER (glove-sif | minilm, default glove-sif),
 * REELCAST_MODELS_DIR (default ./models), REELCAST_MINILM_MODEL, REELCAST_MINILM_DTYPE (q8 | fp32 |
 * fp16, default q8) and REELCAST_ALLOW_MODEL_DOWNLOAD=1.
 * @throws ReelcastError unavailable:catalog when a value is not one of the accepted ones
 */
export function textEncoderConfig(environment: Environment = process.env, projectRoot = process.cwd()): TextEncoderConfig {
  const requested = (environment.REELCAST_TEXT_ENCODER ?? "").trim().toLowerCase() || DEFAULT_TEXT_ENCODER;
  if (!(TEXT_ENCODER_IDS as readonly string[]).includes(requested)) {
    throw new ReelcastError(
      "unavailable:catalog",
      `REELCAST_TEXT_ENCODER="${environment.REELCAST_TEXT_ENCODER}" is not a text encoder; use one of ${TEXT_ENCODER_IDS.join(", ")} (default ${DEFAULT_TEXT_ENCODER}).`,
    );
  }
  const dtype = (environment.REELCAST_MINILM_DTYPE ?? "").trim() || "q8";
  if (dtype !== "q8" && dtype !== "fp32" && dtype !== "fp16") {
    throw new ReelcastError("unavailable:catalog", `REELCAST_MINILM_DTYPE="${dtype}" is not supported; use q8, fp32 or fp16.`);
  }
  return {
    encoderId: requested as TextEncoderId,
    miniLm: {
      modelId: environment.REELCAST_MINILM_MODEL?.trim() || DEFAULT_MINILM_MODEL,
      modelsDirectory: path.resolve(projectRoot, environment.REELCAST_MODELS_DIR?.trim() || "models"),
      allowDownload: environment.REELCAST_ALLOW_MODEL_DOWNLOAD === "1",
      dtype,
    },
  };
}
