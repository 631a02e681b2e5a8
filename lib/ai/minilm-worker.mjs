// Worker thread hosting the transformers.js feature-extraction pipeline, so ONNX inference (which
// onnxruntime-node runs synchronously on the calling thread) never blocks the server's event loop.
// Plain .mjs so it runs unchanged under node, tsx and Next (no TypeScript loader in the worker).
// Protocol: posts { type: "ready" } or { type: "failed", message }; then answers
// { id, texts } with { id, data: Float32Array, dimensions } or { id, error }.
import { parentPort, workerData } from "node:worker_threads";

const { modelId, modelsDirectory, allowDownload, dtype } = workerData;
let extractor;
try {
  const { env, pipeline } = await import("@huggingface/transformers");
  // Errors only: a failed load reaches the caller as an exception with guidance, not console noise.
  env.logLevel = 40;
  env.allowLocalModels = true;
  env.localModelPath = modelsDirectory;
  env.cacheDir = modelsDirectory;
  env.allowRemoteModels = allowDownload;
  extractor = await pipeline("feature-extraction", modelId, { dtype });
  parentPort.postMessage({ type: "ready" });
} catch (error) {
  parentPort.postMessage({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  // Let the thread end by itself: terminate() from outside while onnxruntime tears down can abort
  // the whole process ("terminate called after throwing an instance of 'Napi::Error'").
  parentPort.close();
}

if (extractor)
  parentPort.on("message", async ({ id, texts }) => {
    try {
      const output = await extractor(texts, { pooling: "mean", normalize: true });
      const data = Float32Array.from(output.data);
      parentPort.postMessage({ id, data, dimensions: output.dims.at(-1) }, [data.buffer]);
    } catch (error) {
      parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
