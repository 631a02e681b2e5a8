/**
 * tune-session-ranker — chooses the served session ranker's training recipe on the eval:cf
 * validation splits (never the test split).
 *
 *   npx tsx scripts/tune-session-ranker.ts [--split random|temporal] [--configs a,b]
 *
 * Same splits as eval:cf (split seed 7, model seed 42). The served models are fitted on the
 * validation-training rows exactly as the catalog build fits them (session-ranker-training.ts
 * `fitSessionModels`), each person becomes session-like inputs (the whole history, as eval:cf's
 * served path scores it, and the latest few likes, as a live session), labels are the validation
 * positives. Each configuration is cross-fitted over 5 seeded folds of people (trees fitted on
 * 4/5, scoring the 5th) and compared with today's served order on the same pools: paired mean
 * NDCG@10 difference ± one standard error, people better / worse — on the whole-history input
 * (what eval:cf's served-path row measures) and on a 5-like session.
 */
import { loadCurrentCatalog } from "../catalog/bundle-loader";
import { DEFAULT_BOOSTING_OPTIONS, predictRows, trainBoostedTrees, type BoostingOptions } from "../lib/retrieval/gradient-boosted-trees";
import { ndcgAtK } from "../lib/retrieval/ranking-metrics";
import { createSeededRandom } from "../lib/retrieval/seeded-random";
import { SESSION_RANKER_FEATURE_COUNT, SESSION_RANKER_FEATURE_NAMES } from "../lib/retrieval/session-ranker-features";
import { datasetRows, fitSessionModels, sessionRankerDataset, type SessionRankerDataset, type SessionShape } from "../lib/retrieval/session-ranker-training";
import { SERVED_CO_LIKED_OPTIONS } from "../catalog/co-liked-stage";
import { evaluationData, holdoutMasks } from "./support/cf-splits";
import { pairedDifference } from "./support/paired-difference";

const MODEL_SEED = 42;
const FOLDS = 5;
/** Every shape a configuration may train on; 0 is eval:cf's served input, 1 the short-session check. */
const SHAPES: SessionShape[] = [
  { likes: Infinity, dislikes: true },
  { likes: 5, dislikes: false },
  { likes: 2, dislikes: false },
  { likes: 20, dislikes: false },
];
const MAX_DEPTH = 300;
const ALL = [...Array(SESSION_RANKER_FEATURE_COUNT).keys()];
const without = (...names: string[]) => ALL.filter((column) => !names.includes(SESSION_RANKER_FEATURE_NAMES[column]));

interface Config {
  shapes: number[];
  /** Train only on groups with a positive among their rows (all-negative groups teach no order). */
  positiveGroupsOnly?: boolean;
  /** A second model for short sessions (at most maxLikes likes), trained on these shapes. */
  short?: { shapes: number[]; maxLikes: number };
  depth: number;
  boosting: Partial<BoostingOptions>;
  columns: number[];
}
const BASE: Config = { shapes: [0], depth: 200, boosting: { lambda: 100 }, columns: ALL };
const CONFIGS: Record<string, Config> = {
  base: BASE,
  "with-5": { ...BASE, shapes: [0, 1] },
  "with-2-5-20": { ...BASE, shapes: [0, 1, 2, 3] },
  depth100: { ...BASE, depth: 100 },
  depth300: { ...BASE, depth: 300 },
  "no-recent": { ...BASE, columns: without("log ratings in the data's last year per 100k") },
  "no-dislikes": { ...BASE, columns: without("timeline from dislikes", "max cosine to dislikes", "log session dislikes") },
  "no-co-liked": { ...BASE, columns: without("co-liked latest 10", "co-liked latest 100") },
  "no-recent-taste": { ...BASE, columns: without("recent x·y", "recent cosine", "timeline latest 100") },
  rounds150: { ...BASE, boosting: { lambda: 100, rounds: 150 } },
  lambda10: { ...BASE, boosting: { lambda: 10 } },
  "two-models": { ...BASE, short: { shapes: [1], maxLikes: 10 } },
  "two-models-2-5": { ...BASE, short: { shapes: [1, 2], maxLikes: 10 } },
  "two-models-depth100": { ...BASE, depth: 100, short: { shapes: [1], maxLikes: 10 } },
  "two-models-rounds150": { ...BASE, boosting: { lambda: 100, rounds: 150 }, short: { shapes: [1], maxLikes: 10 } },
  "two-models-positive": { ...BASE, positiveGroupsOnly: true, short: { shapes: [1], maxLikes: 10 } },
  "two-models-positive-rounds150": { ...BASE, positiveGroupsOnly: true, boosting: { lambda: 100, rounds: 150 }, short: { shapes: [1], maxLikes: 10 } },
  "with-5-leaves15": { ...BASE, shapes: [0, 1], boosting: { lambda: 100, maxLeaves: 15, minRowsPerLeaf: 200 } },
  lambdarank: { ...BASE, boosting: { objective: "lambdarank", lambda: 1 } },
  "lambdarank-10": { ...BASE, boosting: { objective: "lambdarank", lambda: 10 } },
  "lambdarank-with-5": { ...BASE, shapes: [0, 1], boosting: { objective: "lambdarank", lambda: 1 } },
};

const argument = (name: string) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const splits = (argument("--split")?.split(",") ?? ["random", "temporal"]) as Array<"random" | "temporal">;
const configNames = argument("--configs")?.split(",") ?? Object.keys(CONFIGS);
const catalog = loadCurrentCatalog();
const log = (line: string) => process.stdout.write(`${line}\n`);

/** NDCG@10 of group g when its first `depth` rows are re-ordered by `scores` (null: served order). */
function groupNdcg(dataset: SessionRankerDataset, group: number, depth: number, scores: Float64Array | null, relevant: ReadonlySet<number>): number {
  const [start, end] = [dataset.groupStarts[group], dataset.groupStarts[group + 1]];
  const head = Math.min(end, start + depth);
  const rows = Array.from({ length: head - start }, (_, offset) => start + offset);
  if (scores) rows.sort((a, b) => scores[b] - scores[a] || dataset.items[a] - dataset.items[b]);
  for (let row = head; row < end && rows.length < 10; row += 1) rows.push(row);
  return ndcgAtK(
    rows.slice(0, 10).map((row) => dataset.items[row]),
    relevant,
    10,
  );
}

function hasPositive(dataset: SessionRankerDataset, group: number): boolean {
  for (let row = dataset.groupStarts[group]; row < dataset.groupStarts[group + 1]; row += 1) if (dataset.labels[row]) return true;
  return false;
}

/** The dataset limited to rows at served position < depth (groups kept, in order). */
function limitDepth(dataset: SessionRankerDataset, groups: readonly number[], depth: number): SessionRankerDataset {
  const keep: number[] = [];
  const groupStarts = [0];
  for (const group of groups) {
    for (let row = dataset.groupStarts[group]; row < Math.min(dataset.groupStarts[group + 1], dataset.groupStarts[group] + depth); row += 1) keep.push(row);
    groupStarts.push(keep.length);
  }
  const features = new Float32Array(keep.length * SESSION_RANKER_FEATURE_COUNT);
  keep.forEach((row, out) => features.set(dataset.features.subarray(row * SESSION_RANKER_FEATURE_COUNT, (row + 1) * SESSION_RANKER_FEATURE_COUNT), out * SESSION_RANKER_FEATURE_COUNT));
  return {
    users: Int32Array.from(groups, (group) => dataset.users[group]),
    shapes: Int32Array.from(groups, (group) => dataset.shapes[group]),
    groupStarts: Int32Array.from(groupStarts),
    items: Int32Array.from(keep, (row) => dataset.items[row]),
    features,
    labels: Uint8Array.from(keep, (row) => dataset.labels[row]),
  };
}

for (const kind of splits) {
  const started = performance.now();
  const masks = holdoutMasks(catalog.interactions, kind);
  const input = evaluationData(catalog.interactions, catalog.items.length, masks.trainInner, masks.validation);
  const models = fitSessionModels(input.train, input.userCount, catalog.items, MODEL_SEED, undefined, SERVED_CO_LIKED_OPTIONS);
  const modelSeconds = (performance.now() - started) / 1000;
  const dataset = sessionRankerDataset(input.train, input.userCount, input.positives, models, { sessions: SHAPES, depth: MAX_DEPTH, likedRating: 4 });
  const groupsOf = (shape: number) => [...dataset.users.keys()].filter((group) => dataset.shapes[group] === shape);
  const people = [...new Set(dataset.users)].sort((a, b) => a - b);
  const random = createSeededRandom(MODEL_SEED);
  const fold = new Map(
    people
      .map((user) => [user, random()] as const)
      .sort((a, b) => a[1] - b[1])
      .map(([user], position) => [user, position % FOLDS]),
  );
  // Evaluated people: those with a whole-history group and a 5-like group (the same people for every configuration).
  const evaluated = people.filter((user) => groupsOf(0).some((group) => dataset.users[group] === user) && groupsOf(1).some((group) => dataset.users[group] === user));
  const groupOf = (shape: number) => new Map(groupsOf(shape).map((group) => [dataset.users[group], group]));
  const [fullGroups, shortGroups] = [groupOf(0), groupOf(1)];
  const served = (groups: Map<number, number>) => evaluated.map((user) => groupNdcg(dataset, groups.get(user)!, MAX_DEPTH, null, input.positives.get(user)!));
  const [servedFull, servedShort] = [served(fullGroups), served(shortGroups)];
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const pooledShare = (shape: number, depth: number) => {
    let hits = 0;
    let total = 0;
    for (const user of evaluated) total += input.positives.get(user)!.size;
    for (const group of groupsOf(shape))
      for (let row = dataset.groupStarts[group]; row < Math.min(dataset.groupStarts[group + 1], dataset.groupStarts[group] + depth); row += 1) hits += dataset.labels[row];
    return hits / total;
  };
  log(
    `[${kind}] validation: ${evaluated.length} people, ${dataset.items.length} rows over ${dataset.users.length} groups (models ${modelSeconds.toFixed(1)} s, all ${((performance.now() - started) / 1000).toFixed(1)} s); ` +
      `served NDCG@10 whole history ${mean(servedFull).toFixed(4)}, 5-like session ${mean(servedShort).toFixed(4)}; positives in the first 100 / 200 / 300 of the whole-history pool ${[100, 200, 300].map((depth) => (100 * pooledShare(0, depth)).toFixed(1)).join(" / ")} %`,
  );

  for (const name of configNames) {
    const config = CONFIGS[name];
    const configStarted = performance.now();
    const scores = new Float64Array(dataset.items.length);
    const splitCounts = new Float64Array(SESSION_RANKER_FEATURE_COUNT);
    let trainedRows = 0;
    // With `short`, a second model for sessions of at most `short.maxLikes` likes, trained on its own shapes.
    const likesColumn = SESSION_RANKER_FEATURE_NAMES.indexOf("log session likes");
    const isShort = (group: number) =>
      config.short !== undefined && Math.expm1(dataset.features[dataset.groupStarts[group] * SESSION_RANKER_FEATURE_COUNT + likesColumn]) <= config.short.maxLikes + 0.5;
    const models = config.short
      ? [
          { shapes: config.shapes, short: false },
          { shapes: config.short.shapes, short: true },
        ]
      : [{ shapes: config.shapes, short: false }];
    for (let held = 0; held < FOLDS; held += 1) {
      for (const model of models) {
        const trainGroups = [...dataset.users.keys()].filter((group) => fold.get(dataset.users[group]) !== held && model.shapes.includes(dataset.shapes[group]));
        const limited = limitDepth(dataset, trainGroups, config.depth);
        const train = config.positiveGroupsOnly
          ? limitDepth(
              limited,
              [...limited.users.keys()].filter((group) => hasPositive(limited, group)),
              Infinity,
            )
          : limited;
        const rows = datasetRows(train, [...train.users.keys()], config.columns);
        trainedRows += rows.labels.length / FOLDS;
        const trees = trainBoostedTrees(rows.features, rows.width, rows.labels, { ...DEFAULT_BOOSTING_OPTIONS, ...config.boosting }, rows.groupStarts);
        for (const tree of trees.trees) for (const feature of tree.feature) if (feature >= 0) splitCounts[rows.columns[feature]] += 1;
        const testGroups = [...dataset.users.keys()].filter((group) => fold.get(dataset.users[group]) === held && isShort(group) === model.short);
        const test = datasetRows(dataset, testGroups, config.columns);
        const predicted = predictRows(trees, test.features);
        let offset = 0;
        for (const group of testGroups) for (let row = dataset.groupStarts[group]; row < dataset.groupStarts[group + 1]; row += 1) scores[row] = predicted[offset++];
      }
    }
    const ranked = (groups: Map<number, number>) => evaluated.map((user) => groupNdcg(dataset, groups.get(user)!, config.depth, scores, input.positives.get(user)!));
    const [full, short] = [ranked(fullGroups), ranked(shortGroups)];
    const format = (values: number[], baseline: number[]) => {
      const diff = pairedDifference(values, baseline);
      return `${mean(values).toFixed(4)} (${diff.mean >= 0 ? "+" : ""}${diff.mean.toFixed(4)} ± ${diff.standardError.toFixed(4)}, ${diff.better} better / ${diff.worse} worse)`;
    };
    if (process.argv.includes("--splits")) {
      const used = [...splitCounts.keys()].sort((a, b) => splitCounts[b] - splitCounts[a]).filter((feature) => splitCounts[feature] > 0);
      log(`  splits per feature: ${used.map((feature) => `${SESSION_RANKER_FEATURE_NAMES[feature]} ${splitCounts[feature]}`).join(", ")}`);
    }
    log(`[${kind}] ${name}: ${trainedRows} rows per fold on average;`);
    log(`[${kind}] ${name}: whole history ${format(full, servedFull)}; 5-like session ${format(short, servedShort)}; ${((performance.now() - configStarted) / 1000).toFixed(1)} s`);
  }
}
