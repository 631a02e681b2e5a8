import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { recommendResponseSchema } from "../../lib/pipeline/contract";
import { openSqliteStore } from "../../lib/store";
import { startNextServer } from "../../scripts/support/next-server";

const EVENTS = ["click", "like", "play", "skip", "dismiss"] as const;

test("every acknowledged feedback event survives kill -9 of the server mid-load", async (context) => {
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
    const killAfter = Math.floor(targets.length / 3);
    // 16 concurrent senders; the kill lands while requests are in flight.
    const sender = async () => {
      while (next < targets.length && !killed) {
        const target = targets[next++];
        let status: number;
        let text = "";
        try {
          const response = await fetch(`${server.baseUrl}/api/feedback`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(target) });
          status = response.status;
          text = await response.text();
        } catch {
          continue; // the connection died with the server: not acknowledged
        }
        if (status === 202) acknowledged.push(target);
        else assert.fail(`unexpected ${status}: ${text}`);
        if (!killed && acknowledged.length >= killAfter) {
          killed = true;
          // Every server process at once, primary and workers: a crash, not a shutdown.
          server.kill("SIGKILL");
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, sender));
    await new Promise((resolve) => (server.process.exitCode !== null || server.process.signalCode !== null ? resolve(null) : server.process.once("exit", resolve)));
    assert.equal(server.process.signalCode, "SIGKILL");
    assert.ok(acknowledged.length >= killAfter && acknowledged.length < targets.length, `killed mid-load after ${acknowledged.length} of ${targets.length}`);

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
    } finally {
      await store.close();
    }
  } finally {
    await server.stop();
    rmSync(directory, { recursive: true, force: true });
  }
});
