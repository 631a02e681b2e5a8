import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { ReelcastError } from "../errors/reelcast-error";
import type { MiniLmOptions } from "./encoder-config";
import { doEmbedWith, type SentenceEncoder } from "./sentence-encoder";

/** all-MiniLM-L6-v2 and its siblings embed into 384 dimensions. */
const MINILM_DIMENSIONS = 384;

const WEIGHT_FILES: Record<MiniLmOptions["dtype"], string> = {
  q8: "onnx/model_quantized.onnx",
  fp32: "onnx/model.onnx",
  fp16: "onnx/model_fp16.onnx",
};

/** The files transformers.js reads for a feature-extraction model with these options. */
export function miniLmModelFiles(options: Pick<MiniLmOptions, "dtype">): string[] {
  return ["config.json", "tokenizer.json", "tokenizer_config.json", WEIGHT_FILES[options.dtype]];
}

/** Directory the model is read from: `<modelsDirectory>/<modelId>`. */
function miniLmModelDirectory(options: Pick<MiniLmOptions, "modelsDirectory" | "modelId">): string {
  return path.join(options.modelsDirectory, options.modelId);
}

/**
 * The error for a model that is not on disk and may not be downloaded: names the directory, the
 * files expected and the variables that fix it.
 */
function missingModelError(options: MiniLmOptions, missing: readonly string[], cause?: unknown): ReelcastError {
  const directory = miniLmModelDirectory(options);
  const expected = miniLmModelFiles(options);
  const absent = missing.length === expected.length ? "none of its files are there" : `${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} missing`;
  return new ReelcastError(
    "unavailable:catalog",
    `Text encoder "minilm" needs the sentence-embedding model ${options.modelId} in ${directory}, but ${absent} ` +
      `(expected: ${expected.join(", ")}). ` +
      `Put the transformers.js ONNX export of ${options.modelId} in that directory, or set REELCAST_MODELS_DIR to the directory that holds ${options.modelId}/, ` +
      `or set REELCAST_ALLOW_MODEL_DOWNLOAD=1 on a machine that can reach huggingface.co to fetch it into ${options.modelsDirectory}. ` +
      `Without it, unset REELCAST_TEXT_ENCODER to use the offline default glove-sif (then rebuild: npm run catalog:build).`,
    { cause },
  );
}

/** Files of `miniLmModelFiles` absent from the model directory. */
export function missingModelFiles(options: MiniLmOptions): string[] {
  const directory = miniLmModelDirectory(options);
  return miniLmModelFiles(options).filter((file) => !existsSync(path.join(directory, file)));
}

type Embed = (texts: readonly string[]) => Promise<Float32Array[]>;

function splitRows(data: Float32Array, dimensions: number): Float32Array[] {
  const rows: Float32Array[] = [];
  for (let offset = 0; offset < data.length; offset += dimensions) rows.push(data.slice(offset, offset + dimensions));
  return rows;
}

/** Runs the pipeline on this thread: for the offline catalog build, where blocking is fine. */
async function inProcessEmbed(options: MiniLmOptions): Promise<Embed> {
  const { env, pipeline } = await import("@huggingface/transformers");
  // Errors only: a failed load reaches the caller as an exception with guidance, not console noise.
  env.logLevel = 40;
  env.allowLocalModels = true;
  env.localModelPath = options.modelsDirectory;
  env.cacheDir = options.modelsDirectory;
  env.allowRemoteModels = options.allowDownload;
  const extractor = await pipeline("feature-extraction", options.modelId, { dtype: options.dtype });
  return async (texts) => {
    if (texts.length === 0) return [];
    const output = await extractor([...texts], { pooling: "mean", normalize: true });
    return splitRows(Float32Array.from(output.data as Float32Array), output.dims.at(-1) ?? MINILM_DIMENSIONS);
  };
}

/** Runs the pipeline in a worker thread so inference never blocks the event loop. */
async function workerEmbed(options: MiniLmOptions): Promise<Embed> {
  const worker = new Worker(new URL("./minilm-worker.mjs", import.meta.url), { workerData: { ...options } });
  const pending = new Map<number, { resolve: (rows: Float32Array[]) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  await new Promise<void>((resolve, reject) => {
    const onMessage = (message: { type?: string; message?: string }) => {
      if (message.type === "ready") resolve();
      else if (message.type === "failed") {
        // The worker closes itself after a failed load; terminating it here can abort the process.
        worker.unref();
        reject(new Error(message.message));
      }
    };
    worker.once("message", onMessage);
    worker.once("error", reject);
  });
  worker.on("message", (message: { id: number; data?: Float32Array; dimensions?: number; error?: string }) => {
    const request = pending.get(message.id);
    if (!request) return;
    pending.delete(message.id);
    if (message.error !== undefined || !message.data) request.reject(new Error(message.error ?? "empty answer from the MiniLM worker"));
    else request.resolve(splitRows(message.data, message.dimensions ?? MINILM_DIMENSIONS));
  });
  worker.on("error", (error) => {
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  });
  // The worker must not keep a finished script (tests, `npm run ask`) alive.
  worker.unref();
  return (texts) =>
    texts.length === 0
      ? Promise.resolve([])
      : new Promise((resolve, reject) => {
          const id = nextId++;
          pending.set(id, { resolve, reject });
          worker.postMessage({ id, texts: [...texts] });
        });
}

class MiniLmEncoder implements SentenceEncoder {
  readonly specificationVersion = "v3";
  readonly provider = "transformers.js";
  readonly maxEmbeddingsPerCall = 64;
  readonly supportsParallelCalls = false;
  readonly encoderId = "minilm";
  readonly dimensions = MINILM_DIMENSIONS;
  readonly doEmbed = doEmbedWith((texts) => this.embedTexts(texts));

  constructor(
    readonly modelId: string,
    private readonly embed: Embed,
  ) {}

  async embedTexts(texts: readonly string[]): Promise<Float32Array[]> {
    const rows: Float32Array[] = [];
    // Batches of 64 bound the padded tensor size (and memory) for long catalog texts.
    for (let start = 0; start < texts.length; start += 64) rows.push(...(await this.embed(texts.slice(start, start + 64))));
    return rows;
  }
}

/**
 * Loads a transformers.js sentence-embedding model (default Xenova/all-MiniLM-L6-v2) from
 * `<modelsDirectory>/<modelId>`, or from the hub when `allowDownload` is set.
 * @param runInWorker run inference in a worker thread (default true: serving); false runs it on
 *   the calling thread (the offline catalog build)
 * @throws ReelcastError unavailable:catalog naming the directory, the files and the variables to
 *   set when the model is not on disk and may not be downloaded, or fails to load
 */
export async function loadMiniLmEncoder(options: MiniLmOptions, runInWorker = true): Promise<SentenceEncoder> {
  const missing = missingModelFiles(options);
  if (missing.length > 0 && !options.allowDownload) throw missingModelError(options, missing);
  try {
    const embed = runInWorker ? await workerEmbed(options) : await inProcessEmbed(options);
    return new MiniLmEncoder(options.modelId, embed);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ReelcastError(
      "unavailable:catalog",
      `Text encoder "minilm" could not load ${options.modelId} from ${miniLmModelDirectory(options)}` +
        `${options.allowDownload ? " or the Hugging Face hub" : ""}: ${reason}. ` +
        `Check the files (${miniLmModelFiles(options).join(", ")}), REELCAST_MODELS_DIR and REELCAST_ALLOW_MODEL_DOWNLOAD, ` +
        `or unset REELCAST_TEXT_ENCODER to use the offline default glove-sif.`,
      { cause: error },
    );
  }
}

const globalForMiniLm = globalThis as typeof globalThis & { reelcastMiniLm?: Map<string, Promise<SentenceEncoder>> };

/**
 * The process-wide MiniLM encoder for these options, loaded on first use. Kept on globalThis so
 * Next's dev hot reloads reuse the loaded model; a failed load is forgotten so a later call retries
 * (e.g. after the files are put in place).
 */
export function getMiniLmEncoder(options: MiniLmOptions, runInWorker = true): Promise<SentenceEncoder> {
  const cache = (globalForMiniLm.reelcastMiniLm ??= new Map());
  const key = JSON.stringify([options.modelId, options.modelsDirectory, options.dtype, options.allowDownload, runInWorker]);
  let encoder = cache.get(key);
  if (!encoder) {
    encoder = loadMiniLmEncoder(options, runInWorker).catch((error) => {
      cache.delete(key);
      throw error;
    });
    cache.set(key, encoder);
  }
  return encoder;
}
