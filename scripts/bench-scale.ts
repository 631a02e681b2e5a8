/**
 * `npm run bench:scale [-- --sizes 20000,100000,1000000]`: how the catalog build and serving
 * grow with catalog size, and where one machine stops.
 *
 * For each size: writes a synthetic dataset in the real source formats (scripts/bench/
 * synthetic-catalog.ts: the real item schema and field distributions, a power-law rating log in
 * the real catalog's proportions), runs the real `catalog:build --force` in a child process with
 * REELCAST_DATA_DIR and REELCAST_CATALOG_DIR pointing into a temporary directory (the project's
 * .data/ bundle is only read, as the generator's template; the run stops if one of its synthetic
 * bundles ever shows up there), then
 * loads the bundle into the serving engine in another child (serve-probe.ts). Both children are
 * watched from /proc (resident memory per build phase) and killed at the time or memory limit;
 * a step that is killed or crashes is recorded as not finished, with the phase it was in, and
 * the in-memory stage probe (stage-probe.ts) then measures the steps after the break.
 *
 * Options: --sizes (default 20000,100000,1000000), --limit-minutes per child (default 60),
 * --memory-limit-mb per child (default 18000), --min-available-mb (default 1500: kill the child
 * before the machine runs out), --heap-mb (V8 old space, default 16384), --seed (default 1),
 * --out <file> (JSON, rewritten after every step), --json (JSON on stdout only), --keep (keep
 * the temporary directories), --no-stage-probe.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { catalogRoot, currentPointer, loadCurrentCatalog } from "../catalog/bundle-loader";
import { buildPhaseOf } from "./bench/build-phases";
import { killRunningChildren, runMonitored, type MonitoredRun, type PhaseRecord } from "./bench/child-monitor";
import { syntheticProfile, writeSyntheticCatalog, type SyntheticCatalogSummary } from "./bench/synthetic-catalog";
import { describeRun, runContext } from "./support/run-context";

const { values } = parseArgs({
  options: {
    sizes: { type: "string" },
    "limit-minutes": { type: "string" },
    "memory-limit-mb": { type: "string" },
    "min-available-mb": { type: "string" },
    "heap-mb": { type: "string" },
    seed: { type: "string" },
    out: { type: "string" },
    json: { type: "boolean" },
    keep: { type: "boolean" },
    "no-stage-probe": { type: "boolean" },
  },
});
const sizes = (values.sizes ?? "20000,100000,1000000").split(",").map((text) => Number(text.trim()));
if (sizes.some((size) => !Number.isInteger(size) || size < 100)) throw new Error(`--sizes must be integers ≥ 100, got ${values.sizes}`);
const limits = {
  timeLimitMs: Number(values["limit-minutes"] ?? 60) * 60_000,
  memoryLimitMb: Number(values["memory-limit-mb"] ?? 18_000),
  minimumAvailableMb: Number(values["min-available-mb"] ?? 1_500),
  maxOldSpaceMb: Number(values["heap-mb"] ?? 16_384),
};
const seed = Number(values.seed ?? 1);
const log = (line: string) => {
  if (!values.json) process.stdout.write(`${line}\n`);
};

function directoryBytes(directory: string): number {
  return readdirSync(directory).reduce((sum, entry) => {
    const full = path.join(directory, entry);
    const stats = statSync(full);
    return sum + (stats.isDirectory() ? directoryBytes(full) : stats.size);
  }, 0);
}

/** The merged `result {json}` lines of a probe's output. */
function probeResults(run: MonitoredRun): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const line of run.stdout.split("\n")) if (line.startsWith("result ")) Object.assign(merged, JSON.parse(line.slice("result ".length)));
  return merged;
}

const summariseRun = (run: MonitoredRun) => ({
  finished: run.finished,
  failure: run.failure,
  lastPhase: run.lastPhase,
  seconds: run.seconds,
  peakRssMb: run.peakRssMb,
  meanLoadAverage: run.meanLoadAverage,
  cpuSeconds: run.cpuSeconds,
  pausedSeconds: run.pausedSeconds,
  phases: run.phases.filter((phase: PhaseRecord) => phase.seconds >= 0.1),
  tail: run.finished ? undefined : run.tail,
});

// The project's bundle: the generator's template, and what must come out of this run untouched.
const projectCatalogRoot = catalogRoot();
const projectState = () =>
  JSON.stringify({
    current: existsSync(currentPointer(projectCatalogRoot)) ? readFileSync(currentPointer(projectCatalogRoot), "utf8") : null,
    bundles: existsSync(path.join(projectCatalogRoot, "bundles")) ? readdirSync(path.join(projectCatalogRoot, "bundles")).sort() : [],
  });
const projectBefore = projectState();
const template = loadCurrentCatalog(projectCatalogRoot);
const profile = syntheticProfile(template);
log(`Template: ${template.bundleDir} (${template.items.length} items, ${template.interactions.users.length} ratings, ${template.interactions.userCount} users)`);

// Date, commit and machine of this run, read as it starts.
const run = runContext();
log(`Run: ${describeRun(run)}`);
const report = {
  ...run,
  limits,
  seed,
  results: [] as Record<string, unknown>[],
};
const save = () => {
  if (values.out) writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
};

/** Build keys of this run's synthetic bundles. */
const builtKeys: string[] = [];
let work: string | null = null;
const cleanUp = () => {
  if (work && !values.keep) rmSync(work, { recursive: true, force: true });
};
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    killRunningChildren();
    cleanUp();
    process.exit(130);
  });
}

for (const size of sizes) {
  work = mkdtempSync(path.join(tmpdir(), `reelcast-scale-${size}-`));
  const dataDir = path.join(work, "raw");
  const catalogDir = path.join(work, "catalog");
  const row: Record<string, unknown> = { items: size };
  report.results.push(row);
  try {
    log(`\n${size.toLocaleString("en")} items (${work})`);
    const generated = performance.now();
    const synthetic: SyntheticCatalogSummary = await writeSyntheticCatalog(dataDir, size, profile, seed);
    row.synthetic = { ...synthetic, seconds: Math.round((performance.now() - generated) / 100) / 10 };
    log(`  synthetic data: ${JSON.stringify(row.synthetic)}`);
    save();

    const onLine = (line: string) => log(`    │ ${line}`);
    const build = await runMonitored({
      ...limits,
      args: ["scripts/catalog-build.ts", "--force"],
      environment: { REELCAST_DATA_DIR: dataDir, REELCAST_CATALOG_DIR: catalogDir },
      phaseOf: buildPhaseOf,
      onLine,
    });
    row.build = summariseRun(build);
    log(
      `  build: ${build.finished ? "finished" : `NOT FINISHED (${build.failure}) in phase "${build.lastPhase}"`} after ${build.seconds} s (CPU ${build.cpuSeconds} s, paused ${build.pausedSeconds} s), peak RSS ${build.peakRssMb} MB`,
    );
    for (const record of build.phases) log(`    ${record.name}: ${record.seconds} s wall, ${record.cpuSeconds} s CPU, ${record.pausedSeconds} s paused, peak ${record.peakRssMb} MB`);
    save();
    if (build.finished) {
      const buildKey = readFileSync(path.join(catalogDir, "current"), "utf8").trim();
      builtKeys.push(buildKey);
      const bundleDir = path.join(catalogDir, "bundles", buildKey);
      const manifest = JSON.parse(readFileSync(path.join(bundleDir, "manifest.json"), "utf8"));
      const files = Object.fromEntries(readdirSync(bundleDir).map((file) => [file, Math.round(statSync(path.join(bundleDir, file)).size / 1048576)]));
      Object.assign(row, {
        interactions: manifest.counts.interactions,
        counts: manifest.counts,
        manifestBuildSeconds: manifest.buildSeconds,
        manifestPeakRssMb: manifest.peakRssMb,
        bundleMb: Math.round(directoryBytes(bundleDir) / 1048576),
        bundleFilesMb: files,
      });
      log(`  bundle ${row.bundleMb} MB: ${JSON.stringify(files)}`);
      const serve = await runMonitored({ ...limits, args: ["--expose-gc", "scripts/bench/serve-probe.ts", catalogDir], phaseOf: buildPhaseOf, onLine });
      row.serve = { ...summariseRun(serve), ...probeResults(serve) };
      log(`  serving: ${serve.finished ? "finished" : `NOT FINISHED (${serve.failure}) in phase "${serve.lastPhase}"`}; ${JSON.stringify(probeResults(serve))}`);
    } else if (!values["no-stage-probe"]) {
      row.interactions = synthetic.ratings;
      log("  stage probe: the build's steps in memory, past the one that broke");
      const probe = await runMonitored({ ...limits, args: ["--expose-gc", "scripts/bench/stage-probe.ts", dataDir, work], phaseOf: buildPhaseOf, onLine });
      row.stageProbe = { ...summariseRun(probe), ...probeResults(probe) };
      log(`  stage probe: ${probe.finished ? "finished" : `NOT FINISHED (${probe.failure}) in phase "${probe.lastPhase}"`}; ${JSON.stringify(probeResults(probe))}`);
    }
  } catch (error) {
    row.error = (error as Error).stack ?? String(error);
    log(`  error: ${row.error}`);
  } finally {
    cleanUp();
    save();
  }
  // Another engineer may rebuild the real catalog meanwhile; what must never happen is one of
  // this run's synthetic bundles landing in the project's catalog.
  const leaked = builtKeys.filter((key) => existsSync(path.join(projectCatalogRoot, "bundles", key)));
  if (leaked.length > 0) throw new Error(`bench:scale wrote synthetic bundle(s) ${leaked.join(", ")} into ${projectCatalogRoot}: stopping`);
}

const cell = (value: unknown) => (value === undefined || value === null ? "—" : String(value));
log("\n| items | interactions | build s | build peak RSS MB | bundle MB | engine load s | serving RSS MB | fast path p50 / p99 ms |");
log("|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const row of report.results) {
  const build = row.build as ReturnType<typeof summariseRun> | undefined;
  const serve = row.serve as { loadSeconds?: number; rssServingMb?: number; fastPathMs?: { p50: number; p99: number } } | undefined;
  const buildCell = build?.finished ? build.seconds : `not finished (${build?.failure ?? row.error}, ${build?.lastPhase})`;
  log(
    `| ${Number(row.items).toLocaleString("en")} | ${cell(row.interactions)} | ${buildCell} | ${cell(build?.peakRssMb)} | ${cell(row.bundleMb)} | ${cell(serve?.loadSeconds)} | ${cell(serve?.rssServingMb)} | ${serve?.fastPathMs ? `${serve.fastPathMs.p50} / ${serve.fastPathMs.p99}` : "—"} |`,
  );
}
log(
  projectState() === projectBefore
    ? `\nProject catalog ${projectCatalogRoot} unchanged (current pointer and bundle list compared before and after).`
    : `\nProject catalog ${projectCatalogRoot} changed during the run (another process rebuilt it); none of this run's bundles (${builtKeys.join(", ")}) is in it.`,
);
if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
