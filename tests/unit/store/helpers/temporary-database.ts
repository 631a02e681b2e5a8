import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS, type NewImpression } from "../../../../lib/store";

/** A fresh directory for one test's database files; `cleanup` removes it. */
export function temporaryDatabase(name = "reelcast.sqlite"): { directory: string; path: string; cleanup: () => void } {
  const directory = mkdtempSync(path.join(os.tmpdir(), "reelcast-store-test-"));
  return { directory, path: path.join(directory, name), cleanup: () => rmSync(directory, { recursive: true, force: true }) };
}

/** A small valid impression: `items` shown in order with propensities 0.5, 0.25, … */
export function sampleImpression(overrides: Partial<NewImpression> = {}, items = ["ml:1", "ml:2", "ml:3"]): NewImpression {
  return {
    sessionId: "session-aaaaaaaaaaaaaaaa",
    createdAt: 1_700_000_000_000,
    policy: "epsilon-greedy(0.1)",
    featureVersion: 1,
    context: { path: "fast", hourOfDay: 21, likedItemIds: ["ml:6"] },
    slots: items.map((itemId, position) => ({
      itemId,
      position,
      explanationKind: position === 0 ? "because-you-liked" : "picked-for-you",
      explanationText: `Reason ${position} for ${itemId}.`,
      propensity: 1 / 2 ** (position + 1),
      features: { indexes: [position, 100 + position], values: [1, 0.5] },
    })),
    ...overrides,
  };
}

/** A raw connection to a new database at `file` migrated up to `version` only, as older code left it (close it before opening the store). */
export function databaseAtVersion(file: string, version: number): Database.Database {
  const raw = new Database(file);
  raw.exec("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT");
  for (const migration of MIGRATIONS.filter((each) => each.version <= version)) {
    raw.exec(migration.sql);
    raw.prepare("INSERT INTO schema_version VALUES (?, ?, 1)").run(migration.version, migration.name);
  }
  return raw;
}
