import { evaluationConfig, evaluationSteps, EVALUATION_RECORD_KIND, type EvaluationConfig, type StoredEvaluation } from "../evaluation";
import { ReelcastError } from "../errors/reelcast-error";
import type { JsonValue, OperatorRecord, Store } from "../store";
import { readEvaluationWindows } from "./evaluation-window-reader";

/**
 * The log evaluator on a schedule: every `intervalMs` of the log is one window, [k·interval,
 * (k+1)·interval), evaluated once its feedback horizon has passed (lib/evaluation: off-policy
 * estimates of the alternative policies, drift flags against the window before), and stored as
 * an operator record of kind "evaluation" whose payload is a `StoredEvaluation`.
 *
 * One run per window: windows are aligned to the interval, and a run first looks for a record of
 * its window and does nothing when there is one, so a restart, a second timer or a second server
 * on the same database does not evaluate the same window again (two servers starting the same
 * window in the same instant could both store it; readers keep the newest record of each window).
 * Within one server it runs only in the process that writes bandit snapshots (engine-singleton.ts).
 */

export interface LogEvaluatorOptions {
  store: Store;
  /** Window length and schedule. */
  intervalMs: number;
  /** Feedback counts within this long after its impression; a window is evaluated this long after it ends. */
  feedbackHorizonMs: number;
  /** At most this many impressions per window (more are thinned evenly). */
  maxImpressions: number;
  config?: EvaluationConfig;
  now?: () => number;
  log?: (line: string) => void;
  /** Between steps of reading and evaluating; default one macrotask, so requests interleave. */
  pause?: () => Promise<void>;
}

/** What a run did: stored its window's record, found one already there, found a run in progress, or failed (the store's error). */
export type LogEvaluationRun = { status: "stored"; record: OperatorRecord } | { status: "exists"; windowTo: number } | { status: "busy" } | { status: "failed"; message: string };

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The window a run at `now` evaluates: the newest whole one whose feedback horizon has passed. */
export function dueWindow(now: number, intervalMs: number, feedbackHorizonMs: number): { from: number; to: number } {
  const to = Math.floor((now - feedbackHorizonMs) / intervalMs) * intervalMs;
  return { from: to - intervalMs, to };
}

/** Whether a record of the window ending at `to` is stored (records are written after their window ends). */
async function evaluated(store: Store, to: number): Promise<boolean> {
  const records = await store.listOperatorRecords(EVALUATION_RECORD_KIND, { since: to, limit: 1000 });
  return records.some((record) => (record.payload as { window?: { to?: unknown } } | null)?.window?.to === to);
}

export function createLogEvaluator(options: LogEvaluatorOptions): { runOnce(): Promise<LogEvaluationRun> } {
  const now = options.now ?? Date.now;
  const pause = options.pause ?? nextTick;
  const config = options.config ?? evaluationConfig();
  let running = false;
  return {
    async runOnce() {
      if (running) return { status: "busy" };
      running = true;
      try {
        const started = now();
        const window = dueWindow(started, options.intervalMs, options.feedbackHorizonMs);
        if (await evaluated(options.store, window.to)) return { status: "exists", windowTo: window.to };
        const previous = { from: window.from - options.intervalMs, to: window.from };
        const read = await readEvaluationWindows(options.store, { windows: [window, previous], feedbackHorizonMs: options.feedbackHorizonMs, maxImpressions: options.maxImpressions, pause });
        const steps = evaluationSteps({ current: read.windows[0], previous: read.windows[1], config });
        let step = steps.next();
        while (!step.done) {
          await pause();
          step = steps.next();
        }
        const payload: StoredEvaluation = {
          ...step.value,
          reading: {
            feedbackHorizonMs: options.feedbackHorizonMs,
            impressionsFound: { current: read.stats.impressionsFound[0], previous: read.stats.impressionsFound[1] },
            maxImpressions: options.maxImpressions,
            entries: read.stats.entries,
            durationMs: now() - started,
          },
        };
        // Checked again: another process may have finished this window while this one read it.
        if (await evaluated(options.store, window.to)) return { status: "exists", windowTo: window.to };
        const record = await options.store.appendOperatorRecord({ kind: EVALUATION_RECORD_KIND, at: now(), payload: JSON.parse(JSON.stringify(payload)) as JsonValue });
        if (payload.drift.flagged.length > 0)
          options.log?.(`[reelcast] evaluation of ${new Date(window.from).toISOString()}–${new Date(window.to).toISOString()}: drift in ${payload.drift.flagged.join(", ")}`);
        return { status: "stored", record };
      } finally {
        running = false;
      }
    },
  };
}

/** REELCAST_EVALUATION_INTERVAL_MS: window and schedule (default 15 minutes); 0 turns the evaluator off. Throws for anything else below 1 s. */
export function evaluationIntervalFromEnvironment(environment: Readonly<Record<string, string | undefined>> = process.env): number {
  const text = environment.REELCAST_EVALUATION_INTERVAL_MS?.trim();
  if (!text) return DEFAULT_EVALUATION_INTERVAL_MS;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || (value > 0 && value < 1000)) {
    throw new ReelcastError("unavailable:api", `REELCAST_EVALUATION_INTERVAL_MS must be 0 (off) or at least 1000 milliseconds, got ${JSON.stringify(text)}.`);
  }
  return value;
}

const DEFAULT_EVALUATION_INTERVAL_MS = 15 * 60_000;
/** Feedback within 5 minutes of its impression counts (most comes within seconds); capped at the interval. */
export const DEFAULT_FEEDBACK_HORIZON_MS = 5 * 60_000;
const DEFAULT_MAX_EVALUATED_IMPRESSIONS = 20_000;

/**
 * Starts the schedule in this process: a check every minute (at most every interval) that
 * evaluates the due window when it has no record yet. Store failures are left to the store's
 * health reporting; the next check retries. Returns the evaluator (for tests) and a stop.
 */
export function startLogEvaluator(options: Omit<LogEvaluatorOptions, "feedbackHorizonMs" | "maxImpressions"> & Partial<Pick<LogEvaluatorOptions, "feedbackHorizonMs" | "maxImpressions">>): {
  runOnce(): Promise<LogEvaluationRun>;
  stop(): void;
} {
  const evaluator = createLogEvaluator({
    ...options,
    feedbackHorizonMs: options.feedbackHorizonMs ?? Math.min(DEFAULT_FEEDBACK_HORIZON_MS, options.intervalMs),
    maxImpressions: options.maxImpressions ?? DEFAULT_MAX_EVALUATED_IMPRESSIONS,
  });
  const runOnce = () =>
    evaluator.runOnce().catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      options.log?.(`[reelcast] evaluation failed: ${message}`);
      return { status: "failed", message } as const;
    });
  const timer = setInterval(() => void runOnce(), Math.min(60_000, options.intervalMs));
  timer.unref();
  return { runOnce, stop: () => clearInterval(timer) };
}
