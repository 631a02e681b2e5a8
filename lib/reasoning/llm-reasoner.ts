import type { z } from "zod";
import { DATA_NOT_INSTRUCTIONS, dataMessage, generateStructured, untrustedText, type LanguageModelHandle, type LlmFailure } from "../ai";

/** What the session remembers, passed to the model as data. */
export interface LlmReasonerSession<C> {
  /** Constraints in force after the previous turn; null on the first turn. */
  previousConstraints: C | null;
  /** Titles the person liked and disliked in this session, most recent first. */
  liked: readonly string[];
  disliked: readonly string[];
  /** The person's earlier messages, oldest first (the last few are enough). */
  previousRequests?: readonly string[];
}

export interface LlmReasonerInput<C> {
  handle: LanguageModelHandle;
  /** The constraint schema shared with the offline reasoner (lib/reasoning/constraints.ts). */
  schema: z.ZodType<C>;
  /** The person's words, as typed (treated as data). */
  request: string;
  session: LlmReasonerSession<C>;
  /** For "recent", "last ten years": passed in because the core reads no clock. */
  currentYear: number;
  /** The catalog's canonical genre names, so the model uses them verbatim. */
  genres: readonly string[];
  abortSignal?: AbortSignal;
  /** Monotonic milliseconds (default performance.now). */
  now?: () => number;
}

export type LlmReasonerOutcome<C> =
  | { ok: true; reasoner: "llm"; constraints: C; modelId: string; latencyMs: number; inputTokens: number | undefined; outputTokens: number | undefined }
  | {
      ok: false;
      reasoner: "llm";
      failure: LlmFailure;
      /** For the response: why the offline reasoner answered instead. */
      fallbackReason: string;
      latencyMs: number;
    };

const SYSTEM = [
  "You turn a person's request for films into structured search constraints for a movie recommender, answering with JSON that matches the given schema.",
  DATA_NOT_INSTRUCTIONS,
  'Mark as hard only what the person states as a requirement or an exclusion ("made in the 90s", "under 90 minutes", "no romance", "not horror"); moods, vibes and "feels like X" are soft.',
  'For a reference ("like X but Y"), keep X as a reference title exactly as written and Y as its modifier. Never invent titles, people or constraints the request does not support.',
  'Comparatives about what a film contains ("less violent", "darker", "lighter", "gentler", "not too scary"), alone or as a reference\'s modifier, go in directions, never in mood, keywords or exclusions.',
  'session.previousConstraints are the constraints of the conversation so far: when the request is a follow-up ("older", "no horror", "something shorter", "more like the second one", "not that one"), start from them and change only what the request changes; when it is a new request, start fresh.',
  'Use genre names exactly as listed in genres, and currentYear for relative dates ("recent", "last ten years"). Use liked and disliked titles only as taste signals.',
].join("\n");

/** The sentence a response shows when the LLM failed and the offline reasoner answered. */
export function fallbackReason(failure: LlmFailure): string {
  return `${failure.message}; the offline reasoner answered instead`;
}

/** The reasoner's prompt exactly as sent: the system text and the JSON data message. */
export function reasonerPrompt<C>(input: Omit<LlmReasonerInput<C>, "handle" | "schema" | "abortSignal" | "now">): { system: string; content: string } {
  const data = {
    request: untrustedText(input.request, 500),
    currentYear: input.currentYear,
    genres: input.genres,
    session: {
      previousConstraints: input.session.previousConstraints,
      liked: input.session.liked.slice(0, 10).map((title) => untrustedText(title, 120)),
      disliked: input.session.disliked.slice(0, 10).map((title) => untrustedText(title, 120)),
      previousRequests: (input.session.previousRequests ?? []).slice(-4).map((text) => untrustedText(text, 300)),
    },
  };
  return { system: SYSTEM, content: dataMessage(data) };
}

/**
 * The LLM reasoner: request + session → constraints, through the AI SDK with structured output
 * validated against the shared constraint schema, one attempt within `handle.timeoutMs`. User and
 * session text travel as a JSON data document, never as instructions. On any fault (timeout,
 * HTTP 4xx/5xx, rate limit, invalid or partial JSON, schema violation) it returns a typed
 * failure with a reason string, and the caller runs the offline reasoner.
 */
export async function reasonWithLlm<C>(input: LlmReasonerInput<C>): Promise<LlmReasonerOutcome<C>> {
  const prompt = reasonerPrompt(input);
  const result = await generateStructured({
    handle: input.handle,
    schema: input.schema,
    schemaName: "constraints",
    schemaDescription: "Search constraints for a film request",
    system: prompt.system,
    messages: [{ role: "user", content: prompt.content }],
    abortSignal: input.abortSignal,
    now: input.now,
  });
  if (!result.ok) return { ok: false, reasoner: "llm", failure: result.failure, fallbackReason: fallbackReason(result.failure), latencyMs: result.latencyMs };
  return { ok: true, reasoner: "llm", constraints: result.value, modelId: input.handle.modelId, latencyMs: result.latencyMs, inputTokens: result.inputTokens, outputTokens: result.outputTokens };
}
