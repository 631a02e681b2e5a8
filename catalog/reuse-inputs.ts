import type { Environment } from "../lib/catalog/catalog";
import { existsSync } from "node:fs";
import path from "node:path";
import { BUNDLE_FILES } from "./bundle-files";
import { catalogRoot, currentPointer } from "./bundle-loader";
import { candidateDataDirs } from "./data-dir";
import { MOVIELENS_FILES } from "./sources/movielens";
import { TMDB_FILES } from "./sources/tmdb";
import type { BuildStage } from "./build-stage";

/** Code whose change must produce a new bundle (lib/hash: the timeline model's tie order). */
export const BUNDLE_CODE_DIRECTORIES = ["catalog", "lib/catalog", "lib/retrieval", "lib/ai", "lib/hash"];
export const BUNDLE_CODE_EXTENSIONS = [".ts"];

/** What buildCatalog's reuse decision reads, as files and variables whose change calls for a new look. */
export interface CatalogReuseInputs {
  trees: Array<{ entry: string; extensions: string[] }>;
  files: string[];
  /** Files whose appearance would change which data directory wins. */
  absent: string[];
  environment: string[];
}

/**
 * The inputs of buildCatalog's build key (sources, bundle code, stage variables, seed and schema
 * being constants of the code) plus the variables that choose where data and bundles live: what
 * the start-up stamp (scripts/support/build-stamp.mjs) watches so that an unchanged catalog needs
 * no hashing. Null when no data directory holds MovieLens yet (the build will download it).
 */
export function catalogReuseInputs(projectRoot: string, stages: readonly BuildStage[], environment: Environment = process.env): CatalogReuseInputs | null {
  const absent: string[] = [];
  for (const root of candidateDataDirs(projectRoot, environment)) {
    const movieLens = MOVIELENS_FILES.map((name) => path.join(root, "ml-latest-small", name));
    const missing = movieLens.filter((file) => !existsSync(file));
    if (missing.length > 0) {
      absent.push(...missing);
      continue;
    }
    const tmdb = TMDB_FILES.map((name) => path.join(root, "tmdb-5000", name));
    const tmdbPresent = tmdb.every((file) => existsSync(file));
    if (!tmdbPresent) absent.push(...tmdb.filter((file) => !existsSync(file)));
    return {
      trees: BUNDLE_CODE_DIRECTORIES.map((entry) => ({ entry, extensions: BUNDLE_CODE_EXTENSIONS })),
      files: [...movieLens, ...(tmdbPresent ? tmdb : [])],
      absent,
      environment: ["REELCAST_DATA_DIR", "REELCAST_CATALOG_DIR", ...new Set(stages.flatMap((stage) => stage.environmentKeys ?? []))],
    };
  }
  return null;
}

/** What a catalog build leaves that serving reads: the pointer and the manifest of the bundle it names. */
export function catalogOutputs(projectRoot: string, bundleDir: string, environment: Environment = process.env): string[] {
  return [currentPointer(catalogRoot(projectRoot, environment)), path.join(bundleDir, BUNDLE_FILES.manifest)];
}
