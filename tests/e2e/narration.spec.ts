import { expect, test, type Page } from "@playwright/test";
import { findScriptProblems } from "../../lib/narration/script-problems";
import { ask, stubSpeechSynthesis, type SpeechRecord } from "./support/chat-stream";

/**
 * The DJ in the browser (issue 19, deliverable 7): the server's MP3 plays in Chromium's own
 * <audio>, at most 4 KB per second of speech, decodes to real sound, and pauses, resumes and
 * stops; the script the listener can read has none of the phrasing the issue heard.
 */

type AudioState = { paused: boolean; currentTime: number; duration: number; src: string };
const audioState = (page: Page): Promise<AudioState> =>
  page
    .getByTestId("narration-audio")
    .first()
    .evaluate((element: HTMLAudioElement) => ({ paused: element.paused, currentTime: element.currentTime, duration: element.duration, src: element.src }));

/** Size and loudness of what the <audio> element holds, decoded by Chromium's own MP3 decoder. */
const decodedAudio = (page: Page) =>
  page
    .getByTestId("narration-audio")
    .first()
    .evaluate(async (element: HTMLAudioElement) => {
      const bytes = await (await fetch(element.src)).arrayBuffer();
      const context = new OfflineAudioContext(1, 16_000, 16_000);
      const decoded = await context.decodeAudioData(bytes.slice(0));
      const samples = decoded.getChannelData(0);
      let sum = 0;
      for (const sample of samples) sum += sample * sample;
      return { bytes: bytes.byteLength, seconds: decoded.duration, rms: Math.sqrt(sum / samples.length) };
    });

for (const viewport of [
  { name: "desktop", width: 1280, height: 900 },
  { name: "mobile", width: 390, height: 844 },
]) {
  test.describe(`${viewport.name} viewport`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test.beforeEach(async ({ page }) => {
      // A stand-in voice that only records: the test must hear the server's MP3, never this.
      await stubSpeechSynthesis(page);
    });

    test("the DJ's MP3 plays in Chromium: ≤ 4 KB per second, real sound, pause, resume and stop", async ({ page }) => {
      await page.goto("/");
      await ask(page, "heat");
      const narration = page.getByTestId("answer").first().getByTestId("narration");
      await expect(narration).toBeVisible();

      const [response] = await Promise.all([page.waitForResponse((candidate) => candidate.url().endsWith("/api/narration")), narration.getByTestId("narration-play").click()]);
      test.skip(response.status() === 503, "no server voice here (espeak-ng missing): chat.spec.ts covers the browser voice");
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("audio/mpeg");
      const seconds = Number(response.headers()["x-reelcast-speech-seconds"]);
      expect(seconds).toBeGreaterThan(5);

      const status = narration.getByTestId("narration-status");
      await expect(status).toHaveAttribute("data-status", "playing");
      await expect(status).toContainText("(server)");
      // Playing for real: Chromium's clock on the element moves, and the length is the server's.
      await expect.poll(async () => (await audioState(page)).currentTime, { timeout: 10_000 }).toBeGreaterThan(0.5);
      const playing = await audioState(page);
      expect(playing.paused).toBe(false);
      expect(playing.src).toMatch(/^blob:/);
      expect(Math.abs(playing.duration - seconds)).toBeLessThan(0.5);

      const decoded = await decodedAudio(page);
      const bytesPerSecond = decoded.bytes / seconds;
      test
        .info()
        .annotations.push({ type: "narration audio", description: `${decoded.bytes} bytes for ${seconds.toFixed(1)} s of speech = ${Math.round(bytesPerSecond)} B/s (rms ${decoded.rms.toFixed(3)})` });
      expect(bytesPerSecond).toBeLessThanOrEqual(4000);
      expect(Math.abs(decoded.seconds - seconds)).toBeLessThan(0.5);
      expect(decoded.rms, "the MP3 decodes to sound, not silence").toBeGreaterThan(0.01);

      await narration.getByTestId("narration-pause").click();
      await expect(status).toHaveAttribute("data-status", "paused");
      const pausedAt = (await audioState(page)).currentTime;
      await page.waitForTimeout(400);
      expect((await audioState(page)).paused).toBe(true);
      expect((await audioState(page)).currentTime).toBe(pausedAt);
      await narration.getByTestId("narration-play").click();
      await expect(status).toHaveAttribute("data-status", "playing");
      await expect.poll(async () => (await audioState(page)).currentTime).toBeGreaterThan(pausedAt);
      await narration.getByTestId("narration-stop").click();
      await expect(status).toHaveAttribute("data-status", "idle");
      expect(await audioState(page)).toMatchObject({ paused: true, currentTime: 0 });
      // The browser's own voice was never used.
      expect(await page.evaluate(() => (window as unknown as { __speech: SpeechRecord }).__speech.spoken)).toEqual([]);
    });

    test("the script reads cleanly against the cards it introduces", async ({ page }) => {
      await page.goto("/");
      await ask(page, "something funny but not stupid, under 90 minutes, no romance");
      const answer = page.getByTestId("answer").first();
      await expect(answer.getByTestId("recommendation-card").first()).toBeVisible();
      const narration = answer.getByTestId("narration");
      await narration.getByTestId("narration-script-toggle").click();
      const script = await narration.getByTestId("narration-text").innerText();
      const titles = (await answer.getByTestId("card-title").allInnerTexts()).map((title) => title.replace(/^\d+\.\s*/, ""));
      expect(titles.length).toBeGreaterThan(2);
      // The first pick is introduced by name; nothing the issue heard is left.
      expect(script).toContain(titles[0]);
      expect(findScriptProblems(script, titles)).toEqual([]);
      expect(script).not.toMatch(/picked because|here's why:/i);
    });
  });
}
