import { expect, test } from "@playwright/test";
import { ask, stubSpeechSynthesis } from "./support/chat-stream";

/**
 * The chat under its Content-Security-Policy (issue 18, deliverable 7): a query to cards, the
 * "why this?" panel and the narration playing run with zero CSP violations and no console
 * errors, and the theme boot script (inline, nonce) still sets the theme before the body is
 * parsed, so a dark page never flashes light.
 */

type Violation = { directive: string; blockedURI: string; sample: string };
type Observed = { violations: Violation[]; darkWhenBodyParsed: boolean | null };

test.use({ colorScheme: "dark" });

test("the chat runs a query to cards and narration with zero CSP violations", async ({ page }) => {
  await stubSpeechSynthesis(page);
  // Before any page script: record every violation the browser reports, and the theme class at
  // the moment <body> appears (the boot script in <head> must have run by then).
  await page.addInitScript(() => {
    const observed: Observed = { violations: [], darkWhenBodyParsed: null };
    Object.defineProperty(window, "__csp", { value: observed, configurable: true });
    document.addEventListener("securitypolicyviolation", (event) => {
      observed.violations.push({ directive: event.effectiveDirective, blockedURI: event.blockedURI, sample: event.sample });
    });
    const watcher = new MutationObserver(() => {
      if (!document.body) return;
      observed.darkWhenBodyParsed = document.documentElement.classList.contains("dark");
      watcher.disconnect();
    });
    watcher.observe(document, { childList: true, subtree: true });
  });
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    // A first visit has no stored conversation yet: that restore answers 404 by design.
    if (message.type() !== "error" || (/status of 404/.test(message.text()) && message.location().url.endsWith("/api/conversations/current"))) return;
    consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => consoleErrors.push(String(error)));

  const response = await page.goto("/");
  const policy = response?.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  // Hydrated (the example prompts are interactive React), so the nonce reached Next's scripts.
  await expect(page.getByTestId("example-prompt").first()).toBeVisible();

  await ask(page, "heat");
  const answer = page.getByTestId("answer").first();
  await expect(answer.getByTestId("recommendation-card").first()).toBeVisible();
  await expect(answer.getByTestId("poster").first()).toBeVisible();
  await answer.getByTestId("recommendation-card").first().getByTestId("why-button").click();
  await expect(answer.getByTestId("why-panel").first()).toBeVisible();

  const narration = answer.getByTestId("narration");
  await expect(narration).toBeVisible();
  const [speech] = await Promise.all([page.waitForResponse((candidate) => candidate.url().endsWith("/api/narration")), narration.getByTestId("narration-play").click()]);
  const status = narration.getByTestId("narration-status");
  if (speech.status() === 200) {
    // The server's MP3, played from a blob: URL (media-src blob:).
    await expect(status).toHaveAttribute("data-status", "playing");
    await expect
      .poll(
        () =>
          page
            .getByTestId("narration-audio")
            .first()
            .evaluate((element: HTMLAudioElement) => element.currentTime),
        { timeout: 10_000 },
      )
      .toBeGreaterThan(0.2);
    await narration.getByTestId("narration-stop").click();
  } else {
    // No server voice here: the browser's voice (the stub) reads the script instead.
    expect(speech.status()).toBe(503);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __speech: { spoken: string[] } }).__speech.spoken.length)).toBe(1);
  }
  test.info().annotations.push({ type: "narration", description: `server voice answered ${speech.status()}` });

  const observed = await page.evaluate(() => (window as unknown as { __csp: Observed }).__csp);
  expect(observed.violations).toEqual([]);
  expect(consoleErrors).toEqual([]);
  expect(observed.darkWhenBodyParsed, "the theme boot script ran before <body> was parsed").toBe(true);
});
