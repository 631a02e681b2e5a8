/**
 * `npm run bench:scale [-- --sizes 100000,1000000] [-- --json]`: how build and serving grow
 * with catalog size. For each size, writes a synthetic MovieLens-shaped dataset (power-law
 * popularity), runs the real `catalog:build` in a child process (build time, peak memory, bundle
 * size), then loads the bundle into a serving engine in another child (load time, RSS, fast-path
 * latency). A step that exceeds its time limit is recorded as not finished: that is where a
 * single machine ends.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { writeSyntheticMovieLens } from "./bench/synthetic-movielens";

const { values } = parseArgs({ options: { sizes: { type: "string" }, json: { type: "boolean" }, "limit-minutes": { type: "string" } } });
const sizes = (values.sizes ?? "100000,1000000").split(",").map(Number);
const limitMs = Number(values["limit-minutes"] ?? 30) * 60_000;
const log = (line: string) => {
  if (!values.json) process.stdout.write(`${line}\n`);
};

function run(args: string[], environment: Record<string, string>): Promise<{ code: number | null; output: string; ms: number; timedOut: boolean }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["--max-old-space-size=16384", "--import", "tsx", ...args], { env: { ...process.env, ...environment } });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, limitMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: Math.round(performance.now() - started), timedOut });
    });
  });
}

function directoryBytes(directory: string): number {
  return readdirSync(directory).reduce((sum, entry) => {
    const full = path.join(directory, entry);
    const stats = statSync(full);
    return sum + (stats.isDirectory() ? directoryBytes(full) : stats.size);
  }, 0);
}

const results: unknown[] = [];
for (const size of sizes) {
  const work = mkdtempSync(path.join(tmpdir(), `reelcast-scale-${size}-`));
  const dataDir = path.join(work, "raw");
  const catalogDir = path.join(work, "catalog");
  log(`${size.toLocaleString("en")} items: writing synthetic data…`);
  const generated = performance.now();
  await writeSyntheticMovieLens(dataDir, size);
  log(`  data written in ${((performance.now() - generated) / 1000).toFixed(1)} s`);
  const environment = { REELCAST_DATA_DIR: dataDir, REELCAST_CATALOG_DIR: catalogDir };
  const build = await run(["scripts/catalog-build.ts", "--force"], environment);
  const row: Record<string, unknown> = { items: size, buildSeconds: Math.round(build.ms / 100) / 10, buildFinished: build.code === 0 };
  if (build.code !== 0) {
    row.buildFailure = build.timedOut ? `exceeded ${limitMs / 60000} min` : build.output.split("\n").filter(Boolean).slice(-3).join(" | ");
    log(`  build did not finish: ${row.buildFailure}`);
  } else {
    const bundleDir = path.join(catalogDir, "bundles", readFileSync(path.join(catalogDir, "current"), "utf8").trim());
    const manifest = JSON.parse(readFileSync(path.join(bundleDir, "manifest.json"), "utf8"));
    row.peakBuildRssMb = manifest.peakRssMb;
    row.interactions = manifest.counts.interactions;
    row.bundleMb = Math.round(directoryBytes(bundleDir) / 1048576);
    row.stageSeconds = Object.fromEntries(Object.entries(manifest.artifacts as Record<string, { trainingSeconds?: number; seconds?: number }>).map(([name, info]) => [name, info?.trainingSeconds ?? info?.seconds ?? null]));
    log(`  build ${row.buildSeconds} s, peak RSS ${row.peakBuildRssMb} MB, bundle ${row.bundleMb} MB`);
    const serve = await run(["scripts/bench/serve-probe.ts", catalogDir], {});
    if (serve.code === 0) {
      Object.assign(row, { serve: JSON.parse(serve.output.trim().split("\n").at(-1)!) });
      log(`  serving: ${JSON.stringify(row.serve)}`);
    } else {
      row.serveFailure = serve.timedOut ? `exceeded ${limitMs / 60000} min` : serve.output.split("\n").filter(Boolean).slice(-3).join(" | ");
      log(`  serving failed: ${row.serveFailure}`);
    }
  }
  results.push(row);
  rmSync(work, { recursive: true, force: true });
}
if (values.json) process.stdout.write(`${JSON.stringify({ date: new Date().toISOString(), machine: "2 cores, 24 GiB, Node " + process.versions.node, results }, null, 2)}\n`);
