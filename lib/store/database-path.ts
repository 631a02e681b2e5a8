import path from "node:path";

/** Where the database lives unless REELCAST_DB_PATH says otherwise (relative to the project root). */
const DEFAULT_DATABASE_PATH = ".data/reelcast.sqlite";

/** Resolves REELCAST_DB_PATH (or the default) against `projectRoot`. ":memory:" passes through. */
export function databasePathFromEnvironment(environment: Readonly<Record<string, string | undefined>> = process.env, projectRoot = process.cwd()): string {
  const configured = environment.REELCAST_DB_PATH?.trim() || DEFAULT_DATABASE_PATH;
  return configured === ":memory:" ? configured : path.resolve(projectRoot, configured);
}
