import { APICallError, generateText, NoObjectGeneratedError, Output, RetryError, type ModelMessage } from "ai";
import type { z } from "zod";
import type { LanguageModelHandle } from "./provider-registry";

/** Why an LLM call produced nothing usable; the caller falls back and says so. */
export type LlmFailureKind = "timeout" | "rate-limited" | "http-error" | "invalid-json" | "schema-violation" | "network" | "aborted" | "unknown";

export interface LlmFailure {
  kind: LlmFailureKind;
  /** Short and safe to show in a response ("LLM timed out after 4000 ms"); no secrets, no bodies. */
  message: string;
  /** HTTP status, when the server answered with one. */
  status?: number;
  /** Seconds the server asked to wait (429 Retry-After). */
  retryAfterSeconds?: number;
}

export type StructuredResult<T> = { ok: true; value: T; latencyMs: number; inputTokens: number | undefined; outputTokens: number | undefined } | { ok: false; failure: LlmFailure; latencyMs: number };

export interface GenerateStructuredOptions<T> {
  handle: LanguageModelHandle;
  schema: z.ZodType<T>;
  /** Name and description sent with the JSON schema (response_format.json_schema.name). */
  schemaName: string;
  schemaDescription?: string;
  system: string;
  messages: ModelMessage[];
  abortSignal?: AbortSignal;
  maxOutputTokens?: number;
  /** Default 0: the same request should give the same constraints. */
  temperature?: number;
  /**
   * OpenAI strict structured outputs (default false). Strict mode rejects, with HTTP 400, any
   * schema with optional fields or defaults, and zod schemas often have them; the answer is
   * validated against `schema` either way.
   */
  strictJsonSchema?: boolean;
  /** Monotonic milliseconds (default performance.now). */
  now?: () => number;
}

class DeadlineError extends Error {
  constructor(readonly milliseconds: number) {
    super(`deadline of ${milliseconds} ms passed`);
  }
}

function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  return key ? headers[key] : undefined;
}

/** Maps whatever the AI SDK or the network threw onto a failure kind. */
export function classifyLlmError(error: unknown, timeoutMs: number): LlmFailure {
  let current: unknown = error;
  if (RetryError.isInstance(current)) current = current.lastError;
  if (current instanceof DeadlineError) return { kind: "timeout", message: `LLM timed out after ${timeoutMs} ms` };
  if (current instanceof Error && (current.name === "TimeoutError" || (current.name === "AbortError" && /timeout|timed out/i.test(current.message)))) {
    return { kind: "timeout", message: `LLM timed out after ${timeoutMs} ms` };
  }
  if (current instanceof Error && current.name === "AbortError") return { kind: "aborted", message: "LLM call was cancelled by the caller" };
  if (NoObjectGeneratedError.isInstance(current)) {
    const cause = current.cause as { name?: string } | undefined;
    const schemaProblem = cause?.name === "AI_TypeValidationError";
    const truncated = current.finishReason === "length";
    return {
      kind: schemaProblem ? "schema-violation" : "invalid-json",
      message: schemaProblem ? "LLM answer did not match the constraint schema" : truncated ? "LLM answer was cut off before the JSON was complete" : "LLM answer was not valid JSON",
    };
  }
  if (APICallError.isInstance(current)) {
    const status = current.statusCode;
    if (status === 429) {
      const retryAfter = Number(headerValue(current.responseHeaders, "retry-after"));
      return {
        kind: "rate-limited",
        status,
        message: `LLM provider is rate limiting${Number.isFinite(retryAfter) ? ` (retry after ${retryAfter} s)` : ""}`,
        ...(Number.isFinite(retryAfter) ? { retryAfterSeconds: retryAfter } : {}),
      };
    }
    // A 2xx that still failed: the body could not be parsed as a chat completion.
    if (status !== undefined && status >= 200 && status < 300) return { kind: "invalid-json", status, message: "LLM provider sent a response that is not valid JSON" };
    if (status !== undefined) return { kind: "http-error", status, message: `LLM provider answered HTTP ${status}` };
    // No status: the request never got an answer (refused, reset, DNS) or the body was unreadable.
    const invalidBody = /json|parse/i.test(current.message);
    return invalidBody ? { kind: "invalid-json", message: "LLM provider sent a response that is not valid JSON" } : { kind: "network", message: "LLM provider could not be reached" };
  }
  const name = (current as { name?: string } | undefined)?.name ?? "";
  if (name === "AI_JSONParseError" || name === "AI_InvalidResponseDataError") return { kind: "invalid-json", message: "LLM provider sent a response that is not valid JSON" };
  if (name === "AI_TypeValidationError") return { kind: "schema-violation", message: "LLM answer did not match the constraint schema" };
  return { kind: "unknown", message: "LLM call failed" };
}

/**
 * One structured-output call (AI SDK 6: generateText with Output.object), validated against
 * `schema`, with no retries and a hard deadline of `handle.timeoutMs`: on the reasoning path a
 * late answer is as useless as none, and the offline reasoner is always there to fall back to.
 * Never throws for model or transport faults; returns a typed failure instead.
 */
export async function generateStructured<T>(options: GenerateStructuredOptions<T>): Promise<StructuredResult<T>> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const { timeoutMs } = options.handle;
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let forwardAbort = () => {};
  // Racing the deadline and the caller's abort also covers models that ignore abort signals
  // (mocks, some custom providers) or have not started listening yet.
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort(new DeadlineError(timeoutMs));
      reject(new DeadlineError(timeoutMs));
    }, timeoutMs);
    forwardAbort = () => {
      const reason = Object.assign(new Error("The LLM call was cancelled by the caller"), { name: "AbortError" });
      controller.abort(reason);
      reject(reason);
    };
    if (options.abortSignal?.aborted) forwardAbort();
    else options.abortSignal?.addEventListener("abort", forwardAbort, { once: true });
  });
  try {
    const result = await Promise.race([
      generateText({
        model: options.handle.model,
        output: Output.object({ schema: options.schema, name: options.schemaName, description: options.schemaDescription }),
        system: options.system,
        messages: options.messages,
        maxRetries: 0,
        abortSignal: controller.signal,
        temperature: options.temperature ?? 0,
        maxOutputTokens: options.maxOutputTokens,
        providerOptions: { openai: { strictJsonSchema: options.strictJsonSchema ?? false } },
      }),
      deadline,
    ]);
    return { ok: true, value: result.output as T, latencyMs: now() - started, inputTokens: result.usage.inputTokens, outputTokens: result.usage.outputTokens };
  } catch (error) {
    // Once aborted, the abort's reason is the truth (the SDK may surface it as a generic error).
    const cause = controller.signal.aborted ? controller.signal.reason : error;
    return { ok: false, failure: classifyLlmError(cause, timeoutMs), latencyMs: now() - started };
  } finally {
    clearTimeout(timer);
    options.abortSignal?.removeEventListener("abort", forwardAbort);
  }
}
