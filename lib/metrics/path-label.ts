/**
 * The path label of a served request: one of a fixed set, so that a client cannot grow the
 * metrics with made-up paths, and so that no session id, query string or file name ever reaches
 * the metrics output.
 */
const API_PATHS = new Set(["/api/recommend", "/api/chat", "/api/feedback", "/api/narration", "/api/health", "/api/metrics"]);

/** Labels every path maps to, for tests and for listing panels in a stable order. */
export const PATH_LABELS = [
  "/api/recommend",
  "/api/chat",
  "/api/feedback",
  "/api/narration",
  "/api/health",
  "/api/metrics",
  "/api/conversations/:id",
  "/api/other",
  "/",
  "/insights",
  "/_next/static",
  "page/other",
] as const;

export type PathLabel = (typeof PATH_LABELS)[number];

/** The label for a request target (path with an optional query string). */
export function pathLabel(target: string | undefined): PathLabel {
  const text = target ?? "/";
  const query = text.search(/[?#]/);
  const path = query < 0 ? text : text.slice(0, query);
  if (API_PATHS.has(path)) return path as PathLabel;
  if (path.startsWith("/api/conversations/")) return "/api/conversations/:id";
  if (path === "/api" || path.startsWith("/api/")) return "/api/other";
  if (path === "/") return "/";
  if (path === "/insights") return "/insights";
  if (path.startsWith("/_next/")) return "/_next/static";
  return "page/other";
}

/** The status label: the HTTP status, or "aborted" when the connection closed before an answer started. */
export function statusLabel(status: number, answered: boolean): string {
  return answered ? String(status) : "aborted";
}
