import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCfArtifacts } from "../../../catalog/cf-artifacts";
import { popularityScore } from "../../../lib/catalog/popularity";
import { retrieveFast } from "../../../lib/retrieval/fast-path";
import { KeywordSearch } from "../../../lib/retrieval/keyword-search";
import { itemByTitle, realCatalog } from "../../support/real-catalog";

const catalog = realCatalog();
const cf = loadCfArtifacts(catalog);
const indexOf = (title: string, year: number) => catalog.indexOf.get(itemByTitle(catalog, title, year).id)!;

test("the real bundle serves a session ranker with short-session trees", () => {
  assert.ok(cf.sessionRanker, "npm run catalog:build adds the session-ranker stage");
  assert.ok(cf.sessionRanker.model.short, "a second set of trees for sessions of a few likes");
  assert.ok(cf.sessionRanker.depth >= 100);
});

test("re-ranked, a Lord of the Rings session still gets the sequels first", () => {
  const fellowship = indexOf("The Lord of the Rings: The Fellowship of the Ring", 2001);
  const userVector = cf.foldIn({ liked: [fellowship] });
  const options = { exclude: new Set([fellowship]), timeline: { ...cf.timeline, history: [fellowship] } };
  const blended = cf.recommendForUser(userVector, 20, options).map((pick) => pick.itemIndex);
  const ranked = cf.recommendForUser(userVector, 20, { ...options, reranker: { model: cf.sessionRanker!, likedItems: [fellowship] } }).map((pick) => pick.itemIndex);
  assert.notDeepEqual(ranked, blended, "the ranker re-orders the pool");
  const top = ranked.slice(0, 5).map((index) => catalog.items[index].title);
  assert.ok(top.some((title) => title.includes("Two Towers")) && top.some((title) => title.includes("Return of the King")), top.join("; "));
});

test("the fast path's session-taste list goes through the ranker, and excluded likes are not read as dislikes", () => {
  const liked = [indexOf("Toy Story", 1995), indexOf("Finding Nemo", 2003), indexOf("Up", 2009)];
  const rawPopularity = catalog.items.map(popularityScore);
  const maxPopularity = rawPopularity.reduce((max, value) => Math.max(max, value), 1e-9);
  const resources = { keyword: new KeywordSearch(catalog.items), cf, popularity: Float64Array.from(rawPopularity, (value) => value / maxPopularity) };
  const request = { query: "comedy", limit: 10, userVector: cf.foldIn({ liked }), likedItems: liked, exclude: new Set(liked) };
  const answer = retrieveFast(request, resources);
  assert.ok(answer.reasons.includes("session taste re-ordered by the learned session ranker"), answer.reasons.join(" | "));
  const plain = retrieveFast(request, { ...resources, cf: { ...cf, sessionRanker: null } });
  assert.ok(!plain.reasons.includes("session taste re-ordered by the learned session ranker"));
  assert.ok(answer.items.every((item) => !liked.includes(item.itemIndex)));
});
