import { expect, test } from "@playwright/test";

test("searching shows recommendation cards", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("query-input").fill("blade runer");
  await page.getByTestId("search-button").click();
  const cards = page.getByTestId("recommendation-card");
  await expect(cards.first()).toBeVisible();
  await expect(cards.first().getByTestId("card-title")).toHaveText("Blade Runner");
  expect(await cards.count()).toBeGreaterThan(3);
  await page.screenshot({ path: "test-results/e2e/search.png", fullPage: true });
});
