import { expect, test, type Page } from "@playwright/test";
import { ask, lastData, parseStream, stubSpeechSynthesis } from "./support/chat-stream";
import { VIEWPORTS } from "./support/viewports";

const SHOTS = "test-results/e2e/screens";
/** Words a person should never read in a reply. */
const DEVELOPER_WORDS = /score|reasoner|reasoning path|fast path|offline|constraint|strength|relevance|LLM|\$|undefined|null/i;

const answers = (page: Page) => page.getByTestId("answer");

/** The reply as streamed: its text, and whether its first words came before the cards. */
async function streamedReply(response: { text(): Promise<string> }) {
  const chunks = parseStream(await response.text());
  const deltas = chunks.filter((chunk) => chunk.type === "text-delta");
  const firstText = chunks.findIndex((chunk) => chunk.type === "text-delta");
  const cards = chunks.findLastIndex((chunk) => chunk.type === "data-recommendations");
  return {
    text: deltas.map((chunk) => chunk.delta).join(""),
    beforeCards: firstText >= 0 && firstText < cards,
    withCards: chunks.findLastIndex((chunk) => chunk.type === "text-delta") > cards,
    chunks,
  };
}

test.beforeEach(async ({ page }) => {
  await stubSpeechSynthesis(page);
});

for (const { name, options } of VIEWPORTS) {
  test.describe(name, () => {
    test.use(options);

    test(`${name}: the reply says what was understood before the cards and how many fit with them, above the cards, and the live region says it in words`, async ({ page }) => {
      await page.goto("/");
      const response = await ask(page, "thrillers from the 2000s, under two hours, no horror");
      const answer = answers(page).first();
      await expect(answer.getByTestId("recommendation-card").first()).toBeVisible();
      const reply = await streamedReply(response);
      expect(reply.beforeCards).toBe(true);
      expect(reply.withCards).toBe(true);
      expect(reply.text).toMatch(/thrillers from the 2000s, under two hours, no horror/i);
      expect(reply.text).toMatch(/(\d+|[a-z]+) (films )?(that )?fit all of that/i);
      expect(reply.text).not.toMatch(DEVELOPER_WORDS);

      const shown = answer.getByTestId("reply-text");
      await expect(shown).toHaveText(reply.text);
      const replyBox = (await shown.boundingBox())!;
      const cardBox = (await answer.getByTestId("recommendation-card").first().boundingBox())!;
      expect(replyBox.y + replyBox.height).toBeLessThanOrEqual(cardBox.y);
      await expect(page.getByTestId("live-region")).toHaveText(`New answer: ${reply.text}`);
      await page.screenshot({ path: `${SHOTS}/reply-${name}.png`, fullPage: true });
    });

    test(`${name}: a request nothing fully matches says what was loosened and why, in the reply instead of a separate note`, async ({ page }) => {
      await page.goto("/");
      const response = await ask(page, "a Japanese horror from the 60s under 80 minutes");
      const answer = answers(page).first();
      await expect(answer.getByTestId("recommendation-card").first()).toBeVisible();
      const { text } = await streamedReply(response);
      const recommendations = lastData<{ relaxations: unknown[]; metEveryConstraint: number | null }>(parseStream(await response.text()), "data-recommendations")!;
      expect(recommendations.relaxations.length).toBeGreaterThan(0);
      expect(text).toMatch(/Japanese horror films from the 1960s, under 80 minutes/);
      expect(text).toMatch(recommendations.metEveryConstraint ? /Only \w+ films? fits? all of that, so to fill the list I / : /Nothing in the catalog fits all of that, so I /);
      expect(text).toMatch(/widened the years to \d{4}–\d{4}/);
      expect(text).not.toMatch(DEVELOPER_WORDS);
      await expect(answer.getByTestId("reply-text")).toContainText("widened the years");
      await expect(answer.getByTestId("relaxations")).toHaveCount(0);
    });

    test(`${name}: a year the catalog lacks and a title several films share: the reply asks "did you mean", and a chip asks again`, async ({ page }) => {
      await page.goto("/");
      const response = await ask(page, "Dune 2021");
      const answer = answers(page).first();
      await expect(answer.getByTestId("recommendation-card").first()).toBeVisible();
      const { text } = await streamedReply(response);
      expect(text).toMatch(/^There's no Dune from 2021 in the catalog, so here's Dune \(1984\)/);
      expect(text).toMatch(/Or did you mean Dune \(2000\)\?$/);
      await expect(answer.getByTestId("reply-text")).toHaveText(text);
      const chip = answer.getByTestId("did-you-mean").getByRole("button", { name: "Dune (2000)" });
      await expect(chip).toBeVisible();
      await chip.click();
      await expect(page.getByTestId("user-message").nth(1)).toHaveText(/Dune 2000/);
      await expect(answers(page).nth(1).getByTestId("reply-text")).toContainText("Dune (2000)");

      const parasite = await ask(page, "Parasite 2019");
      await expect(answers(page).nth(2).getByTestId("recommendation-card").first()).toBeVisible();
      expect((await streamedReply(parasite)).text).toMatch(/^There's no Parasite from 2019 in the catalog, so here's Parasite \(1982\)/);

      const missing = await ask(page, "something like Oppenheimer");
      await expect(answers(page).nth(3).getByTestId("recommendation-card").first()).toBeVisible();
      expect((await streamedReply(missing)).text).toMatch(/Oppenheimer (isn't in the catalog|.*doesn't have)|doesn't have Oppenheimer/);
      await page.screenshot({ path: `${SHOTS}/did-you-mean-${name}.png`, fullPage: true });
    });

    test(`${name}: the stream is UTF-8 and says so: "Amélie" arrives intact`, async ({ page }) => {
      await page.goto("/");
      const response = await ask(page, "movies like Amélie");
      await expect(answers(page).first().getByTestId("recommendation-card").first()).toBeVisible();
      expect(response.headers()["content-type"]).toBe("text/event-stream; charset=utf-8");
      const { text } = await streamedReply(response);
      expect(text).toContain("Amélie (2001)");
      expect(text).not.toContain("Ã");
      await expect(answers(page).first().getByTestId("reply-text")).toContainText("Amélie (2001)");
    });
  });
}

for (const scheme of ["light", "dark"] as const) {
  test(`the README screenshot, ${scheme}: an answer with the reply text, the cards and an open "why this?"`, async ({ page }) => {
    test.skip(!process.env.REELCAST_UPDATE_SCREENSHOT, "set REELCAST_UPDATE_SCREENSHOT=1 to rewrite docs/screenshot-chat-light.png and -dark.png");
    await page.setViewportSize({ width: 1280, height: 1400 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/");
    // Genre, years, running time and an exclusion: the reply says them back and "why this?" checks each.
    await ask(page, "thrillers from the 2000s, under two hours, no horror");
    const answer = answers(page).first();
    await expect(answer.getByTestId("recommendation-card").first()).toBeVisible();
    await expect(answer.getByTestId("reply-text")).toContainText("thrillers from the 2000s, under two hours, no horror");
    await expect(page.getByTestId("narration")).toBeVisible();
    await answer.getByTestId("recommendation-card").first().getByTestId("why-button").click();
    await expect(answer.getByTestId("recommendation-card").first().getByTestId("why-panel")).toBeVisible();
    await page.getByTestId("query-input").blur();
    await page.screenshot({ path: `docs/screenshot-chat-${scheme}.png` });
  });
}
