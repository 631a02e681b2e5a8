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
    return db.pragma("wal_checkpoint(" + mode + ")")[0];
  } catch (error) {
    // Busy or locked: the next tick tries again; the WAL just grows a little meanwhile.
    return null;
  }
};
// Under constant load a PASSIVE checkpoint rarely finds a moment with no reader, and the WAL
// grows without bound (hundreds of MB in minutes): past the limit, truncate it.
const timer = setInterval(() => {
  const result = checkpoint("PASSIVE");
  if (result && result.log > workerData.walLimitFrames) truncate();
}, workerData.intervalMs);
// TRUNCATE holds writers out while it waits for readers: wait briefly, then leave it to the next call.
const truncate = () => {
  db.pragma("busy_timeout = " + workerData.truncateWaitMs);
  try {
    const [result] = db.pragma("wal_checkpoint(TRUNCATE)");
    return result.busy === 0;
  } catch (error) {
    return false;
  } finally {
    db.pragma("busy_timeout = " + workerData.busyTimeoutMs);
  }
};
parentPort.on("message", (message) => {
  if (message && message.type === "truncate") {
    parentPort.postMessage({ type: "truncated", id: message.id, truncated: truncate() });
    return;
  }
  if (message !== "close") return;
  clearInterval(timer);
  checkpoint("PASSIVE");
  db.close();
  parentPort.postMessage("closed");
  parentPort.close();
});
`;

export interface WalCheckpointer {
  /**
   * Checkpoints the whole WAL and truncates it to zero bytes, waiting at most a moment for
   * readers and writers; false when they kept it from completing.
   */
  truncate(): Promise<boolean>;
  /** Runs a last checkpoint and stops the thread. */
  close(): Promise<void>;
}

/** How long a TRUNCATE checkpoint waits for readers (it holds writers out meanwhile). */
const TRUNCATE_WAIT_MS = 100;
/** WAL frames (pages, 4 KiB by default) past which the checkpointer truncates the WAL: 64 MiB. */
const WAL_LIMIT_FRAMES = 16_384;

/**
 * Checkpoints a WAL database from a worker thread with its own connection. A checkpoint copies
 * the WAL back into the database file and fsyncs both; run by a committing request (SQLite's
 * automatic checkpoint every 1000 pages) it stalls the event loop for that fsync, which on a
 * busy or slow disk takes tens of milliseconds and shows up as the p99. A PASSIVE checkpoint
 * never blocks writers or readers, so serving goes on while the thread waits for the disk.
 */
export function startWalCheckpointer(options: { path: string; intervalMs: number; busyTimeoutMs: number }): WalCheckpointer {
  const worker = new Worker(CHECKPOINTER_SOURCE, { eval: true, workerData: { ...options, truncateWaitMs: TRUNCATE_WAIT_MS, walLimitFrames: WAL_LIMIT_FRAMES } });
  // A checkpointer must never keep a finished process (a test, a CLI run) alive.
  worker.unref();
  let closing: Promise<void> | null = null;
  let nextId = 0;
  const pending = new Map<number, (truncated: boolean) => void>();
  worker.on("message", (message: unknown) => {
    if (typeof message !== "object" || message === null) return;
    const { type, id, truncated } = message as { type?: unknown; id?: unknown; truncated?: unknown };
    if (type !== "truncated" || typeof id !== "number") return;
    pending.get(id)?.(truncated === true);
    pending.delete(id);
  });
  return {
    truncate: () => {
      if (closing) return Promise.resolve(false);
      const id = nextId++;
      return new Promise<boolean>((resolve) => {
        pending.set(id, resolve);
        worker.postMessage({ type: "truncate", id });
      });
    },
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        const done = () => resolve();
        worker.once("exit", done);
        worker.once("error", done);
        worker.on("message", (message) => {
          if (message === "closed") void worker.terminate().then(done, done);
        });
        for (const resolvePending of pending.values()) resolvePending(false);
        pending.clear();
        worker.postMessage("close");
      })),
  };
}
