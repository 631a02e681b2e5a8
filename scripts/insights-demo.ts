/**
 * `npm run demo:insights`: what an operator's /insights looks like after a few minutes of real
 * traffic, with every panel fed. A production server (the catalog and build prepared as npm test
 * prepares them) with the local OpenAI-compatible stand-in as its LLM (no network here), spend
 * pacing at a target far below the demand, the log evaluator on a 30 s window and metrics
 * snapshots every 2 s; 75 s of fast and reasoning requests over 12 sessions, each answer given a
 * like, click or skip; then a full-page screenshot of /insights in Chromium.
 *
 *   npm run demo:insights                     writes docs/screenshot-insights-live.png
 *   npm run demo:insights -- --seconds 30     a shorter run
 *
 * The e2e test (tests/e2e/insights.spec.ts) checks the page's numbers against seeded traffic;
 * this only shows it full.
 */
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { startNextServer } from "../support/next-server";
import { startOpenAiTestServer } from "../support/openai-test-server";
import { prepareApp } from "./support/prepare-app";
import { describeRun, runContext } from "./support/run-context";

const { values } = parseArgs({ options: { seconds: { type: "string", default: "75" }, out: { type: "string", default: "docs/screenshot-insights-live.png" } } });
const trafficMs = Math.max(10, Number(values.seconds)) * 1000;
const EVALUATION_WINDOW_MS = 30_000;
const TOKEN = "insights-demo-operator-token";

const FAST = ["Heat", "Toy Story", "movies like Alien", "The Matrix", "I loved Amelie", "Pixar", "Tom Hanks films", "Jurassic Park", "comedies from the 90s", "Fargo"];
const REASONING = [
  "something funny but not stupid, under 90 minutes, no romance",
  "a dark thriller that isn't horror",
  "feel-good films for a rainy Sunday",
  "smart sci-fi with little action",
  "a tense heist film, nothing older than 1990",
  "quiet dramas about grief, not too long",
];
const EVENTS = ["like", "like", "click", "skip"] as const;

interface Answer {
  sessionId?: string | null;
  impressionId?: string | null;
  items?: Array<{ id: string }>;
}

await prepareApp();
const llm = await startOpenAiTestServer();
llm.handler = (request) =>
  request.response_format?.json_schema?.name === "constraints" ? { content: JSON.stringify({ includeGenres: ["Comedy"], runtime: { maxMinutes: 110 } }) } : { content: "{}" };
const server = await startNextServer({
  OPENAI_API_KEY: "demo",
  OPENAI_BASE_URL: llm.baseURL,
  REELCAST_LLM_MODEL: "gpt-4o-mini",
  REELCAST_LLM_RERANK: "0",
  REELCAST_ADMIN_TOKEN: TOKEN,
  REELCAST_METRICS_SNAPSHOT_SECONDS: "2",
  REELCAST_EVALUATION_INTERVAL_MS: String(EVALUATION_WINDOW_MS),
  // Far below what the traffic asks for, so the pacing bar rises and the panel has something to show.
  REELCAST_LLM_TARGET_USD_PER_HOUR: "0.02",
  REELCAST_PACING_INTERVAL_MS: "2000",
  REELCAST_PACING_WINDOW_MS: "20000",
  REELCAST_RETENTION_INTERVAL_MS: "2000",
  REELCAST_RATE_LIMIT: "off",
});
try {
  const post = async (path: string, body: unknown): Promise<Answer> =>
    (await (await fetch(server.baseUrl + path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })).json()) as Answer;
  const sessions: Array<string | null> = Array.from({ length: 12 }, () => null);
  const end = Date.now() + trafficMs;
  let requests = 0;
  while (Date.now() < end) {
    const slot = requests % sessions.length;
    const reasoning = requests % 3 === 0;
    const answer = await post("/api/recommend", {
      query: reasoning ? REASONING[requests % REASONING.length] : FAST[requests % FAST.length],
      limit: 8,
      ...(sessions[slot] ? { sessionId: sessions[slot] } : {}),
      ...(reasoning ? { route: "reasoning" } : {}),
    });
    sessions[slot] = answer.sessionId ?? sessions[slot];
    if (answer.impressionId && answer.items?.length) {
      const item = answer.items[(requests * 7) % answer.items.length];
      await post("/api/feedback", { impressionId: answer.impressionId, itemId: item.id, event: EVENTS[requests % EVENTS.length] });
    }
    requests++;
    await new Promise((resolve) => setTimeout(resolve, 60));
  }
  // The evaluator stores a window once it has ended; the snapshots come every 2 s.
  await new Promise((resolve) => setTimeout(resolve, EVALUATION_WINDOW_MS + 5000));
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${server.baseUrl}/insights?token=${TOKEN}`);
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: values.out!, fullPage: true });
  await browser.close();
  process.stdout.write(`${requests} requests, ${llm.requests.length} LLM calls; wrote ${values.out} (${describeRun(runContext())})\n`);
} finally {
  await server.stop();
  await llm.close();
}
