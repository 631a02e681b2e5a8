/**
 * tune:gbdt-rerank — chooses the GBDT re-ranker's configuration on the eval:cf validation splits.
 *
 *   npx tsx scripts/tune-gbdt-rerank.ts [--split random|temporal] [--configs a,b] [--test name]
 *
 * Same protocol as eval:cf (split seed 7, model seed 42, validation carved from training the same
 * way). Pools and features come from the validation-training rows, labels are the validation
 * positives. Each configuration is cross-fitted over 5 folds of validation users (trees trained on
 * 4/5 of users, scoring the 5th) and compared with the WALS + timeline blend on the same pools:
 * paired mean NDCG@10 difference ± one standard error, users better / worse.
 * `--test name` then trains that configuration on all validation users and evaluates it once on
 * the test split (pools and features from all training rows).
 */
import { loadCurrentCatalog } from "../catalog/bundle-loader";
import { DEFAULT_CF_DIMENSIONS, DEFAULT_CF_TRAINING, feedbackMatrix, trainCfModel } from "../lib/retrieval/cf-training";
import { DEFAULT_MINIMUM_INDEXED_INTERACTIONS } from "../lib/retrieval/cf-item-vectors";
import { predictRows, trainBoostedTrees, type BoostingOptions } from "../lib/retrieval/gradient-boosted-trees";
import { ndcgAtK, recallAtK } from "../lib/retrieval/ranking-metrics";
import { RERANK_FEATURE_COUNT, TIME_FEATURES } from "../lib/retrieval/rerank-features";
import { trainRp3beta } from "../lib/retrieval/rp3beta";
import { createSeededRandom } from "../lib/retrieval/seeded-random";
import { DEFAULT_TIMELINE_OPTIONS, trainTimelineNeighbours } from "../lib/retrieval/timeline-neighbours";
import { evaluationData, holdoutMasks, likedMatrix, type EvaluationData } from "./support/cf-splits";
import { itemSide, rerankDataset, selectRows, type RerankDataset } from "./support/rerank-dataset";

const MODEL_SEED = 42;
const FOLDS = 5;
const TIMELINE_OPTIONS = { ...DEFAULT_TIMELINE_OPTIONS, minimumNeighbourRatings: DEFAULT_MINIMUM_INDEXED_INTERACTIONS };
// eval:cf's validation-chosen settings (docs/EVALUATION.md).
const CHOSEN = {
  random: { blend: { historyLength: Infinity, weight: 0.75 }, rp3beta: { alpha: 0.5, beta: 0.4, neighbourCount: 400 } },
  temporal: { blend: { historyLength: 3, weight: 0.25 }, rp3beta: { alpha: 0.25, beta: 0.6, neighbourCount: 800 } },
} as const;

const ALL = [...Array(RERANK_FEATURE_COUNT).keys()];
const NO_TIME = ALL.filter((feature) => !TIME_FEATURES.includes(feature));
interface Config {
  options: Partial<BoostingOptions>;
  features: number[];
}
const CONFIGS: Record<string, Config> = {
  base: { options: {}, features: ALL },
  "base-notime": { options: {}, features: NO_TIME },
  "leaves15-min200": { options: { maxLeaves: 15, minRowsPerLeaf: 200 }, features: ALL },
  rounds600: { options: { rounds: 600 }, features: ALL },
  "shrink0.1": { options: { shrinkage: 0.1 }, features: ALL },
  lambda100: { options: { lambda: 100 }, features: ALL },
  lambdarank: { options: { objective: "lambdarank", lambda: 1 }, features: ALL },
  "lambdarank-notime": { options: { objective: "lambdarank", lambda: 1 }, features: NO_TIME },
  rounds150: { options: { rounds: 150 }, features: ALL },
  // Second round, after lambda100 led on random validation.
  "lambda100-notime": { options: { lambda: 100 }, features: NO_TIME },
  lambda300: { options: { lambda: 300 }, features: ALL },
  "lambda100-min1000": { options: { lambda: 100, minRowsPerLeaf: 1000 }, features: ALL },
};

function buildDataset(input: EvaluationData, kind: "random" | "temporal", side: ReturnType<typeof itemSide>): RerankDataset {
  const matrix = feedbackMatrix(input.userCount, input.itemCount, input.train.users, input.train.items, input.train.ratings, DEFAULT_CF_TRAINING.strength);
  const wals = trainCfModel(matrix, createSeededRandom(MODEL_SEED), DEFAULT_CF_DIMENSIONS, DEFAULT_CF_TRAINING);
  const timeline = trainTimelineNeighbours(input.train, input.itemCount, TIMELINE_OPTIONS);
  const rp3beta = trainRp3beta(likedMatrix(input), CHOSEN[kind].rp3beta);
  return rerankDataset(input, { wals, timeline, rp3beta, blend: CHOSEN[kind].blend }, side);
}

/** Per-user metrics of ranking each pool by `scores` (ties: lower item index). */
function userMetrics(dataset: RerankDataset, group: number, scores: ArrayLike<number>, relevant: Set<number>) {
  const rows: number[] = [];
  for (let row = dataset.groupStarts[group]; row < dataset.groupStarts[group + 1]; row += 1) rows.push(row);
  rows.sort((a, b) => scores[b] - scores[a] || dataset.items[a] - dataset.items[b]);
  const ranked = rows.slice(0, 20).map((row) => dataset.items[row]);
  return { ndcg: ndcgAtK(ranked, relevant, 10), recall10: recallAtK(ranked, relevant, 10), recall20: recallAtK(ranked, relevant, 20), top10: ranked.slice(0, 10) };
}

function paired(model: number[], baseline: number[]) {
  const diffs = model.map((value, index) => value - baseline[index]);
  const mean = diffs.reduce((sum, value) => sum + value, 0) / diffs.length;
  const variance = diffs.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (diffs.length - 1);
  return { mean, se: Math.sqrt(variance / diffs.length), better: diffs.filter((value) => value > 1e-12).length, worse: diffs.filter((value) => value < -1e-12).length };
}

const argument = (name: string) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const splits = (argument("--split")?.split(",") ?? ["random", "temporal"]) as Array<"random" | "temporal">;
const configNames = argument("--configs")?.split(",") ?? Object.keys(CONFIGS);
const testConfig = argument("--test");
const catalog = loadCurrentCatalog();
const side = itemSide(catalog.items);
const log = (line: string) => process.stdout.write(`${line}\n`);

for (const kind of splits) {
  const started = performance.now();
  const masks = holdoutMasks(catalog.interactions, kind);
  const validationInput = evaluationData(catalog.interactions, catalog.items.length, masks.trainInner, masks.validation);
  const validation = buildDataset(validationInput, kind, side);
  const users = validation.users;
  const blendNdcg = users.map((user, group) => userMetrics(validation, group, validation.blendScores, validationInput.positives.get(user)!).ndcg);
  const pooled = validation.labels.reduce((sum, label) => sum + label, 0);
  const positiveCount = [...validationInput.positives.values()].reduce((sum, set) => sum + set.size, 0);
  log(
    `[${kind}] validation: ${users.length} users, ${validation.items.length} pool rows (${(validation.items.length / users.length).toFixed(0)}/user), ${((100 * pooled) / positiveCount).toFixed(1)} % of positives pooled; blend NDCG@10 ${(blendNdcg.reduce((a, b) => a + b, 0) / users.length).toFixed(4)}; built in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  // Folds of validation users: a seeded shuffle.
  const random = createSeededRandom(MODEL_SEED);
  const order = users
    .map((_, group) => group)
    .map((group) => [random(), group] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, group]) => group);
  const fold = new Int32Array(users.length);
  order.forEach((group, position) => (fold[group] = position % FOLDS));

  if (!testConfig) {
    for (const name of configNames) {
      const config = CONFIGS[name];
      const configStarted = performance.now();
      const scores = new Float64Array(validation.items.length);
      for (let held = 0; held < FOLDS; held += 1) {
        const trainGroups = users.map((_, group) => group).filter((group) => fold[group] !== held);
        const testGroups = users.map((_, group) => group).filter((group) => fold[group] === held);
        const trainRows = selectRows(validation, trainGroups, config.features);
        const model = trainBoostedTrees(trainRows.features, trainRows.width, trainRows.labels, config.options, trainRows.groupStarts);
        const testRows = selectRows(validation, testGroups, config.features);
        const predicted = predictRows(model, testRows.features);
        let offset = 0;
        for (const group of testGroups) for (let row = validation.groupStarts[group]; row < validation.groupStarts[group + 1]; row += 1) scores[row] = predicted[offset++];
      }
      const ndcg = users.map((user, group) => userMetrics(validation, group, scores, validationInput.positives.get(user)!).ndcg);
      const mean = ndcg.reduce((a, b) => a + b, 0) / users.length;
      const diff = paired(ndcg, blendNdcg);
      log(
        `[${kind}] ${name}: NDCG@10 ${mean.toFixed(4)}, paired diff ${diff.mean >= 0 ? "+" : ""}${diff.mean.toFixed(4)} ± ${diff.se.toFixed(4)} (${diff.better} better / ${diff.worse} worse) in ${((performance.now() - configStarted) / 1000).toFixed(1)} s`,
      );
    }
  } else {
    const config = CONFIGS[testConfig];
    const testStarted = performance.now();
    const trainRows = selectRows(
      validation,
      users.map((_, group) => group),
      config.features,
    );
    const model = trainBoostedTrees(trainRows.features, trainRows.width, trainRows.labels, config.options, trainRows.groupStarts);
    const testInput = evaluationData(catalog.interactions, catalog.items.length, masks.trainAll, masks.test);
    const test = buildDataset(testInput, kind, side);
    const testRows = selectRows(
      test,
      test.users.map((_, group) => group),
      config.features,
    );
    const predicted = predictRows(model, testRows.features);
    const summary = (scores: ArrayLike<number>) => {
      const covered = new Set<number>();
      const totals = { ndcg: [] as number[], recall10: 0, recall20: 0 };
      test.users.forEach((user, group) => {
        const metrics = userMetrics(test, group, scores, testInput.positives.get(user)!);
        totals.ndcg.push(metrics.ndcg);
        totals.recall10 += metrics.recall10;
        totals.recall20 += metrics.recall20;
        metrics.top10.forEach((item) => covered.add(item));
      });
      const n = test.users.length;
      return { ndcgs: totals.ndcg, ndcg: totals.ndcg.reduce((a, b) => a + b, 0) / n, recall10: totals.recall10 / n, recall20: totals.recall20 / n, coverage: covered.size / testInput.candidateCount };
    };
    const blend = summary(test.blendScores);
    const gbdt = summary(predicted);
    const diff = paired(gbdt.ndcgs, blend.ndcgs);
    const row = (name: string, s: typeof blend) => `| ${name} | ${s.recall10.toFixed(4)} | ${s.recall20.toFixed(4)} | ${s.ndcg.toFixed(4)} | ${(100 * s.coverage).toFixed(1)} % |`;
    log(`[${kind}] TEST (${testConfig}, trees on all ${users.length} validation users; ${test.users.length} test users) in ${((performance.now() - testStarted) / 1000).toFixed(1)} s`);
    log(`| model | Recall@10 | Recall@20 | NDCG@10 | coverage@10 |\n|---|---:|---:|---:|---:|\n${row("WALS + timeline blend", blend)}\n${row(`GBDT re-ranker (${testConfig})`, gbdt)}`);
    log(`[${kind}] test paired diff ${diff.mean >= 0 ? "+" : ""}${diff.mean.toFixed(4)} ± ${diff.se.toFixed(4)} (${diff.better} better / ${diff.worse} worse)`);
  }
}
