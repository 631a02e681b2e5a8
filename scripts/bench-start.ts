/**
 * `npm run bench:start [-- --rounds N] [-- --before DIR] [-- --json] [-- --write]`: what `npm start`
 * adds to the server's own cold start when nothing is stale. Each round times `npm start`, the
 * start script without npm and `node scripts/serve.mjs` (taking turns), from spawn to the first
 * 200 of GET /api/health and to the fork of the server's first worker, with a fresh database each
 * time; what is added is the median of the per-round differences.
 * --before DIR times the same three commands in another checkout (already built) in the same rounds.
 * --write records the "Start-up (npm run bench:start)" section of docs/BENCHMARKS.md.
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { compareStartUps, NPM_START, SERVER_ALONE, START_SCRIPT, type StartCommand } from "./bench/start-up-time";
import { percentile } from "./bench/latency-stats";
import { describeCommit, runContext } from "./support/run-context";
import { replaceMarkdownSection } from "./support/markdown-section";
import { prepareApp } from "./support/prepare-app";

const argument = (name: string) => {
  const position = process.argv.indexOf(name);
  return position > 0 ? process.argv[position + 1] : undefined;
};
const asJson = process.argv.includes("--json");
const rounds = Number(argument("--rounds") ?? 7);
const cwd = process.cwd();
const beforeTree = argument("--before") ? path.resolve(argument("--before")!) : null;
const inBefore = (command: StartCommand): StartCommand => ({ ...command, label: `before: ${command.label}`, cwd: beforeTree! });
const TREE_COMMANDS = [NPM_START, START_SCRIPT, SERVER_ALONE];
const commands = [...TREE_COMMANDS, ...(beforeTree ? TREE_COMMANDS.map(inBefore) : [])];
const log = (line: string) => {
  if (!asJson) process.stdout.write(`${line}\n`);
};

// Whatever is stale gets built first: the rounds time the case where nothing is.
await prepareApp(process.cwd(), { log });
const loadBefore = os.loadavg()[0];
log(`Start-up: ${rounds} rounds of ${commands.map((command) => command.label).join(", ")}, taking turns…`);
// One untimed round: the first start after a build reads everything from disk.
await compareStartUps(commands, cwd, 1);
const samples = await compareStartUps(commands, cwd, rounds, log);
const summary = (runs: number[]) => ({ runs, median: percentile(runs, 0.5) });
const difference = (minuend: number[], subtrahend: number[]) => summary(minuend.map((milliseconds, round) => milliseconds - subtrahend[round]));
/** One tree's figures: each command's timings, and what npm start and the bare start script add over the server alone, per round. */
function figuresOf(label: (command: StartCommand) => string) {
  const healthy = (command: StartCommand) => samples[label(command)].map((timing) => timing.healthyMs);
  const forked = (command: StartCommand) => samples[label(command)].map((timing) => timing.firstWorkerMs);
  return {
    healthyMs: { npmStart: summary(healthy(NPM_START)), startScript: summary(healthy(START_SCRIPT)), serverAlone: summary(healthy(SERVER_ALONE)) },
    firstWorkerMs: { npmStart: summary(forked(NPM_START)), startScript: summary(forked(START_SCRIPT)), serverAlone: summary(forked(SERVER_ALONE)) },
    /** To the first 200: npm start − the server alone (the whole cold start's noise included). */
    addedToHealthyMs: difference(healthy(NPM_START), healthy(SERVER_ALONE)),
    /** Before the server's first worker starts: npm start − the server alone (npm, the launcher and its checks). */
    addedMs: difference(forked(NPM_START), forked(SERVER_ALONE)),
    /** Before the server's first worker starts: the bare start script − the server alone (the launcher and its checks, without npm). */
    launcherMs: difference(forked(START_SCRIPT), forked(SERVER_ALONE)),
  };
}
const context = runContext();
const beforeContext = beforeTree ? runContext(beforeTree) : null;
const report = {
  ...context,
  loadAverage: { before: Math.round(loadBefore * 10) / 10, after: Math.round(os.loadavg()[0] * 10) / 10 },
  rounds,
  current: figuresOf((command) => command.label),
  before: beforeTree ? { tree: beforeTree, commit: beforeContext!.commit, ...figuresOf((command) => inBefore(command).label) } : null,
};
if (asJson) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
for (const [name, figures] of [
  ["this tree", report.current],
  ["before", report.before],
] as const) {
  if (figures) {
    log(
      `${name}: to the first 200 npm start ${figures.healthyMs.npmStart.median} ms, server alone ${figures.healthyMs.serverAlone.median} ms (difference ${figures.addedToHealthyMs.median}); ` +
        `added before the server's first worker starts: npm start ${figures.addedMs.median} ms, start script without npm ${figures.launcherMs.median} ms`,
    );
  }
}

if (process.argv.includes("--write")) {
  type Figures = typeof report.current;
  const runs = (values: { runs: number[]; median: number }) => `${values.median} | ${values.runs.join(", ")}`;
  const rowsOf = (label: string, figures: Figures, startScript: string) => [
    `| ${label} | \`npm start\` | ${runs(figures.healthyMs.npmStart)} | ${figures.firstWorkerMs.npmStart.median} |`,
    `| ${label} | the start script without npm (\`${startScript}\`) | ${runs(figures.healthyMs.startScript)} | ${figures.firstWorkerMs.startScript.median} |`,
    `| ${label} | \`node scripts/serve.mjs\` (the server's own cold start) | ${runs(figures.healthyMs.serverAlone)} | ${figures.firstWorkerMs.serverAlone.median} |`,
  ];
  const addedOf = (label: string, figures: Figures) =>
    `| ${label} | **${figures.addedMs.median}** (${figures.addedMs.runs.join(", ")}) | ${figures.launcherMs.median} (${figures.launcherMs.runs.join(", ")}) | ${figures.addedToHealthyMs.median} (${figures.addedToHealthyMs.runs.join(", ")}) |`;
  const startScriptOf = (tree: string) => (JSON.parse(readFileSync(path.join(tree, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start;
  const current = describeCommit(context);
  const before = report.before ? `before: commit ${report.before.commit}` : "";
  replaceMarkdownSection(
    "docs/BENCHMARKS.md",
    "Start-up (npm run bench:start)",
    [
      `Command: \`npm run bench:start -- --write --rounds ${rounds}${beforeTree ? " --before <checkout of the commit before>" : ""}\` (scripts/bench-start.ts) · ${report.date.slice(0, 16).replace("T", " ")} UTC · ${current} · ${context.machine} · 1-minute load average ${report.loadAverage.before} at the start, ${report.loadAverage.after} at the end (the machine is shared).`,
      "",
      `Nothing stale, a fresh database per run, 2 worker processes; the commands take turns in each of ${rounds} rounds after one untimed round. Two clocks from spawn: the first 200 of GET /api/health (catalog, indexes, encoder, bandit and store loaded), and the moment the server's first worker process exists (/proc polled every 5 ms; serve.mjs forks it as soon as its primary runs). What a launcher adds happens before that fork, so the second clock measures it without the seconds-long, load-dependent noise of the worker's engine load; the first is the end-to-end check.`,
      "",
      "| tree | command | to first 200, median ms | runs ms | first worker forked at, median ms |",
      "|---|---|---:|---|---:|",
      ...rowsOf(current, report.current, startScriptOf(cwd)),
      ...(report.before ? rowsOf(before, report.before, startScriptOf(beforeTree!)) : []),
      "",
      "Added to the server's own cold start (medians of per-round differences, ms; runs in brackets):",
      "",
      "| tree | by `npm start`, before the first worker | by the start script without npm | to the first 200 (noisy) |",
      "|---|---:|---:|---:|",
      addedOf(current, report.current),
      ...(report.before ? [addedOf(before, report.before)] : []),
      "",
      `Target: \`npm start\` adds ≤ 150 ms — ${report.current.addedMs.median <= 150 ? "met" : "**not met**"} (${report.current.addedMs.median} ms, of which the project's launcher ${report.current.launcherMs.median} ms and npm's own start-up the rest${report.before ? `; before: ${report.before.addedMs.median} ms` : ""}).`,
    ].join("\n"),
  );
  log("wrote the Start-up section of docs/BENCHMARKS.md");
}
