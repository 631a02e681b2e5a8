import { expect, test, type Locator, type Page } from "@playwright/test";
import { catalogYearsNotice, creditsOf, factsLine, ratingWords } from "../../components/card-facts";
import { verdictLines, VERDICT_MARKS } from "../../components/constraint-checks";
import type { RouteInfo } from "../../lib/pipeline/contract";
import type { RecommendationsData } from "../../lib/chat/chat-message";
import { ask, lastData, parseStream, stubSpeechSynthesis } from "./support/chat-stream";

const SHOTS = "test-results/e2e/screens";
const REQUEST = "thrillers from the 2000s under two hours, no horror";
/** Developer words that must never reach the screen outside the details disclosure. */
const FIELD_NAMES = /strength|includeGenres|excludeGenres|maxMinutes|minMinutes|Sort:|relevance score|Include genres|Exclude genres|OPENAI_API_KEY|no LLM configured|reasoner/i;

const answers = (page: Page) => page.getByTestId("answer");
const cardsOf = (page: Page, answer = 0) => answers(page).nth(answer).getByTestId("recommendation-card");

async function answer(page: Page, text: string): Promise<{ route: RouteInfo; recommendations: RecommendationsData }> {
  const response = await ask(page, text);
  const chunks = parseStream(utf8Text(await response.text()));
  const route = lastData<RouteInfo>(chunks, "data-route-decision")!;
  const recommendations = lastData<RecommendationsData>(chunks, "data-recommendations")!;
  expect(recommendations.stage).toBe("final");
  return { route, recommendations };
}

/** Windows-1252's 0x80–0x9F (the rest is Latin-1); Node's decoder reads those bytes as Latin-1. */
const WINDOWS_1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";
/** Windows-1252, the browser's "latin1": each character back to the byte it was decoded from. */
const WINDOWS_1252_BYTES = new Map(Array.from({ length: 256 }, (_, byte) => [byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte), byte] as const));

/**
 * Playwright hands back this event stream (its content type names no charset) decoded as
 * Windows-1252, so "Amélie" arrives as "AmÃ©lie": read the characters as the UTF-8 bytes they
 * were. A body that was decoded right does not map back to valid UTF-8 and stays as it is.
 */
function utf8Text(text: string): string {
  const bytes: number[] = [];
  for (const character of text) {
    const byte = WINDOWS_1252_BYTES.get(character);
    if (byte === undefined) return text;
    bytes.push(byte);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(bytes));
  } catch {
    return text;
  }
}

/** The text a locator shows, whitespace collapsed. */
const shown = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, " ").trim();

test.beforeEach(async ({ page }) => {
  await stubSpeechSynthesis(page);
});

for (const viewport of [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
]) {
  test(`${viewport.name}: "why this?" shows the server's own verdicts for genre, runtime, years and an exclusion, and none contradicts the card`, async ({ page }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.goto("/");
    const { route, recommendations } = await answer(page, REQUEST);
    expect(route.path).toBe("reasoning");
    // The response carries the constraint schema itself, not a loose record.
    expect(recommendations.constraints?.includeGenres).toEqual([{ genre: "Thriller", strength: "hard" }]);
    expect(recommendations.constraints?.excludeGenres).toEqual([{ genre: "Horror", strength: "hard" }]);
    expect(recommendations.constraints?.years).toMatchObject({ from: 2000, to: 2009 });
    expect(recommendations.constraints?.runtime).toMatchObject({ maxMinutes: 120 });
    const cards = cardsOf(page);
    await expect(cards).toHaveCount(recommendations.items.length);

    for (const [index, item] of recommendations.items.entries()) {
      const card = cards.nth(index);
      await expect(card).toHaveAttribute("data-item-id", item.id);
      expect(item.verdicts.map((verdict) => verdict.constraint.kind)).toEqual(["genre", "excluded-genre", "years", "runtime"]);
      await card.getByTestId("why-button").click();
      const panel = card.getByTestId("why-panel");
      await expect(panel).toBeVisible();
      const lines = panel.getByTestId("why-verdict");
      const expected = verdictLines(item);
      await expect(lines).toHaveCount(expected.length);
      for (const [lineIndex, line] of expected.entries()) {
        await expect(lines.nth(lineIndex)).toHaveAttribute("data-status", item.verdicts[lineIndex].status);
        await expect(lines.nth(lineIndex)).toContainText(VERDICT_MARKS[line.status].mark);
        await expect(lines.nth(lineIndex).getByTestId("why-verdict-text")).toContainText(line.text);
      }
      // The words agree with the card's own facts (nothing is re-derived on the client).
      const texts = await lines.getByTestId("why-verdict-text").allInnerTexts();
      const genres = (await card.getAttribute("data-genres"))!.split("|");
      const runtime = Number(await card.getAttribute("data-runtime"));
      expect(genres).toContain("Thriller");
      expect(genres).not.toContain("Horror");
      expect(texts[0]).toContain("a thriller");
      expect(texts[1]).toContain("no horror");
      expect(texts[2]).toContain(`released ${item.year} (you asked for the 2000s)`);
      expect(item.year).toBeGreaterThanOrEqual(2000);
      expect(item.year).toBeLessThanOrEqual(2009);
      expect(texts[3]).toContain(`${runtime} minutes (you asked under two hours)`);
      expect(runtime).toBeLessThanOrEqual(120);
      await expect(card.getByTestId("card-facts")).toHaveText(factsLine(item));
      expect(await shown(panel)).not.toMatch(FIELD_NAMES);
      await card.getByTestId("why-button").click();
      await expect(panel).toBeHidden();
    }

    await cards.first().getByTestId("why-button").click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await page.screenshot({ path: `${SHOTS}/why-this-verdicts-${viewport.name}.png`, fullPage: viewport.name === "phone" });
  });
}

test("cards show a collapsed synopsis, a rating with its source, director and cast, runtime, and IMDb/TMDB links in a new tab", async ({ page }) => {
  await page.goto("/");
  const { recommendations } = await answer(page, "Memento");
  const items = recommendations.items;
  expect(items.length).toBeGreaterThan(0);
  let collapsible = 0;
  for (const [index, item] of items.entries()) {
    const card = cardsOf(page).nth(index);
    // Rating with its source, exactly as the API reports it.
    const rating = ratingWords(item.rating);
    if (rating) await expect(card.getByTestId("card-rating")).toHaveText(new RegExp(`${rating.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`));
    else await expect(card.getByTestId("card-rating")).toHaveCount(0);
    // Director and top cast.
    const credits = creditsOf(item);
    if (credits.directors) await expect(card.getByTestId("card-directors")).toHaveText(`Directed by ${credits.directors}`);
    if (credits.cast) await expect(card.getByTestId("card-cast")).toHaveText(`With ${credits.cast}`);
    // Runtime in the facts line.
    if (item.runtimeMinutes !== null) await expect(card.getByTestId("card-facts")).toContainText(/\d+ (h|min)/);
    // Links built from the dataset's ids, opening in a new tab without access to this page.
    for (const [testId, href] of [
      ["imdb-link", item.links.imdb],
      ["tmdb-link", item.links.tmdb],
    ] as const) {
      const link = card.getByTestId(testId);
      if (href === null) {
        await expect(link).toHaveCount(0);
        continue;
      }
      await expect(link).toHaveAttribute("href", href);
      await expect(link).toHaveAttribute("target", "_blank");
      await expect(link).toHaveAttribute("rel", "noopener noreferrer");
      await expect(link).toHaveAccessibleName(/opens in a new tab/);
    }
    // The synopsis starts collapsed when long, and expands.
    if (item.overview) {
      const synopsis = card.getByTestId("card-synopsis");
      await expect(synopsis).toHaveText(item.overview);
      const toggle = card.getByTestId("synopsis-toggle");
      if ((await toggle.count()) > 0 && collapsible === 0) {
        collapsible += 1;
        await expect(synopsis).toHaveAttribute("data-expanded", "false");
        await expect(toggle).toHaveAttribute("aria-expanded", "false");
        const collapsedHeight = (await synopsis.boundingBox())!.height;
        await toggle.click();
        await expect(toggle).toHaveAttribute("aria-expanded", "true");
        await expect(synopsis).toHaveAttribute("data-expanded", "true");
        expect((await synopsis.boundingBox())!.height).toBeGreaterThan(collapsedHeight);
        await toggle.click();
        await expect(synopsis).toHaveAttribute("data-expanded", "false");
      }
    }
  }
  expect(collapsible, "at least one long synopsis to collapse").toBe(1);
  expect(items.some((item) => item.links.tmdb !== null)).toBe(true);
  const first = cardsOf(page).first();
  // The TMDB link really opens a new tab (the page itself stays).
  const tmdb = first.getByTestId("tmdb-link");
  if ((await tmdb.count()) > 0) {
    await page.context().route(/themoviedb\.org|imdb\.com/, (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<title>outside</title>" }));
    const [popup] = await Promise.all([page.context().waitForEvent("page"), tmdb.click()]);
    await popup.waitForLoadState();
    expect(popup.url()).toBe(items[0].links.tmdb);
    // noopener: the new tab cannot reach back into Reelcast.
    expect(await popup.evaluate(() => window.opener)).toBeNull();
    await popup.close();
    await expect(page).toHaveURL(/\/$/);
  }
  await page.screenshot({ path: `${SHOTS}/cards-facts.png`, fullPage: true });
});

test("the card count follows the request, and a year the catalog lacks is said plainly", async ({ page }) => {
  await page.goto("/");
  const three = await answer(page, "three films with tom hanks");
  expect(three.recommendations.items).toHaveLength(3);
  await expect(cardsOf(page, 0)).toHaveCount(3);

  const twelve = await answer(page, "twelve comedies");
  expect(twelve.recommendations.items).toHaveLength(12);
  await expect(cardsOf(page, 1)).toHaveCount(12);

  const recent = await answer(page, "thrillers from 2022");
  const years = recent.recommendations.catalogYears;
  expect(years).toMatchObject({ askedFrom: 2022, coverage: "none", latestYear: 2018 });
  const notice = answers(page).nth(2).getByTestId("catalog-years-notice");
  await expect(notice).toHaveText(catalogYearsNotice(years)!);
  await expect(notice).toContainText("newest films are from 2018");
  // Covered years say nothing.
  await answer(page, "thrillers from the 90s");
  await expect(answers(page).nth(3).getByTestId("catalog-years-notice")).toHaveCount(0);
});

test("words for people: quick match or thought it through with a plain reason; developer facts only in details", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("empty-state")).not.toContainText("reasoner");

  const fast = await answer(page, "blade runner");
  expect(fast.route.path).toBe("fast");
  const fastAnswer = answers(page).first();
  await expect(fastAnswer.getByTestId("route-badge")).toHaveText(/Quick match\s*· you named a film/);

  const reasoned = await answer(page, REQUEST);
  expect(reasoned.route.path).toBe("reasoning");
  const reasonedAnswer = answers(page).nth(1);
  const badge = reasonedAnswer.getByTestId("route-badge");
  await expect(badge).toContainText("Thought it through");
  await expect(badge).toContainText(reasoned.route.plainReason);
  expect(reasoned.route.plainReason).not.toMatch(FIELD_NAMES);
  // The badge has no scores, costs, model names or tooltips.
  expect(await shown(badge)).not.toMatch(/score|\$|offline|llm|tokens|ms\b/i);
  await expect(badge).not.toHaveAttribute("title", /.+/);
  // The server's note that no LLM is configured stays in the closed details disclosure.
  const details = reasonedAnswer.getByTestId("route-details");
  const notes = details.getByTestId("route-notes");
  await expect(notes).toBeHidden();
  await details.locator("summary").click();
  await expect(notes).toBeVisible();
  await expect(details).toContainText("Router score");
  await expect(details).toContainText(reasoned.route.reasoner!);
  if (reasoned.route.reasons.some((reason) => reason.includes("OPENAI_API_KEY"))) await expect(notes).toContainText("OPENAI_API_KEY");
  await details.locator("summary").click();
  await expect(notes).toBeHidden();

  // Outside the disclosures, no developer words anywhere in the answer.
  const visibleText = await reasonedAnswer.evaluate((element) => {
    const clone = element.cloneNode(true) as HTMLElement;
    clone.querySelectorAll("details, [hidden], .sr-only, [data-testid=answer-text]").forEach((node) => node.remove());
    return clone.textContent ?? "";
  });
  expect(visibleText).not.toMatch(FIELD_NAMES);
  await page.screenshot({ path: `${SHOTS}/route-badges.png`, fullPage: true });
});
