import { summarise, type LatencySummary } from "./latency-stats";

export interface ChatFirstCardOptions {
  /** Extra body fields for every request (e.g. `{ route: "reasoning" }`). */
  body?: Record<string, unknown>;
}

/**
 * Time from sending a chat message to the first `data-recommendations` part in the /api/chat
 * stream, in milliseconds, one request at a time over loopback. The rest of the stream (text,
 * narration) is cancelled. Null when the server has no /api/chat.
 */
export async function chatTimeToFirstCard(baseUrl: string, queries: readonly string[], options: ChatFirstCardOptions = {}): Promise<LatencySummary | null> {
  const samples: number[] = [];
  for (const [index, query] of queries.entries()) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ id: `bench-${index}`, messages: [{ id: `m${index}`, role: "user", parts: [{ type: "text", text: query }] }], ...options.body }),
    });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`/api/chat answered HTTP ${response.status} for "${query}": ${await response.text()}`);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (text.includes('"data-recommendations"')) {
        samples.push(performance.now() - started);
        break;
      }
    }
    await reader.cancel().catch(() => {});
  }
  return summarise(samples);
}

/**
 * On the reasoning path with an LLM: time to the first cards (the fast preview) and to the final
 * cards (after the LLM), one request at a time, reading each stream to its final
 * `data-recommendations` part.
 */
export async function chatPreviewAndFinal(baseUrl: string, queries: readonly string[]): Promise<{ firstCard: LatencySummary; finalCards: LatencySummary; previews: number }> {
  const first: number[] = [];
  const final: number[] = [];
  let previews = 0;
  for (const [index, query] of queries.entries()) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ id: `bench-llm-${index}`, messages: [{ id: `m${index}`, role: "user", parts: [{ type: "text", text: query }] }], route: "reasoning" }),
    });
    if (!response.ok) throw new Error(`/api/chat answered HTTP ${response.status} for "${query}": ${await response.text()}`);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    let sawFirst = false;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (!sawFirst && text.includes('"data-recommendations"')) {
        sawFirst = true;
        first.push(performance.now() - started);
      }
      if (text.includes('"stage":"final"')) {
        final.push(performance.now() - started);
        if (text.includes('"stage":"preview"')) previews += 1;
        break;
      }
    }
    await reader.cancel().catch(() => {});
  }
  return { firstCard: summarise(first), finalCards: summarise(final), previews };
}
