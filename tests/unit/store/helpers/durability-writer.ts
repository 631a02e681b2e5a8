/**
 * Child process for the kill -9 durability test: writes feedback events to the store as fast as
 * it can, printing "sent <n>" before each write and "ack <n>" only after the store resolved it
 * (i.e. after the transaction committed). Runs until killed.
 * Usage: node --import tsx durability-writer.ts <database path> <FULL|NORMAL> [background]
 * ("background": WAL checkpoints on the store's worker thread every 5 ms, as the server runs them),
 * or durability-writer.ts <postgres://…> <schema> for the PostgreSQL store.
 */
import { openSqliteStore, type Store } from "../../../../lib/store";
import { openPostgresStore } from "../../../../lib/store/postgres/postgres-store";

const [databasePath, synchronous, checkpoints] = process.argv.slice(2);
const postgres = /^postgres(ql)?:\/\//.test(databasePath ?? "");
if (!databasePath || (!postgres && synchronous !== "FULL" && synchronous !== "NORMAL")) {
  process.stderr.write("usage: durability-writer.ts <database path> <FULL|NORMAL> | <postgres://…> <schema>\n");
  process.exit(2);
}

const store: Store = postgres
  ? await openPostgresStore({ connectionString: databasePath, schema: synchronous })
  : openSqliteStore({ path: databasePath, synchronous: synchronous as "FULL" | "NORMAL", ...(checkpoints === "background" ? { backgroundCheckpointMs: 5 } : {}) });
process.stdout.write("ready\n");
for (let sequence = 0; ; sequence++) {
  const impressionId = `impression-${sequence}`;
  process.stdout.write(`sent ${sequence}\n`);
  await store.recordImpression({
    id: impressionId,
    sessionId: "durability",
    createdAt: sequence,
    policy: "epsilon-greedy(0.1)",
    featureVersion: 1,
    context: { sequence },
    slots: [{ itemId: "ml:1", position: 0, explanationKind: "picked-for-you", explanationText: "Picked for you.", propensity: 0.9, features: { indexes: [1], values: [1] } }],
  });
  await store.recordFeedback({ impressionId, itemId: "ml:1", event: "like", at: sequence });
  // Pipes to the parent are synchronous on Linux: once this returns, the parent can read it.
  process.stdout.write(`ack ${sequence}\n`);
}
