/**
 * npm run bandit:rebuild [-- --db <path>] [--dry-run] [--json]
 *
 * Rebuilds the bandit state from the event log in the store (impressions counted; each slot's
 * first feedback event a labelled observation, later ones moving its label; in log order —
 * exactly the nearline updates) and saves it as a new snapshot version. Use it after losing or
 * corrupting a snapshot, after changing the reward definitions or the state version (a
 * version-1 snapshot is refused and rebuilt this way), or to check that the live state matches
 * the log.
 * The database is REELCAST_DB_PATH (default .data/reelcast.sqlite) unless --db is given.
 */
import { catchUpFromLog, createBanditState, deserializeBanditState, FEATURE_VERSION, serializeBanditState } from "../lib/bandit";
import { databasePathFromEnvironment, isStoreError, openSqliteStore, type JsonValue } from "../lib/store";

interface Options {
  databasePath: string;
  dryRun: boolean;
  json: boolean;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { databasePath: databasePathFromEnvironment(), dryRun: false, json: false };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === "--db") {
      const value = argv[++index];
      if (!value) throw new Error("--db needs a path");
      options.databasePath = databasePathFromEnvironment({ REELCAST_DB_PATH: value });
    } else if (argument === "--dry-run") options.dryRun = true;
    else if (argument === "--json") options.json = true;
    else throw new Error(`Unknown option ${argument}. Usage: npm run bandit:rebuild [-- --db <path>] [--dry-run] [--json]`);
  }
  return options;
}

/** Largest absolute difference between two serialised states' weights (means and precisions). */
function largestDifference(left: ReturnType<typeof serializeBanditState>, right: ReturnType<typeof serializeBanditState>): number {
  const weights = new Map<number, [number, number]>();
  for (const [index, mean, precision] of left.weights) weights.set(index, [mean, precision]);
  let largest = 0;
  const seen = new Set<number>();
  for (const [index, mean, precision] of right.weights) {
    const other = weights.get(index) ?? [0, left.priorPrecision];
    largest = Math.max(largest, Math.abs(other[0] - mean), Math.abs(other[1] - precision));
    seen.add(index);
  }
  for (const [index, [mean, precision]] of weights) if (!seen.has(index)) largest = Math.max(largest, Math.abs(mean), Math.abs(precision - right.priorPrecision));
  return largest;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = performance.now();
  const store = openSqliteStore({ path: options.databasePath });
  try {
    const state = createBanditState();
    const replay = await catchUpFromLog(state, (afterSequence) => store.readEventLog({ afterSequence, limit: 2000 }));
    const progress = { lastSequence: replay.throughSequence };
    const counts = { impressions: replay.impressions, slots: replay.slots, feedback: replay.feedback, skipped: replay.skipped };
    const rebuilt = serializeBanditState(state);
    const previous = await store.loadBanditState();
    let comparison: { version: number; throughSequence: number; largestWeightDifference: number | null; note: string } | null = null;
    if (previous) {
      try {
        const previousState = serializeBanditState(deserializeBanditState(previous.state));
        comparison = {
          version: previous.version,
          throughSequence: previous.throughSequence,
          largestWeightDifference: largestDifference(previousState, rebuilt),
          note:
            previous.throughSequence === progress.lastSequence ? "same log position: a non-zero difference means the live state drifted from the log" : "the snapshot covers a different log position",
        };
      } catch (error) {
        comparison = {
          version: previous.version,
          throughSequence: previous.throughSequence,
          largestWeightDifference: null,
          note: `snapshot unreadable (${error instanceof Error ? error.message : String(error)})`,
        };
      }
    }
    const saved = options.dryRun ? null : await store.saveBanditState({ state: rebuilt as unknown as JsonValue, throughSequence: progress.lastSequence, savedAt: Date.now() });
    const result = {
      database: options.databasePath,
      throughSequence: progress.lastSequence,
      ...counts,
      featureVersion: FEATURE_VERSION,
      weightsStored: rebuilt.weights.length,
      previousSnapshot: comparison,
      savedVersion: saved?.version ?? null,
      seconds: Math.round((performance.now() - started) / 10) / 100,
    };
    if (options.json) {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return;
    }
    process.stdout.write(
      [
        `bandit:rebuild ${options.databasePath}`,
        `  replayed ${counts.impressions} impressions (${counts.slots} slots) and ${counts.feedback} feedback events through sequence ${progress.lastSequence} in ${result.seconds} s`,
        counts.skipped > 0
          ? `  skipped ${counts.skipped} log entries written with another feature version or an unknown event (this code builds feature version ${FEATURE_VERSION}); feedback on skipped impressions is skipped with them`
          : "  nothing skipped",
        comparison
          ? `  previous snapshot v${comparison.version} (through ${comparison.throughSequence}): largest weight difference ${comparison.largestWeightDifference ?? "n/a"} — ${comparison.note}`
          : "  no previous snapshot",
        saved ? `  saved snapshot v${saved.version} (${rebuilt.weights.length} non-prior weights)` : "  dry run: nothing saved",
      ].join("\n") + "\n",
    );
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  const message = isStoreError(error) ? `${error.code}: ${error.message}` : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`bandit:rebuild failed: ${message}\n`);
  process.exitCode = 1;
});
