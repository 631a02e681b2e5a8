import assert from "node:assert/strict";
import { before, test } from "node:test";
import { cosineSimilarity, embed } from "ai";
import { loadCurrentCatalog } from "../../../catalog/bundle-loader";
import type { Catalog } from "../../../lib/catalog/catalog";
import { GLOVE_SIF_MODEL_ID, loadTextSearch, type TextSearch } from "../../../lib/ai";

// The real compacted vectors of the current catalog bundle (npm run catalog:build writes them).
let catalog: Catalog;
let search: TextSearch;
before(async () => {
  catalog = loadCurrentCatalog();
  search = await loadTextSearch(catalog, { environment: {} });
});

const similarity = async (left: string, right: string) => {
  const [a, b] = await search.encoder.embedTexts([left, right]);
  return cosineSimilarity(Array.from(a), Array.from(b));
};

test("a scary haunted house is closer to a ghost horror film than to a romantic comedy wedding", async () => {
  const horror = await similarity("a scary haunted house", "ghost horror film");
  const romance = await similarity("a scary haunted house", "romantic comedy wedding");
  assert.ok(horror > romance + 0.2, `horror ${horror.toFixed(3)} vs romance ${romance.toFixed(3)}`);
});

test("paraphrases without shared words are closer than unrelated sentences", async () => {
  const pairs: Array<[string, string, string]> = [
    ["astronauts stranded on a spaceship", "lost in outer space", "a cooking contest in Paris"],
    ["a tearjerker about a dying mother", "sad family drama about grief and illness", "explosive car chases and shootouts"],
    ["gangsters and the mob", "organized crime family", "cute talking animals"],
  ];
  for (const [anchor, near, far] of pairs) {
    const nearScore = await similarity(anchor, near);
    const farScore = await similarity(anchor, far);
    assert.ok(nearScore > farScore, `${anchor}: ${nearScore.toFixed(3)} (${near}) ≤ ${farScore.toFixed(3)} (${far})`);
  }
});

// How fast it loads is a speed claim, for `npm run bench…` to measure, not a test.
test("the bundle's model loads with a vector per catalog item and embeds with the AI SDK's embed()", async () => {
  assert.equal(search.encoder.modelId, GLOVE_SIF_MODEL_ID);
  assert.equal(search.itemTextVectors.length, catalog.items.length * search.dimensions);
  const { embedding } = await embed({ model: search.encoder, value: "ghost story" });
  assert.equal(embedding.length, 100);
  assert.ok(Math.abs(Math.hypot(...embedding) - 1) < 1e-5);
});

test("semantic search finds haunted-house horror for a query that names neither 'haunted' nor 'horror'", async () => {
  const hits = await search.searchText("spooky old mansion full of ghosts", 10);
  const horror = hits.filter((hit) => catalog.items[hit.itemIndex].genres.includes("Horror"));
  assert.ok(horror.length >= 5, hits.map((hit) => catalog.items[hit.itemIndex].title).join(", "));
  assert.ok(hits.every((hit, index) => index === 0 || hits[index - 1].score >= hit.score));
});

test("searchVector from an item's own row returns that item first", () => {
  const index = catalog.indexOf.get("ml:79132") ?? 0; // Inception, or the first item
  const hits = search.searchVector(search.itemVector(index), 3);
  assert.equal(hits[0].itemIndex, index);
  assert.ok(!search.searchVector(search.itemVector(index), 3, new Set([index])).some((hit) => hit.itemIndex === index));
});
