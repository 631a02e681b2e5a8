import { streamText } from "ai";
import type { LanguageModelHandle } from "./provider-registry";
import { classifyLlmError, type LlmFailure } from "./structured-generation";

/** What a plain-text stream yields: text as it arrives, then one end event. */
export type PlainTextEvent =
  | { kind: "text"; text: string }
  | {
      kind: "end";
      /** Null when the model finished on its own; else why it stopped (timeout, HTTP error, cancelled…). */
      failure: LlmFailure | null;
      /** As the provider reported them; undefined when it did not say (or never answered). */
      inputTokens: number | undefined;
      outputTokens: number | undefined;
      latencyMs: number;
    };

export interface PlainTextStreamOptions {
  handle: LanguageModelHandle;
  system: string;
  /** The user message (untrusted data belongs in it as JSON: lib/ai/untrusted-data.ts). */
  content: string;
  abortSignal?: AbortSignal;
  maxOutputTokens?: number;
  temperature?: number;
  /** Monotonic milliseconds (default performance.now). */
  now?: () => number;
}

const TIMEOUT = () => Object.assign(new Error("deadline passed"), { name: "TimeoutError" });

/**
 * One streamed plain-text call (AI SDK 6 `streamText`), with no retries and one deadline for the
 * whole answer (`handle.timeoutMs`): yields the text deltas as they arrive and ends with an "end"
 * event carrying the token usage and, when it stopped early, the failure. Never throws for model
 * or transport faults; a consumer that stops reading cancels the call.
 */
export async function* streamPlainText(options: PlainTextStreamOptions): AsyncGenerator<PlainTextEvent, void, undefined> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const { timeoutMs } = options.handle;
  const controller = new AbortController();
  let stop: (reason: Error) => void = () => {};
  // Racing every read against the deadline and the caller's abort also covers models that ignore
  // abort signals (mocks, some custom providers).
  const stopped = new Promise<never>((_, reject) => {
    stop = (reason) => {
      controller.abort(reason);
      reject(reason);
    };
  });
  stopped.catch(() => {});
  const timer = setTimeout(() => stop(TIMEOUT()), timeoutMs);
  const forwardAbort = () => stop(Object.assign(new Error("The LLM call was cancelled by the caller"), { name: "AbortError" }));
  if (options.abortSignal?.aborted) forwardAbort();
  else options.abortSignal?.addEventListener("abort", forwardAbort, { once: true });

  let failure: LlmFailure | null = null;
  let inputTokens: number | undefined;
  let outputTokens: number | undefined;
  let finished = false;
  try {
    const result = streamText({
      model: options.handle.model,
      system: options.system,
      prompt: options.content,
      maxRetries: 0,
      abortSignal: controller.signal,
      temperature: options.temperature ?? 0.7,
      maxOutputTokens: options.maxOutputTokens,
    });
    const parts = result.fullStream[Symbol.asyncIterator]();
    for (;;) {
      const next = await Promise.race([parts.next(), stopped]);
      if (next.done) break;
      const part = next.value;
      if (part.type === "text-delta") {
        if (part.text) yield { kind: "text", text: part.text };
      } else if (part.type === "error") {
        failure = classifyLlmError(part.error, timeoutMs);
        break;
      } else if (part.type === "abort") {
        failure = classifyLlmError(controller.signal.reason ?? TIMEOUT(), timeoutMs);
        break;
      } else if (part.type === "finish") {
        inputTokens = part.totalUsage.inputTokens;
        outputTokens = part.totalUsage.outputTokens;
      }
    }
    finished = true;
  } catch (error) {
    // Once aborted, the abort's reason is the truth (the SDK may surface it as a generic error).
    failure = classifyLlmError(controller.signal.aborted ? controller.signal.reason : error, timeoutMs);
    finished = true;
  } finally {
    clearTimeout(timer);
    options.abortSignal?.removeEventListener("abort", forwardAbort);
    // The consumer stopped reading: cancel the call rather than let it run on.
    if (!finished) controller.abort(Object.assign(new Error("The reader stopped"), { name: "AbortError" }));
  }
  yield { kind: "end", failure, inputTokens, outputTokens, latencyMs: now() - started };
}
