import { expect, test, type Page } from "@playwright/test";
import { openSqliteStore } from "../../lib/store";
import { escapeRegExp } from "../../lib/text";
import { E2E_DATABASE } from "../../playwright.config";
import { ask, lastData, parseStream, STREAM_HEADERS, streamBody, stubSpeechSynthesis, withImpressionIds, type SpeechRecord } from "./support/chat-stream";

const SHOTS = "test-results/e2e/screens";
const VIBE = "something funny but not stupid, under 90 minutes, no romance";

type RouteData = { path: "fast" | "reasoning"; reasoner: string | null };
type RecommendationsData = {
  items: Array<{ id: string; title: string; runtimeMinutes: number | null; genres: string[] }>;
  impressionId: string | null;
  constraints: Record<string, unknown> | null;
  sessionId: string | null;
};

const answers = (page: Page) => page.getByTestId("answer");
const cardsOf = (page: Page, answer = 0) => answers(page).nth(answer).getByTestId("recommendation-card");

test.beforeEach(async ({ page }) => {
  // Headless Chromium has no voices; every test gets a recording stand-in.
  await stubSpeechSynthesis(page);
});

test("a simple query shows the fast badge and cards, streamed from /api/chat", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("example-prompt").first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/empty-state.png`, fullPage: true });

  const started = Date.now();
  const response = await ask(page, "blade runner");
  await expect(cardsOf(page).first()).toBeVisible();
  const uiMilliseconds = Date.now() - started;
  test.info().annotations.push({ type: "time to first card (browser, click → visible)", description: `${uiMilliseconds} ms` });

  const chunks = parseStream(await response.text());
  const route = lastData<RouteData>(chunks, "data-route-decision")!;
  const recommendations = lastData<RecommendationsData>(chunks, "data-recommendations")!;
  // The route decision is sent first, then the cards.
  expect(chunks.findIndex((chunk) => chunk.type === "data-route-decision")).toBeLessThan(chunks.findIndex((chunk) => chunk.type === "data-recommendations"));
  expect(route.path).toBe("fast");
  await expect(answers(page).first().getByTestId("route-badge")).toHaveAttribute("data-route-path", "fast");
  await expect(answers(page).first().getByTestId("route-badge")).toContainText("Quick match");
  await expect(cardsOf(page)).toHaveCount(recommendations.items.length);
  expect(recommendations.items.length).toBeGreaterThan(3);
  await expect(
    cardsOf(page)
      .getByTestId("card-title")
      .filter({ hasText: /^(\d+\. )?Blade Runner$/ }),
  ).toHaveCount(1);

  const first = cardsOf(page).first();
  await expect(first.getByTestId("poster")).toBeVisible();
  await expect(first.getByTestId("card-facts")).toContainText(/\d{4}/);
  await expect(first.getByTestId("card-genres")).toBeVisible();
  if (recommendations.impressionId === null) {
    // Until the bandit logs impressions, feedback is off and says why.
    await expect(first.getByTestId("like-button")).toHaveAttribute("aria-disabled", "true");
    await expect(first.getByTestId("like-button")).toHaveAccessibleDescription(/impression id/);
    await first.getByTestId("like-button").hover();
    await expect(first.getByRole("tooltip").first()).toBeVisible();
  }
  await first.getByTestId("why-button").click();
  await expect(first.getByTestId("why-panel")).toBeVisible();
  await expect(first.getByTestId("why-button")).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByTestId("live-region")).toContainText("New answer");
  await page.screenshot({ path: `${SHOTS}/fast-answer.png`, fullPage: true });
});

test("a vibe query shows the badge the API decided, and cards that meet its constraints on the reasoning path", async ({ page }) => {
  await page.goto("/");
  const response = await ask(page, VIBE);
  await expect(cardsOf(page).first()).toBeVisible();
  const chunks = parseStream(await response.text());
  const route = lastData<RouteData>(chunks, "data-route-decision")!;
  const recommendations = lastData<RecommendationsData>(chunks, "data-recommendations")!;
  const badge = answers(page).first().getByTestId("route-badge");
  await expect(badge).toHaveAttribute("data-route-path", route.path);
  await expect(badge).toContainText(route.path === "reasoning" ? "Thought it through" : "Quick match");
  await expect(cardsOf(page)).toHaveCount(recommendations.items.length);
  if (route.path === "reasoning") {
    // The reasoner is a developer fact: it sits in the details disclosure, not on the badge.
    if (route.reasoner) await expect(answers(page).first().getByTestId("route-details")).toContainText(route.reasoner);
    for (const card of await cardsOf(page).all()) {
      const runtime = Number(await card.getAttribute("data-runtime"));
      const genres = (await card.getAttribute("data-genres"))!.split("|");
      expect(runtime, await card.getByTestId("card-title").innerText()).toBeGreaterThan(0);
      expect(runtime).toBeLessThanOrEqual(90);
      expect(genres).not.toContain("Romance");
    }
    if (recommendations.constraints) {
      await cardsOf(page).first().getByTestId("why-button").click();
      await expect(cardsOf(page).first().getByTestId("why-constraints")).toBeVisible();
    }
  } else {
    test.info().annotations.push({ type: "note", description: `the pipeline answered the vibe query on the ${route.path} path; constraint checks apply once it returns "reasoning"` });
  }
  await page.screenshot({ path: `${SHOTS}/vibe-answer.png`, fullPage: true });
});

test("what the answer understood about titles is said on screen: namesakes as did-you-mean, missing films, relaxed constraints", async ({ page }) => {
  await page.goto("/");
  await ask(page, "Dune");
  const first = answers(page).first();
  await expect(cardsOf(page).getByTestId("card-title").first()).toHaveText(/Dune$/);
  await expect(first.getByTestId("did-you-mean")).toContainText("Dune (2000)");
  // A suggestion asks again with its year, which picks that film.
  await first.getByTestId("did-you-mean").getByRole("button", { name: "Dune (2000)" }).click();
  await expect(answers(page)).toHaveCount(2);
  await expect(page.getByTestId("user-message").nth(1)).toHaveText(/Dune 2000/);

  // The reply says the rest in words (tests/e2e/reply.spec.ts covers it in depth).
  await ask(page, "something like Oppenheimer");
  await expect(answers(page).nth(2).getByTestId("reply-text")).toContainText("Oppenheimer");

  await ask(page, "movies like Heat");
  await expect(answers(page).nth(3).getByTestId("reply-text")).toContainText("Heat (1995)");

  await ask(page, "French horror comedies from 1950 under 80 minutes");
  await expect(answers(page).nth(4).getByTestId("reply-text")).toContainText(/widened the years/);
  await page.screenshot({ path: `${SHOTS}/title-notes.png`, fullPage: true });
});

test("a follow-up refines the previous answer in the same session", async ({ page }) => {
  const bodies: Array<{ sessionId?: string; messages: Array<{ role: string; parts: Array<{ text?: string }> }>; narration?: { previousOpeningId: string | null } }> = [];
  page.on("request", (request) => {
    if (request.url().endsWith("/api/chat")) bodies.push(request.postDataJSON());
  });
  await page.goto("/");
  const first = await ask(page, "heat");
  await expect(cardsOf(page, 0).first()).toBeVisible();
  const firstNarration = lastData<{ openingId: string }>(parseStream(await first.text()), "data-narration");

  await ask(page, "older, and no horror");
  await expect(answers(page)).toHaveCount(2);
  await expect(cardsOf(page, 1).first()).toBeVisible();
  await expect(page.getByTestId("user-message")).toHaveText([/heat/, /older, and no horror/]);
  await expect(answers(page).nth(1).getByTestId("route-badge")).toBeVisible();

  // "More like this" on a card of the second answer sends its own follow-up.
  const title = (await cardsOf(page, 1).first().getByTestId("card-title").innerText()).replace(/^\d+\.\s*/, "").trim();
  await cardsOf(page, 1).first().getByTestId("more-like-button").click();
  await expect(answers(page)).toHaveCount(3);
  await expect(page.getByTestId("user-message").nth(2)).toHaveText(new RegExp(`more like ${escapeRegExp(title)}`));
  await expect(cardsOf(page, 2).first()).toBeVisible();

  expect(bodies).toHaveLength(3);
  // The session is the server's: the page sends no id, the HttpOnly cookie carries one session throughout.
  expect(bodies.map((body) => body.sessionId)).toEqual([undefined, undefined, undefined]);
  const sessions = (await page.context().cookies()).filter((cookie) => cookie.name === "reelcast_session");
  expect(sessions).toHaveLength(1);
  expect(sessions[0].httpOnly).toBe(true);
  // Only the newest message travels; the server keeps the session.
  expect(bodies[1].messages).toHaveLength(1);
  expect(bodies[1].messages[0].parts[0].text).toBe("older, and no horror");
  // The previous narration's opening goes back so the next one differs.
  if (firstNarration) expect(bodies[1].narration?.previousOpeningId).toBe(firstNarration.openingId);
  await page.screenshot({ path: `${SHOTS}/follow-up.png`, fullPage: true });
});

test("like records feedback: POST /api/feedback with the impression, stored in the database, and the card updates", async ({ page }) => {
  await page.goto("/");
  const response = await ask(page, "blade runner");
  const recommendations = lastData<RecommendationsData>(parseStream(await response.text()), "data-recommendations")!;
  expect(recommendations.impressionId, "the pipeline stored an impression").toBeTruthy();
  const card = cardsOf(page).first();
  await expect(card).toBeVisible();
  const itemId = await card.getAttribute("data-item-id");

  const [request] = await Promise.all([page.waitForRequest((candidate) => candidate.url().endsWith("/api/feedback") && candidate.method() === "POST"), card.getByTestId("like-button").click()]);
  // Each press is its own event, with the client's id for it (a retry carries the same id).
  expect(request.postDataJSON()).toEqual({ impressionId: recommendations.impressionId, itemId, event: "like", eventId: expect.stringMatching(/^e_[0-9a-f]{32}$/) });
  const answer = (await request.response())!;
  expect(answer.status(), "feedback accepted").toBe(202);
  await expect(card.getByTestId("like-button")).toHaveAttribute("aria-pressed", "true");
  await expect(card.getByTestId("card-feedback-state")).toContainText("Liked");

  // The server stored it: read the run's database directly.
  const store = openSqliteStore({ path: E2E_DATABASE });
  try {
    const events = await store.listFeedback(recommendations.impressionId!);
    expect(events.map((event) => [event.itemId, event.event])).toEqual([[itemId, "like"]]);
  } finally {
    await store.close();
  }
  await page.screenshot({ path: `${SHOTS}/feedback.png`, fullPage: true });
});

test("a failed feedback POST is shown on the card, never swallowed", async ({ page }) => {
  await withImpressionIds(page, "an-impression-the-store-never-saw");
  await page.goto("/");
  await ask(page, "heat");
  const card = cardsOf(page).first();
  const [request] = await Promise.all([page.waitForRequest((candidate) => candidate.url().endsWith("/api/feedback")), card.getByTestId("like-button").click()]);
  expect((await request.response())!.status()).toBe(404);
  await expect(card.getByTestId("feedback-error")).toContainText("HTTP 404");
  await expect(card.getByTestId("like-button")).toHaveAttribute("aria-pressed", "false");
});

test("narration play yields audio from the server voice, with pause and stop", async ({ page }) => {
  await page.goto("/");
  await ask(page, "tom hanks");
  const narration = answers(page).first().getByTestId("narration");
  await expect(narration).toBeVisible();
  const [audio] = await Promise.all([page.waitForResponse((response) => response.url().endsWith("/api/narration")), narration.getByTestId("narration-play").click()]);
  if (audio.status() === 503) {
    // No server voice on this machine: the browser's voice (the stub) must take over.
    test.info().annotations.push({ type: "note", description: "no server voice (espeak-ng missing): checked the speechSynthesis fallback" });
    await expect.poll(() => page.evaluate(() => (window as unknown as { __speech: SpeechRecord }).__speech.spoken.length)).toBe(1);
    return;
  }
  expect(audio.status()).toBe(200);
  expect(audio.headers()["content-type"]).toBe("audio/mpeg");
  // Chromium does not hand Playwright the body of a response the page read as a blob, so the
  // same script is fetched once more to check the audio itself.
  await narration.getByTestId("narration-script-toggle").click();
  const script = await narration.getByTestId("narration-text").innerText();
  const again = await page.request.post("/api/narration", { data: { text: script } });
  expect(again.status()).toBe(200);
  const bytes = await again.body();
  expect(bytes.length).toBeGreaterThan(10_000);
  // An MPEG audio frame sync, and at most 4 KB per second of speech (issue 19).
  expect(bytes[0]).toBe(0xff);
  expect(bytes[1] & 0xe0).toBe(0xe0);
  expect(bytes.length / Number(again.headers()["x-reelcast-speech-seconds"])).toBeLessThanOrEqual(4000);
  const status = narration.getByTestId("narration-status");
  await expect(status).toHaveAttribute("data-status", /playing|idle/);
  if ((await status.getAttribute("data-status")) === "playing") {
    await expect(status).toContainText("(server)");
    await narration.getByTestId("narration-pause").click();
    await expect(status).toHaveAttribute("data-status", "paused");
    await narration.getByTestId("narration-stop").click();
    await expect(status).toHaveAttribute("data-status", "idle");
  }
  await page.screenshot({ path: `${SHOTS}/narration.png`, fullPage: true });
});

test("auto-play: with the toggle on, a new answer's narration starts by itself", async ({ page }) => {
  await page.goto("/");
  const toggle = page.getByTestId("autoplay-toggle");
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  const narrationRequest = page.waitForRequest((request) => request.url().endsWith("/api/narration"));
  await ask(page, "finding nemo");
  expect((await narrationRequest).postDataJSON().text).toContain("Finding Nemo");
  await expect(page.getByTestId("narration-status")).toHaveAttribute("data-status", /loading|playing|idle/);
  // The choice is remembered across visits.
  await page.reload();
  await expect(page.getByTestId("autoplay-toggle")).toHaveAttribute("aria-checked", "true");
});

test("loading state while the answer is on its way", async ({ page }) => {
  await page.route("**/api/chat", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 800));
    await route.continue();
  });
  await page.goto("/");
  await page.getByTestId("query-input").fill("fargo");
  await page.getByTestId("send-button").click();
  await expect(page.getByTestId("answer-loading")).toBeVisible();
  await expect(page.getByTestId("stop-button")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/loading.png`, fullPage: true });
  await expect(cardsOf(page).first()).toBeVisible();
  await expect(page.getByTestId("answer-loading")).toHaveCount(0);
});

test("without a server voice the browser speaks the script; without any voice a clear message shows", async ({ page }) => {
  await page.route("**/api/narration", (route) =>
    route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ error: { code: "unavailable:narration", message: "No server voice is available." } }) }),
  );
  await page.goto("/");
  await ask(page, "toy story");
  const narration = answers(page).first().getByTestId("narration");
  await narration.getByTestId("narration-play").click();
  const status = narration.getByTestId("narration-status");
  await expect(status).toHaveAttribute("data-status", "playing");
  await expect(status).toContainText("Stub voice (browser)");
  const speech = () => page.evaluate(() => (window as unknown as { __speech: SpeechRecord }).__speech);
  const spoken = (await speech()).spoken;
  expect(spoken).toHaveLength(1);
  expect(spoken[0]).toContain("Toy Story");
  await narration.getByTestId("narration-pause").click();
  await expect(status).toHaveAttribute("data-status", "paused");
  expect((await speech()).paused).toBe(1);
  await narration.getByTestId("narration-stop").click();
  await expect(status).toHaveAttribute("data-status", "idle");
  expect((await speech()).cancelled).toBeGreaterThan(0);

  // A browser with no voices at all: the message says so and shows the script instead.
  const bare = await page.context().newPage();
  await stubSpeechSynthesis(bare, { voices: false });
  await bare.route("**/api/narration", (route) => route.fulfill({ status: 503, contentType: "application/json", body: "{}" }));
  await bare.goto("/");
  await ask(bare, "toy story");
  await bare.getByTestId("narration-play").first().click();
  await expect(bare.getByTestId("narration-error")).toContainText("No voice is available");
  await expect(bare.getByTestId("narration-text")).toBeVisible();
  await bare.close();
});

test("a failing server response shows the error state, and trying again recovers", async ({ page }) => {
  await page.route("**/api/chat", (route) =>
    route.fulfill({ status: 500, contentType: "application/json", body: JSON.stringify({ error: { code: "internal:chat", message: "Something went wrong on our side. Please try again." } }) }),
  );
  await page.goto("/");
  await page.getByTestId("query-input").fill("alien");
  await page.getByTestId("send-button").click();
  const error = page.getByTestId("chat-error");
  await expect(error).toBeVisible();
  await expect(error).toHaveAttribute("role", "alert");
  await expect(page.getByTestId("chat-error-message")).toHaveText("Something went wrong on our side. Please try again.");
  await page.screenshot({ path: `${SHOTS}/error.png`, fullPage: true });

  await page.unroute("**/api/chat");
  await page.getByTestId("retry-button").click();
  await expect(cardsOf(page).first()).toBeVisible();
  await expect(error).toHaveCount(0);

  // An error in the middle of a stream (after the headers) shows too.
  await page.route("**/api/chat", (route) => route.fulfill({ status: 200, headers: STREAM_HEADERS, body: streamBody([{ type: "error", errorText: "The catalog is not built yet." }]) }));
  await ask(page, "aliens");
  await expect(page.getByTestId("chat-error-message")).toHaveText("The catalog is not built yet.");
});

test("reasoner answers replace fast preview cards, and the screen says so; empty answers say so too", async ({ page }) => {
  const runtimeVerdict = { constraint: { kind: "runtime", minMinutes: null, maxMinutes: 90 }, strength: "hard", status: "met", relaxation: null };
  const item = (id: string, title: string) => ({
    id,
    title,
    year: 1999,
    genres: ["Comedy"],
    runtimeMinutes: 85,
    language: "en",
    directors: [],
    cast: [],
    score: 1,
    explanation: null,
    verdicts: [runtimeVerdict],
  });
  const route = { path: "reasoning", score: 0.8, threshold: 0.5, reasons: ["vibe query"], reasoner: "offline", estimatedCostUsd: 0, latencyMs: 42 };
  const recommendations = (stage: string, items: unknown[], replacedPreview: boolean) => ({
    query: VIBE,
    stage,
    items,
    constraints: { maxRuntimeMinutes: 90, excludeGenres: ["Romance"] },
    impressionId: null,
    sessionId: null,
    replacedPreview,
    elapsedMs: 1,
  });
  await page.route("**/api/chat", (fulfilled) =>
    fulfilled.fulfill({
      status: 200,
      headers: STREAM_HEADERS,
      body: streamBody([
        { type: "data-route-decision", id: "route-decision", data: { ...route, latencyMs: 3 } },
        { type: "data-recommendations", id: "recommendations", data: recommendations("preview", [item("ml:1", "Preview Pick")], false) },
        { type: "data-route-decision", id: "route-decision", data: route },
        { type: "data-recommendations", id: "recommendations", data: recommendations("final", [item("ml:2", "Reasoned Pick"), item("ml:3", "Second Reasoned Pick")], true) },
      ]),
    }),
  );
  await page.goto("/");
  await ask(page, VIBE);
  await expect(page.getByTestId("replaced-notice")).toContainText("replaced the quick first results");
  await expect(cardsOf(page).getByTestId("card-title")).toHaveText([/Reasoned Pick/, /Second Reasoned Pick/]);
  await expect(page.getByTestId("route-badge")).toHaveCount(1);
  await expect(page.getByTestId("route-badge")).toContainText("Thought it through");
  await expect(page.getByTestId("route-details")).toContainText("offline");
  await cardsOf(page).first().getByTestId("why-button").click();
  await expect(cardsOf(page).first().getByTestId("why-constraints")).toContainText("85 minutes (you asked under 90 minutes)");

  await page.unroute("**/api/chat");
  await page.route("**/api/chat", (fulfilled) =>
    fulfilled.fulfill({
      status: 200,
      headers: STREAM_HEADERS,
      body: streamBody([
        { type: "data-route-decision", id: "route-decision", data: route },
        { type: "data-recommendations", id: "recommendations", data: recommendations("final", [], false) },
      ]),
    }),
  );
  await ask(page, "nothing matches this");
  await expect(page.getByTestId("empty-result")).toBeVisible();
});

test("keyboard only: type a query, reach the like button and press it", async ({ page }) => {
  await page.goto("/");
  // The message box has focus on arrival; from the top of the page, the first Tab lands on the
  // skip link, which jumps to the message box.
  await expect(page.getByTestId("query-input")).toBeFocused();
  // Back to the top of the page: the document itself takes focus for a moment.
  await page.evaluate(() => {
    const root = document.documentElement;
    root.tabIndex = -1;
    root.focus();
    root.removeAttribute("tabindex");
  });
  await page.keyboard.press("Tab");
  await expect(page.getByText("Skip to the message box")).toBeFocused();
  await page.keyboard.press("Enter");
  for (let presses = 0; presses < 20 && !(await page.getByTestId("query-input").evaluate((element) => element === document.activeElement)); presses += 1) {
    await page.keyboard.press("Tab");
  }
  await expect(page.getByTestId("query-input")).toBeFocused();
  await page.keyboard.type("jurassic park");
  await page.keyboard.press("Enter");
  await expect(cardsOf(page).first()).toBeVisible();
  await expect(page.getByTestId("narration")).toBeVisible();

  // From the message box, walk back through the page until a like button has focus.
  await page.getByTestId("query-input").focus();
  let reached = false;
  for (let presses = 0; presses < 80 && !reached; presses += 1) {
    await page.keyboard.press("Shift+Tab");
    reached = await page.evaluate(() => document.activeElement?.getAttribute("data-testid") === "like-button");
  }
  expect(reached, "a like button is reachable by keyboard").toBe(true);
  const focused = page.locator("[data-testid=like-button]:focus");
  // The focus is visible: an outline, not just the browser default on a styled button.
  expect(await focused.evaluate((element) => getComputedStyle(element).outlineStyle)).not.toBe("none");
  await page.screenshot({ path: `${SHOTS}/keyboard-focus.png` });
  const [request] = await Promise.all([page.waitForRequest((candidate) => candidate.url().endsWith("/api/feedback")), page.keyboard.press("Enter")]);
  expect(request.postDataJSON()).toMatchObject({ event: "like" });
  expect((await request.response())!.status()).toBe(202);
  await expect(focused).toHaveAttribute("aria-pressed", "true");
});

test("phone width and dark mode: no horizontal scrolling, themed colours", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  await expect(page.locator("html")).toHaveClass(/dark/);
  await ask(page, "the matrix");
  await expect(cardsOf(page).first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).not.toBe("rgb(250, 250, 250)");
  await page.screenshot({ path: `${SHOTS}/phone-dark.png`, fullPage: true });
  // The theme toggle overrides the system preference.
  await page.getByTestId("theme-toggle").click();
  await expect(page.locator("html")).not.toHaveClass(/dark/);
});
