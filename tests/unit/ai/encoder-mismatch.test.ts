import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import type { BundleManifest } from "../../../lib/catalog/manifest";
import { encodeGloveSifModel, GloveSifEncoder, loadTextSearch, TEXT_VECTORS_STAGE, type TextVectorsArtifact } from "../../../lib/ai";
import { ReelcastError } from "../../../lib/errors/reelcast-error";
import { tinyGloveModel } from "./tiny-glove";

const bundleDir = mkdtempSync(path.join(os.tmpdir(), "reelcast-text-bundle-"));
after(() => rmSync(bundleDir, { recursive: true, force: true }));

const gloveArtifact: TextVectorsArtifact = {
  encoder: { id: "glove-sif", modelId: "glove-sif-wink-sg-100d", dimensions: 2 },
  vectorsFile: "text-vectors.f32",
  modelFile: "glove-sif.bin",
  items: 2,
  itemsWithoutText: 0,
  proseWeight: 0.3,
  vocabularyWords: 2,
  modelBytes: 100,
  embedSeconds: 0.1,
};
const model = tinyGloveModel({ ghost: { vector: [1, 0], weight: 1 }, wedding: { vector: [0, 1], weight: 1 } });
writeFileSync(path.join(bundleDir, "glove-sif.bin"), encodeGloveSifModel(model));
writeFileSync(path.join(bundleDir, "text-vectors.f32"), Buffer.from(Float32Array.from([0, 1, 1, 0]).buffer));

const catalogWith = (artifact: unknown) => ({
  bundleDir,
  items: [{}, {}] as never[],
  manifest: { artifacts: artifact === undefined ? {} : { [TEXT_VECTORS_STAGE]: artifact } } as unknown as BundleManifest,
});

test("a glove-sif bundle served with REELCAST_TEXT_ENCODER=minilm fails naming both encoders and the rebuild command", async () => {
  await assert.rejects(loadTextSearch(catalogWith(gloveArtifact), { environment: { REELCAST_TEXT_ENCODER: "minilm" } }), (error: unknown) => {
    assert.ok(error instanceof ReelcastError);
    assert.equal(error.code, "unavailable:catalog");
    assert.ok(error.message.startsWith(`Text encoder mismatch: catalog bundle ${bundleDir} holds item text vectors from glove-sif (glove-sif-wink-sg-100d, 2 dimensions)`), error.message);
    assert.match(error.message, /but REELCAST_TEXT_ENCODER asks for minilm \(Xenova\/all-MiniLM-L6-v2\)/);
    assert.match(error.message, /`REELCAST_TEXT_ENCODER=minilm npm run catalog:build`/);
    assert.match(error.message, /or set REELCAST_TEXT_ENCODER=glove-sif to serve this bundle/);
    return true;
  });
});

test("a minilm bundle served with the default encoder, or with another MiniLM model, fails the same way", async () => {
  const miniLmArtifact = { ...gloveArtifact, encoder: { id: "minilm", modelId: "Xenova/all-MiniLM-L6-v2", dimensions: 384 }, modelFile: null };
  await assert.rejects(
    loadTextSearch(catalogWith(miniLmArtifact), { environment: {} }),
    /holds item text vectors from minilm \(Xenova\/all-MiniLM-L6-v2, 384 dimensions\), but REELCAST_TEXT_ENCODER asks for glove-sif\. Rebuild the catalog with the configured encoder \(`npm run catalog:build`\)/,
  );
  await assert.rejects(
    loadTextSearch(catalogWith(miniLmArtifact), { environment: { REELCAST_TEXT_ENCODER: "minilm", REELCAST_MINILM_MODEL: "Xenova/bge-small-en-v1.5" } }),
    /asks for minilm \(Xenova\/bge-small-en-v1\.5\)/,
  );
});

test("a bundle without text vectors asks for a rebuild", async () => {
  await assert.rejects(loadTextSearch(catalogWith(undefined), { environment: {} }), /has no item text vectors \(it was built without the text-vectors stage\)\. Run `npm run catalog:build`/);
});

test("a matching bundle loads: its own model embeds the query and ranks its vectors", async () => {
  const search = await loadTextSearch(catalogWith(gloveArtifact), { environment: { REELCAST_TEXT_ENCODER: "glove-sif" } });
  assert.ok(search.encoder instanceof GloveSifEncoder);
  const hits = await search.searchText("a ghost", 2);
  assert.deepEqual(
    hits.map((hit) => hit.itemIndex),
    [1, 0],
  );
});

test("an injected encoder of the wrong size is refused", async () => {
  const wide = new GloveSifEncoder({ ...model, dimensions: 3, quantized: new Int8Array(6), commonComponent: new Float32Array(3) });
  await assert.rejects(loadTextSearch(catalogWith(gloveArtifact), { environment: {}, encoder: wide }), /embeds into 3 dimensions, the bundle's vectors have 2/);
});
