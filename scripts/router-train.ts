/**
 * `npm run router:train`: fits the router's logistic regression on the train split of
 * tests/fixtures/router-queries.json and writes router/weights.json. Deterministic (full-batch
 * gradient descent from zero weights), so retraining on the same data gives the same file.
 * The held-out split is never read here; `npm run eval:router` reports on it.
 */
import { writeFileSync } from "node:fs";
import { loadCurrentCatalog } from "../catalog/bundle-loader";
import { buildCatalogLexicon } from "../lib/language/catalog-lexicon";
import { KeywordSearch } from "../lib/retrieval/keyword-search";
import { routeFeatureVector } from "../router/decide-route";
import { FEATURE_NAMES } from "../router/features";
import { predictProbability, trainLogisticRegression } from "../router/logistic-regression";
import { DEFAULT_ROUTER_THRESHOLD } from "../router/config";
import { loadRouterQueries } from "./support/router-fixture";

const catalog = loadCurrentCatalog();
const lexicon = buildCatalogLexicon(catalog.items, new KeywordSearch(catalog.items).titles);
const train = loadRouterQueries().filter((query) => query.split === "train");
const rows = train.map((query) => routeFeatureVector(query.query, { lexicon, session: { hasPreviousAnswer: query.context !== undefined } }));
const labels = train.map((query) => (query.label === "reasoning" ? 1 : 0));
const positives = labels.filter((label) => label === 1).length;
const model = trainLogisticRegression(rows, labels, FEATURE_NAMES, { positiveWeight: (labels.length - positives) / positives });
const correct = rows.filter((row, index) => (predictProbability(model, row) >= DEFAULT_ROUTER_THRESHOLD ? 1 : 0) === labels[index]).length;
const weights = {
  featureNames: model.featureNames,
  weights: model.weights,
  bias: model.bias,
  threshold: DEFAULT_ROUTER_THRESHOLD,
  trainedOn: { queries: train.length, reasoningShare: Math.round((positives / train.length) * 1000) / 1000, trainAccuracy: Math.round((correct / train.length) * 1000) / 1000 },
};
writeFileSync("router/weights.json", `${JSON.stringify(weights, null, 2)}\n`);
process.stdout.write(`router:train: ${train.length} training queries (${positives} reasoning), train accuracy ${((correct / train.length) * 100).toFixed(1)}% → router/weights.json\n`);
for (const [index, name] of FEATURE_NAMES.entries()) process.stdout.write(`  ${name.padEnd(32)} ${model.weights[index].toFixed(3)}\n`);
process.stdout.write(`  ${"bias".padEnd(32)} ${model.bias.toFixed(3)}\n`);
for (const [index, query] of train.entries()) {
  const predicted = predictProbability(model, rows[index]);
  if ((predicted >= DEFAULT_ROUTER_THRESHOLD ? 1 : 0) !== labels[index]) process.stdout.write(`  miss: ${query.label.padEnd(9)} ${predicted.toFixed(2)} ${query.query}\n`);
}
