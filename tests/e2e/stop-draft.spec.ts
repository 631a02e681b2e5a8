import { expect, test, type Page } from "@playwright/test";
import { ask, stubSpeechSynthesis } from "./support/chat-stream";
import { textContrasts, VIEWPORTS } from "./support/viewports";

const SHOTS = "test-results/e2e/screens";

/** Every POST /api/chat the page makes, with the text of the message it sent. */
function chatPosts(page: Page): string[] {
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.url().endsWith("/api/chat") && request.method() === "POST") {
      const body = request.postDataJSON() as { messages: Array<{ parts: Array<{ text?: string }> }> };
      posts.push(
        body.messages
          .at(-1)
          ?.parts.map((part) => part.text ?? "")
          .join("") ?? "",
      );
    }
  });
  return posts;
}

/** Holds the first answer back, so that it is still loading when the test acts. */
async function slowFirstAnswer(page: Page, milliseconds = 2500): Promise<void> {
  let first = true;
  await page.route("**/api/chat", async (route) => {
    if (first) {
      first = false;
      await new Promise((resolve) => setTimeout(resolve, milliseconds));
    }
    await route.continue().catch(() => {});
  });
}

test.beforeEach(async ({ page }) => {
  await stubSpeechSynthesis(page);
});

for (const { name, options } of VIEWPORTS) {
  test.describe(name, () => {
    test.use(options);

    test(`${name}: Stop while an answer loads never sends the draft; the question shows "stopped" with a retry, and the draft stays`, async ({ page }) => {
      const posts = chatPosts(page);
      await slowFirstAnswer(page);
      await page.goto("/");
      await page.getByTestId("query-input").fill("heat");
      await page.getByTestId("send-button").click();
      await expect(page.getByTestId("stop-button")).toBeVisible();
      await page.getByTestId("query-input").fill("a half-typed draft");
      await page.getByTestId("stop-button").click();

      await expect(page.getByTestId("send-button")).toBeVisible();
      const stopped = page.getByTestId("stopped-note");
      await expect(stopped).toContainText("Stopped");
      await expect(page.getByTestId("live-region")).toContainText("Stopped");
      // Give a wrongly submitted draft time to show up: it must not.
      await page.waitForTimeout(500);
      expect(posts).toEqual(["heat"]);
      await expect(page.getByTestId("user-message")).toHaveText([/heat/]);
      await expect(page.getByTestId("query-input")).toHaveValue("a half-typed draft");
      await page.screenshot({ path: `${SHOTS}/stopped-${name}.png`, fullPage: true });

      // Retry asks the same question again, in place; the draft is still untouched.
      await stopped.getByTestId("retry-stopped").click();
      await expect(page.getByTestId("answer").first().getByTestId("recommendation-card").first()).toBeVisible();
      await expect(page.getByTestId("stopped-note")).toHaveCount(0);
      expect(posts).toEqual(["heat", "heat"]);
      await expect(page.getByTestId("user-message")).toHaveText([/heat/]);
      await expect(page.getByTestId("query-input")).toHaveValue("a half-typed draft");

      // The draft goes out only when the person sends it.
      await page.getByTestId("send-button").click();
      await expect(page.getByTestId("user-message")).toHaveText([/heat/, /a half-typed draft/]);
      expect(posts).toEqual(["heat", "heat", "a half-typed draft"]);
    });

    test(`${name}: a stopped earlier question is asked again as a new message; pressing Enter while an answer loads sends nothing`, async ({ page }) => {
      const posts = chatPosts(page);
      await slowFirstAnswer(page);
      await page.goto("/");
      await page.getByTestId("query-input").fill("alien");
      await page.getByTestId("send-button").click();
      await page.getByTestId("query-input").fill("next question");
      await page.getByTestId("query-input").press("Enter");
      await page.getByTestId("stop-button").click();
      await expect(page.getByTestId("stopped-note")).toBeVisible();
      expect(posts).toEqual(["alien"]);

      await page.getByTestId("send-button").click();
      await expect(page.getByTestId("answer").last().getByTestId("recommendation-card").first()).toBeVisible();
      await page.getByTestId("retry-stopped").click();
      await expect(page.getByTestId("user-message")).toHaveText([/alien/, /next question/, /alien/]);
      await expect(page.getByTestId("answer").last().getByTestId("recommendation-card").first()).toBeVisible();
      await expect(page.getByTestId("stopped-note")).toHaveCount(0);
      expect(posts).toEqual(["alien", "next question", "alien"]);
    });

    test(`${name}: the message box is ready on arrival (focused with a mouse, not under a phone keyboard) and says when a long message is cut`, async ({ page }) => {
      await page.goto("/");
      const input = page.getByTestId("query-input");
      await expect(page.getByTestId("example-prompt").first()).toBeVisible();
      if (name === "desktop") await expect(input).toBeFocused();
      else await expect(input).not.toBeFocused();

      // Far from the limit the count is only read with the message box (sr-only), not shown.
      await expect(page.getByTestId("length-counter")).toHaveClass(/sr-only/);
      await input.fill("x".repeat(1900));
      await expect(page.getByTestId("length-counter")).not.toHaveClass(/sr-only/);
      await expect(page.getByTestId("length-counter")).toHaveText("1,900 / 2,000 characters");
      await expect(page.getByTestId("length-notice")).toHaveText("");
      await input.fill(`${"y".repeat(2100)}`);
      await expect(input).toHaveValue("y".repeat(2000));
      await expect(page.getByTestId("length-notice")).toHaveText("Your message was cut to 2,000 characters, the most one message can hold.");
      await expect(page.getByTestId("length-notice")).toHaveAttribute("role", "status");
      await expect(page.getByTestId("length-counter")).toHaveText("2,000 / 2,000 characters");
      await expect(input).toHaveAttribute("aria-describedby", "draft-length");
      await page.screenshot({ path: `${SHOTS}/length-cut-${name}.png` });
      await input.fill("short again");
      await expect(page.getByTestId("length-notice")).toHaveText("");
      await expect(page.getByTestId("length-counter")).toHaveClass(/sr-only/);
    });

    test(`${name}: after a failed first message the placeholder does not say "Refine:"; after an answer it does`, async ({ page }) => {
      await page.route("**/api/chat", (route) =>
        route.fulfill({ status: 500, contentType: "application/json", body: JSON.stringify({ error: { code: "internal:chat", message: "Something went wrong on our side. Please try again." } }) }),
      );
      await page.goto("/");
      const input = page.getByTestId("query-input");
      await input.fill("alien");
      await page.getByTestId("send-button").click();
      await expect(page.getByTestId("chat-error")).toBeVisible();
      await expect(input).not.toHaveAttribute("placeholder", /Refine/);
      await page.unroute("**/api/chat");
      await page.getByTestId("retry-button").click();
      await expect(page.getByTestId("recommendation-card").first()).toBeVisible();
      await expect(input).toHaveAttribute("placeholder", /^Refine:/);
    });

    for (const scheme of ["light", "dark"] as const) {
      test(`${name}, ${scheme}: a skipped card keeps its text at 4.5:1 contrast or more`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto("/");
        await ask(page, "blade runner");
        const card = page.getByTestId("recommendation-card").nth(1);
        await expect(card).toBeVisible();
        await card.getByTestId("skip-button").click();
        await expect(card).toHaveAttribute("data-feedback", "skip");
        // Colours are read once the pressed button's and the card's transitions have finished.
        await page.waitForFunction(() => document.getAnimations().length === 0);
        const contrasts = await card.evaluate(textContrasts);
        expect(contrasts.length).toBeGreaterThan(3);
        expect(contrasts[0].ratio, JSON.stringify(contrasts.slice(0, 3))).toBeGreaterThanOrEqual(4.5);
        await card.screenshot({ path: `${SHOTS}/skipped-card-${name}-${scheme}.png` });
      });
    }
  });
}
