import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { getMiniLmEncoder, loadMiniLmEncoder, miniLmModelFiles, textEncoderConfig } from "../../../lib/ai";
import { ReelcastError } from "../../../lib/errors/reelcast-error";
import { escapeRegExp } from "../../../lib/text";

const emptyModels = mkdtempSync(path.join(os.tmpdir(), "reelcast-models-"));
after(() => rmSync(emptyModels, { recursive: true, force: true }));

test("the MiniLM encoder reads REELCAST_MODELS_DIR, REELCAST_MINILM_MODEL and REELCAST_ALLOW_MODEL_DOWNLOAD", () => {
  const config = textEncoderConfig({ REELCAST_TEXT_ENCODER: "minilm", REELCAST_MODELS_DIR: emptyModels }, "/project");
  assert.deepEqual(config, {
    encoderId: "minilm",
    miniLm: { modelId: "Xenova/all-MiniLM-L6-v2", modelsDirectory: emptyModels, allowDownload: false, dtype: "q8" },
  });
  assert.equal(textEncoderConfig({}, "/project").miniLm.modelsDirectory, "/project/models");
  assert.equal(textEncoderConfig({}).encoderId, "glove-sif");
  assert.equal(textEncoderConfig({ REELCAST_ALLOW_MODEL_DOWNLOAD: "1" }).miniLm.allowDownload, true);
  assert.throws(() => textEncoderConfig({ REELCAST_TEXT_ENCODER: "bert" }), /REELCAST_TEXT_ENCODER="bert" is not a text encoder; use one of glove-sif, minilm/);
});

test("a missing MiniLM model fails with the directory, the files expected and the variables to set", async () => {
  const { miniLm } = textEncoderConfig({ REELCAST_TEXT_ENCODER: "minilm", REELCAST_MODELS_DIR: emptyModels });
  const directory = path.join(emptyModels, "Xenova", "all-MiniLM-L6-v2");
  await assert.rejects(loadMiniLmEncoder(miniLm), (error: unknown) => {
    assert.ok(error instanceof ReelcastError);
    assert.equal(error.code, "unavailable:catalog");
    assert.match(error.message, /Text encoder "minilm" needs the sentence-embedding model Xenova\/all-MiniLM-L6-v2/);
    assert.ok(error.message.includes(`in ${directory}, but none of its files are there`), error.message);
    assert.ok(error.message.includes("(expected: config.json, tokenizer.json, tokenizer_config.json, onnx/model_quantized.onnx)"), error.message);
    assert.match(error.message, /set REELCAST_MODELS_DIR to the directory that holds Xenova\/all-MiniLM-L6-v2\//);
    assert.match(error.message, /REELCAST_ALLOW_MODEL_DOWNLOAD=1/);
    assert.match(error.message, /unset REELCAST_TEXT_ENCODER to use the offline default glove-sif/);
    return true;
  });
});

test("a partly present model names only the missing files; fp32 expects onnx/model.onnx", async () => {
  const { miniLm } = textEncoderConfig({ REELCAST_TEXT_ENCODER: "minilm", REELCAST_MODELS_DIR: emptyModels, REELCAST_MINILM_DTYPE: "fp32" });
  assert.deepEqual(miniLmModelFiles(miniLm), ["config.json", "tokenizer.json", "tokenizer_config.json", "onnx/model.onnx"]);
  const directory = path.join(emptyModels, "Xenova", "all-MiniLM-L6-v2");
  mkdirSync(directory, { recursive: true });
  writeFileSync(path.join(directory, "config.json"), "{}");
  writeFileSync(path.join(directory, "tokenizer.json"), "{}");
  await assert.rejects(loadMiniLmEncoder(miniLm), /but tokenizer_config\.json, onnx\/model\.onnx are missing/);
});

test("files that are present but not a model fail inside the worker with the same guidance, and the singleton retries", async () => {
  const models = mkdtempSync(path.join(os.tmpdir(), "reelcast-bad-model-"));
  try {
    const { miniLm } = textEncoderConfig({ REELCAST_TEXT_ENCODER: "minilm", REELCAST_MODELS_DIR: models });
    const directory = path.join(models, "Xenova", "all-MiniLM-L6-v2");
    mkdirSync(path.join(directory, "onnx"), { recursive: true });
    for (const file of miniLmModelFiles(miniLm)) writeFileSync(path.join(directory, file), file.endsWith(".json") ? "{}" : "not an onnx model");
    const expected = (error: unknown) => {
      assert.ok(error instanceof ReelcastError);
      assert.match(error.message, new RegExp(`could not load Xenova/all-MiniLM-L6-v2 from ${escapeRegExp(directory)}: `));
      assert.match(error.message, /REELCAST_MODELS_DIR/);
      return true;
    };
    await assert.rejects(getMiniLmEncoder(miniLm), expected);
    // The failed load is forgotten: the next call tries again instead of replaying the failure.
    const second = getMiniLmEncoder(miniLm);
    await assert.rejects(second, expected);
  } finally {
    rmSync(models, { recursive: true, force: true });
  }
});
