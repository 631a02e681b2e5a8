/**
 * What the server's edge tells the metrics, besides what the serving core tells them
 * (serving-observer.ts): every request served (scripts/serve.mjs, the one place every request
 * passes, lean handler and Next alike), every store call that failed (lib/server/store-health.ts)
 * and every fair-use refusal (lib/server/fair-use.ts).
 */
export interface ServerObserver {
  /** A request finished: its path label (path-label.ts), status label and wall time in seconds. */
  requestServed(path: string, status: string, seconds: number): void;
  /** A store call failed; `cause` is the outage cause (damaged, full, read-only, locked, …) or "other". */
  storeFailed(cause: string): void;
  /** A fair-use refusal (429); `limit` is the limiter that refused ("requests", "sessions"). */
  rateLimited(limit: string): void;
}
