import { expect, test, type Page, type Request } from "@playwright/test";
import { openSqliteStore } from "../../lib/store";
import { E2E_DATABASE } from "../../playwright.config";
import { ask, lastData, parseStream, stubSpeechSynthesis } from "./support/chat-stream";

/**
 * Conversations that last and feedback that can change (issue 19, deliverables 3 and 4), on a
 * desktop window and a phone: a reload brings the conversation back (questions, answers with
 * their cards, likes); "New chat" starts another; Regenerate and Show more work on the last
 * answer; Copy list puts titles and years on the clipboard; like → undo → like is three events;
 * a skip after a like is what the server keeps; liked and seen films stay out of later answers.
 */

type Card = { id: string; title: string; year: number | null };
type Cards = { items: Card[]; impressionId: string | null; sessionId: string | null; query: string };
type Restored = { messages: Array<{ id: string; role: string }>; feedback: Array<{ impressionId: string; itemId: string; state: { choice: string | null; seen: boolean } }>; total: number };

const SHOTS = "test-results/e2e/screens";
const answers = (page: Page) => page.getByTestId("answer");
/** The actions under the nth answer (Copy list; Show more and Regenerate on the last). */
const actions = (page: Page, answer: number) => page.getByTestId("answer-actions").nth(answer);
const cardsOf = (page: Page, answer: number) => answers(page).nth(answer).getByTestId("recommendation-card");
const cardIds = (page: Page, answer: number) => cardsOf(page, answer).evaluateAll((cards) => cards.map((card) => card.getAttribute("data-item-id")!));
/** The session the server keeps this browser in: its HttpOnly cookie (page scripts cannot read it). */
const sessionIdOf = async (page: Page) => (await page.context().cookies()).find((cookie) => cookie.name === "reelcast_session")?.value ?? null;
const restored = async (page: Page): Promise<Restored> => (await (await page.request.get("/api/conversations/current")).json()) as Restored;

/** Asks and waits for the finished answer's cards (from the stream, and on screen). */
async function askFor(page: Page, text: string): Promise<Cards> {
  const response = await ask(page, text);
  const cards = lastData<Cards>(parseStream(await response.text()), "data-recommendations")!;
  await expect(page.getByTestId("answer-actions").last().getByTestId("copy-list")).toBeVisible();
  return cards;
}

/** Presses a card's button and returns the feedback POST's body and status. */
async function press(page: Page, card: ReturnType<typeof cardsOf>, testId: string): Promise<{ body: Record<string, string>; status: number }> {
  const [request] = await Promise.all([page.waitForRequest((candidate: Request) => candidate.url().endsWith("/api/feedback") && candidate.method() === "POST"), card.getByTestId(testId).click()]);
  const response = await request.response();
  return { body: request.postDataJSON(), status: response!.status() };
}

const VIEWPORTS = [
  { name: "desktop", use: { viewport: { width: 1280, height: 900 } } },
  { name: "mobile", use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } },
] as const;

for (const viewport of VIEWPORTS) {
  test.describe(`${viewport.name}`, () => {
    test.use(viewport.use);
    test.beforeEach(async ({ page }) => {
      await stubSpeechSynthesis(page);
    });

    test("a reload restores the conversation: questions, answers with their cards and reply, and likes", async ({ page }) => {
      await page.goto("/");
      const first = await askFor(page, "tom hanks");
      const second = await askFor(page, "something older");
      const liked = cardsOf(page, 1).nth(1);
      expect((await press(page, liked, "like-button")).status).toBe(202);
      await expect(liked.getByTestId("like-button")).toHaveAttribute("aria-pressed", "true");
      const replyBefore = await answers(page).nth(1).getByTestId("reply-text").textContent();

      await page.reload();
      await expect(page.getByTestId("user-message")).toHaveText([/tom hanks$/, /something older$/]);
      await expect(answers(page)).toHaveCount(2);
      expect(await cardIds(page, 0)).toEqual(first.items.map((item) => item.id));
      expect(await cardIds(page, 1)).toEqual(second.items.map((item) => item.id));
      await expect(answers(page).nth(1).getByTestId("reply-text")).toHaveText(replyBefore!);
      const restoredLike = cardsOf(page, 1).nth(1);
      await expect(restoredLike.getByTestId("like-button")).toHaveAttribute("aria-pressed", "true");
      await expect(restoredLike.getByTestId("card-feedback-state")).toContainText("Liked");
      await expect(restoredLike.getByTestId("undo-button")).toBeVisible();
      await expect(cardsOf(page, 1).nth(0).getByTestId("like-button")).toHaveAttribute("aria-pressed", "false");
      await expect(page.getByTestId("empty-state")).toHaveCount(0);
      await restoredLike.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/conversation-restored-${viewport.name}.png` });
      // The conversation goes on in the same session after the reload.
      const session = await sessionIdOf(page);
      expect(session).toMatch(/^s_[0-9a-f]{32}$/);
      await askFor(page, "no horror");
      expect(await sessionIdOf(page)).toBe(session);
      expect((await restored(page)).total).toBe(6);
    });

    test("New chat starts a new conversation, also after a reload", async ({ page }) => {
      await page.goto("/");
      const first = await askFor(page, "heat");
      // The session is the server's HttpOnly cookie; neither the stream nor the page holds its id.
      expect(first.sessionId).toBeNull();
      const cookie = (await page.context().cookies()).find((candidate) => candidate.name === "reelcast_session");
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/api" });
      expect(await page.evaluate(() => document.cookie)).not.toContain("reelcast_session");
      const firstSession = cookie!.value;
      await Promise.all([
        page.waitForResponse((candidate) => candidate.url().endsWith("/api/conversations/current") && candidate.request().method() === "DELETE"),
        page.getByTestId("new-chat").click(),
      ]);
      await expect(answers(page)).toHaveCount(0);
      expect(await sessionIdOf(page)).toBeNull();
      await page.reload();
      await expect(page.getByTestId("empty-state")).toBeVisible();
      await expect(answers(page)).toHaveCount(0);
      await askFor(page, "alien");
      const newSession = await sessionIdOf(page);
      expect(newSession).toMatch(/^s_[0-9a-f]{32}$/);
      expect(newSession).not.toBe(firstSession);
      await page.reload();
      await expect(page.getByTestId("user-message")).toHaveText([/alien$/]);
    });

    test("Regenerate replaces the last answer with other films, and the reload shows the new one", async ({ page }) => {
      await page.goto("/");
      const first = await askFor(page, "comedies from the 90s");
      await expect(actions(page, 0).getByTestId("regenerate")).toBeEnabled();
      const [response] = await Promise.all([page.waitForResponse((candidate) => candidate.url().endsWith("/api/chat")), actions(page, 0).getByTestId("regenerate").click()]);
      expect(response.request().postDataJSON().turn).toMatchObject({ kind: "regenerate" });
      const regenerated = lastData<Cards>(parseStream(await response.text()), "data-recommendations")!;
      await expect(answers(page)).toHaveCount(1);
      await expect.poll(() => cardIds(page, 0)).toEqual(regenerated.items.map((item) => item.id));
      expect(regenerated.items.filter((item) => first.items.some((shown) => shown.id === item.id))).toEqual([]);
      await expect(page.getByTestId("user-message")).toHaveText([/comedies from the 90s$/]);
      await page.reload();
      await expect(answers(page)).toHaveCount(1);
      expect(await cardIds(page, 0)).toEqual(regenerated.items.map((item) => item.id));
    });

    test("Show more adds the next page of the same request, repeating no film", async ({ page }) => {
      await page.goto("/");
      const first = await askFor(page, "sci-fi from the 80s");
      const [response] = await Promise.all([page.waitForResponse((candidate) => candidate.url().endsWith("/api/chat")), actions(page, 0).getByTestId("show-more").click()]);
      const more = lastData<Cards>(parseStream(await response.text()), "data-recommendations")!;
      await expect(answers(page)).toHaveCount(2);
      expect(more.query).toBe("sci-fi from the 80s");
      expect(more.items.length).toBe(first.items.length);
      const seen = new Set(first.items.map((item) => item.id));
      expect(more.items.filter((item) => seen.has(item.id))).toEqual([]);
      await expect.poll(() => cardIds(page, 1)).toEqual(more.items.map((item) => item.id));
      // Show more and Regenerate move to the newest answer; Copy stays on both.
      await expect(actions(page, 0).getByTestId("show-more")).toHaveCount(0);
      await expect(actions(page, 0).getByTestId("copy-list")).toBeVisible();
      await page.reload();
      await expect(answers(page)).toHaveCount(2);
      expect(await cardIds(page, 1)).toEqual(more.items.map((item) => item.id));
    });

    test("Copy list puts the titles and years on the clipboard, one a line", async ({ page, context }) => {
      await context.grantPermissions(["clipboard-read", "clipboard-write"]);
      await page.goto("/");
      const cards = await askFor(page, "pixar");
      await actions(page, 0).getByTestId("copy-list").click();
      await expect(actions(page, 0).getByTestId("copy-status")).toHaveText(`Copied ${cards.items.length} films`);
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(cards.items.map((item) => (item.year === null ? item.title : `${item.title} (${item.year})`)).join("\n"));
      expect(copied.split("\n")[0]).toMatch(/^.+ \(\d{4}\)$/);
    });

    test("like → undo → like: three events with their own ids, stored as three", async ({ page }) => {
      await page.goto("/");
      const cards = await askFor(page, "jurassic park");
      const card = cardsOf(page, 0).nth(2);
      const like = await press(page, card, "like-button");
      await expect(card.getByTestId("undo-button")).toBeVisible();
      const undo = await press(page, card, "undo-button");
      await expect(card.getByTestId("like-button")).toHaveAttribute("aria-pressed", "false");
      await expect(card.getByTestId("undo-button")).toHaveCount(0);
      const again = await press(page, card, "like-button");
      await expect(card.getByTestId("like-button")).toHaveAttribute("aria-pressed", "true");
      expect([like.status, undo.status, again.status]).toEqual([202, 202, 202]);
      expect([like.body.event, undo.body.event, again.body.event]).toEqual(["like", "undo", "like"]);
      expect(new Set([like.body.eventId, undo.body.eventId, again.body.eventId]).size).toBe(3);
      const store = openSqliteStore({ path: E2E_DATABASE });
      try {
        const events = (await store.listFeedback(cards.impressionId!)).filter((event) => event.itemId === like.body.itemId);
        expect(events.map((event) => [event.event, event.clientEventId])).toEqual([
          ["like", like.body.eventId],
          ["undo", undo.body.eventId],
          ["like", again.body.eventId],
        ]);
      } finally {
        await store.close();
      }
    });

    test("a skip after a like changes what the server keeps (checked through the API)", async ({ page }) => {
      await page.goto("/");
      const cards = await askFor(page, "the matrix");
      const card = cardsOf(page, 0).nth(1);
      await press(page, card, "like-button");
      const skip = await press(page, card, "skip-button");
      expect(skip.status).toBe(202);
      await expect(card.getByTestId("skip-button")).toHaveAttribute("aria-pressed", "true");
      await expect(card.getByTestId("like-button")).toHaveAttribute("aria-pressed", "false");
      await expect(card.getByTestId("card-feedback-state")).toContainText("Skipped");
      const conversation = await restored(page);
      expect(conversation.feedback.find((entry) => entry.impressionId === cards.impressionId && entry.itemId === skip.body.itemId)?.state.choice).toBe("skip");
      await page.reload();
      await expect(cardsOf(page, 0).nth(1).getByTestId("skip-button")).toHaveAttribute("aria-pressed", "true");
    });

    test("liked and seen films do not come back in the next answer of the session", async ({ page }) => {
      await page.goto("/");
      const first = await askFor(page, "space adventures");
      const likedCard = cardsOf(page, 0).nth(0);
      const seenCard = cardsOf(page, 0).nth(1);
      const liked = (await press(page, likedCard, "like-button")).body.itemId;
      const seen = (await press(page, seenCard, "seen-button")).body.itemId;
      await expect(seenCard.getByTestId("card-feedback-state")).toContainText("Seen it");
      await seenCard.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/feedback-liked-and-seen-${viewport.name}.png` });
      expect([liked, seen]).toEqual([first.items[0].id, first.items[1].id]);
      const next = await askFor(page, "space adventures");
      const ids = next.items.map((item) => item.id);
      expect(ids).not.toContain(liked);
      expect(ids).not.toContain(seen);
      expect(await cardIds(page, 1)).toEqual(ids);
    });
  });
}
