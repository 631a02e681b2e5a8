import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { buildCatalogLexicon } from "../../../lib/language/catalog-lexicon";
import { decideRoute } from "../../../router/decide-route";
import { realCatalog } from "../../support/real-catalog";

const lexicon = buildCatalogLexicon(realCatalog().items);
const route = (query: string, hasPreviousAnswer = false) => decideRoute(query, { lexicon, session: { hasPreviousAnswer } });

test('"Heat" is a title lookup on the fast path', () => {
  const decision = route("Heat");
  assert.equal(decision.path, "fast");
  assert.ok(decision.score < 0.2);
  assert.equal(decision.reasons[0], "title lookup: Heat (1995)");
  assert.equal(decision.threshold, 0.5);
});

test('"something funny but not stupid, under 90 minutes, no romance" takes the reasoning path, with reasons', () => {
  const decision = route("something funny but not stupid, under 90 minutes, no romance");
  assert.equal(decision.path, "reasoning");
  assert.ok(decision.score > 0.9);
  assert.ok(decision.reasons.includes("2 hard constraints: runtime, excluded genre"), decision.reasons.join(" | "));
  assert.ok(decision.reasons.some((reason) => reason.startsWith("negation: ") && reason.includes("no romance")));
  assert.match(decision.reasons.at(-1)!, /^complexity [01]\.\d\d ≥ threshold 0\.50 → reasoning$/);
});

test("titles made of constraint-like words route fast", () => {
  for (const title of [
    "The Nineties",
    "Before Sunrise",
    "No Country for Old Men",
    "10 Things I Hate About You",
    "Scary Movie",
    "The Big Short",
    "Some Like It Hot",
    "Rebel Without a Cause",
    "what about bob",
    "NO COUNTRY FOR OLD MEN",
  ]) {
    assert.equal(route(title).path, "fast", title);
  }
});

test("the same words as a request route to reasoning", () => {
  for (const query of ["movies from the nineties", "something like No Country for Old Men but funnier", "before sunrise but in french", "a scary movie without gore", "short comedies"]) {
    assert.equal(route(query).path, "reasoning", query);
  }
});

test("reasons name vibes, twists, people and follow-ups", () => {
  assert.ok(route("a rainy melancholic movie").reasons.includes("vibe words: rainy, melancholic"));
  assert.ok(route("a sci-fi movie that feels like Blade Runner but was made in the 90s").reasons.includes("reference title with a twist"));
  assert.ok(route("Tom Hanks comedies from the 90s").reasons.includes("people: Tom Hanks"));
  const followUp = route("something shorter", true);
  assert.equal(followUp.path, "reasoning");
  assert.equal(followUp.reasons[0], "follow-up to previous answer");
});

test("people and plain references alone stay fast", () => {
  for (const query of ["Tom Hanks", "Christopher Nolan films", "movies like Heat", "something like Inception", "zombie movies"]) {
    assert.equal(route(query).path, "fast", query);
  }
});

test("the threshold knob moves the decision, the score does not change", () => {
  const query = "a feel-good movie";
  const low = decideRoute(query, { lexicon }, { threshold: 0 });
  const high = decideRoute(query, { lexicon }, { threshold: 1 });
  assert.equal(low.path, "reasoning");
  assert.equal(high.path, "fast");
  assert.equal(low.score, high.score);
});

test("the labelled set: ≥ 200 queries, ≥ 40% of each class, expectations on reasoning queries, held-out accuracy ≥ 90%", () => {
  const fixture = JSON.parse(readFileSync("tests/fixtures/router-queries.json", "utf8")) as { queries: Array<{ query: string; label: string; split: string; context?: object; expected?: object }> };
  const queries = fixture.queries;
  assert.ok(queries.length >= 200);
  const reasoning = queries.filter((query) => query.label === "reasoning");
  assert.ok(reasoning.length / queries.length >= 0.4 && reasoning.length / queries.length <= 0.6);
  assert.ok(reasoning.filter((query) => query.expected).length / reasoning.length > 0.8);
  const heldOut = queries.filter((query) => query.split === "test");
  assert.ok(heldOut.length >= 60);
  const correct = heldOut.filter((query) => route(query.query, query.context !== undefined).path === query.label).length;
  assert.ok(correct / heldOut.length >= 0.9, `held-out accuracy ${correct}/${heldOut.length}`);
});

// Routing latency is measured by eval:router (docs/EVALUATION.md), not asserted here.
