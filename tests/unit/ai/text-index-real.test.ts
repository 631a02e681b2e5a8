import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { loadCurrentCatalog } from "../../../catalog/bundle-loader";
import { openTextIndex, writeTextIndex } from "../../../catalog/text-index";
import { createTextSearch, loadTextSearch, TEXT_VECTORS_STAGE, textVectorsArtifact, type NearestNeighbourIndex, type TextIndexArtifact, type TextSearch } from "../../../lib/ai";
import type { Catalog } from "../../../lib/catalog/catalog";
import { ReelcastError } from "../../../lib/errors/reelcast-error";

// The real catalog's text vectors behind the HNSW text index the build writes for large catalogs
// (catalog/text-index.ts), checked against the exact scan the small catalog serves with.
const bundleDir = mkdtempSync(path.join(os.tmpdir(), "reelcast-text-index-"));
after(() => rmSync(bundleDir, { recursive: true, force: true }));

let catalog: Catalog;
let exact: TextSearch;
let indexArtifact: TextIndexArtifact;
let approximate: TextSearch;

const QUERIES = [
  "a scary haunted house",
  "astronauts stranded in space",
  "gangsters and the mob",
  "a tearjerker about a dying mother",
  "cute talking animals on an adventure",
  "heist gone wrong",
  "high school romance",
  "samurai sword fights in feudal japan",
  "courtroom drama about a wrongful conviction",
  "zombies overrun the city",
];

before(async () => {
  catalog = loadCurrentCatalog();
  exact = await loadTextSearch(catalog, { environment: {} });
  indexArtifact = writeTextIndex(bundleDir, exact.itemTextVectors, exact.dimensions);
  approximate = createTextSearch(exact.encoder, exact.itemTextVectors, openTextIndex(bundleDir, indexArtifact, exact.dimensions));
});

const recallAt = (reference: readonly { itemIndex: number }[], found: readonly { itemIndex: number }[]) => {
  const wanted = new Set(reference.map((hit) => hit.itemIndex));
  return found.filter((hit) => wanted.has(hit.itemIndex)).length / wanted.size;
};

test("the text index holds every item with text and leaves the zero rows (no known words) out", () => {
  const artifact = textVectorsArtifact(catalog);
  assert.equal(indexArtifact.items, catalog.items.length - artifact.itemsWithoutText);
  assert.equal(indexArtifact.metric, "cos");
});

test("text queries through the index find what the exact scan finds (recall@20 ≥ 0.95), with the same scores", async () => {
  let recall = 0;
  for (const query of QUERIES) {
    const reference = await exact.searchText(query, 20);
    const found = await approximate.searchText(query, 20);
    assert.equal(found.length, 20, query);
    recall += recallAt(reference, found) / QUERIES.length;
    for (const hit of found) {
      const row = exact.itemVector(hit.itemIndex);
      assert.ok(
        row.some((value) => value !== 0),
        `${query}: a zero row ${hit.itemIndex} came back`,
      );
    }
    // Scores are cosines either way: the best hit of both scores the same.
    assert.ok(Math.abs(found[0].score - reference[0].score) < 1e-4 || found[0].itemIndex !== reference[0].itemIndex, query);
  }
  assert.ok(recall >= 0.95, `mean recall@20 ${recall.toFixed(3)}`);
});

test("item-to-item search through the index keeps the exclusions and the recall of the exact scan", () => {
  let recall = 0;
  const probes = 200;
  const step = Math.floor(catalog.items.length / probes);
  let measured = 0;
  for (let itemIndex = 0; itemIndex < catalog.items.length && measured < probes; itemIndex += step) {
    const vector = exact.itemVector(itemIndex);
    if (vector.every((value) => value === 0)) continue;
    const exclude = new Set([itemIndex]);
    const reference = exact.searchVector(vector, 10, exclude);
    const found = approximate.searchVector(vector, 10, exclude);
    assert.ok(!found.some((hit) => hit.itemIndex === itemIndex), `item ${itemIndex} returned as its own neighbour`);
    recall += recallAt(reference, found);
    measured += 1;
  }
  assert.ok(recall / measured >= 0.95, `mean recall@10 ${(recall / measured).toFixed(3)} over ${measured} items`);
});

test("a query without any known word gives the exact scan's answer, not NaN scores from the index", async () => {
  const reference = await exact.searchText("zzzqx", 5);
  const found = await approximate.searchText("zzzqx", 5);
  assert.deepEqual(found, reference);
  assert.ok(found.every((hit) => Number.isFinite(hit.score)));
});

/** The real bundle's files, copied beside the test index, under a manifest that records it. */
function catalogWithIndex(): Catalog {
  const artifact = textVectorsArtifact(catalog);
  for (const file of [artifact.vectorsFile, artifact.modelFile ?? ""]) copyFileSync(path.join(catalog.bundleDir, file), path.join(bundleDir, file));
  const manifest = { ...catalog.manifest, artifacts: { ...catalog.manifest.artifacts, [TEXT_VECTORS_STAGE]: { ...artifact, index: indexArtifact } } };
  return { ...catalog, bundleDir, manifest };
}

test("loadTextSearch serves through the bundle's index when the build wrote one", async () => {
  const served = catalogWithIndex();
  let searches = 0;
  const search = await loadTextSearch(served, {
    environment: {},
    openIndex: (dir, artifact, dimensions) => {
      const index = openTextIndex(dir, artifact, dimensions);
      return { search: (query, k) => ((searches += 1), index.search(query, k)) } satisfies NearestNeighbourIndex;
    },
  });
  const hits = await search.searchText("astronauts stranded in space", 10);
  assert.equal(searches, 1);
  assert.ok(recallAt(await exact.searchText("astronauts stranded in space", 10), hits) >= 0.9);
});

test("a missing text index file is a clear unavailable:catalog error naming the rebuild", async () => {
  const served = catalogWithIndex();
  const broken = {
    ...served,
    manifest: { ...served.manifest, artifacts: { ...served.manifest.artifacts, [TEXT_VECTORS_STAGE]: { ...textVectorsArtifact(served), index: { ...indexArtifact, file: "missing.usearch" } } } },
  };
  await assert.rejects(loadTextSearch(broken, { environment: {}, openIndex: openTextIndex }), (error: unknown) => {
    assert.ok(error instanceof ReelcastError);
    assert.equal(error.code, "unavailable:catalog");
    assert.match(error.message, /text index .*missing\.usearch cannot be opened .*npm run catalog:build -- --force/);
    return true;
  });
});
