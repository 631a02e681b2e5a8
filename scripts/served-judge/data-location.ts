import { existsSync } from "node:fs";
import path from "node:path";

/** Where the judge reads the raw datasets from. */
export interface JudgeDataLocation {
  movieLensDir: string;
  /** Null when TMDB 5000 is absent: content relevance then rests on genres only. */
  tmdbDir: string | null;
}

/**
 * The same search order as the catalog build (REELCAST_DATA_DIR alone when set, else ./data/raw,
 * else ../shared/datasets), written here so the judge imports nothing from catalog/.
 */
export function findJudgeData(projectRoot = process.cwd(), environment: NodeJS.ProcessEnv = process.env): JudgeDataLocation {
  const roots = environment.REELCAST_DATA_DIR
    ? [path.resolve(projectRoot, environment.REELCAST_DATA_DIR)]
    : [path.join(projectRoot, "data", "raw"), path.resolve(projectRoot, "..", "shared", "datasets")];
  for (const root of roots) {
    const movieLensDir = path.join(root, "ml-latest-small");
    if (!["ratings.csv", "movies.csv", "links.csv"].every((file) => existsSync(path.join(movieLensDir, file)))) continue;
    const tmdbDir = path.join(root, "tmdb-5000");
    const hasTmdb = existsSync(path.join(tmdbDir, "tmdb_5000_movies.csv")) && existsSync(path.join(tmdbDir, "tmdb_5000_credits.csv.gz"));
    return { movieLensDir, tmdbDir: hasTmdb ? tmdbDir : null };
  }
  throw new Error(`eval:served: ml-latest-small not found in ${roots.join(" or ")}; set REELCAST_DATA_DIR`);
}
