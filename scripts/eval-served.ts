/**
 * npm run eval:served [-- --json] [--films 300] [--seed 16] [--no-live] [--no-write]
 *
 * The end-to-end judge of served answers (issue 16): films drawn with a fixed seed from those
 * with ≥ 20 likes, asked for in 11 phrasings ("Heat", "movies like Heat", "I loved Heat, what
 * should I watch next?", a typo, "a mix of Heat and Fargo"…) through the real pipeline
 * in-process, judged against relevance the judge computes itself from the raw ratings (and a
 * content signal from TMDB), beside a popularity baseline. The table judges a frozen bandit
 * (each request meets the fresh bandit); a second, live run lets the bandit learn from the run's
 * own impressions and shows the drift (--no-live skips it). Prints the table, PASS/FAIL per
 * target and three example answers per phrasing; writes the "## Served answers (eval:served)"
 * section of docs/EVALUATION.md (keeping its "### Before…" subsections) unless --no-write.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createEngine } from "../lib/server/engine-singleton";
import { openSqliteStore } from "../lib/store";
import { keptSubsections, protocolText, SECTION_HEADING, sectionBody } from "./served-judge/evaluation-section";
import { DEFAULT_FILMS, DEFAULT_SEED, driftTable, exampleLines, loadJudgeData, MARK_LEGEND, missLines, phrasingTable, runServedEval, targetLines, type ServedEvalResult } from "./served-judge";
import { replaceMarkdownSection } from "./support/markdown-section";
import { runContext } from "./support/run-context";

interface Options {
  json: boolean;
  films: number;
  seed: number;
  live: boolean;
  write: boolean;
}

const USAGE = "Usage: npm run eval:served [-- --json] [--films N] [--seed N] [--no-live] [--no-write]";

function parseOptions(argv: string[]): Options {
  const options: Options = { json: false, films: DEFAULT_FILMS, seed: DEFAULT_SEED, live: true, write: true };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    const value = () => {
      const next = argv[++index];
      if (next === undefined) throw new Error(`${argument} needs a value. ${USAGE}`);
      return next;
    };
    if (argument === "--json") options.json = true;
    else if (argument === "--no-write") options.write = false;
    else if (argument === "--no-live") options.live = false;
    else if (argument === "--films") options.films = Number(value());
    else if (argument === "--seed") options.seed = Number(value());
    else throw new Error(`Unknown option ${argument}. ${USAGE}`);
  }
  if (!Number.isInteger(options.films) || options.films < 2) throw new Error("--films must be an integer ≥ 2");
  if (!Number.isInteger(options.seed)) throw new Error("--seed must be an integer");
  return options;
}

const options = parseOptions(process.argv.slice(2));
const context = runContext();
const commit = `${context.commit}${context.uncommittedChanges ? " + uncommitted changes" : ""}`;
const log = (line: string) => process.stderr.write(`${line}\n`);
const started = performance.now();
const directory = mkdtempSync(path.join(os.tmpdir(), "reelcast-served-"));
const store = openSqliteStore({ path: path.join(directory, "served.sqlite") });
let exitCode = 0;
try {
  // As `npm run ask` builds it, but with a fresh store and the default bandit policy.
  const environment = { ...process.env };
  delete environment.REELCAST_BANDIT_POLICY;
  const engine = await createEngine({ environment, store, seed: options.seed });
  const data = loadJudgeData();
  log(
    `eval:served: seed ${options.seed}, ${options.films} films of ${data.pool.eligible.length} with ≥ 20 likes; data ${data.location.movieLensDir}${data.location.tmdbDir ? ` + ${data.location.tmdbDir}` : " (no TMDB: content relevance from genres only)"}`,
  );
  const progress = (label: string) => {
    let lastReported = 0;
    return (done: number, total: number) => {
      if (done === total || done - lastReported >= total / 5) {
        lastReported = done;
        log(`  ${label}: ${done}/${total} requests, ${((performance.now() - started) / 1000).toFixed(0)} s`);
      }
    };
  };
  const run = { films: options.films, seed: options.seed, data };
  const result = await runServedEval(engine, { ...run, banditLearning: "frozen", onRequest: progress("frozen bandit") });
  const live: ServedEvalResult | null = options.live ? await runServedEval(engine, { ...run, banditLearning: "live", onRequest: progress("live bandit") }) : null;
  const seconds = (performance.now() - started) / 1000;
  const reasoner = engine.llm.handle ? `llm:${engine.llm.handle.modelId}` : "offline (no LLM configured)";
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ ...result, live, seconds: Math.round(seconds * 10) / 10, reasoner, ...context, commit, catalog: engine.catalog.manifest.buildKey }, null, 2)}\n`);
  } else {
    const print = (line = "") => process.stdout.write(`${line}\n`);
    print(`Served answers — seed ${result.seed}, ${result.films} films, ${result.requests} requests, ${seconds.toFixed(1)} s, reasoner ${reasoner}`);
    print();
    print(phrasingTable(result));
    print();
    for (const line of targetLines(result)) print(line);
    print();
    if (live) {
      print(`Frozen bandit → bandit learning from the run's own ${live.requests} impressions (first / middle / last third of the films):`);
      print(driftTable(result, live));
      print();
    }
    print(`Example answers, frozen bandit (${MARK_LEGEND}):`);
    for (const line of exampleLines(result)) print(line);
    print();
    print("First requests missing the asked-for target (rank of the asked film or where it was shown back; first three titles):");
    for (const line of missLines(result)) print(line);
    print();
    print(protocolText(result));
  }
  if (options.write) {
    const file = path.join("docs", "EVALUATION.md");
    const facts = {
      date: context.date.slice(0, 10),
      machine: `${context.machine}, load average ${context.loadAverageAtStart} at start`,
      commit,
      catalog: `${engine.catalog.manifest.buildKey} (${engine.catalog.items.length} items)`,
      seconds,
      reasoner,
    };
    replaceMarkdownSection(file, SECTION_HEADING, sectionBody(result, live, facts, keptSubsections(file)));
    log(`eval:served: wrote the "${SECTION_HEADING}" section of ${file}`);
  }
  if (!result.pass) log("eval:served: some targets are not met (FAIL above)");
} catch (error) {
  log(`eval:served failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  exitCode = 1;
} finally {
  await store.close();
  rmSync(directory, { recursive: true, force: true });
}
process.exit(exitCode);
