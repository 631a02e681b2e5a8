import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { openSqliteStore, type Store } from "../../../lib/store";
import { postgresTest } from "./helpers/store-backends";
import { temporaryDatabase } from "./helpers/temporary-database";

const writer = path.join(path.dirname(fileURLToPath(import.meta.url)), "helpers", "durability-writer.ts");

/**
 * Starts the writer, SIGKILLs it after `killAfterAcks` acknowledgements (mid-stream: it never
 * pauses between writes), and returns what it sent and acknowledged.
 */
function runWriterUntilKilled(writerArguments: readonly string[], killAfterAcks: number): Promise<{ sent: number; acknowledged: Set<number>; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", writer, ...writerArguments], { stdio: ["ignore", "pipe", "pipe"] });
    let sent = 0;
    const acknowledged = new Set<number>();
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    createInterface({ input: child.stdout }).on("line", (line) => {
      const [kind, value] = line.split(" ");
      if (kind === "sent") sent = Math.max(sent, Number(value) + 1);
      if (kind === "ack") {
        acknowledged.add(Number(value));
        // A short delay lands the kill inside a later write rather than between two.
        if (acknowledged.size === killAfterAcks) setTimeout(() => child.kill("SIGKILL"), 3);
      }
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`writer did not reach ${killAfterAcks} acknowledgements in time; stderr: ${stderr}`));
    }, 60_000);
    child.on("exit", (_code, signal) => {
      clearTimeout(timer);
      if (signal !== "SIGKILL") reject(new Error(`writer exited on its own (${signal}); stderr: ${stderr}`));
      else resolve({ sent, acknowledged, signal });
    });
  });
}

/** Every acknowledged event is in the store's log, and nothing that was never sent. */
async function assertAcknowledgedFound(store: Store, run: { sent: number; acknowledged: Set<number>; signal: NodeJS.Signals | null }, report: (line: string) => void): Promise<void> {
  const { sent, acknowledged, signal } = run;
  assert.equal(signal, "SIGKILL");
  const found = new Set<number>();
  let after = 0;
  for (;;) {
    const entries = await store.readEventLog({ afterSequence: after, limit: 1000 });
    if (entries.length === 0) break;
    for (const entry of entries) if (entry.type === "feedback") found.add(Number(entry.impressionId.replace("impression-", "")));
    after = entries[entries.length - 1].sequence;
  }
  const lost = [...acknowledged].filter((sequence) => !found.has(sequence));
  report(`sent ${sent}, acknowledged ${acknowledged.size}, found ${found.size} (lost acknowledged: ${lost.length})`);
  assert.ok(acknowledged.size >= 300, "the writer was killed mid-stream, after 300 acknowledgements");
  assert.deepEqual(lost, [], "no acknowledged event may be lost");
  assert.ok(found.size <= sent, "nothing appears that was never sent");
  const counts = await store.counts();
  assert.equal(counts.feedback, found.size, "every stored feedback row is accounted for");
  assert.ok(counts.impressions >= found.size);
}

postgresTest("every acknowledged feedback event survives kill -9 of the writer (PostgreSQL, synchronous_commit=on)", async (database) => {
  const { connectionString, schema } = database.postgres!;
  const run = await runWriterUntilKilled([connectionString, schema], 300);
  await assertAcknowledgedFound(await database.open(), run, (line) => process.stderr.write(`PostgreSQL: ${line}\n`));
});

for (const [synchronous, checkpoints] of [
  ["FULL", "inline"],
  ["NORMAL", "inline"],
  ["NORMAL", "background"],
] as const) {
  test(`SQLite only: every acknowledged feedback event survives kill -9 of the writer (synchronous=${synchronous}, ${checkpoints} checkpoints)`, async (context) => {
    const database = temporaryDatabase();
    try {
      const run = await runWriterUntilKilled([database.path, synchronous, checkpoints], 300);
      const store = openSqliteStore({ path: database.path }); // recovers the WAL left by the killed writer
      try {
        await assertAcknowledgedFound(store, run, (line) => context.diagnostic(`synchronous=${synchronous}: ${line}`));
      } finally {
        await store.close();
      }
    } finally {
      database.cleanup();
    }
  });
}

test("SQLite only: with background checkpoints the WAL is copied into the database by the worker thread, not by commits", async () => {
  const database = temporaryDatabase();
  try {
    const store = openSqliteStore({ path: database.path, synchronous: "NORMAL", backgroundCheckpointMs: 10 });
    const { statSync } = await import("node:fs");
    const initialBytes = statSync(database.path).size;
    for (let sequence = 0; sequence < 400; sequence++) {
      await store.recordImpression({
        sessionId: "checkpoints",
        createdAt: sequence,
        policy: "greedy",
        featureVersion: 1,
        context: { sequence },
        slots: [{ itemId: "ml:1", position: 0, explanationKind: "picked-for-you", explanationText: "Picked for you.", propensity: 1, features: { indexes: [1, 2, 3], values: [1, 0.5, 0.25] } }],
      });
    }
    // Commits no longer checkpoint (wal_autocheckpoint is 0), so the database file only grows
    // when the thread copies the WAL into it.
    const deadline = Date.now() + 5_000;
    while (statSync(database.path).size <= initialBytes && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(statSync(database.path).size > initialBytes, "the background checkpoint wrote the pages into the database file");
    await store.close();
    const reopened = openSqliteStore({ path: database.path });
    assert.equal((await reopened.counts()).impressions, 400);
    await reopened.close();
  } finally {
    database.cleanup();
  }
});
