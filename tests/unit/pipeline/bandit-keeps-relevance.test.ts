/**
 * The bandit keeps relevance on the real bundle, through the real pipeline (`recommend()` with a
 * temporary SQLite store): 5,000 impressions nobody reacts to — and, separately, 5,000 with
 * simulated people's feedback — leave every exact-title lookup first and the served answers
 * (eval:served's judge on a small film sample) no more than 1 % below a fresh database's (without
 * feedback: identical). Before the relevance band and feedback-only learning, 1,700 impressions
 * of "Heat" alone pushed The Godfather to fifth for "godfather".
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createBanditState, createSeededRandom, serializeBanditState, type FeedbackEvent, type RandomSource } from "../../../lib/bandit";
import type { Item } from "../../../lib/catalog/item";
import { recommend } from "../../../lib/pipeline";
import type { Engine } from "../../../lib/pipeline/engine";
import { recordFeedbackEvent } from "../../../lib/pipeline/feedback";
import { openSqliteStore, type Store } from "../../../lib/store";
import { emptyBudgetState } from "../../../router";
import { realEngine, request } from "./engine-fixture";

const IMPRESSIONS = 5000;
const TITLE_SAMPLE = 50;
/** Films the served judge asks about, per run (every phrasing of each). */
const SERVED_FILMS = 20;
const SEED = 16;

const directories: string[] = [];
const stores: Store[] = [];
after(async () => {
  for (const store of stores) await store.close();
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

/**
 * The real engine with a fresh bandit and its own temporary SQLite database (WAL; NORMAL
 * synchronous, so thousands of commits do not wait for the disk). Session ids are counted, not
 * random: the bandit's user-key feature hashes them, so random ids would make runs differ.
 */
async function freshEngine(seed: number): Promise<Engine> {
  const base = await realEngine();
  const directory = mkdtempSync(path.join(os.tmpdir(), "reelcast-bandit-relevance-"));
  directories.push(directory);
  const store = openSqliteStore({ path: path.join(directory, "reelcast.sqlite"), synchronous: "NORMAL" });
  stores.push(store);
  let sessions = 0;
  return {
    ...base,
    store,
    bandit: { ...base.bandit!, state: createBanditState(), random: createSeededRandom(seed) },
    budget: { config: base.budget.config, state: emptyBudgetState() },
    newSessionId: () => `s_relevance_${seed}_${String(++sessions).padStart(6, "0")}`,
  };
}

const shuffle = <T>(values: T[], random: RandomSource): T[] => {
  for (let index = values.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [values[index], values[other]] = [values[other], values[index]];
  }
  return values;
};

const normalised = (title: string) => title.trim().toLowerCase();

/**
 * Well-known films (≥ 50 ratings) drawn with a seed, each the most-rated film of its title (a
 * bare title shared by namesakes asks for the most-rated one).
 */
function drawTitles(items: readonly Item[], count: number, seed: number): number[] {
  const mostRatedOfTitle = new Map<string, number>();
  items.forEach((item, index) => {
    const key = normalised(item.title);
    const previous = mostRatedOfTitle.get(key);
    if (previous === undefined || items[previous].ratingCount < item.ratingCount) mostRatedOfTitle.set(key, index);
  });
  const known = [...items.keys()].filter((index) => items[index].ratingCount >= 50 && mostRatedOfTitle.get(normalised(items[index].title)) === index);
  return shuffle(known, createSeededRandom(seed)).slice(0, count);
}

/** The load's requests: "Heat" over and over (the measured drift), titles, "movies like", searches. */
function loadQueries(items: readonly Item[], seed: number): string[] {
  const random = createSeededRandom(`${seed}:load`);
  const films = drawTitles(items, 120, seed + 1).map((index) => items[index].title);
  const searches = ["comedy", "tom hanks", "heist", "space", "romantic comedy", "horror", "christmas", "dogs"];
  return Array.from({ length: IMPRESSIONS }, () => {
    const draw = random();
    if (draw < 0.35) return "Heat";
    const film = films[Math.floor(random() * films.length)];
    if (draw < 0.65) return film;
    if (draw < 0.9) return `movies like ${film}`;
    return searches[Math.floor(random() * searches.length)];
  });
}

/**
 * A simulated person: a MovieLens user of the catalog. They look at slot p with probability
 * 1/log2(p + 2); a film they rated ≥ 4 is liked (or played), one rated below 3 skipped. A film
 * they never rated gets no reaction: their opinion of it is unknown, and inventing skips for it
 * would teach the bandit that unrated (less popular) films are disliked.
 */
function simulatedPeople(engine: Engine, count: number, seed: number): Array<Map<number, number>> {
  const { interactions } = engine.catalog;
  const ratings = new Map<number, Map<number, number>>();
  for (let row = 0; row < interactions.users.length; row++) {
    const user = interactions.users[row];
    let own = ratings.get(user);
    if (!own) ratings.set(user, (own = new Map()));
    own.set(interactions.items[row], interactions.ratings[row]);
  }
  const active = [...ratings.keys()].filter((user) => ratings.get(user)!.size >= 40).sort((left, right) => left - right);
  return shuffle(active, createSeededRandom(`${seed}:people`))
    .slice(0, count)
    .map((user) => ratings.get(user)!);
}

function reaction(rating: number | undefined, random: RandomSource): FeedbackEvent | null {
  if (rating === undefined) return null;
  if (rating >= 4) return random() < 0.5 ? "like" : "play";
  return rating < 3 ? "skip" : null;
}

/** Serves the load through `recommend()`, sessions of 5 requests; with `people`, they react. */
async function serveLoad(engine: Engine, queries: readonly string[], people: Array<Map<number, number>> | null, seed: number): Promise<number> {
  const random = createSeededRandom(`${seed}:reactions`);
  let feedback = 0;
  let sessionId: string | undefined;
  for (const [index, query] of queries.entries()) {
    if (index % 5 === 0) sessionId = undefined;
    const response = await recommend(request({ query, limit: 10, sessionId }), engine);
    sessionId = response.sessionId ?? undefined;
    if (!people || !response.impressionId) continue;
    const person = people[Math.floor(index / 5) % people.length];
    for (const [position, item] of response.items.entries()) {
      if (random() >= 1 / Math.log2(position + 2)) continue;
      const event = reaction(person.get(engine.catalog.indexOf.get(item.id) ?? -1), random);
      if (!event) continue;
      await recordFeedbackEvent(engine, { impressionId: response.impressionId, itemId: item.id, event });
      feedback++;
    }
  }
  return feedback;
}

/** Ids of the sampled films that are not first when asked for by their exact title. */
async function titlesNotFirst(engine: Engine, titles: readonly number[]): Promise<string[]> {
  const misses: string[] = [];
  for (const itemIndex of titles) {
    const item = engine.catalog.items[itemIndex];
    const response = await recommend(request({ query: item.title, limit: 10 }), engine);
    if (response.items[0]?.id !== item.id)
      misses.push(
        `${item.title} → ${response.items
          .slice(0, 3)
          .map((shown) => shown.title)
          .join(" | ")}`,
      );
  }
  return misses;
}

type ServedJudge = typeof import("../../../scripts/served-judge/index");
type ServedResult = Awaited<ReturnType<ServedJudge["runServedEval"]>>;
const judgePath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../scripts/served-judge/index.ts");
let judge: ServedJudge | null = null;
let titles: number[] = [];
let fresh: ServedResult | null = null;

before(async () => {
  const engine = await freshEngine(SEED);
  titles = drawTitles(engine.catalog.items, TITLE_SAMPLE, SEED);
  if (existsSync(judgePath)) {
    judge = (await import(pathToFileURL(judgePath).href)) as ServedJudge;
    fresh = await judge.runServedEval(engine, { films: SERVED_FILMS, seed: SEED });
  }
});

/** The served numbers pooled over every answer of a run (phrasings weighted by their requests). */
function pooled(result: ServedResult): Record<"neighbourPrecision" | "contentRelevance" | "titleWordNoise", number> {
  const answers = result.phrasings.reduce((sum, phrasing) => sum + phrasing.served.answers, 0);
  const mean = (metric: "neighbourPrecision" | "contentRelevance" | "titleWordNoise") =>
    result.phrasings.reduce((sum, phrasing) => sum + phrasing.served[metric] * phrasing.served.answers, 0) / answers;
  return { neighbourPrecision: mean("neighbourPrecision"), contentRelevance: mean("contentRelevance"), titleWordNoise: mean("titleWordNoise") };
}

/**
 * A loaded database's eval:served numbers against the fresh one's, on the numbers eval:served
 * sets targets for. Per phrasing: asked-for film first (lookups) and asked-for film absent
 * (references) within 1 point. Pooled over all answers (on a sample this small one item of one
 * answer moves a single phrasing's precision by about 1 %): neighbour precision no more than 1 %
 * below, title-word noise no more than 1 point above — only losses count, since learning from
 * people may raise them and the band is there to stop it lowering them. Content relevance, which
 * eval:served reports without a target (a second opinion, not a goal), is printed and only
 * guarded against a gross fall (5 %): the bandit is meant to reorder near-ties by what people
 * liked, and for a reference the judge reads 9 of the 10 items, so a swap of the last two moves it.
 */
function assertServedWithinOnePercent(loaded: ServedResult, label: string, context: { diagnostic(message: string): void }): void {
  assert.ok(fresh, "the fresh run exists");
  for (const [index, phrasing] of loaded.phrasings.entries()) {
    const base = fresh.phrasings[index].served;
    const now = phrasing.served;
    const where = `${label}, ${phrasing.id}`;
    if (phrasing.kind === "lookup") assert.ok(Math.abs(now.askedFirst - base.askedFirst) <= 0.01, `${where}: asked first ${base.askedFirst} → ${now.askedFirst}`);
    else assert.ok(Math.abs(now.askedAbsent - base.askedAbsent) <= 0.01, `${where}: asked absent ${base.askedAbsent} → ${now.askedAbsent}`);
  }
  const before = pooled(fresh);
  const after = pooled(loaded);
  context.diagnostic(
    `${label}: pooled neighbour precision ${before.neighbourPrecision.toFixed(4)} → ${after.neighbourPrecision.toFixed(4)}, title-word noise ${before.titleWordNoise.toFixed(4)} → ${after.titleWordNoise.toFixed(4)}, content relevance ${before.contentRelevance.toFixed(4)} → ${after.contentRelevance.toFixed(4)}`,
  );
  assert.ok(after.neighbourPrecision >= 0.99 * before.neighbourPrecision, `${label}: neighbour precision ${before.neighbourPrecision} → ${after.neighbourPrecision}`);
  assert.ok(after.titleWordNoise <= before.titleWordNoise + 0.01, `${label}: title-word noise ${before.titleWordNoise} → ${after.titleWordNoise}`);
  assert.ok(after.contentRelevance >= 0.95 * before.contentRelevance, `${label}: content relevance ${before.contentRelevance} → ${after.contentRelevance}`);
}

test("5,000 impressions without feedback: every title lookup first, the learned model untouched, eval:served as on a fresh database", async (context) => {
  const engine = await freshEngine(SEED + 1);
  const untouched = serializeBanditState(engine.bandit!.state).weights;
  await serveLoad(engine, loadQueries(engine.catalog.items, SEED), null, SEED);
  assert.equal(engine.bandit!.state.impressions, IMPRESSIONS);
  assert.equal((await engine.store!.counts()).impressions, IMPRESSIONS);
  assert.deepEqual(serializeBanditState(engine.bandit!.state).weights, untouched, "impressions alone teach the model nothing");
  assert.deepEqual(await titlesNotFirst(engine, titles), [], "every sampled title is first");
  // The pinned slot is logged as such: propensity 1, and named in the impression's context.
  const asked = engine.catalog.items[titles[0]];
  const lookup = await recommend(request({ query: asked.title, limit: 10 }), engine);
  const impression = await engine.store!.getImpression(lookup.impressionId!);
  assert.deepEqual([impression.slots[0].itemId, impression.slots[0].propensity], [asked.id, 1]);
  assert.deepEqual(impression.context.pinnedItemIds, [asked.id]);
  assert.deepEqual(impression.context.relevanceBand, { width: 3, maximumDrop: 0.15, reachPastSlate: false });
  if (!judge) return context.skip("scripts/served-judge is not there yet");
  const loaded = await judge.runServedEval(engine, { films: SERVED_FILMS, seed: SEED });
  assertServedWithinOnePercent(loaded, "no feedback", context);
  assert.deepEqual(
    loaded.phrasings.map((phrasing) => phrasing.served),
    fresh!.phrasings.map((phrasing) => phrasing.served),
    "identical, in fact: the state did not move",
  );
});

test("5,000 impressions with simulated people's feedback: every title lookup first, eval:served no more than 1 % below a fresh database", async (context) => {
  const engine = await freshEngine(SEED + 2);
  const feedback = await serveLoad(engine, loadQueries(engine.catalog.items, SEED + 3), simulatedPeople(engine, 40, SEED), SEED);
  assert.equal(engine.bandit!.state.impressions, IMPRESSIONS);
  assert.ok(feedback > 1000, `the people reacted (${feedback} events)`);
  assert.equal(engine.bandit!.state.feedbackEvents, feedback);
  assert.ok(engine.bandit!.state.model.observations > 500, "and the model learned from them");
  assert.deepEqual(await titlesNotFirst(engine, titles), [], "every sampled title is first");
  if (!judge) return context.skip("scripts/served-judge is not there yet");
  assertServedWithinOnePercent(await judge.runServedEval(engine, { films: SERVED_FILMS, seed: SEED }), "with feedback", context);
});
