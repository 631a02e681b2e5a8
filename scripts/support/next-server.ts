// Moved to support/next-server.ts (shared by scripts and tests). Kept for tests/http/metrics.test.ts
// and tests/http/insights-evaluation.test.ts until they import the new path.
export * from "../../support/next-server";
