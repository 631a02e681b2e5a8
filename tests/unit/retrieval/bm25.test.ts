import assert from "node:assert/strict";
import { test } from "node:test";
import type { Item } from "../../../lib/catalog/item";
import { Bm25Index } from "../../../lib/retrieval/bm25";
import { KeywordSearch } from "../../../lib/retrieval/keyword-search";
import { makeItem } from "../../support/item-factory";
import { itemByTitle, realCatalog } from "../../support/real-catalog";

function item(id: number, title: string, fields: Partial<Item> = {}): Item {
  return makeItem({ id: `ml:${id}`, title, ...fields });
}

test("a title hit outranks the same word in an overview, and rare words outweigh common ones", () => {
  const items = [item(1, "Ocean Story", { overview: "a story about the sea" }), item(2, "Mountain", { overview: "an ocean of mountains and a story" }), item(3, "Desert", { overview: "a story" })];
  const index = new Bm25Index(items);
  assert.deepEqual(
    index.search("ocean").map((hit) => hit.itemIndex),
    [0, 1],
  );
  assert.ok(index.idf("ocean") > index.idf("story"));
  assert.deepEqual(index.search("nothing matches"), []);
});

test("people and keyword fields answer 'tom hanks' and 'pixar' on the real catalog", () => {
  const catalog = realCatalog();
  const search = new KeywordSearch(catalog.items);
  const hanks = search.search("tom hanks", 10).map((hit) => catalog.items[hit.itemIndex]);
  assert.ok(
    hanks.every((film) => film.cast.includes("Tom Hanks") || film.directors.includes("Tom Hanks")),
    hanks.map((film) => film.title).join(", "),
  );
  assert.ok(hanks.slice(0, 5).some((film) => film.title === "Forrest Gump"));
  const pixar = search.search("pixar", 5).map((hit) => catalog.items[hit.itemIndex].title);
  assert.ok(pixar.includes("Toy Story"), pixar.join(", "));
  const heat = itemByTitle(catalog, "Heat", 1995);
  assert.equal(catalog.items[search.search("heat", 1)[0].itemIndex].id, heat.id);
});

test("a snapshot (as the catalog bundle stores it) answers exactly like the index it came from", () => {
  const items = [
    item(1, "Ocean Story", { overview: "a story about the sea", keywords: ["sea", "sailing"] }),
    item(2, "Mountain", { overview: "an ocean of mountains and a story", cast: ["Ann Sea"] }),
    item(3, "Desert", { overview: "a story", genres: ["Drama"] }),
  ];
  const built = new Bm25Index(items);
  const restored = Bm25Index.fromSnapshot(built.snapshot());
  for (const query of ["ocean", "story sea", "sailing drama", "ann", "nothing"]) assert.deepEqual(restored.search(query), built.search(query), query);
  assert.equal(restored.idf("ocean"), built.idf("ocean"));
  const broken = { ...built.snapshot(), offsets: new Int32Array([0]) };
  assert.throws(() => Bm25Index.fromSnapshot(broken), /do not fit/);
});
