import type { Page, Response } from "@playwright/test";

/** One parsed chunk of a UI message stream (SSE `data:` line). */
export type StreamChunk = { type: string; id?: string; data?: Record<string, unknown>; errorText?: string; delta?: string };

/** Parses an SSE UI message stream body into its chunks (the [DONE] marker dropped). */
export function parseStream(body: string): StreamChunk[] {
  return body
    .split("\n")
    .filter((line) => line.startsWith("data: ") && line !== "data: [DONE]")
    .map((line) => JSON.parse(line.slice(6)) as StreamChunk);
}

/** The last data part of `type` in a stream ("data-route-decision", …). */
export function lastData<T = Record<string, unknown>>(chunks: StreamChunk[], type: string): T | undefined {
  return chunks.filter((chunk) => chunk.type === type).at(-1)?.data as T | undefined;
}

/** A UI message stream body as the server writes it, for canned responses. */
export function streamBody(chunks: StreamChunk[]): string {
  return `${[{ type: "start" }, ...chunks, { type: "finish" }].map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join("")}data: [DONE]\n\n`;
}

export const STREAM_HEADERS = { "content-type": "text/event-stream", "x-vercel-ai-ui-message-stream": "v1", "cache-control": "no-cache" };

/** Types `text` into the composer, sends it, and resolves with the finished /api/chat response. */
export async function ask(page: Page, text: string): Promise<Response> {
  const response = page.waitForResponse((candidate) => candidate.url().endsWith("/api/chat") && candidate.request().method() === "POST");
  await page.getByTestId("query-input").fill(text);
  await page.getByTestId("send-button").click();
  return response;
}

/**
 * Rewrites the impression id of every /api/chat answer to `impressionId`, e.g. an id the store
 * never saw, to exercise the card's handling of a refused feedback POST.
 */
export async function withImpressionIds(page: Page, impressionId: string): Promise<void> {
  await page.route("**/api/chat", async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    await route.fulfill({ response, body: body.replace(/"impressionId":(?:null|"[^"]*")/g, `"impressionId":"${impressionId}"`) });
  });
}

/**
 * Replaces speechSynthesis (headless Chromium has no voices) with a recorder; `voices: false`
 * simulates a browser without any voice.
 */
export async function stubSpeechSynthesis(page: Page, { voices = true }: { voices?: boolean } = {}): Promise<void> {
  await page.addInitScript((withVoices: boolean) => {
    const record = { spoken: [] as string[], paused: 0, resumed: 0, cancelled: 0 };
    const list = withVoices ? [{ name: "Stub voice", lang: "en-US", default: true, localService: true, voiceURI: "stub" }] : [];
    class StubUtterance {
      voice: unknown = null;
      lang = "";
      onend: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(readonly text: string) {}
    }
    const synthesis = {
      speaking: false,
      getVoices: () => list,
      speak(utterance: StubUtterance) {
        record.spoken.push(utterance.text);
        this.speaking = true;
      },
      pause: () => void (record.paused += 1),
      resume: () => void (record.resumed += 1),
      cancel: () => void (record.cancelled += 1),
      addEventListener: () => {},
      removeEventListener: () => {},
    };
    Object.defineProperty(window, "speechSynthesis", { value: synthesis, configurable: true });
    Object.defineProperty(window, "SpeechSynthesisUtterance", { value: StubUtterance, configurable: true });
    Object.defineProperty(window, "__speech", { value: record, configurable: true });
  }, voices);
}

export type SpeechRecord = { spoken: string[]; paused: number; resumed: number; cancelled: number };
