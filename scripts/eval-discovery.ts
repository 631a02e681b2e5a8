/**
 * `npm run eval:discovery [-- --json]`: what the discovery knob trades. For held-out users, the
 * fast path answers "movies like <their latest liked film>" with their session taste vector, at
 * discovery 0, 0.25, 0.5, 0.75 and 1, and reports NDCG@10 against their held-out positives, the
 * mean MovieLens rating count of what it shows (popularity), the share of long-tail picks, and
 * catalog coverage@10.
 *
 * Protocol: per user, the latest 20 % of ratings by timestamp are held out (positives: ≥ 4 stars);
 * the CF model is retrained on the rest (seed 42) so nothing held out leaks into the vectors;
 * the session "likes" are the user's ten latest training ratings ≥ 4, scored as serving scores
 * a session (WALS fold-in blended with the timeline neighbours of the 3 latest, trained on the
 * same rows); their training items are excluded from answers. Users: every user with a
 * positive and a liked training item.
 */
import { loadCurrentCatalog } from "../catalog/bundle-loader";
import { popularityScore } from "../lib/catalog/popularity";
import { buildCfItemVectors, DEFAULT_MINIMUM_INDEXED_INTERACTIONS, gatherRows } from "../lib/retrieval/cf-item-vectors";
import { DEFAULT_CF_DIMENSIONS, feedbackMatrix, sessionStrengths, trainCfModel, DEFAULT_CF_TRAINING } from "../lib/retrieval/cf-training";
import { ExactVectorIndex } from "../lib/retrieval/exact-vector-index";
import { retrieveFast } from "../lib/retrieval/fast-path";
import { createFoldInContext, foldInUser } from "../lib/retrieval/fold-in";
import { KeywordSearch } from "../lib/retrieval/keyword-search";
import { ndcgAtK } from "../lib/retrieval/ranking-metrics";
import { createSeededRandom } from "../lib/retrieval/seeded-random";
import { temporalHoldoutMask } from "../lib/retrieval/temporal-holdout";
import { DEFAULT_TIMELINE_BLEND, DEFAULT_TIMELINE_OPTIONS, trainTimelineNeighbours } from "../lib/retrieval/timeline-neighbours";
import { describeRun, runContext } from "./support/run-context";

const asJson = process.argv.includes("--json");
// Date, commit and machine of this run, read as it starts.
const run = runContext();
const KNOB_SETTINGS = [0, 0.25, 0.5, 0.75, 1];
const catalog = loadCurrentCatalog();
const { interactions, items } = catalog;
const heldOut = temporalHoldoutMask(interactions.users, interactions.timestamps, 0.2);
const trainRows = [...heldOut.keys()].filter((row) => !heldOut[row]);
const pick = <T extends Int32Array | Float32Array>(column: T) => trainRows.map((row) => column[row]);
const matrix = feedbackMatrix(interactions.userCount, items.length, pick(interactions.users), pick(interactions.items), pick(interactions.ratings));
const started = performance.now();
const model = trainCfModel(matrix, createSeededRandom(42), DEFAULT_CF_DIMENSIONS);
const vectors = buildCfItemVectors(items, model, matrix);
const index = new ExactVectorIndex(vectors.dimensions, "cos", vectors.indexed.length);
index.add(vectors.indexed, gatherRows(vectors.vectors, vectors.dimensions, vectors.indexed));
const strengths = sessionStrengths();
const foldContext = createFoldInContext(
  vectors.vectors,
  vectors.dimensions,
  DEFAULT_CF_TRAINING.als.regularization,
  strengths.liked,
  strengths.disliked,
  model.missingWeights,
  (itemIndex) => vectors.origin[itemIndex] === 1,
);
const timeline = {
  model: trainTimelineNeighbours({ users: pick(interactions.users), items: pick(interactions.items), timestamps: pick(interactions.timestamps) }, items.length, {
    ...DEFAULT_TIMELINE_OPTIONS,
    minimumNeighbourRatings: DEFAULT_MINIMUM_INDEXED_INTERACTIONS,
  }),
  ...DEFAULT_TIMELINE_BLEND,
};
const trainingSeconds = (performance.now() - started) / 1000;

const keyword = new KeywordSearch(items);
const rawPopularity = items.map(popularityScore);
const maxPopularity = Math.max(...rawPopularity);
const popularity = Float64Array.from(rawPopularity, (value) => value / maxPopularity);
const longTailCutoff = [...items].map((item) => item.ratingCount).sort((a, b) => b - a)[Math.floor(items.length * 0.1)];

interface UserCase {
  positives: Set<number>;
  liked: number[];
  seen: Set<number>;
  query: string;
}
const cases: UserCase[] = [];
for (let user = 0; user < interactions.userCount; user += 1) {
  const rows = [...heldOut.keys()].filter((row) => interactions.users[row] === user);
  const positives = new Set(rows.filter((row) => heldOut[row] && interactions.ratings[row] >= 4).map((row) => interactions.items[row]));
  const training = rows.filter((row) => !heldOut[row]).sort((a, b) => interactions.timestamps[a] - interactions.timestamps[b]);
  const liked = training
    .filter((row) => interactions.ratings[row] >= 4)
    .map((row) => interactions.items[row])
    .slice(-10);
  if (positives.size === 0 || liked.length === 0) continue;
  cases.push({ positives, liked, seen: new Set(training.map((row) => interactions.items[row])), query: `movies like ${items[liked.at(-1)!].title}` });
}

const results = KNOB_SETTINGS.map((discovery) => {
  let ndcg = 0;
  let shownPopularity = 0;
  let shown = 0;
  let longTail = 0;
  const distinct = new Set<number>();
  for (const userCase of cases) {
    const userVector = foldInUser(foldContext, { liked: userCase.liked });
    const answer = retrieveFast(
      { query: userCase.query, limit: 10, discovery, userVector, likedItems: [...userCase.liked].reverse(), exclude: userCase.seen },
      { keyword, cf: { index, itemVectors: vectors.vectors, timeline }, popularity },
    );
    const ranked = answer.items.map((item) => item.itemIndex);
    ndcg += ndcgAtK(ranked, userCase.positives, 10);
    for (const itemIndex of ranked) {
      shownPopularity += items[itemIndex].ratingCount;
      shown += 1;
      if (items[itemIndex].ratingCount < longTailCutoff) longTail += 1;
      distinct.add(itemIndex);
    }
  }
  return {
    discovery,
    ndcgAt10: Math.round((ndcg / cases.length) * 10_000) / 10_000,
    meanRatingCountShown: Math.round((shownPopularity / Math.max(1, shown)) * 10) / 10,
    longTailShare: Math.round((longTail / Math.max(1, shown)) * 1000) / 1000,
    coverageAt10: Math.round((distinct.size / items.length) * 10_000) / 10_000,
  };
});

const report = { run, users: cases.length, trainingSeconds: Math.round(trainingSeconds * 10) / 10, longTailCutoffRatings: longTailCutoff, results };
if (asJson) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
else {
  process.stdout.write(`Discovery knob over ${cases.length} held-out users (CF retrained on the training split in ${report.trainingSeconds} s)\nRun: ${describeRun(run)}\n\n`);
  process.stdout.write(`| discovery | NDCG@10 | mean rating count shown | long-tail share (< ${longTailCutoff} ratings) | coverage@10 |\n|---|---|---|---|---|\n`);
  for (const row of results) process.stdout.write(`| ${row.discovery} | ${row.ndcgAt10} | ${row.meanRatingCountShown} | ${row.longTailShare} | ${row.coverageAt10} |\n`);
}
