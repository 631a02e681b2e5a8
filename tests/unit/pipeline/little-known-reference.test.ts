import assert from "node:assert/strict";
import { test } from "node:test";
import { buildCatalogLexicon } from "../../../lib/language/catalog-lexicon";
import { littleKnownReferenceNote } from "../../../lib/pipeline/little-known-reference";
import { realCatalog } from "../../support/real-catalog";

const catalog = realCatalog();
const engine = { catalog, lexicon: buildCatalogLexicon(catalog.items) } as unknown as Parameters<typeof littleKnownReferenceNote>[0];

test("a reference to a little-known film says which film was used and where the catalog ends", () => {
  const parasite = catalog.items.findIndex((item) => item.title === "Parasite" && item.year === 1982);
  assert.ok(parasite >= 0);
  const note = littleKnownReferenceNote(engine, parasite);
  assert.match(note ?? "", /^Used Parasite \(1982\), a little-known film .*go up to 2018\.$/);
});

test("no note for any film people know (10+ ratings or 200+ TMDB votes)", () => {
  const known = catalog.items.map((item, index) => ({ item, index })).filter(({ item }) => item.ratingCount >= 10 || (item.tmdbVoteCount ?? 0) >= 200);
  assert.ok(known.length > 2000);
  assert.deepEqual(
    known.filter(({ index }) => littleKnownReferenceNote(engine, index) !== null).map(({ item }) => item.title),
    [],
  );
});
