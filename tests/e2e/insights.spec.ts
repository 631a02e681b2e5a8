import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { E2E_ADMIN_TOKEN } from "../../playwright.config";

/**
 * The operator's page (issue 22, deliverable 4): hidden without the token; the token once in the
 * address becomes an HttpOnly cookie and leaves the address; the panels show the traffic this
 * test sends through the API (every server process stores its counts each second here:
 * REELCAST_METRICS_SNAPSHOT_SECONDS=1 in playwright.config.ts), with charts drawn under the
 * page's Content-Security-Policy without a violation.
 */
const SHOTS = "test-results/e2e/screens";
const FAST = 5;
const REASONING = 3;

type Totals = { fast: number; offline: number; feedback: number; recommendLatency: number; arms: Record<string, { shown: number; feedback: number }> };

const numberIn = async (page: Page, testId: string) => Number((await page.getByTestId(testId).innerText()).replace(/[^0-9.]/g, ""));

async function readTotals(page: Page): Promise<Totals> {
  const arms: Totals["arms"] = {};
  for (const row of await page.locator('[data-testid^="arm-"]').all()) {
    const arm = (await row.getAttribute("data-testid"))!.slice("arm-".length);
    arms[arm] = { shown: Number(await row.getByTestId("shown").innerText()), feedback: Number(await row.getByTestId("feedback").innerText()) };
  }
  const latencyRow = page.getByTestId("latency-path-/api/recommend");
  return {
    fast: await numberIn(page, "total-answers-fast"),
    offline: await numberIn(page, "total-answers-offline"),
    feedback: await numberIn(page, "total-feedback"),
    recommendLatency: (await latencyRow.count()) === 0 ? 0 : Number((await latencyRow.getByTestId("count").innerText()).replace(/,/g, "")),
    arms,
  };
}

/** Reloads until two reads a snapshot interval apart agree: the earlier tests' traffic is all stored. */
async function settledTotals(page: Page): Promise<Totals> {
  let previous = await readTotals(page);
  for (;;) {
    await page.waitForTimeout(1_500);
    await page.reload();
    const current = await readTotals(page);
    if (JSON.stringify(current) === JSON.stringify(previous)) return current;
    previous = current;
  }
}

interface Seeded {
  shownPerArm: Record<string, number>;
  feedbackPerArm: Record<string, number>;
}

/** Real traffic through the API: fast and reasoning answers (no LLM here: the offline reasoner), then feedback on three cards. */
async function seedTraffic(request: APIRequestContext): Promise<Seeded> {
  const shownPerArm: Record<string, number> = {};
  const feedbackPerArm: Record<string, number> = {};
  const answers: Array<{ impressionId: string; items: Array<{ id: string; explanation: { kind: string } | null }> }> = [];
  const queries = [
    ...Array.from({ length: FAST }, (_, index) => ({ query: ["toy story", "heat", "tom hanks", "alien", "amelie"][index], route: "fast" })),
    ...Array.from({ length: REASONING }, (_, index) => ({
      query: ["a funny heist film from the 90s", "dark sci-fi about memory, no horror", "something gentle for a rainy sunday"][index],
      route: "reasoning",
    })),
  ];
  for (const body of queries) {
    const response = await request.post("/api/recommend", { data: { ...body, limit: 4 } });
    expect(response.status()).toBe(200);
    const answer = await response.json();
    answers.push(answer);
    for (const item of answer.items) if (item.explanation) shownPerArm[item.explanation.kind] = (shownPerArm[item.explanation.kind] ?? 0) + 1;
  }
  for (const [index, event] of (["like", "like", "skip"] as const).entries()) {
    const answer = answers[index];
    const item = answer.items.find((candidate) => candidate.explanation)!;
    const response = await request.post("/api/feedback", { data: { impressionId: answer.impressionId, itemId: item.id, event } });
    expect(response.status()).toBe(202);
    const kind = item.explanation!.kind;
    feedbackPerArm[kind] = (feedbackPerArm[kind] ?? 0) + 1;
  }
  return { shownPerArm, feedbackPerArm };
}

test("/insights is a 404 without the admin token, with a wrong one, and the wrong token sets no cookie", async ({ page, context, request }) => {
  expect((await page.goto("/insights"))?.status()).toBe(404);
  expect((await page.goto("/insights?token=not-the-operator-token-123456"))?.status()).toBe(404);
  expect(await context.cookies()).toEqual([]);
  expect((await request.get("/insights", { headers: { authorization: "Bearer not-the-operator-token-123456" } })).status()).toBe(404);
  // The cookie value is not the token: the token itself as a cookie opens nothing.
  await context.addCookies([{ name: "reelcast_admin", value: E2E_ADMIN_TOKEN, url: `${new URL(page.url()).origin}/insights` }]);
  expect((await page.goto("/insights"))?.status()).toBe(404);
});

test("the panels show the seeded traffic, the token leaves the address, and the charts draw without a CSP violation", async ({ page, context, request }) => {
  await page.addInitScript(() => {
    const violations: string[] = [];
    Object.defineProperty(window, "__cspViolations", { value: violations, configurable: true });
    document.addEventListener("securitypolicyviolation", (event) => violations.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sample}`));
  });
  const consoleErrors: string[] = [];
  page.on("console", (message) => message.type() === "error" && consoleErrors.push(message.text()));
  page.on("pageerror", (error) => consoleErrors.push(String(error)));

  const entry = await page.goto(`/insights?token=${encodeURIComponent(E2E_ADMIN_TOKEN)}`);
  expect(entry?.status()).toBe(200);
  expect(new URL(page.url()).search).toBe("");
  expect(new URL(page.url()).pathname).toBe("/insights");
  const [cookie] = await context.cookies();
  expect(cookie).toMatchObject({ name: "reelcast_admin", httpOnly: true, sameSite: "Strict", path: "/insights" });
  expect(cookie.value).not.toContain(E2E_ADMIN_TOKEN);
  // The same page by header, as curl would open it.
  expect((await request.get("/insights", { headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` } })).status()).toBe(200);

  const before = await settledTotals(page);
  const seeded = await seedTraffic(request);

  await expect
    .poll(async () => {
      await page.reload();
      const now = await readTotals(page);
      return [now.fast - before.fast, now.offline - before.offline, now.feedback - before.feedback, now.recommendLatency - before.recommendLatency];
    })
    .toEqual([FAST, REASONING, 3, FAST + REASONING]);
  const after = await readTotals(page);
  for (const [arm, shown] of Object.entries(seeded.shownPerArm)) {
    expect(after.arms[arm]?.shown, `shown with ${arm}`).toBe((before.arms[arm]?.shown ?? 0) + shown);
  }
  for (const [arm, count] of Object.entries(seeded.feedbackPerArm)) {
    expect(after.arms[arm]?.feedback, `feedback on ${arm}`).toBe((before.arms[arm]?.feedback ?? 0) + count);
  }
  // No LLM in this run: every reasoning request took the offline reasoner, and the fallbacks say why.
  await expect(page.getByTestId("fallback-reasoning-no_llm")).toBeVisible();
  await expect(page.getByTestId("spend-ceiling")).toHaveText("$5.00");

  // Every chart drew its SVG.
  for (const panel of ["panel-route-mix", "panel-spend", "panel-latency", "panel-arms"]) {
    await expect(page.getByTestId(panel).locator("svg.recharts-surface").first()).toBeVisible();
  }
  await expect(page.getByTestId("panel-route-mix").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("panel-arms").locator(".recharts-bar-rectangle").first()).toBeVisible();
  // Pacing and the evaluator: their records when stored, else the empty state saying so.
  await expect(page.getByTestId("panel-pacing").locator('svg.recharts-surface, [data-testid="pacing-empty"]').first()).toBeVisible();
  await expect(page.getByTestId("panel-evaluation").locator('[data-testid^="evaluation-"]').first()).toBeVisible();

  expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
  expect(consoleErrors).toEqual([]);

  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.screenshot({ path: `${SHOTS}/insights.png`, fullPage: true });
  if (process.env.REELCAST_UPDATE_SCREENSHOT) await page.screenshot({ path: "docs/screenshot-insights.png", fullPage: true });
});
