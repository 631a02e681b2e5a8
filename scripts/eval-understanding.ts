/**
 * eval:understanding — the generated paraphrase suite (scripts/understanding-suite) through the
 * offline reasoner and the pipeline.
 *
 *   npm run eval:understanding                         both splits, both routes; writes docs/EVALUATION.md
 *                                                      "## Request understanding (eval:understanding)"
 *   npm run eval:understanding -- --split dev          dev only (failures printed), targets judged on dev
 *   npm run eval:understanding -- --split held-out     held-out only (counts only)
 *   npm run eval:understanding -- --no-pipeline        exact match only (seconds)
 *   npm run eval:understanding -- --routes reasoning   one pipeline route
 *   npm run eval:understanding -- --json               machine-readable (no held-out query text; writes nothing)
 *   npm run eval:understanding -- --write-manifest     re-pin the held-out manifest after a deliberate change
 *   npm run eval:understanding -- --save-baseline      record this run as the "before" numbers in the doc
 *                                                      (--baseline-source "…" says what was measured)
 *
 * (a) Exact match: each query through lib/reasoning's reasonOffline (as eval:reasoning calls it),
 *     compared field by field with its expected constraints (understanding-suite/compare.ts).
 * (b) Top-10 satisfaction: each query through lib/pipeline recommend() in-process (the engine
 *     built as scripts/ask.ts builds it, no LLM, an in-memory store), route forced to reasoning
 *     and auto; the shown films checked against the expected hard constraints by
 *     understanding-suite/satisfaction.ts, over min(10, count asked, films in the catalog meeting them).
 * Targets (issue 17), on the held-out split unless --split dev: exact match ≥ 97 % on every
 * class; top-10 satisfaction ≥ 98 % overall on the reasoning route.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Item } from "../lib/catalog/item";
import { recommend } from "../lib/pipeline";
import { reasonOffline } from "../lib/reasoning";
import { createEngine } from "../lib/server/engine-singleton";
import { openSqliteStore } from "../lib/store";
import { percentile } from "./support/expected-constraints";
import { replaceMarkdownSection } from "./support/markdown-section";
import { describeCommit, runContext } from "./support/run-context";
import { compareConstraints } from "./understanding-suite/compare";
import { renderSection, type Baseline } from "./understanding-suite/docs-section";
import { buildManifest, generateSuite, manifestDifferences, MANIFEST_PATH, readManifest, selectHeldOut, SUITE_SEED, type SuiteQuery } from "./understanding-suite/generate";
import { checkTargets, devFailurePatterns, rate, renderText, ROUTES, summariseAll, type QueryOutcome, type Route } from "./understanding-suite/report";
import { countMeeting, topTenSatisfaction } from "./understanding-suite/satisfaction";
import { SPLITS, type Split } from "./understanding-suite/suite-types";

const { values } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    split: { type: "string", default: "all" },
    routes: { type: "string", default: ROUTES.join(",") },
    "no-pipeline": { type: "boolean", default: false },
    "write-manifest": { type: "boolean", default: false },
    "save-baseline": { type: "boolean", default: false },
    /** What the baseline measured (default: the git commit checked out). */
    "baseline-source": { type: "string" },
  },
});
const context = runContext();
const say = (text: string) => {
  if (!values.json) process.stderr.write(`${text}\n`);
};
if (!["dev", "held-out", "all"].includes(values.split!)) {
  process.stderr.write(`eval:understanding: --split must be dev, held-out or all (got ${values.split})\n`);
  process.exit(2);
}
const splits: Split[] = values.split === "all" ? [...SPLITS] : [values.split as Split];
const targetSplit: Split = values.split === "dev" ? "dev" : "held-out";
const routes = values["no-pipeline"] ? [] : (values.routes!.split(",").map((route) => route.trim()) as Route[]);
if (routes.some((route) => !ROUTES.includes(route))) {
  process.stderr.write(`eval:understanding: --routes takes ${ROUTES.join(", ")}\n`);
  process.exit(2);
}

// The suite and its pinned held-out split.
const suite = generateSuite(SUITE_SEED);
const manifest = buildManifest(suite, selectHeldOut(SUITE_SEED));
if (values["write-manifest"]) {
  writeFileSync(MANIFEST_PATH, `${JSON.stringify(manifest, null, 2)}\n`);
  say(`eval:understanding: wrote ${path.relative(process.cwd(), MANIFEST_PATH)}`);
} else {
  const differences = existsSync(MANIFEST_PATH) ? manifestDifferences(manifest, readManifest()) : ["no manifest committed"];
  if (differences.length > 0) {
    process.stderr.write(
      `eval:understanding: the generated suite does not match ${path.relative(process.cwd(), MANIFEST_PATH)}: ${differences.join("; ")}.\nThe held-out split must not change silently; if the change is deliberate, run with --write-manifest and commit the manifest.\n`,
    );
    process.exit(2);
  }
}
const queries = suite.filter((query) => splits.includes(query.split));

// No LLM: the offline reasoner is what this suite measures, and no request may cost money.
const environment = { ...process.env };
for (const name of ["OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_MODEL", "REELCAST_LLM_MODEL"]) delete environment[name];
const engine = await createEngine({ store: openSqliteStore({ path: ":memory:" }), seed: 2026, environment });
const items: readonly Item[] = engine.catalog.items;
const CURRENT_YEAR = 2026;

function checkSlotsAgainstCatalog(all: readonly SuiteQuery[]): string[] {
  const problems = new Set<string>();
  const people = new Set(items.flatMap((item) => [...item.cast, ...item.directors]));
  for (const query of all) {
    for (const reference of query.expected.references) {
      const index = reference.itemId === null ? undefined : engine.catalog.indexOf.get(reference.itemId);
      if (index === undefined || items[index].title !== reference.title) problems.add(`reference ${reference.itemId} "${reference.title}" is not in the catalog under that title`);
    }
    for (const person of query.expected.people) if (!people.has(person.name)) problems.add(`person ${person.name} has no credit in the catalog`);
  }
  return [...problems];
}
const catalogProblems = checkSlotsAgainstCatalog(suite);
for (const problem of catalogProblems) say(`warning: ${problem}`);

// (a) exact match through the offline reasoner.
say(`eval:understanding: ${queries.length} queries (${splits.join(" + ")}), exact match…`);
for (const query of queries.slice(0, 50)) reasonOffline(query.text, { lexicon: engine.lexicon, session: null, currentYear: CURRENT_YEAR }); // warm-up
const outcomes: QueryOutcome[] = queries.map((query) => {
  const started = performance.now();
  try {
    const reasoned = reasonOffline(query.text, { lexicon: engine.lexicon, session: null, currentYear: CURRENT_YEAR });
    const reasonerMs = performance.now() - started;
    return { query, mismatches: compareConstraints(query.expected, reasoned.constraints), error: null, reasonerMs, satisfaction: {}, path: {}, shown: {} };
  } catch (error) {
    return { query, mismatches: [], error: error instanceof Error ? error.message : String(error), reasonerMs: performance.now() - started, satisfaction: {}, path: {}, shown: {} };
  }
});

// (b) top-10 satisfaction through the pipeline.
const pipelineMs: Record<string, number[]> = {};
if (routes.length > 0) {
  const meeting = new Map(queries.map((query) => [query.id, countMeeting(items, query.expected)]));
  for (const route of routes) {
    say(`eval:understanding: pipeline, route ${route}…`);
    const latencies: number[] = (pipelineMs[route] = []);
    for (const [index, outcome] of outcomes.entries()) {
      if (index > 0 && index % 500 === 0) say(`  ${index}/${outcomes.length}`);
      const started = performance.now();
      try {
        const response = await recommend({ query: outcome.query.text, limit: 10, route }, engine);
        latencies.push(performance.now() - started);
        const shown = response.items.map((item) => items[engine.catalog.indexOf.get(item.id)!]);
        outcome.satisfaction[route] = topTenSatisfaction(shown, outcome.query.expected, meeting.get(outcome.query.id)!);
        outcome.path[route] = response.route.path;
        if (outcome.query.split === "dev") outcome.shown[route] = shown.slice(0, 10).map((item) => `${item.title} (${item.year ?? "?"})`);
      } catch {
        latencies.push(performance.now() - started);
        outcome.satisfaction[route] = topTenSatisfaction([], outcome.query.expected, meeting.get(outcome.query.id)!);
      }
    }
  }
}

/** The command as a person would retype it (the baseline flags left out: they only record). */
function commandLine(): string {
  const args = process.argv
    .slice(2)
    .filter((arg, index, all) => arg !== "--save-baseline" && arg !== "--baseline-source" && all[index - 1] !== "--baseline-source" && !arg.startsWith("--baseline-source="));
  return `npm run eval:understanding${args.length ? ` -- ${args.join(" ")}` : ""}`;
}

const summaries = summariseAll(outcomes, splits, routes);
const reasonerLatencies = outcomes.map((outcome) => outcome.reasonerMs);
const date = context.date.slice(0, 10);
const run = {
  date,
  seed: SUITE_SEED,
  commit: describeCommit(context),
  machine: context.machine,
  loadAverageAtStart: context.loadAverageAtStart,
  loadAverage: loadavg()[0],
  command: commandLine(),
  queries: queries.length,
  reasonerLatency: { p50Ms: percentile(reasonerLatencies, 50), p99Ms: percentile(reasonerLatencies, 99) },
  pipelineLatency: Object.fromEntries(Object.entries(pipelineMs).map(([route, latencies]) => [route, { p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) }])),
};

if (values.json) {
  const devOutcomes = outcomes
    .filter((outcome) => outcome.query.split === "dev")
    .map((outcome) => ({
      id: outcome.query.id,
      className: outcome.query.className,
      templateId: outcome.query.templateId,
      text: outcome.query.text,
      expected: outcome.query.expected,
      mismatches: outcome.mismatches,
      error: outcome.error,
      satisfaction: outcome.satisfaction,
      path: outcome.path,
      shown: outcome.shown,
    }));
  process.stdout.write(
    `${JSON.stringify({ ...run, manifest: { seed: manifest.seed, fingerprints: manifest.fingerprints }, targets: checkTargets(summaries, targetSplit), summaries, devFailurePatterns: devFailurePatterns(outcomes), dev: devOutcomes }, null, 2)}\n`,
  );
  // Exit only once stdout has drained: process.exit() right after a large write to a pipe cuts it at 64 KiB.
  await new Promise<void>((resolve) => process.stdout.write("", () => resolve()));
  process.exit(0);
}

const header = `eval:understanding — ${date}, seed ${SUITE_SEED}, ${queries.length} queries; reasoner p50/p99 ${run.reasonerLatency.p50Ms.toFixed(2)}/${run.reasonerLatency.p99Ms.toFixed(2)} ms${Object.entries(
  run.pipelineLatency,
)
  .map(([route, latency]) => `; pipeline ${route} p50/p99 ${latency.p50Ms.toFixed(1)}/${latency.p99Ms.toFixed(1)} ms`)
  .join("")}`;
process.stdout.write(renderText({ summaries, outcomes, splits, routes, targetSplit, header }));

const round = <T extends number | null>(value: T): T => (value === null ? value : ((Math.round(value * 10000) / 10000) as T));

function gitCommit(): string {
  try {
    return `commit ${execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim()}`;
  } catch {
    return "an unknown commit";
  }
}

const BASELINE_PATH = path.join("scripts", "understanding-suite", "baseline.json");
const complete = splits.length === 2 && routes.length === ROUTES.length;
if (values["save-baseline"]) {
  if (!complete) {
    process.stderr.write("eval:understanding: --save-baseline needs a full run (both splits, both routes)\n");
    process.exit(2);
  }
  const baseline: Baseline = {
    date,
    command: run.command,
    source: values["baseline-source"] ?? gitCommit(),
    seed: SUITE_SEED,
    perClass: Object.fromEntries(
      summaries.map((summary) => [
        `${summary.className}|${summary.split}`,
        { exact: round(rate(summary)), reasoning: round(summary.satisfaction.reasoning?.mean ?? null), auto: round(summary.satisfaction.auto?.mean ?? null) },
      ]),
    ),
  };
  writeFileSync(BASELINE_PATH, `${JSON.stringify(baseline, null, 2)}\n`);
  say(`eval:understanding: wrote ${BASELINE_PATH}`);
}
if (complete) {
  const baseline = existsSync(BASELINE_PATH) ? (JSON.parse(readFileSync(BASELINE_PATH, "utf8")) as Baseline) : null;
  replaceMarkdownSection(
    "docs/EVALUATION.md",
    "Request understanding (eval:understanding)",
    renderSection({ run, summaries, manifest, baseline, patterns: devFailurePatterns(outcomes, 12), targets: checkTargets(summaries, "held-out"), catalogProblems }),
  );
  say("eval:understanding: wrote docs/EVALUATION.md (Request understanding)");
}
