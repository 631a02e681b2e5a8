import { existsSync } from "node:fs";
import path from "node:path";
import { buildCatalog } from "../../catalog/build";
import { buildLeanApi, LEAN_API_BUNDLE } from "./build-lean-api";
import { appFingerprint, isNextBuildFresh, markNextBuildFresh } from "./next-build-freshness";
import { runCommand } from "./run-command";

const log = (line: string) => process.stdout.write(`${line}\n`);

/**
 * Makes sure the catalog bundle exists and the production build matches the sources, building
 * either only when needed. Shared by `npm start` and `npm test`.
 */
export async function prepareApp(projectRoot = process.cwd()): Promise<void> {
  await buildCatalog({ projectRoot, log });
  // The lean API bundle (scripts/support/build-lean-api.ts) is part of the build, made after
  // `next build` (which empties .next).
  if (isNextBuildFresh(projectRoot)) {
    if (!existsSync(path.join(projectRoot, LEAN_API_BUNDLE))) await buildLeanApi(projectRoot);
    log("Production build is up to date.");
    return;
  }
  const fingerprint = appFingerprint(projectRoot);
  log("Building the app (next build)…");
  const code = await runCommand(process.execPath, ["node_modules/next/dist/bin/next", "build"]);
  if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
  await buildLeanApi(projectRoot);
  markNextBuildFresh(projectRoot, fingerprint);
}
