import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test, type TestContext } from "node:test";
import { recommendResponseSchema } from "../../lib/pipeline/contract";
import { openSqliteStore } from "../../lib/store";
import { startNextServer } from "../../support/next-server";
import { recordFigure } from "../../support/abuse-figures";
import { childPids } from "./support/processes";

const EVENTS = ["click", "like", "play", "skip", "dismiss"] as const;

/**
 * kill -9 while 16 senders post feedback: of the whole server (primary and workers at once, a
 * crash) or of one worker (the others keep serving, the primary replaces it). Every event the
 * server acknowledged (202) must be in the database afterwards.
 */
for (const target of ["server", "worker"] as const) {
  test(`every acknowledged feedback event survives kill -9 of ${target === "server" ? "the whole server" : "a worker"} mid-load`, (context) => killDuringFeedback(context, target));
}

async function killDuringFeedback(context: TestContext, victim: "server" | "worker"): Promise<void> {
  const directory = mkdtempSync(path.join(tmpdir(), "reelcast-kill-"));
  const databasePath = path.join(directory, "reelcast.sqlite");
  const server = await startNextServer({ REELCAST_DB_PATH: databasePath, OPENAI_API_KEY: "", OPENAI_BASE_URL: "" });
  try {
    // Impressions to send feedback about: 12 answers × 10 items × 5 events = 600 distinct events.
    const targets: Array<{ impressionId: string; itemId: string; event: string }> = [];
    for (const query of ["comedy", "drama", "tom hanks", "pixar", "heat", "alien", "western", "horror", "war", "musical", "crime", "romance"]) {
      const response = await fetch(`${server.baseUrl}/api/recommend`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, limit: 10 }) });
      const body = recommendResponseSchema.parse(await response.json());
      for (const item of body.items) for (const event of EVENTS) targets.push({ impressionId: body.impressionId!, itemId: item.id, event });
    }
    const acknowledged: typeof targets = [];
    let next = 0;
    let killed = false;
    let connectionErrors = 0;
    const killAfter = Math.floor(targets.length / 3);
    // 16 concurrent senders; the kill lands while requests are in flight.
    const sender = async () => {
      // After a worker's death the others go on serving: the senders go on too.
      while (next < targets.length && (!killed || victim === "worker")) {
        const target = targets[next++];
        let status: number;
        let text = "";
        try {
          const response = await fetch(`${server.baseUrl}/api/feedback`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(target) });
          status = response.status;
          text = await response.text();
        } catch {
          connectionErrors++;
          continue; // the connection died with the server: not acknowledged
        }
        if (status === 202) acknowledged.push(target);
        else assert.fail(`unexpected ${status}: ${text}`);
        if (!killed && acknowledged.length >= killAfter) {
          killed = true;
          // Every server process at once, primary and workers: a crash, not a shutdown. Or one worker.
          if (victim === "server") server.kill("SIGKILL");
          else process.kill(childPids(server.process.pid!)[0], "SIGKILL");
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, sender));
    if (victim === "server") {
      await new Promise((resolve) => (server.process.exitCode !== null || server.process.signalCode !== null ? resolve(null) : server.process.once("exit", resolve)));
      assert.equal(server.process.signalCode, "SIGKILL");
      assert.ok(acknowledged.length >= killAfter && acknowledged.length < targets.length, `killed mid-load after ${acknowledged.length} of ${targets.length}`);
    } else {
      assert.ok(killed, "a worker was killed mid-load");
      await server.stop();
    }

    const store = openSqliteStore({ path: databasePath });
    try {
      const byImpression = new Map<string, Set<string>>();
      for (const target of acknowledged) {
        if (!byImpression.has(target.impressionId)) {
          const rows = await store.listFeedback(target.impressionId);
          byImpression.set(target.impressionId, new Set(rows.map((row) => `${row.itemId} ${row.event}`)));
        }
      }
      const missing = acknowledged.filter((target) => !byImpression.get(target.impressionId)!.has(`${target.itemId} ${target.event}`));
      assert.deepEqual(missing, [], "no acknowledged event was lost");
      const counts = await store.counts();
      assert.ok(counts.feedback >= acknowledged.length, `${counts.feedback} rows ≥ ${acknowledged.length} acknowledged`);
      context.diagnostic(`${next} events sent, ${acknowledged.length} acknowledged (202) before the kill, ${counts.feedback} feedback rows found, ${missing.length} acknowledged events missing`);
      recordFigure({
        fault: `kill -9 of ${victim === "server" ? "the whole server (primary and workers)" : "one of 2 workers"} during 16 concurrent feedback senders`,
        tried: next,
        outcomes: { 202: acknowledged.length, "connection error": connectionErrors },
        acked: acknowledged.length,
        found: acknowledged.length - missing.length,
        measured: { "feedback rows in the database": counts.feedback },
      });
    } finally {
      await store.close();
    }
  } finally {
    await server.stop();
    rmSync(directory, { recursive: true, force: true });
  }
}
