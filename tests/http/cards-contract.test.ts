import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { recommendResponseSchema } from "../../lib/pipeline/contract";
import { startNextServer, type RunningServer } from "../../support/next-server";

let server: RunningServer;
before(async () => {
  server = await startNextServer({ OPENAI_API_KEY: "", OPENAI_BASE_URL: "" });
});
after(async () => {
  await server?.stop();
});

const post = (path: string, body: unknown) => fetch(`${server.baseUrl}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

test("/api/recommend: typed constraints, per-card verdicts, card facts and a plain route reason", async () => {
  const response = await post("/api/recommend", { query: "thrillers from the 2000s under two hours, no horror", limit: 4 });
  assert.equal(response.status, 200);
  const body = recommendResponseSchema.parse(await response.json());
  assert.equal(body.route.path, "reasoning");
  assert.equal(body.route.plainReason, "checked genre, years, running time and what to leave out");
  assert.deepEqual(body.constraints?.excludeGenres, [{ genre: "Horror", strength: "hard" }]);
  assert.equal(body.items.length, 4);
  for (const item of body.items) {
    assert.deepEqual(
      item.verdicts.map((verdict) => `${verdict.constraint.kind}:${verdict.status}`),
      ["genre:met", "excluded-genre:met", "years:met", "runtime:met"],
      item.title,
    );
    assert.ok(item.links.tmdb === null || /^https:\/\/www\.themoviedb\.org\/movie\/\d+$/.test(item.links.tmdb));
    assert.ok(item.links.imdb === null || /^https:\/\/www\.imdb\.com\/title\/tt\d{7,}\/$/.test(item.links.imdb));
    assert.ok(item.rating === null || (item.rating.source === "movielens" ? item.rating.outOf === 5 : item.rating.outOf === 10));
  }
  assert.equal(body.catalogYears, null);
});

test("/api/recommend: a count lowers the limit; maxCount lets it raise it; years past the catalog are reported", async () => {
  const three = recommendResponseSchema.parse(await (await post("/api/recommend", { query: "three films with tom hanks", limit: 10 })).json());
  assert.equal(three.items.length, 3);
  const twelve = recommendResponseSchema.parse(await (await post("/api/recommend", { query: "twelve comedies", limit: 10, maxCount: 20 })).json());
  assert.equal(twelve.items.length, 12);
  const recent = recommendResponseSchema.parse(await (await post("/api/recommend", { query: "thrillers from 2022", limit: 3 })).json());
  assert.deepEqual(recent.catalogYears && { coverage: recent.catalogYears.coverage, latestYear: recent.catalogYears.latestYear }, { coverage: "none", latestYear: 2018 });
  const bad = await post("/api/recommend", { query: "comedies", maxCount: 0 });
  assert.equal(bad.status, 400);
});

test("/api/chat: without a limit the chat's default is only a default; a stated count decides", async () => {
  const message = (text: string) => ({ id: "chat", messages: [{ id: "m1", role: "user", parts: [{ type: "text", text }] }] });
  const cardsIn = async (text: string) => {
    const response = await post("/api/chat", message(text));
    assert.equal(response.status, 200);
    const parts = (await response.text())
      .split("\n")
      .filter((line) => line.startsWith("data: {"))
      .map((line) => JSON.parse(line.slice(6)) as { type: string; data?: { stage?: string; items?: unknown[] } });
    return parts.filter((part) => part.type === "data-recommendations" && part.data?.stage === "final").at(-1)!.data!.items!.length;
  };
  assert.equal(await cardsIn("comedies"), 8);
  assert.equal(await cardsIn("three comedies"), 3);
  assert.equal(await cardsIn("twelve comedies"), 12);
});
