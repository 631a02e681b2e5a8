import assert from "node:assert/strict";
import { test } from "node:test";
import { embed, embedMany } from "ai";
import {
  compactVocabulary,
  decodeGloveSifModel,
  encodeGloveSifModel,
  firstPrincipalComponent,
  fitCommonComponent,
  GloveSifEncoder,
  normaliseInPlace,
  quantizeVector,
  removeComponentInPlace,
  sifWeight,
  zipfProbability,
} from "../../../lib/ai";
import { tinyGloveModel } from "./tiny-glove";

const close = (actual: number, expected: number, tolerance = 1e-3) => assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} ≠ ${expected} ± ${tolerance}`);

test("Zipf probabilities fall as 1/rank and sum to about one", () => {
  const size = 10_000;
  let total = 0;
  for (let rank = 0; rank < size; rank += 1) total += zipfProbability(rank, size);
  close(total, 1, 1e-3);
  close(zipfProbability(0, size) / zipfProbability(9, size), 10, 1e-9);
});

test("SIF weight is a/(a+p): near 1 for rare words, small for frequent ones", () => {
  assert.equal(sifWeight(0, 1e-3), 1);
  close(sifWeight(1e-3, 1e-3), 0.5, 1e-12);
  close(sifWeight(0.05, 1e-3), 1e-3 / 0.051, 1e-12);
});

test("the first principal component of points along (1, 1) is (1, 1)/√2, sign fixed", () => {
  const rows = Float32Array.from([1, 1, 2, 2.1, -3, -2.9, 0.5, 0.4]);
  const component = firstPrincipalComponent(rows, 2);
  close(component[0], Math.SQRT1_2, 0.02);
  close(component[1], Math.SQRT1_2, 0.02);
  // Same answer for the mirrored data: the sign is fixed, so builds are reproducible.
  const mirrored = firstPrincipalComponent(
    rows.map((value) => -value),
    2,
  );
  assert.deepEqual([...mirrored], [...component]);
});

test("removing a component leaves the orthogonal part", () => {
  const vector = Float32Array.from([3, 4]);
  removeComponentInPlace(vector, [1, 0]);
  assert.deepEqual([...vector], [0, 4]);
  assert.equal(normaliseInPlace(vector), 4);
  assert.deepEqual([...vector], [0, 1]);
});

test("a sentence vector is the SIF-weighted average minus the common component, unit length", () => {
  const model = tinyGloveModel(
    {
      the: { vector: [1, 1], weight: 0.01 },
      ghost: { vector: [1, 0], weight: 1 },
      house: { vector: [0, 1], weight: 0.5 },
    },
    [Math.SQRT1_2, Math.SQRT1_2],
  );
  const encoder = new GloveSifEncoder(model);
  // Average of 0.01·(1,1) + 1·(1,0) + 0.5·(0,1) over three words = (1.01, 0.51)/3.
  const { vector, wordCount } = encoder.weightedAverage("The ghost's house!");
  assert.equal(wordCount, 3);
  close(vector[0], 1.01 / 3);
  close(vector[1], 0.51 / 3);
  // Minus the projection on (1,1)/√2 leaves (0.25, −0.25)/3 → unit (1, −1)/√2.
  const embedded = encoder.embedText("The ghost's house!");
  close(embedded[0], Math.SQRT1_2);
  close(embedded[1], -Math.SQRT1_2);
  // Unknown words add nothing; no known word at all gives the zero vector.
  assert.deepEqual([...encoder.embedText("ghost zzzz")], [...encoder.embedText("ghost")]);
  assert.deepEqual([...encoder.embedText("zzzz")], [0, 0]);
});

test("hyphenated words are used whole when known, otherwise by their parts", () => {
  const encoder = new GloveSifEncoder(tinyGloveModel({ "sci-fi": { vector: [1, 0], weight: 1 }, mind: { vector: [0, 1], weight: 1 }, bending: { vector: [0, 1], weight: 1 } }));
  assert.deepEqual(encoder.knownWords("Sci-Fi mind-bending"), ["sci-fi", "mind", "bending"]);
});

test("the common component fitted on texts is their shared direction", () => {
  const model = tinyGloveModel({ a: { vector: [1, 0.1], weight: 1 }, b: { vector: [1, -0.1], weight: 1 }, c: { vector: [0.9, 0], weight: 1 } });
  const component = fitCommonComponent(model, ["a", "b", "c", "a b", "unknown"]);
  close(component[0], 1, 0.01);
});

test("compaction keeps the top ranks plus extra words, weights by Zipf rank and drops ignored words", () => {
  const vectors: Record<string, number[]> = { the: [1, 0], movie: [0, 1], ghost: [1, 1], rare: [2, 2] };
  const source = { dimensions: 2, words: ["the", "movie", "ghost", "rare"], vectorOf: (word: string) => vectors[word] };
  const model = compactVocabulary(source, { rankCutoff: 2, extraWords: ["rare", "absent"], ignoredWords: ["movie"], smoothing: 1e-3 });
  assert.deepEqual(model.words, ["the", "rare"]);
  close(model.weights[0], sifWeight(zipfProbability(0, 4), 1e-3), 1e-6);
  close(model.weights[1], sifWeight(zipfProbability(3, 4), 1e-3), 1e-6);
  assert.ok(model.weights[1] > model.weights[0]);
});

test("the binary model survives a round trip, and 8-bit rows stay within 0.5% of each row's largest value", () => {
  const model = tinyGloveModel({ ghost: { vector: [0.31, -2.7], weight: 0.9 }, "neo-noir": { vector: [1.5, 0.02], weight: 0.99 } }, [0.6, 0.8]);
  const decoded = decodeGloveSifModel(encodeGloveSifModel(model));
  assert.deepEqual(decoded.words, model.words);
  assert.deepEqual([...decoded.quantized], [...model.quantized]);
  assert.deepEqual([...decoded.commonComponent], [...model.commonComponent]);
  close(decoded.weights[1], 0.99, 1e-6);
  assert.throws(() => decodeGloveSifModel(encodeGloveSifModel(model).subarray(0, 40)), /truncated or corrupt/);
  assert.throws(() => decodeGloveSifModel(Buffer.from("not a model at all, no no no no no")), /Not a GloVe-SIF model/);

  const original = [0.31, -2.7, 1.13, 0];
  const target = new Int8Array(4);
  const scale = quantizeVector(original, target, 0);
  original.forEach((value, index) => close(target[index] * scale, value, 0.005 * 2.7));
});

test("the encoder is an AI SDK embedding model: embed and embedMany accept it", async () => {
  const encoder = new GloveSifEncoder(tinyGloveModel({ ghost: { vector: [1, 0], weight: 1 }, house: { vector: [0, 1], weight: 1 } }));
  const { embedding } = await embed({ model: encoder, value: "ghost" });
  assert.deepEqual(embedding, [1, 0]);
  const { embeddings } = await embedMany({ model: encoder, values: ["ghost", "house"] });
  assert.deepEqual(embeddings, [
    [1, 0],
    [0, 1],
  ]);
});
