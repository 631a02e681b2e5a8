import type { Environment } from "../../lib/catalog/catalog";
import { existsSync } from "node:fs";
import path from "node:path";
import { buildCatalog } from "../../catalog/build";
import type { BuildStage } from "../../catalog/build-stage";
import { catalogOutputs, catalogReuseInputs } from "../../catalog/reuse-inputs";
import { BUILD_STAGES } from "../../catalog/stages";
import { captureStamp, checkStamp, withOutputs, writeStamp } from "./build-stamp.mjs";
import { buildLeanApi, LEAN_API_BUNDLE } from "./build-lean-api";
import { APP_SOURCE_TREES, appFingerprint, isNextBuildFresh, markNextBuildFresh, NEXT_BUILD_OUTPUTS } from "./next-build-freshness";
import { runCommand } from "./run-command";

export interface PrepareAppOptions {
  environment?: Environment;
  log?: (line: string) => void;
  /** The catalog's build stages (tests pass fewer). */
  stages?: readonly BuildStage[];
  /** The app's two build steps; tests replace them with stand-ins that only write the outputs. */
  build?: { next: (projectRoot: string) => Promise<void>; leanApi: (projectRoot: string) => Promise<void> };
}

async function nextBuild(): Promise<void> {
  const code = await runCommand(process.execPath, ["node_modules/next/dist/bin/next", "build"]);
  if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
}

/**
 * Makes sure the catalog bundle exists and the production build matches the sources, building
 * either only when needed. Shared by `npm start` (scripts/start.mjs runs it only when the build
 * stamp no longer holds), `npm test` and the benches. The build stamp (sizes and modification
 * times, scripts/support/build-stamp.mjs) answers in milliseconds when nothing changed; when it
 * does not hold, content hashes decide what to rebuild, and a new stamp is written.
 */
export async function prepareApp(projectRoot = process.cwd(), options: PrepareAppOptions = {}): Promise<void> {
  const environment = options.environment ?? process.env;
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const stages = options.stages ?? BUILD_STAGES;
  const build = options.build ?? { next: nextBuild, leanApi: buildLeanApi };
  const stamp = checkStamp(projectRoot, environment);
  if (stamp.current) {
    log("Catalog bundle and production build are up to date (build stamp).");
    return;
  }
  log(`Checking the catalog bundle and the production build by content (${stamp.reason})…`);
  const catalogInputs = catalogReuseInputs(projectRoot, stages, environment);
  // Taken before anything is read, so that a source edited during a build leaves a stale stamp.
  const before = catalogInputs ? captureStamp(projectRoot, { ...catalogInputs, trees: [...APP_SOURCE_TREES, ...catalogInputs.trees] }, environment) : null;
  const { bundleDir } = await buildCatalog({ projectRoot, environment, log, stages });
  await buildAppWhenStale(projectRoot, build, log);
  const outputs = [...catalogOutputs(projectRoot, bundleDir, environment), ...NEXT_BUILD_OUTPUTS, LEAN_API_BUNDLE];
  if (before) writeStamp(projectRoot, withOutputs(projectRoot, before, outputs));
}

/** `next build` (and the lean API bundle after it) when the app's sources hash differently from the last build's. */
async function buildAppWhenStale(projectRoot: string, build: NonNullable<PrepareAppOptions["build"]>, log: (line: string) => void): Promise<void> {
  // The lean API bundle (scripts/support/build-lean-api.ts) is part of the build, made after
  // `next build` (which empties .next).
  if (isNextBuildFresh(projectRoot)) {
    if (!existsSync(path.join(projectRoot, LEAN_API_BUNDLE))) await build.leanApi(projectRoot);
    log("Production build is up to date.");
    return;
  }
  const fingerprint = appFingerprint(projectRoot);
  log("Building the app (next build)…");
  await build.next(projectRoot);
  await build.leanApi(projectRoot);
  markNextBuildFresh(projectRoot, fingerprint);
}
