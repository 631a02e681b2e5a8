import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { CONTENT_DIRECTIONS } from "../../../lib/catalog/content-directions";
import { emptySession, recordTurn, reasonOffline } from "../../../lib/reasoning";
import { compareWish } from "../../../support/wish-comparison";
import { realEngine } from "../pipeline/engine-fixture";

// The real catalog and engine: direction scores as served, judged against the labelled films
// (tests/fixtures/direction-labels.json) and through the reasoning path.
const labels = JSON.parse(readFileSync(new URL("../../fixtures/direction-labels.json", import.meta.url), "utf8")) as {
  films: Array<{ id: string; title: string } & Record<(typeof CONTENT_DIRECTIONS)[number], string | null>>;
};
const ENDS = { violence: ["violent", "gentle"], darkness: ["dark", "light"], intensity: ["intense", "calm"] } as const;

test("each axis separates the labelled films (AUC ≥ 0.85) and orders clear pairs", async () => {
  const engine = await realEngine();
  const score = (direction: (typeof CONTENT_DIRECTIONS)[number], title: string) => engine.contentDirections.scores[direction][engine.catalog.items.findIndex((item) => item.title === title)];
  for (const direction of CONTENT_DIRECTIONS) {
    const of = (end: string) => labels.films.filter((film) => film[direction] === end).map((film) => engine.contentDirections.scores[direction][engine.catalog.indexOf.get(film.id)!]);
    const [high, low] = [of(ENDS[direction][0]), of(ENDS[direction][1])];
    let wins = 0;
    for (const a of high) for (const b of low) wins += a > b ? 1 : a === b ? 0.5 : 0;
    assert.ok(wins / (high.length * low.length) >= 0.85, `${direction}: AUC ${(wins / (high.length * low.length)).toFixed(3)}`);
  }
  // Within a genre, not only across: violent and non-violent crime, dark and light animation.
  assert.ok(score("violence", "Reservoir Dogs") > score("violence", "Catch Me If You Can"));
  assert.ok(score("violence", "GoodFellas") > score("violence", "Ocean's Eleven"));
  assert.ok(score("darkness", "Grave of the Fireflies") > score("darkness", "Finding Nemo"));
  assert.ok(score("darkness", "Requiem for a Dream") > score("darkness", "Amélie"));
  assert.ok(score("intensity", "The Shining") > score("intensity", "Lost in Translation"));
});

test("'like X but less violent' lowers the top 10's violence and keeps X's neighbours", async () => {
  const engine = await realEngine();
  const violence = engine.contentDirections.scores.violence;
  const mean = (indexes: number[]) => indexes.reduce((sum, index) => sum + violence[index], 0) / indexes.length;
  for (const title of ["Pulp Fiction", "Se7en", "Die Hard"]) {
    const { constraints, plainTop30, wishedTop10 } = compareWish(engine, `like ${title} but less violent`);
    assert.equal(constraints.references[0]?.title, title);
    assert.deepEqual(constraints.directions, [{ direction: "violence", towards: "less", amount: 1 }]);
    const before = mean(plainTop30.slice(0, 10));
    const after = mean(wishedTop10);
    assert.ok(after <= before - 0.15, `${title}: violence ${before.toFixed(2)} → ${after.toFixed(2)}`);
    const near = wishedTop10.filter((index) => plainTop30.includes(index)).length;
    assert.ok(near >= 5, `${title}: only ${near} of the 10 come from the plain answer's top 30`);
  }
});

test("the offline reasoner reads directions as soft wishes, never as moods, keywords or exclusions", async () => {
  const engine = await realEngine();
  const read = (query: string, session = emptySession()) => reasonOffline(query, { lexicon: engine.lexicon, currentYear: 2026, session });
  const pulp = read("something like Pulp Fiction but less violent");
  assert.equal(pulp.constraints.mood, null, "'less violent' is not a wish for the vibe 'violent'");
  assert.deepEqual(pulp.constraints.keywords, []);
  assert.deepEqual(pulp.constraints.excludeKeywords, []);
  assert.ok(pulp.notes.includes("less violent than usual (preferred)"), pulp.notes.join(" | "));

  const horror = read("less scary horror movies").constraints;
  assert.deepEqual(horror.includeGenres, [{ genre: "Horror", strength: "hard" }], "the degree word does not exclude the genre asked for");
  assert.deepEqual(horror.excludeGenres, []);
  assert.deepEqual(horror.directions, [{ direction: "intensity", towards: "less", amount: 1 }]);

  assert.deepEqual(read("bloodier westerns").constraints.keywords, [], "'bloodier' is a direction, not a search word");

  const first = read("dark crime movies from the 70s");
  const session = recordTurn(emptySession(), { request: "dark crime movies from the 70s", constraints: first.constraints, itemIds: [] });
  const lighter = read("lighter", session);
  assert.equal(lighter.followUp, true);
  assert.deepEqual(
    lighter.constraints.includeGenres.map((entry) => entry.genre),
    ["Crime"],
  );
  assert.deepEqual(lighter.constraints.directions, [{ direction: "darkness", towards: "less", amount: 1 }]);
  assert.equal(lighter.constraints.mood, null, "the 'dark' mood of the first turn leaves when the person asks for lighter");
  const gentle = read("not too violent", session);
  assert.equal(gentle.followUp, true);
  assert.deepEqual(gentle.constraints.directions, [{ direction: "violence", towards: "less", amount: 0.75 }]);
  assert.deepEqual(gentle.constraints.excludeKeywords, [], "a direction never filters");
});
