import { Worker } from "node:worker_threads";

/**
 * The checkpointer's code. A string run with `eval` rather than a worker file, so that Next's
 * bundler has no second entry point to find; `require` resolves from the project root.
 */
const CHECKPOINTER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require("better-sqlite3");
const db = new Database(workerData.path, { timeout: workerData.busyTimeoutMs });
db.pragma("synchronous = NORMAL");
const checkpoint = (mode) => {
  try {
    db.pragma("wal_checkpoint(" + mode + ")");
  } catch (error) {
    // Busy or locked: the next tick tries again; the WAL just grows a little meanwhile.
  }
};
const timer = setInterval(() => checkpoint("PASSIVE"), workerData.intervalMs);
parentPort.on("message", (message) => {
  if (message !== "close") return;
  clearInterval(timer);
  checkpoint("PASSIVE");
  db.close();
  parentPort.postMessage("closed");
  parentPort.close();
});
`;

export interface WalCheckpointer {
  /** Runs a last checkpoint and stops the thread. */
  close(): Promise<void>;
}

/**
 * Checkpoints a WAL database from a worker thread with its own connection. A checkpoint copies
 * the WAL back into the database file and fsyncs both; run by a committing request (SQLite's
 * automatic checkpoint every 1000 pages) it stalls the event loop for that fsync, which on a
 * busy or slow disk takes tens of milliseconds and shows up as the p99. A PASSIVE checkpoint
 * never blocks writers or readers, so serving goes on while the thread waits for the disk.
 */
export function startWalCheckpointer(options: { path: string; intervalMs: number; busyTimeoutMs: number }): WalCheckpointer {
  const worker = new Worker(CHECKPOINTER_SOURCE, { eval: true, workerData: options });
  // A checkpointer must never keep a finished process (a test, a CLI run) alive.
  worker.unref();
  let closing: Promise<void> | null = null;
  return {
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        const done = () => resolve();
        worker.once("exit", done);
        worker.once("error", done);
        worker.once("message", (message) => {
          if (message === "closed") void worker.terminate().then(done, done);
        });
        worker.postMessage("close");
      })),
  };
}
