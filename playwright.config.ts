import path from "node:path";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.REELCAST_E2E_PORT ?? 3100);
/**
 * A fresh database per run, which the tests open to check what the server stored. Set once in
 * the runner's environment, which the workers inherit (they load this file again).
 */
process.env.REELCAST_E2E_DATABASE ??= path.resolve(`test-results/e2e-db/run-${Date.now()}.sqlite`);
export const E2E_DATABASE = process.env.REELCAST_E2E_DATABASE;
/** The operator's token the server runs with, for the /insights spec. */
export const E2E_ADMIN_TOKEN = "e2e-operator-token-0123456789";

/**
 * End-to-end tests in the system Chromium (Debian's /usr/bin/chromium): Playwright's own
 * browser download cannot run here. The flags keep Chromium off the network it cannot reach.
 */
export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  timeout: 60_000,
  // A backstop for the whole browser run (about 5 minutes here): a stall fails it with a report
  // rather than holding CI until its own limit.
  globalTimeout: 30 * 60_000,
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.REELCAST_CHROMIUM ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: {
    command: `node scripts/serve.mjs --hostname 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    // Fair-use limits off unless the runner's environment sets them: a test run is one client
    // sending far more than a person would.
    // The operator's token and a metrics snapshot every second: the /insights spec reads what it sent.
    env: {
      REELCAST_DB_PATH: E2E_DATABASE,
      OPENAI_API_KEY: "",
      OPENAI_BASE_URL: "",
      REELCAST_RATE_LIMIT: process.env.REELCAST_RATE_LIMIT ?? "off",
      REELCAST_ADMIN_TOKEN: E2E_ADMIN_TOKEN,
      REELCAST_METRICS_SNAPSHOT_SECONDS: "1",
    },
    timeout: 120_000,
  },
});
