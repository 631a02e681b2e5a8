import type { Environment } from "../lib/catalog/catalog";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { extractZip } from "./zip-extract";
import { MOVIELENS_FILES } from "./sources/movielens";
import { TMDB_FILES } from "./sources/tmdb";

const MOVIELENS_URL = "https://files.grouplens.org/datasets/movielens/ml-latest-small.zip";

export interface DataLocation {
  /** Directory holding ml-latest-small/ (and maybe tmdb-5000/). */
  root: string;
  movieLensDir: string;
  /** Null when TMDB 5000 is not present: the build then goes on without enrichment. */
  tmdbDir: string | null;
}

function hasAll(directory: string, files: readonly string[]): boolean {
  return files.every((file) => existsSync(path.join(directory, file)));
}

/**
 * The directories to look in, in order: `REELCAST_DATA_DIR` when set (and only it), otherwise
 * ./data/raw and ../shared/datasets relative to the project root.
 */
export function candidateDataDirs(projectRoot: string, environment: Environment = process.env): string[] {
  if (environment.REELCAST_DATA_DIR) return [path.resolve(projectRoot, environment.REELCAST_DATA_DIR)];
  return [path.join(projectRoot, "data", "raw"), path.resolve(projectRoot, "..", "shared", "datasets")];
}

/** Finds the first candidate holding MovieLens; null when none does. */
export function findDataLocation(candidates: readonly string[]): DataLocation | null {
  for (const root of candidates) {
    const movieLensDir = path.join(root, "ml-latest-small");
    if (!hasAll(movieLensDir, MOVIELENS_FILES)) continue;
    const tmdbDir = path.join(root, "tmdb-5000");
    return { root, movieLensDir, tmdbDir: hasAll(tmdbDir, TMDB_FILES) ? tmdbDir : null };
  }
  return null;
}

/**
 * Downloads ml-latest-small.zip into `targetRoot` and unpacks it, printing progress. Throws an
 * error naming the directory and the variable to use instead when the download fails.
 */
export async function downloadMovieLens(targetRoot: string, log: (line: string) => void, url = MOVIELENS_URL): Promise<void> {
  const advice =
    `Download ${url} yourself and unzip it into ${targetRoot} (giving ${path.join(targetRoot, "ml-latest-small")}/ratings.csv), ` +
    `or set REELCAST_DATA_DIR to a directory that holds ml-latest-small/ (and optionally tmdb-5000/).`;
  log(`MovieLens not found; downloading ${url}`);
  let archive: Buffer;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(120_000) });
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
    const total = Number(response.headers.get("content-length") ?? 0);
    const chunks: Uint8Array[] = [];
    let received = 0;
    let lastReport = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      chunks.push(chunk);
      received += chunk.length;
      if (received - lastReport > 256 * 1024) {
        lastReport = received;
        log(total ? `  ${((100 * received) / total).toFixed(0)}% of ${(total / 1e6).toFixed(1)} MB` : `  ${(received / 1e6).toFixed(1)} MB`);
      }
    }
    archive = Buffer.concat(chunks);
  } catch (error) {
    throw new Error(`Could not download MovieLens (${(error as Error).message}). ${advice}`);
  }
  mkdirSync(targetRoot, { recursive: true });
  extractZip(archive, targetRoot);
  if (!hasAll(path.join(targetRoot, "ml-latest-small"), MOVIELENS_FILES)) {
    throw new Error(`The downloaded archive did not contain ml-latest-small/{${MOVIELENS_FILES.join(",")}}. ${advice}`);
  }
  log(`MovieLens unpacked into ${path.join(targetRoot, "ml-latest-small")}`);
}
